import request from 'supertest';
import { applyWorkflowEvent, initialSnapshot } from '../../../workflows/evaluate';
import { ApplicationModel } from '../../../src/applications/application.model';
import { DossierEventModel } from '../../../src/applications/dossier-event.model';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

const RACERS = 200;

describe('concurrent events on one dossier', () => {
  const database = useTestDatabase();

  it(`when ${RACERS} events race at one dossier over HTTP, then each sequence number has one winner, the log has no gap or duplicate, and the cache equals the replayed log`, async () => {
    const app = buildTestApp(database());
    const business: TestUser = await createUser(app, 'business', await createOrganization());
    const officer: TestUser = await createUser(app, 'officer');
    const created = await request(app)
      .post('/api/v1/applications')
      .set('Authorization', `Bearer ${business.token}`)
      .send({ type: 'epr', title: 'Hồ sơ đua', data: EPR_DATA });
    const id = created.body.id as string;
    await attachDocuments(id, eprRequiredDocuments(), business.id);
    const send = (user: TestUser, body: object) =>
      request(app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${user.token}`).send(body);
    expect((await send(business, { type: 'SUBMIT', declaration: true })).status).toBe(201);
    expect((await send(officer, { type: 'ACCEPT' })).status).toBe(201);

    // In inspection, SCHEDULE_INSPECTION reschedules, so every racer's event is valid on its own.
    const responses = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => send(officer, { type: 'SCHEDULE_INSPECTION', scheduledFor: `2026-12-${String((i % 28) + 1).padStart(2, '0')}` })),
    );
    expect(responses.filter((r) => r.status !== 201 && r.status !== 409).map((r) => `${r.status} ${JSON.stringify(r.body).slice(0, 200)}`)).toEqual([]);
    const winners = responses.filter((r) => r.status === 201).map((r) => r.body.sequence as number);
    expect(winners.length).toBeGreaterThanOrEqual(1);
    expect(new Set(winners).size).toBe(winners.length);

    const log = await DossierEventModel.find({ dossierId: id }).sort({ sequence: 1 }).lean();
    expect(log.map((e) => e.sequence)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));
    expect(log.length).toBe(2 + winners.length);
    for (let i = 1; i < log.length; i++) expect(log[i]!.prevHash).toBe(log[i - 1]!.hash);

    let snapshot = initialSnapshot('epr', created.body.workflow.version);
    for (const entry of log) {
      const replayed = applyWorkflowEvent('epr', created.body.workflow.version, snapshot, entry.event);
      if (!replayed.accepted) throw new Error(`entry ${entry.sequence} does not replay: ${JSON.stringify(replayed.reasons)}`);
      snapshot = replayed.snapshot;
    }
    const cache = await ApplicationModel.findById(id).lean();
    expect(cache!.sequence).toBe(log.length);
    expect(cache!.snapshot).toEqual(snapshot);
    expect(cache!.state).toBe('inspection');
    expect(cache!.lastHash).toBe(log.at(-1)!.hash);
  });
});
