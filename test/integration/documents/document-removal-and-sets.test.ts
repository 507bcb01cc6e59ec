import request from 'supertest';
import { AuditEntryModel } from '../../../src/audit/audit.model';
import { DossierDocumentModel } from '../../../src/documents/document.model';
import { minimalDocx, minimalPdf, minimalPng } from '../../fixtures/uploads/sample-files';
import { attachDocuments, eprRequiredDocuments } from '../../support/dossiers';
import { useTestDatabase } from '../../support/test-database';
import { createEprDraft, get, useDocumentWorld, type DocumentWorld } from './document-test-kit';
import type { TestUser } from '../../support/actors';

/** A multipart upload with one file per document, as the applicant's page sends it. */
function uploadSet(world: DocumentWorld, user: TestUser, dossierId: string, files: Record<string, { name: string; bytes: Buffer }>) {
  let req = request(world.app).post(`/api/v1/applications/${dossierId}/documents`).set('Authorization', `Bearer ${user.token}`);
  for (const [code, file] of Object.entries(files)) req = req.attach(`files[${code}]`, file.bytes, file.name);
  return req;
}

const removeVersion = (world: DocumentWorld, user: TestUser, dossierId: string, documentId: string) =>
  request(world.app).delete(`/api/v1/applications/${dossierId}/documents/${documentId}`).set('Authorization', `Bearer ${user.token}`);

const send = (world: DocumentWorld, user: TestUser, dossierId: string, body: object) =>
  request(world.app).post(`/api/v1/applications/${dossierId}/events`).set('Authorization', `Bearer ${user.token}`).send(body);

describe('several documents in one trip, taking a wrong file back, and what the officer sees as new', () => {
  const database = useTestDatabase();
  const world = useDocumentWorld(database);

  it('when files for two documents come in one request, then each becomes version 1 of its own document', async () => {
    const dossierId = await createEprDraft(world);
    const res = await uploadSet(world, world.business, dossierId, { recycling_plan: { name: 'ke-hoach.pdf', bytes: minimalPdf('plan') }, epr_registration_form: { name: 'dang-ky.png', bytes: minimalPng() } }).expect(201);
    expect(res.body.items.map((i: { code: string; version: number }) => [i.code, i.version]).sort()).toEqual([['epr_registration_form', 1], ['recycling_plan', 1]]);
  });

  it('when one file of a set is refused, then nothing of the set is stored and the refusal names the document it was for', async () => {
    const dossierId = await createEprDraft(world);
    const res = await uploadSet(world, world.business, dossierId, { recycling_plan: { name: 'ke-hoach.pdf', bytes: minimalPdf('plan') }, epr_registration_form: { name: 'dang-ky.pdf', bytes: Buffer.from('MZ a program') } });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ reason: 'executable', document: 'epr_registration_form' });
    expect(await DossierDocumentModel.countDocuments({ dossierId })).toBe(0);
  });

  it('when a file field names no document of the procedure, then the upload is refused by name and nothing is stored', async () => {
    const dossierId = await createEprDraft(world);
    const unknown = await uploadSet(world, world.business, dossierId, { not_a_document: { name: 'x.pdf', bytes: minimalPdf() } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.reason).toBe('unknown_code');
    const stray = await request(world.app).post(`/api/v1/applications/${dossierId}/documents`).set('Authorization', `Bearer ${world.business.token}`).attach('other', minimalPdf(), 'x.pdf');
    expect(stray.status).toBe(400);
    expect(stray.body.reason).toBe('unexpected_field');
    expect(await DossierDocumentModel.countDocuments({ dossierId })).toBe(0);
  });

  it('when the applicant removes a wrong file from a draft, then it leaves the lists and the submission check, stays in the record and the audit, and the next upload is version 2', async () => {
    const dossierId = await createEprDraft(world);
    const first = await uploadSet(world, world.business, dossierId, { recycling_plan: { name: 'nham-tep.docx', bytes: minimalDocx() } }).expect(201);
    const wrongId = first.body.items[0].id as string;

    await removeVersion(world, world.otherBusiness, dossierId, wrongId).expect(404);
    await removeVersion(world, world.officer, dossierId, wrongId).expect(403);
    await removeVersion(world, world.business, dossierId, wrongId).expect(204);
    // Removing twice answers the same: the file is gone from the dossier either way.
    await removeVersion(world, world.business, dossierId, wrongId).expect(204);

    const list = await get(world, world.business, `/api/v1/applications/${dossierId}/documents`).expect(200);
    expect(list.body.items).toEqual([]);
    const dossier = await get(world, world.business, `/api/v1/applications/${dossierId}`).expect(200);
    expect(dossier.body.requiredDocumentsMissing).toContain('recycling_plan');
    const kept = await DossierDocumentModel.findById(wrongId).lean();
    expect(kept).toMatchObject({ originalName: 'nham-tep.docx', removedBy: expect.anything() });
    expect(kept?.removedAt).toBeInstanceOf(Date);
    expect(await AuditEntryModel.countDocuments({ action: 'document.removed', 'target.id': wrongId })).toBe(1);

    const again = await uploadSet(world, world.business, dossierId, { recycling_plan: { name: 'dung-tep.pdf', bytes: minimalPdf('right') } }).expect(201);
    expect(again.body.items[0].version).toBe(2);
  });

  it('when the dossier was submitted, then its files cannot be taken back; under supplementation only the new ones can, and the officer sees them marked', async () => {
    const dossierId = await createEprDraft(world);
    await attachDocuments(dossierId, eprRequiredDocuments(), world.business.id);
    await send(world, world.business, dossierId, { type: 'SUBMIT', declaration: true }).expect(201);
    const submitted = await get(world, world.business, `/api/v1/applications/${dossierId}/documents`).expect(200);
    const handedOver = submitted.body.items[0].versions[0];
    expect(handedOver).toMatchObject({ removable: false, supplement: false });
    const refused = await removeVersion(world, world.business, dossierId, handedOver.id);
    expect(refused.status).toBe(409);
    expect(refused.body.reason).toBe('dossier_not_editable');

    await send(world, world.officer, dossierId, { type: 'REQUEST_SUPPLEMENT', reasons: ['Kế hoạch tái chế chưa ký'] }).expect(201);
    await removeVersion(world, world.business, dossierId, handedOver.id).expect(409);
    const answer = await uploadSet(world, world.business, dossierId, { recycling_plan: { name: 'da-ky.pdf', bytes: minimalPdf('signed') } }).expect(201);

    const forApplicant = await get(world, world.business, `/api/v1/applications/${dossierId}/documents`).expect(200);
    const plan = forApplicant.body.items.find((i: { code: string }) => i.code === 'recycling_plan');
    expect(plan.versions.map((v: { version: number; removable: boolean; supplement: boolean }) => [v.version, v.removable, v.supplement])).toEqual([[2, true, true], [1, false, false]]);

    const forOfficer = await get(world, world.officer, `/api/v1/applications/${dossierId}/documents`).expect(200);
    const seen = forOfficer.body.items.find((i: { code: string }) => i.code === 'recycling_plan');
    // Staff never get a take-back button; the supplemented file is marked for them.
    expect(seen.versions.map((v: { removable: boolean; supplement: boolean }) => [v.removable, v.supplement])).toEqual([[false, true], [false, false]]);
    await removeVersion(world, world.business, dossierId, answer.body.items[0].id).expect(204);
  });

  it('when a PDF or an image is previewed, then it comes inline, framed by our pages only, and the preview is audited; other kinds have no preview', async () => {
    const dossierId = await createEprDraft(world);
    const res = await uploadSet(world, world.business, dossierId, { recycling_plan: { name: 'ke-hoach.pdf', bytes: minimalPdf('p') }, epr_registration_form: { name: 'dang-ky.docx', bytes: minimalDocx() } }).expect(201);
    const pdf = res.body.items.find((i: { code: string }) => i.code === 'recycling_plan');
    const docx = res.body.items.find((i: { code: string }) => i.code === 'epr_registration_form');

    const shown = await get(world, world.officer, `/api/v1/documents/${pdf.id}/preview`).expect(200);
    expect(shown.headers['content-type']).toBe('application/pdf');
    expect(shown.headers['content-disposition']).toMatch(/^inline; filename="ke-hoach.pdf"/);
    expect(shown.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(await AuditEntryModel.countDocuments({ action: 'document.previewed', 'target.id': pdf.id })).toBe(1);

    const list = await get(world, world.business, `/api/v1/applications/${dossierId}/documents`).expect(200);
    const urls = Object.fromEntries(list.body.items.map((i: { code: string; versions: { previewUrl?: string }[] }) => [i.code, i.versions[0]?.previewUrl]));
    expect(urls).toEqual({ recycling_plan: `/api/v1/documents/${pdf.id}/preview`, epr_registration_form: undefined });
    const refused = await get(world, world.business, `/api/v1/documents/${docx.id}/preview`);
    expect(refused.status).toBe(415);
    await get(world, world.otherBusiness, `/api/v1/documents/${pdf.id}/preview`).expect(404);
  });
});
