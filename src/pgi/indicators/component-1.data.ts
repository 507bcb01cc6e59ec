import type { IndicatorDefinition } from '../indicator.types';
import { finiteNumber, isSubmission, localDateOfEntry, netApprovalSign } from './entry-facts';

const ON_DECISION = { vi: 'Kỳ chứa ngày quyết định (phê duyệt, thu hồi, hết hiệu lực)', en: 'Period of the decision date (approval, revocation, expiry)' };

/** Component 1: minimizing pollution and climate hazards to firms. */
export const COMPONENT_1_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'c1_ghg_inventories_on_time',
    component: 1,
    name: { vi: 'Tỷ lệ báo cáo kiểm kê khí nhà kính nộp đúng hạn', en: 'GHG inventory reports submitted on time' },
    unit: '%',
    direction: 'higher_is_better',
    aggregation: { kind: 'percent' },
    periodRule: { vi: 'Kỳ chứa ngày nộp hồ sơ', en: 'Period of the submission date' },
    source: {
      vi: 'Hồ sơ giảm phát thải (năm số liệu và ngày nộp hồ sơ). Nghị định 06/2022/NĐ-CP, sửa đổi bởi Nghị định 119/2025/NĐ-CP: số liệu hoạt động và báo cáo trước 31/3 năm sau (mốc thường được nêu, chưa xác minh).',
      en:
        'Emissions-reduction dossiers (their data year and submission date). Decree 06/2022/ND-CP as amended by Decree 119/2025/ND-CP: ' +
        'activity data and reports by 31 March of the following year (date widely cited, unverified).',
    },
    explanation: {
      vi: 'Số hồ sơ kiểm kê nộp trước hoặc vào ngày 31/3 năm sau năm dữ liệu, trên tổng số hồ sơ kiểm kê đã nộp.',
      en: 'Inventories submitted on or before 31 March after their data year, over all inventories submitted.',
    },
    formula({ entry, dossier }) {
      const dataYear = finiteNumber(dossier.data.dataYear);
      if (dossier.type !== 'emissions_reduction' || !isSubmission(entry) || dataYear === undefined) return null;
      return { numerator: localDateOfEntry(entry) <= `${dataYear + 1}-03-31` ? 1 : 0, denominator: 1 };
    },
  },
  {
    id: 'c1_tco2e_reduction_planned',
    component: 1,
    name: { vi: 'Lượng giảm phát thải khí nhà kính theo kế hoạch được phê duyệt', en: 'GHG reduction planned in approved plans' },
    unit: 'tCO2e',
    direction: 'higher_is_better',
    aggregation: { kind: 'sum' },
    periodRule: ON_DECISION,
    source: {
      vi: 'Hồ sơ giảm phát thải được phê duyệt, mục tiêu giảm phát thải đã khai (Nghị định 06/2022/NĐ-CP: kế hoạch giảm phát thải của cơ sở).',
      en: 'Approved emissions-reduction dossiers, their declared reduction target (Decree 06/2022/ND-CP: facility reduction plans).',
    },
    explanation: {
      vi: 'Tổng mục tiêu giảm phát thải của các kế hoạch được phê duyệt trong kỳ, trừ kế hoạch bị thu hồi.',
      en: 'Sum of the reduction targets of plans approved in the period, less plans revoked.',
    },
    formula({ entry, dossier }) {
      const sign = netApprovalSign(entry);
      const target = finiteNumber(dossier.data.reductionTargetTco2e);
      if (dossier.type !== 'emissions_reduction' || sign === 0 || target === undefined) return null;
      return { numerator: sign * target };
    },
  },
  {
    id: 'c1_renewable_capacity_kwp',
    component: 1,
    name: { vi: 'Công suất điện mặt trời mái nhà được đăng ký', en: 'Rooftop solar capacity registered' },
    unit: 'kWp',
    direction: 'higher_is_better',
    aggregation: { kind: 'sum' },
    periodRule: ON_DECISION,
    source: {
      vi: 'Hồ sơ điện mặt trời mái nhà được phê duyệt, công suất đỉnh đã khai (Nghị định 135/2024/NĐ-CP, sửa đổi bởi Nghị định 58/2025/NĐ-CP).',
      en: 'Approved renewable-energy dossiers, their declared peak capacity (Decree 135/2024/ND-CP, amended by Decree 58/2025/ND-CP).',
    },
    explanation: {
      vi: 'Tổng công suất của các hệ thống được chấp thuận trong kỳ, trừ hệ thống bị thu hồi hoặc hết hiệu lực.',
      en: 'Capacity of systems approved in the period, less systems revoked or expired.',
    },
    formula({ entry, dossier }) {
      const sign = netApprovalSign(entry);
      const capacity = finiteNumber(dossier.data.capacityKw);
      if (dossier.type !== 'renewable_energy' || sign === 0 || capacity === undefined) return null;
      return { numerator: sign * capacity };
    },
  },
];
