import { createHash } from 'node:crypto';
import { trusted, Types } from 'mongoose';
import request from 'supertest';
import { attachDocuments, eprRequiredDocuments } from '../../support/dossiers';
import { useTestDatabase } from '../../support/test-database';
import { minimalDocx, minimalJpeg, minimalPdf, minimalPng, minimalXlsx } from '../../fixtures/uploads/sample-files';
import { createEprDraft, filesUnder, get, rawUpload, upload, useDocumentWorld } from './document-test-kit';
import { backfillDocumentSlots, DocumentSlotModel, documentsAndSlots } from '../../../src/documents/document-slots';
import { DossierDocumentModel } from '../../../src/documents/document.model';
import { AuditEntryModel } from '../../../src/audit/audit.model';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('uploading, listing and downloading dossier documents', () => {
  const database = useTestDatabase();
  const world = useDocumentWorld(database, { maxFilesPerRequest: 5 });

  it.each([
    ['PDF', 'plan.pdf', minimalPdf(), 'application/pdf'],
    ['PNG', 'site-map.png', minimalPng(), 'image/png'],
    ['JPEG', 'photo.jpeg', minimalJpeg(), 'image/jpeg'],
    ['DOCX', 'plan.docx', minimalDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['XLSX', 'volumes.xlsx', minimalXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ])('when the applicant uploads a valid %s, then it is stored as version 1 with its size and SHA-256', async (_kind, name, bytes, mediaType) => {
    const dossierId = await createEprDraft(world);
    // The client's claimed type is ignored: the bytes decide.
    const res = await upload(world, world.business, dossierId, 'recycling_plan', [{ name, bytes, contentType: 'application/octet-stream' }]);
    expect(res.status).toBe(201);
    expect(res.body.items).toEqual([{ id: expect.any(String), code: 'recycling_plan', version: 1, originalName: name, mediaType, sizeBytes: bytes.length, sha256: sha256(bytes) }]);
    const record = await DossierDocumentModel.findById(res.body.items[0].id).lean();
    expect(await filesUnder(world.uploadDir)).toContain(`${world.uploadDir}/${record?.storageKey}`);
    expect(await AuditEntryModel.countDocuments({ action: 'document.uploaded', 'target.id': res.body.items[0].id })).toBe(1);
  });

  it('when a code is uploaded again, then it becomes version 2 and the list shows both, newest first', async () => {
    const dossierId = await createEprDraft(world);
    const first = minimalPdf('first');
    const second = minimalPdf('second');
    await upload(world, world.business, dossierId, 'recycling_plan', [{ name: 'v1.pdf', bytes: first }]).expect(201);
    await upload(world, world.business, dossierId, 'recycling_plan', [{ name: 'v2.pdf', bytes: second }]).expect(201);

    for (const reader of [world.business, world.officer, world.leader]) {
      const list = await get(world, reader, `/api/v1/applications/${dossierId}/documents`).expect(200);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({ code: 'recycling_plan', name_en: 'Recycling plan' });
      expect(list.body.items[0].versions.map((v: { version: number; sha256: string }) => [v.version, v.sha256])).toEqual([[2, sha256(second)], [1, sha256(first)]]);
    }
    await get(world, world.otherBusiness, `/api/v1/applications/${dossierId}/documents`).expect(404);
  });

  it('when several files come in one request, then they become consecutive versions in the order sent', async () => {
    const dossierId = await createEprDraft(world);
    const res = await upload(world, world.business, dossierId, 'import_customs_declarations', [
      { name: 'a.pdf', bytes: minimalPdf('a') },
      { name: 'b.png', bytes: minimalPng() },
    ]).expect(201);
    expect(res.body.items.map((i: { version: number; originalName: string }) => [i.version, i.originalName])).toEqual([[1, 'a.pdf'], [2, 'b.png']]);
  });

  it('when five uploads of one code race, then versions are 1 to 5, unique and gapless, each with its own file', async () => {
    const dossierId = await createEprDraft(world);
    const bodies = Array.from({ length: 5 }, (_, i) => minimalPdf(`racer ${i}`));
    const answers = await Promise.all(bodies.map((bytes, i) => upload(world, world.business, dossierId, 'recycling_plan', [{ name: `r${i}.pdf`, bytes }])));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    const records = await DossierDocumentModel.find({ dossierId: new Types.ObjectId(dossierId) }).sort({ version: 1 }).lean();
    expect(records.map((r) => r.version)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(records.map((r) => r.sha256))).toEqual(new Set(bodies.map(sha256)));
    expect(new Set(records.map((r) => r.storageKey)).size).toBe(5);
    // The reads that decide find every racer by the dossier's slots, exactly as the collection holds them.
    const { records: byKeys, slots } = await documentsAndSlots(dossierId);
    expect(slots).toBe(5);
    expect(byKeys.map((r) => String(r._id)).sort()).toEqual(records.map((r) => String(r._id)).sort());
  });

  it('when records predate the slots (an older installation), then the one-time pass gives each one slot, and a second run none', async () => {
    const dossierId = await createEprDraft(world);
    await upload(world, world.business, dossierId, 'recycling_plan', [{ name: 'a.pdf', bytes: minimalPdf('a') }, { name: 'b.pdf', bytes: minimalPdf('b') }]).expect(201);
    await DocumentSlotModel.deleteMany({ _id: trusted({ $regex: `^${dossierId}:` }) });
    expect((await documentsAndSlots(dossierId)).records).toEqual([]);
    expect(await backfillDocumentSlots()).toBe(2);
    expect(await backfillDocumentSlots()).toBe(0);
    const { records, slots } = await documentsAndSlots(dossierId);
    expect([records.map((r) => r.version).sort(), slots]).toEqual([[1, 2], 2]);
    // The next upload claims the slot after them.
    await upload(world, world.business, dossierId, 'recycling_plan', [{ name: 'c.pdf', bytes: minimalPdf('c') }]).expect(201);
    expect((await documentsAndSlots(dossierId)).records.map((r) => r.version).sort()).toEqual([1, 2, 3]);
  });

  it.each([
    ['../../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\Windows\\System32\\evil.pdf', 'evil.pdf'],
    ['/var/www/html/shell.php', 'shell.php.pdf'],
    ['bao%0Acao%0D.pdf', 'baocao.pdf'],
    ['k\u202efdp.exe', 'kfdp.exe.pdf'],
    ['.htaccess', 'htaccess.pdf'],
  ])('when the client names the file %j, then it is stored as %j under a random key, never as a path', async (rawName, storedName) => {
    const dossierId = await createEprDraft(world);
    const res = await rawUpload(world, world.business, dossierId, 'recycling_plan', { rawName, bytes: minimalPdf() }).expect(201);
    expect(res.body.items[0].originalName).toBe(storedName);
    const record = await DossierDocumentModel.findById(res.body.items[0].id).lean();
    expect(record?.storageKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(await filesUnder(world.uploadDir)).toContain(`${world.uploadDir}/${record?.storageKey}`);
  });

  it('when a raw control character is in the part header, then the request is refused as malformed and nothing is stored', async () => {
    const dossierId = await createEprDraft(world);
    const res = await rawUpload(world, world.business, dossierId, 'recycling_plan', { rawName: 'bell\u0007.pdf', bytes: minimalPdf() });
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe('malformed_request');
    expect(await DossierDocumentModel.countDocuments({ dossierId: new Types.ObjectId(dossierId) })).toBe(0);
  });

  it('when the owner, an officer or a leader downloads, then the bytes match and the headers forbid inline rendering; each download is audited', async () => {
    const dossierId = await createEprDraft(world);
    const bytes = minimalDocx();
    const res = await upload(world, world.business, dossierId, 'recycling_plan', [{ name: 'Kế hoạch tái chế.docx', bytes }]).expect(201);
    const url = `/api/v1/documents/${res.body.items[0].id}/download`;

    for (const reader of [world.business, world.officer, world.leader]) {
      const download = await get(world, reader, url).responseType('blob').expect(200);
      expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
      expect(download.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(download.headers['content-disposition']).toBe(`attachment; filename="Ke hoach tai che.docx"; filename*=UTF-8''${encodeURIComponent('Kế hoạch tái chế.docx')}`);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-security-policy']).toBe('sandbox');
      expect(download.headers['content-length']).toBe(String(bytes.length));
    }
    expect(await AuditEntryModel.countDocuments({ action: 'document.downloaded', 'target.id': res.body.items[0].id })).toBe(3);
  });

  it('when someone outside the dossier asks for a download, then another organization gets 404 and an admin 403, and nothing is audited', async () => {
    const dossierId = await createEprDraft(world);
    const res = await upload(world, world.business, dossierId, 'recycling_plan', [{ name: 'p.pdf', bytes: minimalPdf() }]).expect(201);
    const url = `/api/v1/documents/${res.body.items[0].id}/download`;
    const foreign = await get(world, world.otherBusiness, url).expect(404);
    expect(foreign.headers['content-type']).toMatch(/^application\/problem\+json/);
    await get(world, world.admin, url).expect(403);
    await get(world, world.business, `/api/v1/documents/${new Types.ObjectId()}/download`).expect(404);
    await get(world, world.business, '/api/v1/documents/not-an-id/download').expect(404);
    expect(await AuditEntryModel.countDocuments({ action: 'document.downloaded', 'target.id': res.body.items[0].id })).toBe(0);
  });

  it('when every required document is uploaded, then the dossier no longer lists any as missing', async () => {
    const dossierId = await createEprDraft(world);
    const before = await get(world, world.business, `/api/v1/applications/${dossierId}`).expect(200);
    expect(before.body.requiredDocumentsMissing).toEqual(expect.arrayContaining([...eprRequiredDocuments()]));

    for (const code of eprRequiredDocuments()) {
      await upload(world, world.business, dossierId, code, [{ name: `${code}.pdf`, bytes: minimalPdf(code) }]).expect(201);
    }

    const after = await get(world, world.business, `/api/v1/applications/${dossierId}`).expect(200);
    expect(after.body.requiredDocumentsMissing).toEqual([]);
  });

  it('when an officer requests supplementation, then the applicant may upload again and earlier versions stay', async () => {
    const dossierId = await createEprDraft(world);
    await attachDocuments(dossierId, eprRequiredDocuments(), world.business.id);
    const send = (token: string, body: object) => request(world.app).post(`/api/v1/applications/${dossierId}/events`).set('Authorization', `Bearer ${token}`).send(body);
    await send(world.business.token, { type: 'SUBMIT', declaration: true }).expect(201);
    await send(world.officer.token, { type: 'REQUEST_SUPPLEMENT', reasons: ['Kế hoạch tái chế chưa ký'] }).expect(201);

    const res = await upload(world, world.business, dossierId, 'recycling_plan', [{ name: 'signed.pdf', bytes: minimalPdf('signed') }]).expect(201);
    expect(res.body.items[0].version).toBe(2);
    const list = await get(world, world.officer, `/api/v1/applications/${dossierId}/documents`).expect(200);
    const plan = list.body.items.find((i: { code: string }) => i.code === 'recycling_plan');
    expect(plan.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });
});
