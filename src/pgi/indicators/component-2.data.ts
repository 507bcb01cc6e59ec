import type { IndicatorDefinition } from '../indicator.types';
import { calculatorResult, isSubmission, netApprovalSign } from './entry-facts';

interface EprResult {
  exempt: boolean;
}

/** An EPR dossier whose computed obligation applies (not exempt by revenue or import value). */
const obligated = (results: Record<string, unknown>) => calculatorResult<EprResult>(results, 'eprObligation')?.exempt === false;

/**
 * Registered obligated producers and importers, as a share of those the province knows of. DEMO VALUE: the real
 * count comes from the national EPR portal's list for Hai Phong; an administrator replaces it in a new set.
 */
const OBLIGATED_POPULATION = 120;

/** Component 2: maintaining minimum environmental standards. */
export const COMPONENT_2_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'c2_epr_obligations_fulfilled',
    component: 2,
    name: { vi: 'Nghĩa vụ EPR được xác nhận hoàn thành', en: 'EPR obligations fulfilled' },
    unit: 'hồ sơ / dossiers',
    direction: 'higher_is_better',
    aggregation: { kind: 'sum' },
    periodRule: { vi: 'Kỳ chứa ngày phê duyệt, thu hồi hoặc hết hiệu lực', en: 'Period of the approval, revocation or expiry date' },
    source: {
      vi: 'Hồ sơ EPR được phê duyệt có nghĩa vụ tái chế không được miễn (Luật Bảo vệ môi trường 2020 Điều 54–55; Nghị định 08/2022/NĐ-CP Điều 77–86; Nghị định 05/2025/NĐ-CP).',
      en: 'Approved EPR dossiers with a recycling obligation that is not exempt (Law on Environmental Protection 2020 Arts 54–55; Decree 08/2022/ND-CP Arts 77–86; Decree 05/2025/ND-CP).',
    },
    explanation: {
      vi: 'Số hồ sơ EPR thuộc diện phải thực hiện được phê duyệt (tái chế hoặc đóng góp tài chính), trừ hồ sơ bị thu hồi hoặc hết hiệu lực.',
      en: 'Obligated EPR dossiers approved (recycling or contribution), less those revoked or expired.',
    },
    formula({ entry, dossier }) {
      const sign = netApprovalSign(entry);
      if (dossier.type !== 'epr' || sign === 0 || !obligated(dossier.results)) return null;
      return { numerator: sign };
    },
  },
  {
    id: 'c2_obligated_producers_registered',
    component: 2,
    name: { vi: 'Tỷ lệ nhà sản xuất, nhập khẩu có nghĩa vụ EPR đã đăng ký', en: 'Share of obligated producers and importers registered' },
    unit: '%',
    direction: 'higher_is_better',
    aggregation: {
      kind: 'percent_of_population',
      population: OBLIGATED_POPULATION,
      populationSource: 'demo value: obligated producers and importers in Hai Phong per the national EPR portal (to be replaced)',
      verified: false,
    },
    periodRule: { vi: 'Kỳ chứa ngày nộp hồ sơ', en: 'Period of the submission date' },
    source: {
      vi: 'Hồ sơ EPR đã nộp có nghĩa vụ tái chế không được miễn, trên tổng số nhà sản xuất, nhập khẩu thuộc diện đã biết (Nghị định 08/2022/NĐ-CP Điều 77; ngưỡng theo Nghị định 05/2025/NĐ-CP).',
      en: 'Submitted EPR dossiers with a recycling obligation that is not exempt, over the known obligated population (Decree 08/2022/ND-CP Art 77; Decree 05/2025/ND-CP thresholds).',
    },
    explanation: {
      vi: 'Số hồ sơ EPR có nghĩa vụ được nộp trong kỳ, trên số doanh nghiệp có nghĩa vụ đã biết (giá trị minh họa). Một doanh nghiệp nộp hai lần được đếm hai lần.',
      en: 'Obligated EPR dossiers submitted in the period, over the known obligated population (demo value). A firm filing twice counts twice.',
    },
    formula({ entry, dossier }) {
      if (dossier.type !== 'epr' || !isSubmission(entry) || !obligated(dossier.results)) return null;
      return { numerator: 1 };
    },
  },
];

/**
 * Set 2's reading of "EPR obligations fulfilled": an EPR confirmation covers one reporting year, so its
 * certificate running out a year later does not undo the obligation fulfilled for that year; only a revocation
 * (the approval was wrong) takes it back. Set 1 subtracted expiries too, and periods projected with it keep that.
 */
export const EPR_OBLIGATIONS_FULFILLED_V2: IndicatorDefinition = {
  ...COMPONENT_2_INDICATORS[0]!,
  periodRule: { vi: 'Kỳ chứa ngày phê duyệt hoặc thu hồi', en: 'Period of the approval or revocation date' },
  explanation: {
    vi: 'Số hồ sơ EPR thuộc diện phải thực hiện được phê duyệt (tái chế hoặc đóng góp tài chính), trừ hồ sơ bị thu hồi. Giấy xác nhận hết hiệu lực sau năm báo cáo không làm mất nghĩa vụ đã hoàn thành.',
    en: 'Obligated EPR dossiers approved (recycling or contribution), less those revoked. A confirmation that runs out after its reporting year does not undo the obligation it fulfilled.',
  },
  formula({ entry, dossier }) {
    const sign = entry.to === 'expired' ? 0 : netApprovalSign(entry);
    if (dossier.type !== 'epr' || sign === 0 || !obligated(dossier.results)) return null;
    return { numerator: sign };
  },
};
