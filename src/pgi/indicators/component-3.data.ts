import type { IndicatorDefinition } from '../indicator.types';
import { netApprovalSign } from './entry-facts';

const ON_DECISION = { vi: 'Kỳ chứa ngày phê duyệt, thu hồi hoặc hết hiệu lực', en: 'Period of the approval, revocation or expiry date' };
const BASIS = { vi: 'Hồ sơ chuyển đổi xanh (Nghị định 35/2022/NĐ-CP Điều 37 và 40; mẫu theo Thông tư 05/2025)', en: 'Green-transformation dossiers (Decree 35/2022/ND-CP Arts 37 and 40; forms in Circular 05/2025)' };

function certified(kind: 'eco_industrial_park' | 'eco_enterprise'): IndicatorDefinition['formula'] {
  return ({ entry, dossier }) => {
    const sign = netApprovalSign(entry);
    if (dossier.type !== 'green_transformation' || sign === 0 || dossier.data.certificateKind !== kind) return null;
    return { numerator: sign };
  };
}

/** Component 3: the provincial leadership's role in promoting green practices. */
export const COMPONENT_3_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'c3_eco_industrial_parks_certified',
    component: 3,
    name: { vi: 'Khu công nghiệp sinh thái được công nhận', en: 'Eco-industrial parks certified' },
    unit: 'khu / parks',
    direction: 'higher_is_better',
    aggregation: { kind: 'sum' },
    periodRule: ON_DECISION,
    source: { vi: `${BASIS.vi}, loại công nhận: khu công nghiệp sinh thái.`, en: `${BASIS.en}, recognition sought: eco-industrial park.` },
    explanation: { vi: 'Số khu được công nhận trong kỳ, trừ công nhận bị thu hồi hoặc hết hiệu lực.', en: 'Parks certified in the period, less certifications revoked or expired.' },
    formula: certified('eco_industrial_park'),
  },
  {
    id: 'c3_eco_enterprises_certified',
    component: 3,
    name: { vi: 'Doanh nghiệp sinh thái được công nhận', en: 'Eco-enterprises certified' },
    unit: 'doanh nghiệp / enterprises',
    direction: 'higher_is_better',
    aggregation: { kind: 'sum' },
    periodRule: ON_DECISION,
    source: { vi: `${BASIS.vi}, loại công nhận: doanh nghiệp sinh thái.`, en: `${BASIS.en}, recognition sought: eco-enterprise.` },
    explanation: { vi: 'Số doanh nghiệp được công nhận trong kỳ, trừ công nhận bị thu hồi hoặc hết hiệu lực.', en: 'Enterprises certified in the period, less certifications revoked or expired.' },
    formula: certified('eco_enterprise'),
  },
  {
    id: 'c3_green_transformation_plans_approved',
    component: 3,
    name: { vi: 'Kế hoạch chuyển đổi xanh được phê duyệt', en: 'Green-transformation plans approved' },
    unit: 'kế hoạch / plans',
    direction: 'higher_is_better',
    aggregation: { kind: 'sum' },
    periodRule: ON_DECISION,
    source: { vi: `${BASIS.vi}, được phê duyệt và có tóm tắt kế hoạch chuyển đổi xanh.`, en: `${BASIS.en}, approved with a summary of the green-transformation plan.` },
    explanation: { vi: 'Số hồ sơ chuyển đổi xanh có kế hoạch được phê duyệt trong kỳ, trừ hồ sơ bị thu hồi.', en: 'Green-transformation dossiers with a plan approved in the period, less revocations.' },
    formula({ entry, dossier }) {
      const sign = netApprovalSign(entry);
      const plan = dossier.data.transformationPlanSummary;
      if (dossier.type !== 'green_transformation' || sign === 0 || typeof plan !== 'string' || plan.trim() === '') return null;
      return { numerator: sign };
    },
  },
];
