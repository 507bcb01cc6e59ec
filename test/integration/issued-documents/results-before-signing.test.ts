import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import request from 'supertest';
import { configureDossierDirectory } from '../../../src/applications/read-model/dossier-directory';
import { runOneTimePasses } from '../../../src/db';
import { issuedDocumentOf, issuedDocumentPasses, SIGN_DOCUMENT_JOB, signDocumentJobHandler } from '../../../src/issued-documents';
import { createScheduler, listJobs } from '../../../src/jobs';
import { createLogger } from '../../../src/logging/logger';
import { loadSigningKey } from '../../../src/signing';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

/** An installation upgraded to signed documents: results it gave before get theirs, once. */
describe('results given before signed documents existed', () => {
  const database = useTestDatabase();
  const now = () => new Date('2026-03-12T02:00:00Z');
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  let officer: TestUser;
  let leader: TestUser;

  beforeAll(async () => {
    configureDossierDirectory({ maxStalenessMs: 0 });
    app = buildTestApp(database(), { now });
    business = await createUser(app, 'business', await createOrganization());
    officer = await createUser(app, 'officer');
    leader = await createUser(app, 'leader');
  });

  const decided = async (ending: 'APPROVE' | 'REJECT') => {
    const created = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`).send({ type: 'epr', title: `EPR ${ending}`, data: EPR_DATA });
    const id = created.body.id as string;
    await attachDocuments(id, eprRequiredDocuments(), business.id);
    const events: [TestUser, Record<string, unknown>][] = [
      [business, { type: 'SUBMIT', declaration: true }],
      [officer, { type: 'ACCEPT' }],
      [officer, ending === 'APPROVE' ? { type: 'RECOMMEND', decision: 'approve' } : { type: 'RECOMMEND', decision: 'reject', reasons: ['Thiếu số liệu'] }],
      [leader, ending === 'APPROVE' ? { type: 'APPROVE' } : { type: 'REJECT', reasons: ['Thiếu số liệu'] }],
    ];
    for (const [user, event] of events) expect((await request(app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${user.token}`).send(event)).status).toBe(201);
    return id;
  };

  it('when the installation upgrades, then each certificate and refusal is signed once, and the pass never runs again', async () => {
    // No signing deliverer is registered: these results were given before the feature.
    const approved = await decided('APPROVE');
    const rejected = await decided('REJECT');
    expect(await listJobs({ name: SIGN_DOCUMENT_JOB })).toEqual([]);

    const log = jest.fn();
    await runOneTimePasses(issuedDocumentPasses(now), log);
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ changed: 2 }), expect.any(String));
    await runOneTimePasses(issuedDocumentPasses(now), log);
    expect(log).toHaveBeenCalledTimes(1);

    const key = await loadSigningKey({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'upgrade-key-')), organization: 'Sở Công Thương thành phố Hải Phòng' });
    const scheduler = createScheduler({ handlers: { [SIGN_DOCUMENT_JOB]: signDocumentJobHandler({ key, baseUrl: 'https://xanh.haiphong.gov.vn', now }) }, instanceId: 'upgrade', logger: createLogger('silent'), pollIntervalMs: 50, leaseMs: 60_000, now });
    await scheduler.runDueJobs();
    await scheduler.stop();
    expect(await issuedDocumentOf('certificate', approved)).toMatchObject({ kind: 'certificate', number: expect.stringMatching(/GCN-SCT-EPR$/) });
    expect(await issuedDocumentOf('refusal', rejected)).toMatchObject({ kind: 'refusal', number: expect.stringMatching(/QĐ-SCT$/) });
  });
});
