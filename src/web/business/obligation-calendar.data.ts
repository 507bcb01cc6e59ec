import type { LocalizedText } from '../../applications/calculators';

/**
 * Recurring reporting obligations as data, each with where it comes from. The dates are those the project's
 * domain notes give (DOMAIN.md §1–2); those the notes call "widely cited" are shipped unverified.
 */
export interface RecurringObligation {
  id: string;
  procedure: 'epr' | 'emissions_reduction';
  /** Day of the year the obligation falls on, as month and day. */
  month: number;
  day: number;
  /** 'by': on or before that day; 'before': strictly before it. */
  limit: 'by' | 'before';
  /** Only every n-th year counted from `fromYear` (the facility inventory is biennial). */
  everyYears?: number;
  fromYear?: number;
  title: LocalizedText;
  legalBasis: string;
  source: string;
  verified: boolean;
}

const DOMAIN_EPR = 'Project domain notes (DOMAIN.md §1): "widely cited, unverified"';
const EPR_BASIS = 'Decree 08/2022/ND-CP Arts 77–86, amended by Decree 05/2025/ND-CP';
const GHG_BASIS = 'Decree 06/2022/ND-CP Art 11, amended by Decree 119/2025/ND-CP';

export const RECURRING_OBLIGATIONS: readonly RecurringObligation[] = [
  {
    id: 'epr_recycling_plan',
    procedure: 'epr',
    month: 3,
    day: 31,
    limit: 'by',
    title: { vi: 'Nộp kế hoạch tái chế, bản kê khai và báo cáo kết quả tái chế năm trước (EPR)', en: 'File the recycling plan, declaration and last year\'s recycling results report (EPR)' },
    legalBasis: EPR_BASIS,
    source: DOMAIN_EPR,
    verified: false,
  },
  {
    id: 'epr_contribution',
    procedure: 'epr',
    month: 4,
    day: 20,
    limit: 'before',
    title: { vi: 'Nộp tiền đóng góp tài chính vào Quỹ Bảo vệ môi trường Việt Nam (EPR)', en: 'Pay the financial contribution to the Viet Nam Environmental Protection Fund (EPR)' },
    legalBasis: EPR_BASIS,
    source: DOMAIN_EPR,
    verified: false,
  },
  {
    id: 'ghg_activity_data',
    procedure: 'emissions_reduction',
    month: 3,
    day: 31,
    limit: 'before',
    title: { vi: 'Cung cấp số liệu hoạt động năm trước phục vụ kiểm kê khí nhà kính', en: 'Provide last year\'s activity data for the GHG inventory' },
    legalBasis: GHG_BASIS,
    source: 'Project domain notes (DOMAIN.md §2)',
    verified: true,
  },
  {
    id: 'ghg_facility_inventory',
    procedure: 'emissions_reduction',
    month: 3,
    day: 31,
    limit: 'by',
    everyYears: 2,
    fromYear: 2024,
    title: { vi: 'Nộp báo cáo kiểm kê khí nhà kính cấp cơ sở (2 năm một lần)', en: 'File the facility GHG inventory report (every 2 years)' },
    legalBasis: GHG_BASIS,
    source: 'Project domain notes (DOMAIN.md §2): biennial from 2024; the 31 March date is "commonly cited, unverified"',
    verified: false,
  },
];
