import { localDateOf } from '../calendar';
import { formatLocaleNumber } from '../i18n';

/**
 * What the Department's result documents say, in the layout of Vietnamese administrative documents (Decree
 * 30/2020/ND-CP, Appendix I): the national name and motto, the issuing authority, number and symbol, place and
 * date, the document's type and title, its legal bases, the content, the signer's authority, title and name, and
 * the recipients. Pure: the service gathers the facts, the PDF writer lays this out.
 */
export type IssuedKind = 'certificate' | 'refusal' | 'revocation';

export interface DocumentContent {
  kind: IssuedKind;
  authority: { parent: string; name: string };
  number: string;
  placeAndDate: string;
  /** GIẤY CHỨNG NHẬN, GIẤY XÁC NHẬN, THÔNG BÁO, QUYẾT ĐỊNH. */
  documentType: string;
  title: string;
  bases: string[];
  /** The body: a lead sentence, then what is certified or decided, as label–value facts or numbered articles. */
  lead: string;
  facts: [string, string][];
  articles: string[];
  signer: { authority?: string; title: string; name: string };
  recipients: string[];
}

export interface DocumentFacts {
  type: 'green_transformation' | 'epr' | 'renewable_energy' | 'emissions_reduction';
  procedureName: string;
  /** The procedure's legal basis, in Vietnamese. */
  legalBasis: string;
  dossier: { nationalCode?: string; code: string; title: string; industrialComplexCode?: string };
  holder: { name: string; taxCode: string };
  report: { certificateKind?: string; eprRecyclingObligationKg?: number; eprContributionVnd?: number; ghgEmissionsTco2e?: number; ghgReductionTargetTco2e?: number; renewableCapacityKwp?: number };
  decision: { at: Date; reasons: string[]; signer: { name: string; position?: string } };
  certificate?: { number: string; issuedAt: Date; expiresAt?: Date; verificationCode: string };
}

const AUTHORITY = { parent: 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG', name: 'SỞ CÔNG THƯƠNG' };
const FUNCTIONS_BASIS = 'Căn cứ quy định về chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Công Thương thành phố Hải Phòng;';

/** "Hải Phòng, ngày 12 tháng 3 năm 2026" (the day in Hai Phong): Decree 30 writes days and months below 10 with a 0 only for 1–2. */
export function placeAndDate(at: Date): string {
  const [year, month, day] = localDateOf(at).split('-').map(Number) as [number, number, number];
  const two = (n: number) => (n < 3 ? `0${n}` : String(n));
  return `Hải Phòng, ngày ${two(day)} tháng ${two(month)} năm ${year}`;
}

const dateVi = (at: Date) => localDateOf(at).split('-').reverse().join('/');
const number = (value: number, digits = 0) => formatLocaleNumber(Math.round(value * 10 ** digits) / 10 ** digits, 'vi', { grouping: true });

/** A leader's title as signed: a deputy signs "KT. GIÁM ĐỐC" over their own title (Decree 30, Art. 13). */
function signerBlock(signer: { name: string; position?: string }): DocumentContent['signer'] {
  const title = (signer.position ?? 'Phó Giám đốc').toLocaleUpperCase('vi');
  return { ...(title.startsWith('PHÓ') ? { authority: 'KT. GIÁM ĐỐC' } : {}), title, name: signer.name };
}

const SUBJECT: Record<DocumentFacts['type'], { documentType: string; title: (facts: DocumentFacts) => string }> = {
  green_transformation: {
    documentType: 'GIẤY CHỨNG NHẬN',
    title: (f) => (f.report.certificateKind === 'eco_industrial_park' ? 'Khu công nghiệp sinh thái' : 'Doanh nghiệp sinh thái'),
  },
  epr: { documentType: 'GIẤY XÁC NHẬN', title: () => 'Tiếp nhận hồ sơ thực hiện trách nhiệm tái chế của nhà sản xuất, nhập khẩu' },
  renewable_energy: { documentType: 'GIẤY XÁC NHẬN', title: () => 'Đăng ký phát triển điện mặt trời mái nhà tự sản xuất, tự tiêu thụ' },
  emissions_reduction: { documentType: 'THÔNG BÁO', title: () => 'Kết quả thẩm định báo cáo kiểm kê khí nhà kính' },
};

/** What each kind of result certifies, beyond the holder and the dossier: the figures that matter for it. */
function subjectFacts(facts: DocumentFacts): [string, string][] {
  const r = facts.report;
  const rows: [string, string][] = [];
  if (facts.type === 'epr') {
    if (r.eprRecyclingObligationKg !== undefined) rows.push(['Khối lượng tái chế bắt buộc', `${number(r.eprRecyclingObligationKg)} kg`]);
    if (r.eprContributionVnd !== undefined) rows.push(['Số tiền đóng góp vào Quỹ Bảo vệ môi trường Việt Nam', `${number(r.eprContributionVnd)} đồng`]);
  } else if (facts.type === 'renewable_energy') {
    if (r.renewableCapacityKwp !== undefined) rows.push(['Công suất lắp đặt', `${number(r.renewableCapacityKwp, 1)} kWp`]);
  } else if (facts.type === 'emissions_reduction') {
    if (r.ghgEmissionsTco2e !== undefined) rows.push(['Tổng lượng phát thải khí nhà kính', `${number(r.ghgEmissionsTco2e, 1)} tấn CO₂tđ`]);
    if (r.ghgReductionTargetTco2e !== undefined) rows.push(['Mục tiêu giảm phát thải', `${number(r.ghgReductionTargetTco2e, 1)} tấn CO₂tđ`]);
  }
  return rows;
}

function holderFacts(facts: DocumentFacts): [string, string][] {
  return [
    ['Tổ chức', facts.holder.name],
    ['Mã số thuế', facts.holder.taxCode],
    ['Nội dung', facts.dossier.title],
    ...(facts.dossier.industrialComplexCode ? [['Khu công nghiệp, cụm công nghiệp', facts.dossier.industrialComplexCode] as [string, string]] : []),
    ['Mã hồ sơ', facts.dossier.nationalCode ?? facts.dossier.code],
  ];
}

const bases = (facts: DocumentFacts) => [FUNCTIONS_BASIS, `Căn cứ ${facts.legalBasis};`, `Xét hồ sơ số ${facts.dossier.nationalCode ?? facts.dossier.code} của ${facts.holder.name} và kết quả thẩm định của phòng chuyên môn,`];

export function certificateContent(facts: DocumentFacts): DocumentContent {
  const certificate = facts.certificate!;
  const subject = SUBJECT[facts.type];
  return {
    kind: 'certificate',
    authority: AUTHORITY,
    number: certificate.number,
    placeAndDate: placeAndDate(certificate.issuedAt),
    documentType: subject.documentType,
    title: subject.title(facts),
    bases: bases(facts),
    lead: `SỞ CÔNG THƯƠNG THÀNH PHỐ HẢI PHÒNG ${subject.documentType === 'THÔNG BÁO' ? 'THÔNG BÁO' : subject.documentType === 'GIẤY CHỨNG NHẬN' ? 'CHỨNG NHẬN' : 'XÁC NHẬN'}:`,
    facts: [...holderFacts(facts), ...subjectFacts(facts)],
    articles: [
      certificate.expiresAt ? `Có hiệu lực từ ngày ${dateVi(certificate.issuedAt)} đến hết ngày ${dateVi(certificate.expiresAt)}.` : `Có hiệu lực kể từ ngày ${dateVi(certificate.issuedAt)}.`,
      `Mã tra cứu: ${certificate.verificationCode}. Tình trạng hiệu lực (còn hiệu lực, hết hạn hoặc bị thu hồi) được công bố tại trang tra cứu của Sở Công Thương.`,
    ],
    signer: signerBlock(facts.decision.signer),
    recipients: [facts.holder.name + ';', 'Lưu: VT, hồ sơ.'],
  };
}

export function refusalContent(facts: DocumentFacts, number: string): DocumentContent {
  const reasons = facts.decision.reasons.length ? facts.decision.reasons : ['Hồ sơ không đáp ứng điều kiện theo quy định.'];
  return {
    kind: 'refusal',
    authority: AUTHORITY,
    number,
    placeAndDate: placeAndDate(facts.decision.at),
    documentType: 'QUYẾT ĐỊNH',
    title: `Về việc từ chối giải quyết hồ sơ của ${facts.holder.name}`,
    bases: bases(facts),
    lead: 'GIÁM ĐỐC SỞ CÔNG THƯƠNG QUYẾT ĐỊNH:',
    facts: [['Thủ tục', facts.procedureName], ...holderFacts(facts)],
    articles: [
      `Điều 1. Từ chối giải quyết hồ sơ nêu trên, vì các lý do sau: ${reasons.map((r, i) => `(${i + 1}) ${r.replace(/[.;]\s*$/, '')}`).join('; ')}.`,
      'Điều 2. Tổ chức có thể bổ sung, hoàn thiện và nộp lại hồ sơ; nếu không đồng ý với quyết định này, có quyền khiếu nại hoặc khởi kiện theo quy định của pháp luật.',
      `Điều 3. Quyết định này có hiệu lực kể từ ngày ký. ${facts.holder.name} và các đơn vị có liên quan chịu trách nhiệm thi hành.`,
    ],
    signer: signerBlock(facts.decision.signer),
    recipients: ['Như Điều 3;', 'Lưu: VT, hồ sơ.'],
  };
}

export function revocationContent(facts: DocumentFacts, number: string): DocumentContent {
  const certificate = facts.certificate!;
  const subject = SUBJECT[facts.type];
  const reasons = facts.decision.reasons.length ? facts.decision.reasons : ['Không còn đáp ứng điều kiện theo quy định.'];
  const named = `${subject.documentType.toLocaleLowerCase('vi')} số ${certificate.number} ngày ${dateVi(certificate.issuedAt)}`;
  return {
    kind: 'revocation',
    authority: AUTHORITY,
    number,
    placeAndDate: placeAndDate(facts.decision.at),
    documentType: 'QUYẾT ĐỊNH',
    title: `Về việc thu hồi ${named}`,
    bases: [FUNCTIONS_BASIS, `Căn cứ ${facts.legalBasis};`, `Xét đề nghị của phòng chuyên môn,`],
    lead: 'GIÁM ĐỐC SỞ CÔNG THƯƠNG QUYẾT ĐỊNH:',
    facts: holderFacts(facts),
    articles: [
      `Điều 1. Thu hồi ${named} cấp cho ${facts.holder.name}, vì các lý do sau: ${reasons.map((r, i) => `(${i + 1}) ${r.replace(/[.;]\s*$/, '')}`).join('; ')}.`,
      `Điều 2. Kể từ ngày ký, ${subject.documentType.toLocaleLowerCase('vi')} nêu tại Điều 1 không còn hiệu lực; tình trạng thu hồi được công bố tại trang tra cứu của Sở Công Thương.`,
      `Điều 3. Quyết định này có hiệu lực kể từ ngày ký. ${facts.holder.name} và các đơn vị có liên quan chịu trách nhiệm thi hành.`,
    ],
    signer: signerBlock(facts.decision.signer),
    recipients: ['Như Điều 3;', 'Lưu: VT, hồ sơ.'],
  };
}

/** Number and symbol of a decision: its sequence in the year, the year, and the symbol (Decree 30 Art. 15). */
export const decisionNumber = (sequence: number, at: Date) => `${String(sequence).padStart(4, '0')}/${localDateOf(at).slice(0, 4)}/QĐ-SCT`;
