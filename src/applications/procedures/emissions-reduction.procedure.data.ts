import { ALWAYS, NO_FEE_KNOWN, allOf, defaultValue, document, when } from './procedure-data.helpers';
import type { ProcedureDefinition } from './procedure-catalogue.types';

const INVENTORY = when('submissionKind', 'inventory_report');
const forInventory = { vi: 'Khi nộp báo cáo kiểm kê khí nhà kính', en: 'When filing a GHG inventory report' };

/** Facts: submissionKind ('inventory_report' | 'reduction_plan' | 'reduction_report'), hasAllowanceQuota. */
export const EMISSIONS_REDUCTION_PROCEDURE: ProcedureDefinition = {
  applicationType: 'emissions_reduction',
  version: '2025.1',
  name_vi: 'Tiếp nhận báo cáo kiểm kê khí nhà kính, kế hoạch và báo cáo giảm phát thải của cơ sở',
  name_en: 'Facility GHG inventory, reduction plan and reduction report (provincial review)',
  effectiveFrom: '2025-08-01',
  source: 'Project domain notes (DOMAIN.md §2, §5)',
  legalBasis: 'Decree 06/2022/ND-CP, amended by Decree 119/2025/ND-CP; Decision 13/2024/QD-TTg',
  verified: false,
  timeLimitWorkingDays: defaultValue(15, 'No provincial review limit found: labelled default (DOMAIN.md §5).'),
  completenessCheckWorkingDays: defaultValue(3, 'General completeness-check limit unverified; same as rooftop solar.'),
  clockModeOnSupplementation: defaultValue('restart', 'General one-stop rule: the limit counts from a complete dossier.'),
  onlineService: defaultValue('full', 'Filed, documented and answered in this system; no fee or counter step. Check against the DOIT list of 111 fully online procedures.'),
  dvcqg: { procedureCode: defaultValue<string | null>(null, 'Look it up in the National Database on Administrative Procedures (csdl.dichvucong.gov.vn) for the DOIT of Hai Phong and set it here.'), fieldCode: defaultValue<string | null>(null, 'Look it up in the National Database on Administrative Procedures (csdl.dichvucong.gov.vn) for the DOIT of Hai Phong and set it here.') },
  stages: [],
  documents: [
    document('cover_letter', { vi: 'Công văn gửi kèm', en: 'Cover letter' }, ALWAYS),
    document('ghg_inventory_report', { vi: 'Báo cáo kết quả kiểm kê khí nhà kính cấp cơ sở', en: 'Facility GHG inventory report' }, INVENTORY, forInventory),
    document('activity_data_sheet', { vi: 'Bảng số liệu hoạt động (điện, nhiên liệu)', en: 'Activity data sheet (electricity, fuels)' }, INVENTORY, forInventory),
    document('energy_bills_evidence', { vi: 'Hóa đơn, chứng từ tiêu thụ năng lượng', en: 'Energy bills and consumption evidence' }, INVENTORY, forInventory),
    document('verification_report', { vi: 'Báo cáo thẩm định độc lập kết quả kiểm kê', en: 'Independent verification report of the inventory' },
      allOf(INVENTORY, when('hasAllowanceQuota', true)), {
        vi: 'Cơ sở được phân bổ hạn ngạch phát thải',
        en: 'Facility holding an emission allowance quota',
      }),
    document('reduction_plan', { vi: 'Kế hoạch giảm nhẹ phát thải khí nhà kính', en: 'GHG reduction plan' }, when('submissionKind', 'reduction_plan'), {
      vi: 'Khi nộp kế hoạch giảm phát thải',
      en: 'When filing a reduction plan',
    }),
    document('reduction_results_report', { vi: 'Báo cáo kết quả giảm nhẹ phát thải hằng năm', en: 'Annual reduction results report' }, when('submissionKind', 'reduction_report'), {
      vi: 'Khi nộp báo cáo kết quả giảm phát thải',
      en: 'When filing a reduction report',
    }),
  ],
  fees: NO_FEE_KNOWN,
};
