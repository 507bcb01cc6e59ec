/**
 * Public-service calendar exceptions for Viet Nam, 2025–2026, as editable data.
 *
 * Only exceptions are listed: weekdays that are not worked (holidays, bridge or compensatory days off) and
 * Saturdays that are worked (make-up days). Every other Monday–Friday is a working day, every Saturday and
 * Sunday a rest day. An administrator later keeps this table in the database; the working-day functions take
 * the table as a parameter, so this file is only the shipped default.
 *
 * Entries that fall on a weekend anyway (e.g. Tết break Saturdays) are not listed: they change nothing.
 */

export type CalendarEntryKind = 'holiday' | 'day_off' | 'makeup_workday';

export interface CalendarEntry {
  /** Local date in Asia/Ho_Chi_Minh, 'YYYY-MM-DD'. */
  readonly date: string;
  readonly kind: CalendarEntryKind;
  readonly name_vi: string;
  readonly name_en: string;
  readonly legalBasis: string;
  readonly source: string;
  readonly verified: boolean;
  readonly note?: string;
}

const LABOUR_CODE_ART_112 = 'Labour Code 2019 (45/2019/QH14) Art 112';
const DOMAIN_NOTES = 'Project domain notes (DOMAIN.md §6), compiled from public news and law portals';
const SOURCE_2025_HOLIDAY_NOTICE = 'MOLISA notice on 2025 holidays for the public service (as reported by VietnamPlus/TTXVN)';
const SOURCE_2026_NEW_YEAR_SWAP =
  'Official Dispatch 12729/VPCP-KGVX of 25 Dec 2025 (as reported by Viet Nam News, SGGP, VNA)';
const SOURCE_2026_HOLIDAY_NOTICE = 'Ministry of Home Affairs notice on 2026 holidays for the public service';

function tetDay(date: string, source: string, verified: boolean): CalendarEntry {
  return {
    date,
    kind: 'holiday',
    name_vi: 'Tết Âm lịch',
    name_en: 'Lunar New Year (Tết)',
    legalBasis: LABOUR_CODE_ART_112,
    source,
    verified,
  };
}

export const HOLIDAY_CALENDAR_2025: readonly CalendarEntry[] = [
  {
    date: '2025-01-01',
    kind: 'holiday',
    name_vi: 'Tết Dương lịch',
    name_en: "New Year's Day",
    legalBasis: LABOUR_CODE_ART_112,
    source: LABOUR_CODE_ART_112,
    verified: true,
  },
  // Break 25 Jan – 2 Feb; the five statutory Tết days are the weekdays 27–31 Jan.
  ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((date) =>
    tetDay(date, DOMAIN_NOTES, true),
  ),
  {
    date: '2025-04-07',
    kind: 'holiday',
    name_vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    name_en: 'Hung Kings Commemoration Day (10th day of the 3rd lunar month)',
    legalBasis: LABOUR_CODE_ART_112,
    source: DOMAIN_NOTES,
    verified: true,
  },
  {
    date: '2025-04-26',
    kind: 'makeup_workday',
    name_vi: 'Làm bù cho ngày nghỉ 02/5/2025',
    name_en: 'Saturday worked to make up for the 2 May 2025 day off',
    legalBasis: `${LABOUR_CODE_ART_112}; working-day swap for the public service`,
    source: SOURCE_2025_HOLIDAY_NOTICE,
    verified: true,
  },
  {
    date: '2025-04-30',
    kind: 'holiday',
    name_vi: 'Ngày Chiến thắng',
    name_en: 'Reunification Day',
    legalBasis: LABOUR_CODE_ART_112,
    source: LABOUR_CODE_ART_112,
    verified: true,
  },
  {
    date: '2025-05-01',
    kind: 'holiday',
    name_vi: 'Ngày Quốc tế Lao động',
    name_en: 'International Labour Day',
    legalBasis: LABOUR_CODE_ART_112,
    source: LABOUR_CODE_ART_112,
    verified: true,
  },
  {
    date: '2025-05-02',
    kind: 'day_off',
    name_vi: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)',
    name_en: 'Bridge day off (made up on Saturday 26 Apr 2025)',
    legalBasis: `${LABOUR_CODE_ART_112}; working-day swap for the public service`,
    source: SOURCE_2025_HOLIDAY_NOTICE,
    verified: true,
  },
  // Break 30 Aug – 2 Sep; 30–31 Aug are a weekend, so only 1–2 Sep change the count.
  {
    date: '2025-09-01',
    kind: 'holiday',
    name_vi: 'Quốc khánh (ngày liền kề)',
    name_en: 'National Day (adjacent day)',
    legalBasis: LABOUR_CODE_ART_112,
    source: DOMAIN_NOTES,
    verified: true,
  },
  {
    date: '2025-09-02',
    kind: 'holiday',
    name_vi: 'Quốc khánh',
    name_en: 'National Day',
    legalBasis: LABOUR_CODE_ART_112,
    source: LABOUR_CODE_ART_112,
    verified: true,
  },
];

export const HOLIDAY_CALENDAR_2026: readonly CalendarEntry[] = [
  {
    date: '2026-01-01',
    kind: 'holiday',
    name_vi: 'Tết Dương lịch',
    name_en: "New Year's Day",
    legalBasis: LABOUR_CODE_ART_112,
    source: LABOUR_CODE_ART_112,
    verified: true,
  },
  {
    date: '2026-01-02',
    kind: 'day_off',
    name_vi: 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/1/2026)',
    name_en: "New Year bridge day off (made up on Saturday 10 Jan 2026)",
    legalBasis: `${LABOUR_CODE_ART_112}; working-day swap for the public service`,
    source: SOURCE_2026_NEW_YEAR_SWAP,
    verified: true,
  },
  {
    date: '2026-01-10',
    kind: 'makeup_workday',
    name_vi: 'Làm bù cho ngày nghỉ 02/01/2026',
    name_en: 'Saturday worked to make up for the 2 Jan 2026 day off',
    legalBasis: `${LABOUR_CODE_ART_112}; working-day swap for the public service`,
    source: SOURCE_2026_NEW_YEAR_SWAP,
    verified: true,
  },
  // Break 14–22 Feb; the five statutory Tết days (one before, four after Lunar New Year 17 Feb) are 16–20 Feb.
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) =>
    tetDay(date, DOMAIN_NOTES, true),
  ),
  {
    date: '2026-04-27',
    kind: 'day_off',
    name_vi: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật 26/4/2026)',
    name_en: 'Hung Kings Commemoration Day, moved from Sunday 26 Apr 2026 to the next working day',
    legalBasis: `${LABOUR_CODE_ART_112} (a holiday on a weekly rest day moves to the next working day)`,
    source: SOURCE_2026_HOLIDAY_NOTICE,
    verified: false,
    note: 'Derived from the lunar date and the moving rule; the 2026 notice itself was not read.',
  },
  {
    date: '2026-04-30',
    kind: 'holiday',
    name_vi: 'Ngày Chiến thắng',
    name_en: 'Reunification Day',
    legalBasis: LABOUR_CODE_ART_112,
    source: LABOUR_CODE_ART_112,
    verified: true,
  },
  {
    date: '2026-05-01',
    kind: 'holiday',
    name_vi: 'Ngày Quốc tế Lao động',
    name_en: 'International Labour Day',
    legalBasis: LABOUR_CODE_ART_112,
    source: LABOUR_CODE_ART_112,
    verified: true,
  },
  {
    date: '2026-08-22',
    kind: 'makeup_workday',
    name_vi: 'Làm bù cho ngày nghỉ 31/8/2026',
    name_en: 'Saturday worked to make up for the 31 Aug 2026 day off',
    legalBasis: `${LABOUR_CODE_ART_112}; working-day swap for the public service`,
    source: DOMAIN_NOTES,
    verified: true,
  },
  {
    date: '2026-08-31',
    kind: 'day_off',
    name_vi: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)',
    name_en: 'National Day bridge day off (made up on Saturday 22 Aug 2026)',
    legalBasis: `${LABOUR_CODE_ART_112}; working-day swap for the public service`,
    source: DOMAIN_NOTES,
    verified: true,
  },
  {
    date: '2026-09-01',
    kind: 'holiday',
    name_vi: 'Quốc khánh (ngày liền kề)',
    name_en: 'National Day (adjacent day)',
    legalBasis: LABOUR_CODE_ART_112,
    source: DOMAIN_NOTES,
    verified: true,
  },
  {
    date: '2026-09-02',
    kind: 'holiday',
    name_vi: 'Quốc khánh',
    name_en: 'National Day',
    legalBasis: LABOUR_CODE_ART_112,
    source: LABOUR_CODE_ART_112,
    verified: true,
  },
];

/** The shipped default; the years it lists are the years the calendar claims to know. */
export const DEFAULT_HOLIDAY_CALENDAR: readonly CalendarEntry[] = [...HOLIDAY_CALENDAR_2025, ...HOLIDAY_CALENDAR_2026];
