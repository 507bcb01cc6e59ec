import { ApplicationModel } from '../../../src/applications/application.model';
import { DossierEventModel } from '../../../src/applications/dossier-event.model';
import { createOrganization } from '../../support/actors';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { useTestDatabase } from '../../support/test-database';
import { cachesBehindLog, call, productionServerEnv, userWithToken } from './fault-kit';
import { eventually, startServerProcess, timedFetch, type ServerProcess } from './server-process';

const WORKERS = 8;
/** The app is killed once this many writes have been acknowledged, so the kill lands under full load. */
const KILL_AFTER_ACKS = 60;

interface Acknowledged {
  created: string[];
  edits: { id: string; title: string }[];
  submits: string[];
}

/**
 * kill -9 of the app process while many clients create dossiers, edit them (log entries) and submit them
 * (log entries with outbox) over HTTP. After a restart every write that got a 2xx answer must be there, and
 * once /readyz says 200 no dossier cache may be behind its log.
 */
describe('fault: the app process is killed under a write load', () => {
  const database = useTestDatabase();
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill('SIGTERM');
  });

  it('when the app is killed with SIGKILL mid-load and started again, then every acknowledged write is there and no cache is behind its log', async () => {
    const env = productionServerEnv(database().connection.name);
    server = await startServerProcess(env);
    const organizationId = await createOrganization();
    const business = await userWithToken(server.url, 'business', organizationId);
    const documents = eprRequiredDocuments();
    const acked: Acknowledged = { created: [], edits: [], submits: [] };
    const ackCount = () => acked.created.length + acked.edits.length + acked.submits.length;
    let killed = false;

    const worker = async (w: number) => {
      const base = server!.url;
      for (let i = 0; !killed; i++) {
        const created = await call(base, business.token, 'POST', '/api/v1/applications', { type: 'epr', title: `Tải ${w}-${i}`, data: EPR_DATA });
        if (created.status !== 201) continue;
        const id = String(created.json.id);
        acked.created.push(id);
        const title = `Sửa ${w}-${i}`;
        if ((await call(base, business.token, 'PATCH', `/api/v1/applications/${id}`, { title })).status === 200) acked.edits.push({ id, title });
        await attachDocuments(id, documents, business.id);
        if ((await call(base, business.token, 'POST', `/api/v1/applications/${id}/events`, { type: 'SUBMIT', declaration: true })).status === 201) acked.submits.push(id);
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    await eventually(async () => ackCount() >= KILL_AFTER_ACKS, 40_000, 5);
    const killedAt = performance.now();
    await server.kill('SIGKILL');
    killed = true;
    await load;
    const behindAtCrash = (await cachesBehindLog(organizationId)).length;

    server = await startServerProcess(env);
    const restartMs = performance.now() - killedAt;
    await eventually(async () => (await timedFetch(`${server!.url}/readyz`)).status === 200, 10_000);
    const behindWhenReady = await cachesBehindLog(organizationId);

    const lostCreations = (await Promise.all(acked.created.map(async (id) => ((await ApplicationModel.exists({ _id: id })) ? [] : [id])))).flat();
    const lostEdits: string[] = [];
    for (const edit of acked.edits) {
      const log = await DossierEventModel.find({ dossierId: edit.id }).lean();
      if (!log.some((entry) => (entry.after as { title?: string }).title === edit.title)) lostEdits.push(edit.title);
    }
    const lostSubmits: string[] = [];
    for (const id of acked.submits) {
      const log = await DossierEventModel.find({ dossierId: id }, { event: 1 }).lean();
      if (!log.some((entry) => (entry.event as { type?: string }).type === 'SUBMIT')) lostSubmits.push(id);
    }
    const repairedLog = server.logs.find((line) => line.msg?.startsWith('dossier caches caught up'));
    console.log(
      `app kill -9 under ${WORKERS} writers: ${acked.created.length} creations, ${acked.edits.length} edits, ${acked.submits.length} submissions acknowledged; ` +
        `lost ${lostCreations.length + lostEdits.length + lostSubmits.length}; caches behind their log at the crash ${behindAtCrash}, ` +
        `repaired at start ${String(repairedLog?.repairedCaches ?? 0)}, behind once ready ${behindWhenReady.length}; restart to listening ${(restartMs / 1000).toFixed(1)} s`,
    );

    expect(ackCount()).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect({ lostCreations, lostEdits, lostSubmits }).toEqual({ lostCreations: [], lostEdits: [], lostSubmits: [] });
    expect(behindWhenReady).toEqual([]);
  }, 55_000);
});
