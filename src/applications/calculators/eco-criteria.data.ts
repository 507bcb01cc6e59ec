/**
 * Eco-industrial-park and eco-enterprise criteria checklist, grouped as in Decree 35/2022/ND-CP Art 37
 * (four groups). The groups are from our domain notes; the individual criteria, their thresholds and the
 * points needed per group are our paraphrase and are shipped UNVERIFIED for an administrator to correct
 * against the decree and Circular 05/2025.
 */
import type { LegalProvenance } from './legal-value';

export type EcoCriteriaGroup =
  | 'environmental_compliance'
  | 'cleaner_production_resource_efficiency'
  | 'industrial_symbiosis'
  | 'social_community';

export type EcoCertificateKind = 'eco_industrial_park' | 'eco_enterprise';

/** How a criterion is evidenced: a yes/no fact, or a percentage that must reach a minimum. */
export type EcoCriterionMeasure = { readonly kind: 'yes_no' } | { readonly kind: 'percent_at_least'; readonly min: number };

export interface EcoCriterion extends LegalProvenance {
  readonly id: string;
  readonly group: EcoCriteriaGroup;
  readonly appliesTo: readonly EcoCertificateKind[];
  readonly name_vi: string;
  readonly name_en: string;
  /** A required criterion must be met; a scored one adds its points towards the group's minimum. */
  readonly kind: 'required' | 'scored';
  readonly points: number;
  readonly measure: EcoCriterionMeasure;
}

export interface EcoGroupRule extends LegalProvenance {
  readonly group: EcoCriteriaGroup;
  readonly name_vi: string;
  readonly name_en: string;
  readonly minScoredPoints: number;
}

const BASIS = 'Decree 35/2022/ND-CP Art 37; forms in Circular 05/2025';
const SOURCE = 'Paraphrase of Decree 35/2022 criteria for this system (DOMAIN.md §4); not checked article by article';
const common = { effectiveFrom: '2022-07-15', source: SOURCE, legalBasis: BASIS, verified: false } as const;
const BOTH: readonly EcoCertificateKind[] = ['eco_industrial_park', 'eco_enterprise'];
const PARK: readonly EcoCertificateKind[] = ['eco_industrial_park'];
const YES_NO = { kind: 'yes_no' } as const;

export const ECO_GROUP_RULES: readonly EcoGroupRule[] = [
  { group: 'environmental_compliance', name_vi: 'Tuân thủ pháp luật về bảo vệ môi trường', name_en: 'Environmental protection compliance', minScoredPoints: 0, ...common },
  { group: 'cleaner_production_resource_efficiency', name_vi: 'Sản xuất sạch hơn, sử dụng hiệu quả tài nguyên', name_en: 'Cleaner production and resource efficiency', minScoredPoints: 2, ...common },
  { group: 'industrial_symbiosis', name_vi: 'Cộng sinh công nghiệp', name_en: 'Industrial symbiosis', minScoredPoints: 1, ...common },
  { group: 'social_community', name_vi: 'Lợi ích xã hội và cộng đồng', name_en: 'Social and community benefits', minScoredPoints: 1, ...common },
];

export const ECO_CRITERIA: readonly EcoCriterion[] = [
  { id: 'env_permit_valid', group: 'environmental_compliance', appliesTo: BOTH, kind: 'required', points: 0, measure: YES_NO,
    name_vi: 'Có giấy phép môi trường (hoặc đăng ký môi trường) còn hiệu lực', name_en: 'Valid environmental permit or registration', ...common },
  { id: 'env_no_serious_violation', group: 'environmental_compliance', appliesTo: BOTH, kind: 'required', points: 0, measure: YES_NO,
    name_vi: 'Không bị xử phạt vi phạm hành chính nghiêm trọng về môi trường trong thời gian xét', name_en: 'No serious environmental administrative violation in the review period', ...common },
  { id: 'env_central_wastewater', group: 'environmental_compliance', appliesTo: PARK, kind: 'required', points: 0, measure: YES_NO,
    name_vi: 'Hệ thống xử lý nước thải tập trung đạt chuẩn, có quan trắc tự động', name_en: 'Compliant central wastewater treatment with automatic monitoring', ...common },
  { id: 'cp_enterprises_applying', group: 'cleaner_production_resource_efficiency', appliesTo: PARK, kind: 'scored', points: 1,
    measure: { kind: 'percent_at_least', min: 20 },
    name_vi: 'Tỷ lệ doanh nghiệp áp dụng sản xuất sạch hơn, sử dụng hiệu quả tài nguyên', name_en: 'Share of enterprises applying cleaner production / resource efficiency', ...common },
  { id: 'cp_energy_efficiency', group: 'cleaner_production_resource_efficiency', appliesTo: BOTH, kind: 'scored', points: 1, measure: YES_NO,
    name_vi: 'Áp dụng giải pháp sử dụng năng lượng tiết kiệm và hiệu quả', name_en: 'Energy-efficiency measures in place', ...common },
  { id: 'cp_water_reuse', group: 'cleaner_production_resource_efficiency', appliesTo: BOTH, kind: 'scored', points: 1, measure: YES_NO,
    name_vi: 'Tái sử dụng nước hoặc chất thải trong sản xuất', name_en: 'Reuse of water or waste in production', ...common },
  { id: 'is_symbiosis_links', group: 'industrial_symbiosis', appliesTo: BOTH, kind: 'scored', points: 1, measure: YES_NO,
    name_vi: 'Có liên kết cộng sinh công nghiệp (trao đổi phụ phẩm, năng lượng, nước)', name_en: 'Industrial-symbiosis links (by-product, energy or water exchange)', ...common },
  { id: 'is_enterprises_participating', group: 'industrial_symbiosis', appliesTo: PARK, kind: 'scored', points: 1,
    measure: { kind: 'percent_at_least', min: 20 },
    name_vi: 'Tỷ lệ doanh nghiệp tham gia cộng sinh công nghiệp', name_en: 'Share of enterprises in industrial symbiosis', ...common },
  { id: 'sc_worker_services', group: 'social_community', appliesTo: BOTH, kind: 'scored', points: 1, measure: YES_NO,
    name_vi: 'Bảo đảm nhà ở, dịch vụ, tiện ích cho người lao động', name_en: 'Housing, services and amenities for workers', ...common },
  { id: 'sc_community_engagement', group: 'social_community', appliesTo: BOTH, kind: 'scored', points: 1, measure: YES_NO,
    name_vi: 'Cơ chế tham vấn, tiếp nhận phản ánh của cộng đồng', name_en: 'Community consultation and grievance mechanism', ...common },
];

export interface EcoCriteriaTables {
  readonly criteria: readonly EcoCriterion[];
  readonly groupRules: readonly EcoGroupRule[];
}

export const DEFAULT_ECO_CRITERIA_TABLES: EcoCriteriaTables = { criteria: ECO_CRITERIA, groupRules: ECO_GROUP_RULES };
