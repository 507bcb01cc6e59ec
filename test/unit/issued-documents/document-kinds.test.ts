import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { certificateContent, refusalContent, revocationContent, type DocumentFacts } from '../../../src/issued-documents/document-content';
import { documentPdf } from '../../../src/issued-documents/document-pdf';
import { checkSignedPdf, loadSigningKey, signPdf, type SigningKey } from '../../../src/signing';

const base: Omit<DocumentFacts, 'type' | 'report'> = {
  procedureName: 'Tiếp nhận hồ sơ đề nghị công nhận khu công nghiệp sinh thái, doanh nghiệp sinh thái',
  legalBasis: 'Nghị định 35/2022/NĐ-CP, Điều 37–40',
  dossier: { code: 'HP-GT-2026-000007', nationalCode: '000.00.00.H26-260312-0003', title: 'Công nhận doanh nghiệp sinh thái năm 2026', industrialComplexCode: 'KCN-DINH-VU' },
  holder: { name: 'Công ty TNHH Thép xanh Đình Vũ', taxCode: '0201234567' },
  decision: { at: new Date('2026-03-12T03:00:00Z'), reasons: ['Chưa đạt tiêu chí sử dụng hiệu quả tài nguyên'], signer: { name: 'Nguyễn Văn Bình', position: 'Phó Giám đốc' } },
  certificate: { number: '00007/2026/GCN-SCT-GT', issuedAt: new Date('2026-03-12T03:00:00Z'), expiresAt: new Date('2031-03-12T00:00:00Z'), verificationCode: '2MMK591MAE' },
};

/** Each kind of result and what its text must carry, read back from the PDF. */
const KINDS: { name: string; content: () => ReturnType<typeof certificateContent>; expected: string[] }[] = [
  { name: 'eco-enterprise certificate', content: () => certificateContent({ ...base, type: 'green_transformation', report: { certificateKind: 'eco_enterprise' } }), expected: ['GIẤY CHỨNG NHẬN', 'Doanh nghiệp sinh thái', 'CHỨNG NHẬN:', 'Khu công nghiệp, cụm công nghiệp: KCN-DINH-VU', 'đến hết ngày 12/03/2031'] },
  { name: 'eco-industrial-park certificate', content: () => certificateContent({ ...base, type: 'green_transformation', report: { certificateKind: 'eco_industrial_park' } }), expected: ['GIẤY CHỨNG NHẬN', 'Khu công nghiệp sinh thái'] },
  { name: 'EPR confirmation', content: () => certificateContent({ ...base, type: 'epr', report: { eprRecyclingObligationKg: 110_000, eprContributionVnd: 440_000_000 } }), expected: ['GIẤY XÁC NHẬN', 'Khối lượng tái chế bắt buộc: 110.000 kg', '440.000.000 đồng'] },
  { name: 'rooftop solar registration confirmation', content: () => certificateContent({ ...base, type: 'renewable_energy', report: { renewableCapacityKwp: 950.5 } }), expected: ['GIẤY XÁC NHẬN', 'điện mặt trời mái nhà tự sản xuất, tự tiêu thụ', 'Công suất lắp đặt: 950,5 kWp'] },
  { name: 'GHG inventory review result', content: () => certificateContent({ ...base, type: 'emissions_reduction', report: { ghgEmissionsTco2e: 12_345.67, ghgReductionTargetTco2e: 1_000 } }), expected: ['THÔNG BÁO', 'Kết quả thẩm định báo cáo kiểm kê khí nhà kính', '12.345,7 tấn CO₂tđ'] },
  { name: 'refusal decision', content: () => refusalContent({ ...base, type: 'green_transformation', report: {} }, '0003/2026/QĐ-SCT'), expected: ['QUYẾT ĐỊNH', 'Về việc từ chối giải quyết hồ sơ của Công ty TNHH Thép xanh Đình Vũ', 'Thủ tục: Tiếp nhận hồ sơ đề nghị công nhận khu công nghiệp sinh thái', 'Điều 1.', '(1) Chưa đạt tiêu chí sử dụng hiệu quả tài nguyên', 'Số: 0003/2026/QĐ-SCT'] },
  { name: 'revocation decision', content: () => revocationContent({ ...base, type: 'green_transformation', report: {} }, '0004/2026/QĐ-SCT'), expected: ['QUYẾT ĐỊNH', 'Về việc thu hồi giấy chứng nhận số 00007/2026/GCN-SCT-GT ngày 12/03/2026', 'Điều 2.'] },
];
const COMMON = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'SỞ CÔNG THƯƠNG', 'Hải Phòng, ngày 12 tháng 3 năm 2026', 'Công ty TNHH Thép xanh Đình Vũ', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn Bình', 'Nơi nhận:'];

function poppler(pdf: Buffer): { text: string; pngBytes: number; pdfsig: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kinds-'));
  const file = path.join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
  let pdfsig: string;
  try {
    pdfsig = execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (error) {
    pdfsig = String((error as { stdout?: string }).stdout ?? error);
  }
  return { text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }), pngBytes: statSync(path.join(dir, 'page-1.png')).size, pdfsig };
}

describe('every kind of signed result document', () => {
  let key: SigningKey;
  beforeAll(async () => {
    key = await loadSigningKey({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'kinds-key-')), organization: 'Sở Công Thương thành phố Hải Phòng' });
  });

  it.each(KINDS)('when the $name is rendered and signed, then it reads back whole, renders, and its signature verifies', async ({ content, expected }) => {
    const document = content();
    const unsigned = await documentPdf(document, { development: false, createdAt: new Date('2026-03-12T03:00:00Z'), verification: { code: '2MMK591MAE', url: 'https://xanh.haiphong.gov.vn/certificates/verify?code=2MMK591MAE' } });
    const signed = await signPdf(unsigned, key, { reason: document.documentType, location: 'Hải Phòng', contactInfo: 'https://xanh.haiphong.gov.vn', signedAt: new Date('2026-03-12T03:00:00Z') });
    const { text, pngBytes, pdfsig } = poppler(signed);
    const flat = text.replace(/\s+/g, ' ');
    // Every phrase is found whole: diacritics intact and no word split across lines ("h|oặc").
    for (const phrase of [...COMMON, ...expected]) expect(flat).toContain(phrase);
    expect(flat).not.toContain('BẢN THỬ NGHIỆM');
    expect(pngBytes).toBeGreaterThan(3_000);
    expect(pdfsig).toContain('Signature Validation: Signature is Valid.');
    expect(checkSignedPdf(signed, key)).toMatchObject({ intact: true, coversWholeFile: true, byThisDepartment: true });
  });
});
