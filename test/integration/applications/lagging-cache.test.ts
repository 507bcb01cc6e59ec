import request from 'supertest';
import { ApplicationModel } from '../../../src/applications/application.model';
import { markPendingSync, repairPendingSyncs } from '../../../src/applications/dossier-cache';
import { dossierEventId } from '../../../src/applications/dossier-event.model';
import { assignDossier } from '../../../src/applications/dossier-changes';
import type { Actor } from '../../../src/auth';
import { minimalPdf } from '../../fixtures/uploads/sample-files';
import { attachDocuments, eprRequiredDocuments } from '../../support/dossiers';
import { createEprDraft, upload, useDocumentWorld } from '../documents/document-test-kit';
import { useTestDatabase } from '../../support/test-database';

/**
 * A crash between a log insert and its cache write leaves the dossier document behind its log. Every check
 * must read the log head, and the repair that runs before the app reports ready must catch the cache up.
 */
describe('a dossier cache behind its log', () => {
  const database = useTestDatabase();
  const world = useDocumentWorld(database);

  async function withdrawnButCachedAsDraft(): Promise<string> {
    const id = await createEprDraft(world);
    const draft = await ApplicationModel.findById(id).lean();
    const withdraw = await request(world.app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${world.business.token}`).send({ type: 'WITHDRAW' });
    expect(withdraw.status).toBe(201);
    // The crash: the log says withdrawn (sequence 1), the cache still shows the draft, and the marker stays.
    await markPendingSync(id, dossierEventId(id, 1));
    await ApplicationModel.updateOne({ _id: id }, { $set: { sequence: 0, state: 'draft', snapshot: draft!.snapshot, lastHash: draft!.lastHash } });
    return id;
  }

  it('when the log says withdrawn but the cache says draft, then an edit and an upload are refused with 409', async () => {
    const id = await withdrawnButCachedAsDraft();
    const patch = await request(world.app).patch(`/api/v1/applications/${id}`).set('Authorization', `Bearer ${world.business.token}`).send({ title: 'Sửa sau khi rút' });
    expect(patch.status).toBe(409);
    expect(patch.headers['content-type']).toMatch(/application\/problem\+json/);

    const id2 = await withdrawnButCachedAsDraft();
    const uploaded = await upload(world, world.business, id2, 'recycling_plan', [{ name: 'ke-hoach.pdf', bytes: minimalPdf() }]);
    expect(uploaded.status).toBe(409);
    expect(uploaded.body.reason).toBe('dossier_not_editable');
  });

  it('when the cache lags and a pending-sync marker is left, then the repair catches the cache up from the marker alone', async () => {
    const id = await withdrawnButCachedAsDraft();
    expect(await repairPendingSyncs()).toBeGreaterThanOrEqual(1);
    expect(await ApplicationModel.findById(id).lean()).toMatchObject({ sequence: 1, state: 'withdrawn' });
    // Nothing left to repair: a second run finds the cache already holding its log head.
    expect(await repairPendingSyncs()).toBe(0);
  });

  it('when an officer assigns a dossier, then the assignment is a log entry the cache shows, and a closed dossier cannot be assigned', async () => {
    const id = await createEprDraft(world);
    await attachDocuments(id, eprRequiredDocuments(), world.business.id);
    const send = (type: string) => request(world.app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${world.business.token}`).send({ type, ...(type === 'SUBMIT' ? { declaration: true } : {}) });
    expect((await send('SUBMIT')).status).toBe(201);
    const officer: Actor = { kind: 'user', userId: world.officer.id, role: 'officer', name: 'Cán bộ' };

    await assignDossier(officer, id, world.officer.id, new Date());
    await assignDossier(officer, id, world.officer.id, new Date()); // the same officer again writes nothing
    const history = await request(world.app).get(`/api/v1/applications/${id}/history`).set('Authorization', `Bearer ${world.officer.token}`);
    expect(history.body.chain).toMatchObject({ intact: true, length: 2 });
    expect(history.body.entries[1].event).toMatchObject({ type: 'ASSIGN', assigneeId: world.officer.id });
    expect(String((await ApplicationModel.findById(id).lean())!.assigneeId)).toBe(world.officer.id);

    expect((await send('WITHDRAW')).status).toBe(201);
    await expect(assignDossier(officer, id, undefined, new Date())).rejects.toMatchObject({ code: 'conflict' });
  });
});
