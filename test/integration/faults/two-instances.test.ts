import mongoose from 'mongoose';
import { ApplicationModel } from '../../../src/applications/application.model';
import { DossierEventModel } from '../../../src/applications/dossier-event.model';
import { DEADLINE_JOB } from '../../../src/applications/outbox-dispatch';
import { scheduleJob } from '../../../src/jobs';
import { JobClaimModel } from '../../../src/jobs/job-claim.model';
import { JobCompletionModel } from '../../../src/jobs/job-completion.model';
import { createOrganization } from '../../support/actors';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { useTestDatabase } from '../../support/test-database';
import { call, productionServerEnv, userWithToken } from './fault-kit';
import { eventually, startServerProcess, type ServerProcess } from './server-process';

const DOSSIERS = 4;
const RACERS_PER_DOSSIER = 30;
const JOBS = 30;

/**
 * Two app processes on one database, as behind a load balancer: events on the same dossiers arrive through
 * both at once, and both schedulers poll the same jobs. The unique-key insert must decide every race.
 */
describe('fault: two app instances on one database', () => {
  const database = useTestDatabase();
  const servers: ServerProcess[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.kill('SIGTERM')));
  });

  it('when events race through both instances and both schedulers poll, then each sequence has one winner, the hash chains have no gap, and each job runs once', async () => {
    const env = productionServerEnv(database().connection.name);
    servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
    const [a, b] = servers.map((server) => server.url) as [string, string];
    const business = await userWithToken(a, 'business', await createOrganization());
    const officer = await userWithToken(b, 'officer');

    // Dossiers in inspection, where SCHEDULE_INSPECTION is always valid: every racer's event could win.
    const ids: string[] = [];
    for (let i = 0; i < DOSSIERS; i++) {
      const created = await call(a, business.token, 'POST', '/api/v1/applications', { type: 'epr', title: `Hai máy ${i}`, data: EPR_DATA });
      const id = String(created.json.id);
      await attachDocuments(id, eprRequiredDocuments(), business.id);
      expect((await call(b, business.token, 'POST', `/api/v1/applications/${id}/events`, { type: 'SUBMIT', declaration: true })).status).toBe(201);
      expect((await call(a, officer.token, 'POST', `/api/v1/applications/${id}/events`, { type: 'ACCEPT' })).status).toBe(201);
      ids.push(id);
    }

    const races = ids.flatMap((id) =>
      Array.from({ length: RACERS_PER_DOSSIER }, async (_, i) => {
        const scheduledFor = `2026-12-${String((i % 28) + 1).padStart(2, '0')}`;
        const res = await call(i % 2 ? a : b, officer.token, 'POST', `/api/v1/applications/${id}/events`, { type: 'SCHEDULE_INSPECTION', scheduledFor });
        return { id, status: res.status, sequence: res.json.sequence as number | undefined };
      }),
    );
    const jobKeys = Array.from({ length: JOBS }, (_, i) => `two-instances:${database().connection.name}:${i}`);
    // Stale deadline jobs (their due date is not the dossier's): each run reads the dossier and ends.
    await Promise.all(
      jobKeys.map((key, i) => scheduleJob({ key, name: DEADLINE_JOB, dueAt: new Date(), payload: { dossierId: ids[i % DOSSIERS]!, dueAt: '2000-01-01T00:00:00.000Z', kind: 'warning' } })),
    );
    const outcomes = await Promise.all(races);

    let duplicateWinners = 0;
    let chainBreaks = 0;
    let lagging = 0;
    for (const id of ids) {
      const winners = outcomes.filter((o) => o.id === id && o.status === 201).map((o) => o.sequence);
      duplicateWinners += winners.length - new Set(winners).size;
      const log = await DossierEventModel.find({ dossierId: id }, { sequence: 1, prevHash: 1, hash: 1 }).sort({ sequence: 1 }).lean();
      log.forEach((entry, i) => {
        if (entry.sequence !== i + 1 || (i > 0 && entry.prevHash !== log[i - 1]!.hash)) chainBreaks++;
      });
      expect(log.length).toBe(2 + winners.length);
      const cache = await ApplicationModel.findById(id, { sequence: 1 }).lean();
      if (cache?.sequence !== log.length) lagging++;
    }

    await eventually(async () => (await JobCompletionModel.countDocuments({ _id: mongoose.trusted({ $in: jobKeys }) })) === JOBS, 20_000, 250);
    const claims = await JobClaimModel.find({ jobKey: mongoose.trusted({ $in: jobKeys }) }).lean();
    const completions = await JobCompletionModel.find({ _id: mongoose.trusted({ $in: jobKeys }) }).lean();
    const byInstance = new Map<string, number>();
    for (const claim of claims) byInstance.set(claim.instanceId, (byInstance.get(claim.instanceId) ?? 0) + 1);

    const count = (status: number) => outcomes.filter((o) => o.status === status).length;
    console.log(
      `two instances: ${outcomes.length} racing events → ${count(201)} won, ${count(409)} answered 409, ${outcomes.length - count(201) - count(409)} other ${JSON.stringify(outcomes.filter((o) => o.status !== 201 && o.status !== 409).map((o) => o.status))}; ` +
        `duplicate winners ${duplicateWinners}, chain gaps ${chainBreaks}, caches behind ${lagging}; ${JOBS} jobs → ${claims.length} claims ` +
        `(${[...byInstance.values()].join(' + ')} by instance), ${completions.filter((c) => c.outcome === 'done').length} done`,
    );

    expect(count(201) + count(409)).toBe(outcomes.length);
    expect(count(201)).toBeGreaterThanOrEqual(DOSSIERS);
    expect({ duplicateWinners, chainBreaks, lagging }).toEqual({ duplicateWinners: 0, chainBreaks: 0, lagging: 0 });
    expect(claims).toHaveLength(JOBS);
    expect(claims.every((claim) => claim.attempt === 1)).toBe(true);
    expect(completions.every((c) => c.outcome === 'done')).toBe(true);
  }, 55_000);
});
