import request from 'supertest';
import { DEADLINE_JOB, deadlineJobHandler, OPINION_DEADLINE_JOB, opinionDeadlineJobHandler } from '../../../src/applications/outbox-dispatch';
import { evidenceMeetingAll } from '../../../src/seed/demo-history.data';
import { requiredDocuments } from '../../../src/applications/procedures';
import { getWorkflow } from '../../../workflows';
import { DossierEventModel } from '../../../src/applications/dossier-event.model';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { createScheduler } from '../../../src/jobs';
import { createLogger } from '../../../src/logging/logger';
import { createOrganization, createUser } from '../../support/actors';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

/** Two scheduler instances that both believe it is `now`, each polling twice at the same time. */
async function raceTwoSchedulers(handlers: Parameters<typeof createScheduler>[0]['handlers'], now: () => Date): Promise<void> {
  const instances = ['a', 'b'].map((name) => createScheduler({ handlers, instanceId: name, logger: createLogger('silent'), pollIntervalMs: 50, leaseMs: 10_000, now }));
  await Promise.all([instances[0]!.runDueJobs(), instances[1]!.runDueJobs(), instances[0]!.runDueJobs(), instances[1]!.runDueJobs()]);
}

describe('statutory deadlines through the scheduler', () => {
  const database = useTestDatabase();

  it('when a submitted dossier passes its due date, then two scheduler instances send DEADLINE_PASSED exactly once and later decisions need an apology note', async () => {
    const app = buildTestApp(database());
    const business = await createUser(app, 'business', await createOrganization());
    const officer = await createUser(app, 'officer');
    const leader = await createUser(app, 'leader');
    const created = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`).send({ type: 'epr', title: 'Hồ sơ quá hạn', data: EPR_DATA });
    const id = created.body.id as string;
    await attachDocuments(id, eprRequiredDocuments(), business.id);
    const send = (token: string, body: object) => request(app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${token}`).send(body);
    expect((await send(business.token, { type: 'SUBMIT', declaration: true })).status).toBe(201);
    // The time limit runs from the acceptance (Decree 118 versions).
    expect((await send(officer.token, { type: 'ACCEPT' })).status).toBe(201);
    const dueAt = new Date((await request(app).get(`/api/v1/applications/${id}`).set('Authorization', `Bearer ${officer.token}`)).body.deadlines.currentDueAt);

    // Both instances believe it is a day after the due date.
    const later = () => new Date(dueAt.getTime() + 86_400_000);
    await raceTwoSchedulers({ [DEADLINE_JOB]: deadlineJobHandler({ now: later, calendar: DEFAULT_WORKING_CALENDAR }) }, later);

    const systemEvents = await DossierEventModel.find({ dossierId: id, 'actor.kind': 'system' }).lean();
    const types = systemEvents.map((e) => (e.event as { type: string }).type).sort();
    expect(types).toEqual(['DEADLINE_PASSED', 'DEADLINE_WARNING']);

    const dossier = await request(app).get(`/api/v1/applications/${id}`).set('Authorization', `Bearer ${officer.token}`);
    expect(dossier.body.overdue).toBe(true);
    expect((await send(officer.token, { type: 'RECOMMEND', decision: 'approve' })).status).toBe(201);
    const withoutApology = await send(leader.token, { type: 'APPROVE' });
    expect(withoutApology.status).toBe(422);
    expect(withoutApology.body.reasons.map((r: { code: string }) => r.code)).toContain('apology_note_required');
    expect((await send(leader.token, { type: 'APPROVE', apologyNote: 'Xin lỗi vì chậm trễ; hẹn trả kết quả ngày mới.' })).status).toBe(201);
  });
});

describe('consulted agencies that do not answer', () => {
  const database = useTestDatabase();

  it('when one agency misses its opinion deadline, then the scheduler reports it lapsed once (and not the agencies that answered), and the review goes on', async () => {
    const app = buildTestApp(database());
    const business = await createUser(app, 'business', await createOrganization());
    const officer = await createUser(app, 'officer');
    const evidence = evidenceMeetingAll('eco_enterprise');
    const data = { certificateKind: 'eco_enterprise', evidence, transformationPlanSummary: 'Giảm 15 % điện năng', assessmentDate: '2026-06-01' };
    const created = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`).send({ type: 'green_transformation', title: 'Doanh nghiệp sinh thái', data });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await attachDocuments(id, requiredDocuments('green_transformation', { certificateKind: 'eco_enterprise' }), business.id);
    const send = (token: string, body: object) => request(app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${token}`).send(body);
    expect((await send(business.token, { type: 'SUBMIT', declaration: true })).status).toBe(201);
    expect((await send(officer.token, { type: 'ACCEPT' })).status).toBe(201);
    const dueAt = new Date(Date.now() + 5 * 86_400_000);
    expect((await send(officer.token, { type: 'REQUEST_OPINIONS', dueAt: dueAt.toISOString() })).status).toBe(201);
    const [silent, ...answering] = getWorkflow('green_transformation').consultationAgencies;
    for (const agency of answering) expect((await send(officer.token, { type: 'RECORD_OPINION', agency, opinion: 'agree' })).status).toBe(201);

    const later = () => new Date(dueAt.getTime() + 3_600_000);
    await raceTwoSchedulers({ [OPINION_DEADLINE_JOB]: opinionDeadlineJobHandler({ now: later, calendar: DEFAULT_WORKING_CALENDAR }) }, later);

    const lapses = await DossierEventModel.find({ dossierId: id, 'event.type': 'OPINION_OVERDUE' }).lean();
    expect(lapses.map((e) => (e.event as { agency: string }).agency)).toEqual([silent]);
    const dossier = await request(app).get(`/api/v1/applications/${id}`).set('Authorization', `Bearer ${officer.token}`);
    expect(dossier.body.state).toBe('technical_review');
  });
});
