/**
 * EPR legal values (Law on Environmental Protection 2020 Arts 54–55; Decree 08/2022/ND-CP Arts 77–86 and
 * Annex XXII, amended by Decree 05/2025/ND-CP). Shipped defaults; the calculator takes each table as a
 * parameter so the administrator's database version can be used instead.
 */
import type { LegalProvenance } from './legal-value';

export type EprProductCategory = 'packaging' | 'battery' | 'lubricant' | 'tyre' | 'electrical_electronic' | 'vehicle';

export interface EprProduct {
  readonly productCode: string;
  readonly category: EprProductCategory;
  readonly name_vi: string;
  readonly name_en: string;
}

export interface EprCategoryObligationStart extends LegalProvenance {
  readonly category: EprProductCategory;
}

export interface EprRecyclingRate extends LegalProvenance {
  readonly productCode: string;
  /** Mandatory recycling rate R, in percent of the mass placed on the market. */
  readonly ratePercent: number;
}

export interface EprRecyclingCostNorm extends LegalProvenance {
  readonly productCode: string;
  /** Fs: recycling-cost norm in VND per kg (set by a MAE circular). */
  readonly vndPerKg: number;
}

export interface EprExemptionThreshold extends LegalProvenance {
  readonly role: 'producer' | 'importer';
  /** Exempt when the previous year's measure is strictly below this amount. */
  readonly belowVnd: number;
  readonly measure_vi: string;
  readonly measure_en: string;
}

const ANNEX_XXII = 'Decree 08/2022/ND-CP Art 78 and Annex XXII (first 3-year period), amended by Decree 05/2025/ND-CP';
const DOMAIN_NOTES = 'Project domain notes (DOMAIN.md §1), compiled from public law portals and news';
const FIRST_PERIOD = { effectiveFrom: '2024-01-01', effectiveTo: '2026-12-31' } as const;

export const EPR_PRODUCTS: readonly EprProduct[] = [
  { productCode: 'packaging_paper_carton', category: 'packaging', name_vi: 'Bao bì giấy, carton', name_en: 'Paper and carton packaging' },
  { productCode: 'packaging_mixed_paper', category: 'packaging', name_vi: 'Bao bì giấy hỗn hợp', name_en: 'Mixed-paper packaging' },
  { productCode: 'packaging_aluminium', category: 'packaging', name_vi: 'Bao bì nhôm', name_en: 'Aluminium packaging' },
  {
    productCode: 'packaging_iron_other_metals',
    category: 'packaging',
    name_vi: 'Bao bì sắt và kim loại khác',
    name_en: 'Iron and other metal packaging',
  },
  { productCode: 'packaging_rigid_pet', category: 'packaging', name_vi: 'Bao bì PET cứng', name_en: 'Rigid PET packaging' },
  {
    productCode: 'packaging_rigid_hdpe_ldpe_pp_ps',
    category: 'packaging',
    name_vi: 'Bao bì cứng HDPE, LDPE, PP, PS',
    name_en: 'Rigid HDPE, LDPE, PP, PS packaging',
  },
  { productCode: 'packaging_glass', category: 'packaging', name_vi: 'Bao bì thủy tinh', name_en: 'Glass packaging' },
  { productCode: 'battery_lead_acid', category: 'battery', name_vi: 'Ắc quy chì', name_en: 'Lead-acid batteries' },
  { productCode: 'lubricant_oil', category: 'lubricant', name_vi: 'Dầu nhớt', name_en: 'Lubricating oil' },
  { productCode: 'tyre', category: 'tyre', name_vi: 'Săm, lốp', name_en: 'Tyres and inner tubes' },
];

const categoryStart = (category: EprProductCategory, effectiveFrom: string): EprCategoryObligationStart => ({
  category,
  effectiveFrom,
  source: DOMAIN_NOTES,
  legalBasis: 'Decree 08/2022/ND-CP Art 77 and Annex XXII (implementation roadmap)',
  verified: true,
});

export const EPR_CATEGORY_OBLIGATION_STARTS: readonly EprCategoryObligationStart[] = [
  categoryStart('packaging', '2024-01-01'),
  categoryStart('battery', '2024-01-01'),
  categoryStart('lubricant', '2024-01-01'),
  categoryStart('tyre', '2024-01-01'),
  categoryStart('electrical_electronic', '2025-01-01'),
  categoryStart('vehicle', '2027-01-01'),
];

const verifiedRate = (productCode: string, ratePercent: number): EprRecyclingRate => ({
  productCode,
  ratePercent,
  ...FIRST_PERIOD,
  source: DOMAIN_NOTES,
  legalBasis: ANNEX_XXII,
  verified: true,
});

const unverifiedRate = (productCode: string, ratePercent: number): EprRecyclingRate => ({
  ...verifiedRate(productCode, ratePercent),
  verified: false,
  note: 'Recalled from Annex XXII, not checked against the gazette: labelled default.',
});

export const EPR_RECYCLING_RATES: readonly EprRecyclingRate[] = [
  verifiedRate('packaging_paper_carton', 20),
  verifiedRate('packaging_mixed_paper', 15),
  verifiedRate('packaging_aluminium', 22),
  verifiedRate('packaging_iron_other_metals', 20),
  verifiedRate('packaging_rigid_pet', 22),
  unverifiedRate('packaging_rigid_hdpe_ldpe_pp_ps', 15),
  unverifiedRate('packaging_glass', 15),
  unverifiedRate('battery_lead_acid', 8),
  unverifiedRate('lubricant_oil', 15),
  unverifiedRate('tyre', 2),
];

const demoNorm = (productCode: string, vndPerKg: number): EprRecyclingCostNorm => ({
  productCode,
  vndPerKg,
  effectiveFrom: '2024-01-01',
  source: 'DEMO VALUE: no official Fs found; replace with the MAE circular value',
  legalBasis: 'Decree 08/2022/ND-CP Art 81 (Fs set by the environment ministry)',
  verified: false,
  note: 'Demo value for testing and training only.',
});

export const EPR_RECYCLING_COST_NORMS: readonly EprRecyclingCostNorm[] = [
  demoNorm('packaging_paper_carton', 2_000),
  demoNorm('packaging_mixed_paper', 2_500),
  demoNorm('packaging_aluminium', 3_000),
  demoNorm('packaging_iron_other_metals', 2_500),
  demoNorm('packaging_rigid_pet', 4_000),
  demoNorm('packaging_rigid_hdpe_ldpe_pp_ps', 4_500),
  demoNorm('packaging_glass', 1_500),
  demoNorm('battery_lead_acid', 5_000),
  demoNorm('lubricant_oil', 3_500),
  demoNorm('tyre', 3_000),
];

const EXEMPTION_BASIS = 'Decree 08/2022/ND-CP Art 77(3), as amended by Decree 05/2025/ND-CP';

export const EPR_EXEMPTION_THRESHOLDS: readonly EprExemptionThreshold[] = [
  {
    role: 'producer',
    belowVnd: 30_000_000_000,
    measure_vi: 'doanh thu năm trước liền kề',
    measure_en: "previous year's revenue",
    effectiveFrom: '2024-01-01',
    source: DOMAIN_NOTES,
    legalBasis: EXEMPTION_BASIS,
    verified: true,
    note: 'The domain notes cite it for packaging producers; we apply it to every listed product. Confirm the scope.',
  },
  {
    role: 'importer',
    belowVnd: 20_000_000_000,
    measure_vi: 'tổng giá trị nhập khẩu năm trước liền kề',
    measure_en: "previous year's total import value",
    effectiveFrom: '2024-01-01',
    source: DOMAIN_NOTES,
    legalBasis: EXEMPTION_BASIS,
    verified: true,
  },
];

export interface EprLegalTables {
  readonly products: readonly EprProduct[];
  readonly categoryObligationStarts: readonly EprCategoryObligationStart[];
  readonly recyclingRates: readonly EprRecyclingRate[];
  readonly recyclingCostNorms: readonly EprRecyclingCostNorm[];
  readonly exemptionThresholds: readonly EprExemptionThreshold[];
}

export const DEFAULT_EPR_LEGAL_TABLES: EprLegalTables = {
  products: EPR_PRODUCTS,
  categoryObligationStarts: EPR_CATEGORY_OBLIGATION_STARTS,
  recyclingRates: EPR_RECYCLING_RATES,
  recyclingCostNorms: EPR_RECYCLING_COST_NORMS,
  exemptionThresholds: EPR_EXEMPTION_THRESHOLDS,
};
