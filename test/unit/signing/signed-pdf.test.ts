import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { checkSignedPdf, loadSigningKey, signPdf, type SigningKey } from '../../../src/signing';

const ORGANIZATION = 'Sở Công Thương thành phố Hải Phòng';

async function simplePdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  doc.font(path.resolve(__dirname, '../../../views/static/fonts/DejaVuSerif.ttf')).fontSize(12).text(text);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.end();
  return done;
}

const pdfsig = (pdf: Buffer) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pdfsig-')), 'signed.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
};

describe('signed PDFs (PAdES baseline B-B)', () => {
  let key: SigningKey;
  let signed: Buffer;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'signing-'));

  beforeAll(async () => {
    key = await loadSigningKey({ dataDir, organization: ORGANIZATION });
    signed = await signPdf(await simplePdf('Giấy xác nhận đăng ký điện mặt trời mái nhà'), key, { reason: 'Kết quả giải quyết thủ tục hành chính', location: 'Hải Phòng', contactInfo: 'soct@haiphong.gov.vn', signedAt: new Date('2026-03-12T02:00:00Z') });
  });

  it('when a development key is first needed, then one is generated once and read back the same afterwards', async () => {
    expect(key.development).toBe(true);
    expect(key.signer).toEqual({ commonName: ORGANIZATION, organization: ORGANIZATION });
    expect(key.identity.chain).toHaveLength(2);
    const again = await loadSigningKey({ dataDir, organization: ORGANIZATION });
    expect(again.identity.chain[0]!.serialNumber).toBe(key.identity.chain[0]!.serialNumber);
  });

  it('when a PDF is signed, then poppler\'s pdfsig finds an intact ETSI.CAdES.detached signature over the whole file', () => {
    const report = pdfsig(signed);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signed Ranges:');
    expect(report).toContain('Total document signed');
    expect(report).toContain(ORGANIZATION);
  });

  it('when the app checks it, then it is intact, whole and signed with this installation\'s key', () => {
    expect(checkSignedPdf(signed, key)).toEqual({ signed: true, intact: true, coversWholeFile: true, byThisDepartment: true, signer: { commonName: ORGANIZATION, organization: ORGANIZATION } });
  });

  it('when one byte of the signed content changes, then both pdfsig and the app report it altered', () => {
    const altered = Buffer.from(signed);
    const at = altered.indexOf('/Producer');
    altered[at + 2] = altered[at + 2]! ^ 1;
    expect(checkSignedPdf(altered, key)).toMatchObject({ signed: true, intact: false });
    expect(pdfsig(altered)).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });

  it('when another installation\'s key signed it, or it is not signed at all, then it is not the Department\'s', async () => {
    const other = await loadSigningKey({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'signing-other-')), organization: ORGANIZATION });
    expect(checkSignedPdf(signed, other)).toMatchObject({ signed: true, intact: true, byThisDepartment: false });
    expect(checkSignedPdf(await simplePdf('không ký'), key)).toEqual({ signed: false, intact: false, coversWholeFile: false, byThisDepartment: false });
  });
});
