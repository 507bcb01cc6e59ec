import type { Locale } from './i18n';

/**
 * Legal values carry their legal basis and source as written in the data (English citations such as
 * "Decree 08/2022/ND-CP Arts 77–86, amended by Decree 05/2025/ND-CP"). A Vietnamese page shows them the
 * Vietnamese way ("Nghị định 08/2022/NĐ-CP, Điều 77–86, sửa đổi bởi Nghị định 05/2025/NĐ-CP"): citations follow a
 * small grammar, translated here by rules; sources are a few kinds of provenance, each given its Vietnamese words.
 * One definition for every page, export and mail that shows them. English pages get the text as written.
 */
const CITATION_RULES: readonly [RegExp, string][] = [
  [/\bLaw on Environmental Protection (\d{4})/g, 'Luật Bảo vệ môi trường $1'],
  [/\bElectricity Law (\d{4})/g, 'Luật Điện lực $1'],
  [/\bLabour Code (\d{4})/g, 'Bộ luật Lao động $1'],
  [/; working-day swap for the public service/g, '; hoán đổi ngày làm việc đối với cán bộ, công chức'],
  [/\bIPCC 2006 Guidelines Vol (\d+) Ch (\d+), Tables ([\d.]+) \(net calorific value\) and ([\d.]+) \(CO2 default factor\)/g, 'Hướng dẫn IPCC 2006, Tập $1 Chương $2, Bảng $3 (nhiệt trị thực) và Bảng $4 (hệ số CO2 mặc định)'],
  [/\bDecree (\d+\/\d{4})\/ND-CP/g, 'Nghị định $1/NĐ-CP'],
  [/\bDecree (\d+\/\d{4})/g, 'Nghị định $1'],
  [/\bDecision (\d+\/\d{4})\/QD-TTg/g, 'Quyết định $1/QĐ-TTg'],
  [/\bCircular (\d+\/\d{4})(\/[A-Z-]+)?/g, 'Thông tư $1$2'],
  [/ Arts ([\d–-]+) and (\d+)/g, ', Điều $1 và $2'],
  [/ Arts ([\d–-]+)/g, ', Điều $1'],
  [/ Art (\d+(?:\(\d+\))?) and Annex ([IVXLC]+)/g, ', Điều $1 và Phụ lục $2'],
  [/ Art (\d+(?:\(\d+\))?)/g, ', Điều $1'],
  [/\bAnnex ([IVXLC]+)/g, 'Phụ lục $1'],
  [/,? (?:as )?amended by /g, ', sửa đổi bởi '],
  [/; forms in /g, '; biểu mẫu theo '],
  [/ as amended by /g, ', sửa đổi bởi '],
  [/\(GHG inventory methods\)/g, '(phương pháp kiểm kê khí nhà kính)'],
  [/\(Fs set by the environment ministry\)/g, '(hệ số Fs do Bộ Nông nghiệp và Môi trường ban hành)'],
  [/\(implementation roadmap\)/g, '(lộ trình thực hiện)'],
  [/\(first 3-year period\)/g, '(chu kỳ 3 năm đầu)'],
  [/\(inventory by IPCC methods\)/g, '(kiểm kê theo phương pháp IPCC)'],
];

/** A legal citation in the page's language. */
export function citationIn(text: string, locale: Locale): string {
  if (locale === 'en') return text;
  return CITATION_RULES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** The kinds of source the data names, each with what a reader is told of it. */
const SOURCE_RULES: readonly { match: RegExp; vi: (m: RegExpExecArray) => string; en: (m: RegExpExecArray) => string }[] = [
  {
    // Compiled by the project from public portals; a person should know it was not checked against the gazette.
    match: /^Project domain notes\b/,
    vi: () => 'Tổng hợp từ cổng thông tin pháp luật và tin tức, chưa đối chiếu văn bản gốc',
    en: () => 'Compiled from public law portals and news, not checked against the original text',
  },
  { match: /^DEMO VALUE\b/, vi: () => 'Giá trị minh họa: chưa có hệ số chính thức', en: () => 'Demo value: no official factor yet' },
  {
    match: /^DEFAULT: the (\d{4}) official factor carried forward/,
    vi: (m) => `Mặc định: dùng hệ số chính thức năm ${m[1]} do chưa có giá trị chính thức mới hơn`,
    en: (m) => `Default: the ${m[1]} official factor carried forward until a newer one is published`,
  },
  { match: /^DEFAULT \(unverified\)/, vi: () => 'Mặc định, chưa xác minh: chưa tìm thấy giá trị pháp lý', en: () => 'Default, unverified: no legal value found' },
  { match: /^ASSUMPTION: households of 100 kW or more/, vi: () => 'Giả định: hộ gia đình từ 100 kW trở lên áp dụng mức trần của tổ chức', en: () => 'Assumption: households of 100 kW or more follow the organisation cap' },
  {
    match: /^Department of Climate Change.*?(?: for (\d{4}))?$/,
    vi: (m) => `Cục Biến đổi khí hậu (Bộ Nông nghiệp và Môi trường): hệ số phát thải lưới điện chính thức của Việt Nam${m[1] ? ` năm ${m[1]}` : ''}`,
    en: (m) => `Department of Climate Change (MAE): official Viet Nam grid emission factor${m[1] ? ` for ${m[1]}` : ''}`,
  },
  {
    match: /^(MOLISA|Ministry of Home Affairs) notice on (\d{4}) holidays for the public service( \(as reported by ([^)]+)\))?/,
    vi: (m) => `Thông báo của ${m[1] === 'MOLISA' ? 'Bộ Lao động - Thương binh và Xã hội' : 'Bộ Nội vụ'} về lịch nghỉ lễ năm ${m[2]} đối với cán bộ, công chức${m[4] ? ` (theo ${m[4]})` : ''}`,
    en: (m) => m[0],
  },
  {
    match: /^Official Dispatch (\S+) of (\d+) Dec (\d{4}) \(as reported by ([^)]+)\)/,
    vi: (m) => `Công văn ${m[1]} ngày ${m[2]}/12/${m[3]} (theo ${(m[4] ?? '').replace('VNA', 'TTXVN')})`,
    en: (m) => m[0],
  },
  { match: /^Paraphrase of Decree 35\/2022/, vi: () => 'Diễn giải tiêu chí của Nghị định 35/2022/NĐ-CP; chưa đối chiếu từng điều', en: () => 'Paraphrase of the Decree 35/2022/ND-CP criteria; not checked article by article' },
];

/**
 * A value's source in the page's language: the data's provenance notes (some name our own files) become what a
 * reader needs to know; a citation is translated; anything else (a source an administrator typed) stays as typed.
 */
export function sourceIn(text: string, locale: Locale): string {
  for (const rule of SOURCE_RULES) {
    const m = rule.match.exec(text);
    if (m) return rule[locale](m);
  }
  return citationIn(text, locale);
}

/** The data's notes on a value (for staff: how far to trust it), in Vietnamese. */
const NOTES_VI: Readonly<Record<string, string>> = {
  'Demo value for testing and training only.': 'Giá trị minh họa, chỉ dùng để thử nghiệm và tập huấn.',
  'Derived from the lunar date and the moving rule; the 2026 notice itself was not read.': 'Suy ra từ ngày âm lịch và quy tắc hoán đổi; chưa đọc văn bản thông báo năm 2026.',
  'Unverified default: CO2 only (CH4, N2O omitted); national factors may differ.': 'Giá trị mặc định, chưa xác minh: chỉ tính CO2 (bỏ qua CH4, N2O); hệ số quốc gia có thể khác.',
  'Organisation cap of 10 % before Decree 58/2025: unverified default.': 'Mức trần 10 % đối với tổ chức trước Nghị định 58/2025: giá trị mặc định, chưa xác minh.',
  'Organisation cap of 20 % after Decree 58/2025 and its start date: unverified default.': 'Mức trần 20 % đối với tổ chức theo Nghị định 58/2025 và ngày áp dụng: giá trị mặc định, chưa xác minh.',
  'Recalled from Annex XXII, not checked against the gazette: labelled default.': 'Theo Phụ lục XXII, chưa đối chiếu Công báo: giá trị mặc định.',
  'Replace with the official 2024 factor once published.': 'Thay bằng hệ số chính thức năm 2024 khi được công bố.',
  'Replace with the official 2025 factor once published; results computed with this default are marked unverified.': 'Thay bằng hệ số chính thức năm 2025 khi được công bố; kết quả tính bằng giá trị mặc định này được đánh dấu chưa xác minh.',
  'The domain notes cite it for packaging producers; we apply it to every listed product. Confirm the scope.': 'Tài liệu tổng hợp nêu giá trị này cho nhà sản xuất bao bì; hệ thống áp dụng cho mọi sản phẩm trong danh mục. Cần xác nhận phạm vi áp dụng.',
};

/** A note on a legal value in the page's language; a note not yet translated is left off a Vietnamese page. */
export function valueNoteIn(text: string, locale: Locale): string {
  return locale === 'en' ? text : (NOTES_VI[text] ?? '');
}

/** For the test that every note in the data has its Vietnamese words. */
export const translatedValueNotes = (): readonly string[] => Object.keys(NOTES_VI);
