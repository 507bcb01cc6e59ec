import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { registerOutboxDeliverer } from '../../../src/applications/outbox-dispatch';
import { configureDossierDirectory } from '../../../src/applications/read-model/dossier-directory';
import { issueDocument } from '../../../src/issued-documents/issued-documents.service';
import { configureSigningKey, documentDeliverer, SIGN_DOCUMENT_JOB, signDocumentJobHandler } from '../../../src/issued-documents';
import { createScheduler, getJob, type Scheduler } from '../../../src/jobs';
import { createLogger } from '../../../src/logging/logger';
import { loadSigningKey, type SigningKey } from '../../../src/signing';
import { createOrganization, createUser, PASSWORD, type TestUser } from '../../support/actors';
import { browser } from '../../support/browser-session';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

const BASE_URL = 'https://xanh.haiphong.gov.vn';
const HOLDER = 'Công ty TNHH Bao bì Tái chế Hải Phòng';

/** pdftotext (poppler-utils) reads the text back as a reader's software would. */
function textOf(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'issued-'));
  writeFileSync(path.join(dir, 'doc.pdf'), pdf);
  return execFileSync('pdftotext', [path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' });
}

function pdfsig(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'issued-sig-'));
  writeFileSync(path.join(dir, 'doc.pdf'), pdf);
  try {
    return execFileSync('pdfsig', [path.join(dir, 'doc.pdf')], { encoding: 'utf8' });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

/** Renders the first page with pdftoppm, as the issue asks; answers the PNG's size. */
function renderedPngBytes(pdf: Buffer): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'issued-png-'));
  writeFileSync(path.join(dir, 'doc.pdf'), pdf);
  execFileSync('pdftoppm', ['-png', '-r', process.env.KEEP_RENDERED ? '100' : '60', '-f', '1', '-l', '1', path.join(dir, 'doc.pdf'), path.join(dir, 'page')]);
  const png = path.join(dir, 'page-1.png');
  if (process.env.KEEP_RENDERED) writeFileSync(process.env.KEEP_RENDERED, readFileSync(png));
  return existsSync(png) ? statSync(png).size : 0;
}

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('signed result documents', () => {
  const database = useTestDatabase();
  const silent = createLogger('silent');
  let app: ReturnType<typeof buildTestApp>;
  let scheduler: Scheduler;
  let key: SigningKey;
  let business: TestUser;
  let officer: TestUser;
  let leader: TestUser;
  let clock = Date.parse('2026-03-12T02:00:00Z');
  const now = () => new Date(clock);

  const ok = async (user: TestUser, id: string, event: Record<string, unknown>) => {
    const res = await request(app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${user.token}`).send(event);
    expect([event.type, res.status, res.body.detail]).toEqual([event.type, 201, undefined]);
  };
  const received = async (title: string) => {
    const res = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`).send({ type: 'epr', title, data: EPR_DATA });
    await attachDocuments(res.body.id, eprRequiredDocuments(), business.id);
    await ok(business, res.body.id, { type: 'SUBMIT', declaration: true });
    await ok(officer, res.body.id, { type: 'ACCEPT' });
    return res.body.id as string;
  };
  const runJobs = async () => {
    clock += 60_000;
    for (let pass = 0; pass < 5; pass++) if ((await scheduler.runDueJobs()) === 0) break;
  };
  const resultPdf = async (id: string, kind: string, user: TestUser = business) =>
    (await request(app).get(`/api/v1/applications/${id}/result-document?kind=${kind}`).set('Authorization', `Bearer ${user.token}`).buffer(true).parse(binary)).body as Buffer;
  const verifyUpload = (pdf: Buffer, name = 'giay-xac-nhan.pdf') => request(app).post('/api/v1/public/documents/verify').attach('file', pdf, name);

  let approvedId: string;
  let certificatePdf: Buffer;

  beforeAll(async () => {
    configureDossierDirectory({ maxStalenessMs: 0 });
    key = await loadSigningKey({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'signing-key-')), organization: 'Sở Công Thương thành phố Hải Phòng' });
    configureSigningKey(key);
    app = buildTestApp(database(), { now, env: { BASE_URL } });
    registerOutboxDeliverer('issue_document', documentDeliverer(now));
    scheduler = createScheduler({ handlers: { [SIGN_DOCUMENT_JOB]: signDocumentJobHandler({ key, baseUrl: BASE_URL, now }) }, instanceId: 'sign-test', logger: silent, pollIntervalMs: 50, leaseMs: 60_000, now });
    business = await createUser(app, 'business', await createOrganization(HOLDER));
    officer = await createUser(app, 'officer');
    leader = await createUser(app, 'leader');
  });

  afterAll(() => scheduler.stop());

  it('when an EPR dossier is approved, then its confirmation is signed from the outbox, once, in the official layout', async () => {
    approvedId = await received('Trách nhiệm tái chế bao bì năm 2026');
    await ok(officer, approvedId, { type: 'RECOMMEND', decision: 'approve' });
    await ok(leader, approvedId, { type: 'APPROVE' });
    await runJobs();
    expect(await getJob(`${SIGN_DOCUMENT_JOB}:certificate:${approvedId}`)).toMatchObject({ status: 'done' });
    certificatePdf = await resultPdf(approvedId, 'certificate');
    expect(certificatePdf.subarray(0, 5).toString()).toBe('%PDF-');

    const text = textOf(certificatePdf);
    for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'SỞ CÔNG THƯƠNG', 'GIẤY XÁC NHẬN', 'Tiếp nhận hồ sơ thực hiện trách nhiệm tái chế của nhà sản xuất, nhập khẩu', HOLDER, 'Hải Phòng, ngày 12 tháng 3 năm 2026', 'Nơi nhận:', '(Đã ký số)', 'Khối lượng tái chế bắt buộc', 'Mã tra cứu', 'BẢN THỬ NGHIỆM']) {
      // Read back whole: diacritics intact, no word broken across a line.
      expect(text.replace(/\s+/g, ' ')).toContain(line);
    }
    expect(text).toMatch(/Căn cứ .*Luật Bảo vệ môi trường/);
    expect(text).toContain(`${BASE_URL}/certificates/verify?code=`);
    expect(renderedPngBytes(certificatePdf)).toBeGreaterThan(5_000);

    const report = pdfsig(certificatePdf);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');

    // Signing again (a retried job, a second instance) keeps the one document as issued.
    const again = await issueDocument('certificate', approvedId, { key, baseUrl: BASE_URL, now });
    expect(again.sha256).toBe(createHash('sha256').update(certificatePdf).digest('hex'));
    expect(Buffer.compare(await resultPdf(approvedId, 'certificate'), certificatePdf)).toBe(0);
  });

  it('when anyone checks the code, then the page shows the signer and gives the same signed PDF', async () => {
    const certificate = (await request(app).get('/api/v1/certificates').set('Authorization', `Bearer ${business.token}`)).body.items[0] as { verificationCode: string };
    const page = await request(app).get(`/certificates/verify?code=${certificate.verificationCode}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Sở Công Thương thành phố Hải Phòng');
    expect(page.text).toContain('chữ ký số thử nghiệm');
    const download = await request(app).get(`/certificates/document?code=${certificate.verificationCode}`).buffer(true).parse(binary);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(download.body as Buffer, certificatePdf)).toBe(0);
    expect((await request(app).get('/certificates/document?code=ZZZZZZZZZZ')).status).toBe(404);
    const unknown = await request(app).get('/api/v1/public/certificates/ZZZZZZZZZZ');
    expect([unknown.status, unknown.headers['content-type']]).toEqual([404, expect.stringContaining('application/problem+json')]);
  });

  it('when a PDF is uploaded, then an issued one is recognised, one altered byte is reported, and anything else is refused clearly', async () => {
    const issued = await verifyUpload(certificatePdf);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ verdict: 'issued', document: { kind: 'certificate', development: true }, certificate: { status: 'valid' } });

    const altered = Buffer.from(certificatePdf);
    const at = altered.indexOf('GIẤY') > 0 ? altered.indexOf('/Title') : 200;
    altered[at + 3] = altered[at + 3]! ^ 1;
    expect((await verifyUpload(altered)).body).toEqual({ verdict: 'altered', signer: key.signer });

    const notPdf = await verifyUpload(Buffer.from('PK\u0003\u0004 not a pdf'), 'ket-qua.docx');
    expect([notPdf.status, notPdf.headers['content-type'], notPdf.body.detail]).toEqual([415, expect.stringContaining('application/problem+json'), 'Chỉ kiểm tra được văn bản PDF do Sở Công Thương cấp.']);
    const none = await request(app).post('/api/v1/public/documents/verify').field('note', 'x');
    expect(none.status).toBe(400);

    const page = await request(app).post('/certificates/verify/document').attach('file', altered, 'giay.pdf');
    expect(page.text).toContain('đã bị sửa đổi sau khi ký');
  });

  it('when the certificate is revoked, then its PDF stays as issued and is reported revoked; a revocation decision is signed', async () => {
    await ok(leader, approvedId, { type: 'REVOKE', reasons: ['Sai lệch số liệu khối lượng'] });
    await runJobs();
    expect(Buffer.compare(await resultPdf(approvedId, 'certificate'), certificatePdf)).toBe(0);
    expect((await verifyUpload(certificatePdf)).body).toMatchObject({ verdict: 'issued', certificate: { status: 'revoked', revokeReasons: ['Sai lệch số liệu khối lượng'] } });
    const open = await request(app).get('/open-data/certificates.json');
    expect(open.body).toMatchObject({ schemaVersion: '1.0', count: 1, items: [{ type: 'epr', holderName: expect.stringContaining(HOLDER), issuedOn: '2026-03-12', status: 'revoked', revokedOn: '2026-03-12', verificationUrl: expect.stringContaining(`${BASE_URL}/certificates/verify?code=`) }] });
    // Open data carries no personal data and nothing from the dossier.
    expect(Object.keys(open.body.items[0]).sort()).toEqual(['expiresOn', 'holderName', 'issuedOn', 'number', 'revokedOn', 'status', 'type', 'typeName', 'verificationUrl']);
    const csv = await request(app).get('/open-data/certificates.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('\uFEFFnumber,type,typeName,holderName,issuedOn,expiresOn,status,revokedOn,verificationUrl');
    expect(csv.text).toContain(',revoked,2026-03-12,');
    expect((await request(app).get('/open-data/schema')).body.properties.status.enum).toEqual(['valid', 'expired', 'revoked']);
    const decision = textOf(await resultPdf(approvedId, 'revocation')).replace(/\s+/g, ' ');
    expect(decision).toContain('QUYẾT ĐỊNH');
    expect(decision).toContain('Về việc thu hồi giấy xác nhận số');
    expect(decision).toContain('Sai lệch số liệu khối lượng');
  });

  it('when a dossier is rejected, then the refusal decision names the reasons, and only its holder and staff may read it', async () => {
    const id = await received('Hồ sơ bị từ chối');
    await ok(officer, id, { type: 'RECOMMEND', decision: 'reject', reasons: ['Không đạt tỷ lệ tái chế'] });
    await ok(leader, id, { type: 'REJECT', reasons: ['Không đạt tỷ lệ tái chế bắt buộc', 'Thiếu chứng từ'] });
    await runJobs();
    const refusal = await resultPdf(id, 'refusal');
    const text = textOf(refusal).replace(/\s+/g, ' ');
    expect(text).toContain('Về việc từ chối giải quyết hồ sơ');
    expect(text).toContain('(1) Không đạt tỷ lệ tái chế bắt buộc; (2) Thiếu chứng từ');
    expect(text).toMatch(/Số: \d{4}\/2026\/QĐ-SCT/);
    expect(pdfsig(refusal)).toContain('Signature is Valid.');
    const page = browser(app);
    await page.signIn(business.email, PASSWORD);
    const dossierPage = await page.agent.get(`/my/dossiers/${id}`);
    expect(dossierPage.text).toContain('Quyết định từ chối');
    expect(dossierPage.text).toContain(`/api/v1/applications/${id}/result-document?kind=refusal`);
    const stranger = await createUser(app, 'business', await createOrganization('Công ty khác'));
    expect((await request(app).get(`/api/v1/applications/${id}/result-document?kind=refusal`).set('Authorization', `Bearer ${stranger.token}`)).status).toBe(404);
  });
});
