import { trusted } from 'mongoose';
import request from 'supertest';
import { PROCESSING_STATES } from '../../../workflows/workflow-types';
import { ApplicationModel, type ApplicationRecord } from '../../../src/applications/application.model';
import { markPendingSync, repairLaggingCaches, repairPendingSyncs } from '../../../src/applications/dossier-cache';
import { dossierEventId } from '../../../src/applications/dossier-event.model';
import { byUrgency, computeStatistics, dossierStatistics, QUEUE_PAGE_SIZE, workQueue } from '../../../src/applications';
import { DossierDirectory } from '../../../src/applications/read-model/dossier-directory';
import { DossierSummaryModel } from '../../../src/applications/read-model/dossier-summary.model';
import { summaryFromRecord } from '../../../src/applications/read-model/dossier-summary';
import { backfillDossierSummaries, fillSummaryReportFacts } from '../../../src/applications/read-model/summary-backfill';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import type { Actor } from '../../../src/auth';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

/**
 * Lists, queues, lookups and statistics read dossier summaries held in memory (the directory), kept by the
 * cache sync from the log. They must show exactly what the dossier documents (the log's cache) say, on this
 * instance at once and on another one after its next poll, and be rebuildable after a crash or a restore.
 */
describe('the dossier read model', () => {
  const database = useTestDatabase();
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  let officer: TestUser;
  const officerActor = (): Actor => ({ kind: 'user', userId: officer.id, role: 'officer', name: 'Test officer' });

  const create = async (title: string) => {
    const res = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`).send({ type: 'epr', title, data: EPR_DATA });
    expect(res.status).toBe(201);
    await attachDocuments(res.body.id, eprRequiredDocuments(), business.id);
    return res.body.id as string;
  };
  const send = async (user: TestUser, id: string, body: object) => {
    const res = await request(app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${user.token}`).send(body);
    expect([res.status, res.body.detail]).toEqual([201, undefined]);
  };
  const documentsAsSummaries = async (ids: string[]) =>
    Promise.all(ids.map(async (id) => summaryFromRecord((await ApplicationModel.findById(id).lean<ApplicationRecord>())!)));

  beforeAll(async () => {
    app = buildTestApp(database());
    business = await createUser(app, 'business', await createOrganization());
    officer = await createUser(app, 'officer');
  });

  it('when dossiers move through the process, then another instance sees each change after its next poll, as the documents say', async () => {
    const other = new DossierDirectory({ maxStalenessMs: 0 });
    await other.fresh();
    const ids = [await create('Hồ sơ một'), await create('Hồ sơ hai'), await create('Hồ sơ ba')];
    await other.fresh();
    expect(ids.map((id) => other.get(id)?.state)).toEqual(['draft', 'draft', 'draft']);

    await send(business, ids[0]!, { type: 'SUBMIT', declaration: true });
    await send(business, ids[1]!, { type: 'SUBMIT', declaration: true });
    await send(officer, ids[1]!, { type: 'ACCEPT' });
    await send(business, ids[2]!, { type: 'WITHDRAW' });
    await other.fresh();
    const expected = await documentsAsSummaries(ids);
    expect(ids.map((id) => other.get(id))).toEqual(expected);
    expect(other.idOfCode(expected[1]!.code)).toBe(ids[1]);
  });

  it('when a crash left a new dossier without its summary, then the repair that follows the markers writes it', async () => {
    const id = await create('Mất tóm tắt');
    await DossierSummaryModel.deleteOne({ _id: id });
    await markPendingSync(id, dossierEventId(id, 0));
    expect(await repairPendingSyncs()).toBeGreaterThanOrEqual(1);
    expect(await DossierSummaryModel.findById(id).lean()).toEqual((await documentsAsSummaries([id]))[0]);
  });

  it('when summaries are lost (a restore from backup, an installation from before them), then the repair and the bulk backfill make them again from the documents', async () => {
    const ids = [await create('Khôi phục 1'), await create('Khôi phục 2')];
    await send(business, ids[0]!, { type: 'SUBMIT', declaration: true });
    const before = await DossierSummaryModel.find({}).sort({ _id: 1 }).lean();
    await DossierSummaryModel.deleteMany({});
    expect(await repairLaggingCaches()).toBe(before.length);
    expect(await DossierSummaryModel.find({}).sort({ _id: 1 }).lean()).toEqual(before);
    await DossierSummaryModel.deleteMany({ _id: ids[1] });
    expect(await backfillDossierSummaries()).toBe(1);
    expect(await DossierSummaryModel.find({}).sort({ _id: 1 }).lean()).toEqual(before);
    const reloaded = new DossierDirectory({ maxStalenessMs: 0 });
    await reloaded.fresh();
    expect(reloaded.size).toBe(before.length);
  });

  it('when summaries were written before what briefings read was kept, then the one-time pass fills it in from the documents', async () => {
    const id = await create('Số liệu báo cáo');
    await send(business, id, { type: 'SUBMIT', declaration: true });
    const expected = (await documentsAsSummaries([id]))[0]!;
    expect(Object.keys(expected.report ?? {})).toEqual(['eprRecyclingObligationKg', 'eprContributionVnd']);
    expect(await DossierSummaryModel.findById(id).lean()).toEqual(expected);
    await DossierSummaryModel.updateOne({ _id: id }, { $unset: { report: 1 } });
    expect(await fillSummaryReportFacts()).toBe(1);
    expect(await DossierSummaryModel.findById(id).lean()).toEqual(expected);
    expect(await fillSummaryReportFacts()).toBe(0);
  });

  it('when more dossiers are open than a page holds, then the queue lists every one in urgency order across stable pages, and statistics equal those of the documents', async () => {
    const now = new Date();
    const opened: string[] = [];
    for (let i = 0; i < QUEUE_PAGE_SIZE + 5; i++) {
      const id = await create(`Hàng đợi ${i}`);
      await send(business, id, { type: 'SUBMIT', declaration: true });
      if (i % 3 === 0) await send(officer, id, { type: 'ACCEPT' });
      opened.push(id);
    }
    const first = await workQueue(officerActor(), { page: 1 }, now);
    const second = await workQueue(officerActor(), { page: 2 }, now);
    expect(first.items).toHaveLength(QUEUE_PAGE_SIZE);
    const listed = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect(first.total).toBe(listed.length);

    const openDocuments = await ApplicationModel.find({ state: trusted({ $in: PROCESSING_STATES }) }).lean<ApplicationRecord[]>();
    expect(listed).toEqual(openDocuments.sort(byUrgency(now)).map((d) => String(d._id)));
    for (const id of opened) expect(listed).toContain(id);

    const year = now.getFullYear();
    const fromDocuments = computeStatistics(await ApplicationModel.find({}).lean<ApplicationRecord[]>(), year, now, DEFAULT_WORKING_CALENDAR);
    expect(await dossierStatistics(year, now, DEFAULT_WORKING_CALENDAR)).toEqual(fromDocuments);
    // 55 dossiers with their documents and a submission each, through the real paths: slow on a busy machine.
  }, 180_000);
});
