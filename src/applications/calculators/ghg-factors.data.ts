/**
 * GHG legal values: grid emission factors by data year, default fuel factors, and the thresholds that make a
 * facility's inventory mandatory (Decree 06/2022/ND-CP as amended by Decree 119/2025/ND-CP; Decision
 * 13/2024/QD-TTg). Shipped defaults; the calculator takes the tables as a parameter.
 */
import type { LegalProvenance } from './legal-value';

export interface GridEmissionFactor extends LegalProvenance {
  /** The year of activity data the factor applies to. */
  readonly year: number;
  readonly tCO2PerMWh: number;
}

export interface FuelEmissionFactor extends LegalProvenance {
  readonly fuelCode: string;
  readonly name_vi: string;
  readonly name_en: string;
  /** Unit of the activity quantity the factor multiplies (e.g. 't' of fuel, 'TJ'). */
  readonly activityUnit: string;
  readonly tCO2ePerUnit: number;
}

export type InventoryThresholdCriterion = 'emissions_tco2e' | 'energy_toe' | 'waste_tonnes';

export interface InventoryThreshold extends LegalProvenance {
  readonly criterion: InventoryThresholdCriterion;
  /** Inventory is mandatory when the annual figure is at least this value. */
  readonly atLeast: number;
  readonly unit: string;
  readonly name_vi: string;
  readonly name_en: string;
}

const DCC = 'Department of Climate Change (former MONRE, now MAE): official Viet Nam grid emission factor';

export const GRID_EMISSION_FACTORS: readonly GridEmissionFactor[] = [
  {
    year: 2022,
    tCO2PerMWh: 0.6766,
    effectiveFrom: '2022-01-01',
    effectiveTo: '2022-12-31',
    source: `${DCC} for 2022`,
    legalBasis: 'Decree 06/2022/ND-CP (GHG inventory methods)',
    verified: true,
  },
  {
    year: 2023,
    tCO2PerMWh: 0.6592,
    effectiveFrom: '2023-01-01',
    effectiveTo: '2023-12-31',
    source: `${DCC} for 2023`,
    legalBasis: 'Decree 06/2022/ND-CP (GHG inventory methods)',
    verified: true,
  },
  {
    year: 2024,
    tCO2PerMWh: 0.6592,
    effectiveFrom: '2024-01-01',
    effectiveTo: '2024-12-31',
    source: 'DEFAULT: the 2023 official factor carried forward; the 2024 official value was not found',
    legalBasis: 'Decree 06/2022/ND-CP (GHG inventory methods)',
    verified: false,
    note: 'Replace with the official 2024 factor once published.',
  },
  {
    // Inventories of 2025 data are due in 2026: without a value they could not be filed at all.
    year: 2025,
    tCO2PerMWh: 0.6592,
    effectiveFrom: '2025-01-01',
    effectiveTo: '2025-12-31',
    source: 'DEFAULT: the 2023 official factor carried forward; no official 2025 value was found',
    legalBasis: 'Decree 06/2022/ND-CP (GHG inventory methods)',
    verified: false,
    note: 'Replace with the official 2025 factor once published; results computed with this default are marked unverified.',
  },
];

const IPCC = 'IPCC 2006 Guidelines Vol 2 Ch 1, Tables 1.2 (net calorific value) and 1.4 (CO2 default factor)';
const IPCC_NOTE = 'Unverified default: CO2 only (CH4, N2O omitted); national factors may differ.';

const ipccFuel = (
  fuelCode: string,
  name_vi: string,
  name_en: string,
  activityUnit: string,
  tCO2ePerUnit: number,
): FuelEmissionFactor => ({
  fuelCode,
  name_vi,
  name_en,
  activityUnit,
  tCO2ePerUnit,
  effectiveFrom: '2000-01-01',
  source: IPCC,
  legalBasis: 'Decree 06/2022/ND-CP Art 11 (inventory by IPCC methods), amended by Decree 119/2025/ND-CP',
  verified: false,
  note: IPCC_NOTE,
});

// Per tonne: CO2 factor (kg/TJ) × NCV (TJ/Gg) / 10^6, e.g. diesel 74,100 × 43.0 = 3.1863 t CO2 per t.
export const FUEL_EMISSION_FACTORS: readonly FuelEmissionFactor[] = [
  ipccFuel('diesel_oil', 'Dầu diesel (DO)', 'Diesel oil (DO)', 't', 3.1863),
  ipccFuel('residual_fuel_oil', 'Dầu mazut (FO)', 'Residual fuel oil (FO)', 't', 3.127),
  ipccFuel('motor_gasoline', 'Xăng', 'Motor gasoline', 't', 3.07),
  ipccFuel('lpg', 'Khí hóa lỏng (LPG)', 'Liquefied petroleum gas (LPG)', 't', 2.9846),
  ipccFuel('bituminous_coal', 'Than bitum', 'Other bituminous coal', 't', 2.4407),
  ipccFuel('natural_gas', 'Khí thiên nhiên', 'Natural gas', 'TJ', 56.1),
];

const threshold = (
  criterion: InventoryThresholdCriterion,
  atLeast: number,
  unit: string,
  name_vi: string,
  name_en: string,
): InventoryThreshold => ({
  criterion,
  atLeast,
  unit,
  name_vi,
  name_en,
  effectiveFrom: '2022-01-07',
  source: 'Project domain notes (DOMAIN.md §2), compiled from public law portals',
  legalBasis: 'Decree 06/2022/ND-CP Art 11, amended by Decree 119/2025/ND-CP; Decision 13/2024/QD-TTg',
  verified: true,
});

export const INVENTORY_THRESHOLDS: readonly InventoryThreshold[] = [
  threshold('emissions_tco2e', 3_000, 'tCO2e/yr', 'Phát thải khí nhà kính hằng năm', 'Annual GHG emissions'),
  threshold('energy_toe', 1_000, 'TOE/yr', 'Tiêu thụ năng lượng hằng năm', 'Annual energy consumption'),
  threshold('waste_tonnes', 65_000, 't/yr', 'Khối lượng chất thải xử lý hằng năm', 'Annual waste handled'),
];

export interface GhgLegalTables {
  readonly gridEmissionFactors: readonly GridEmissionFactor[];
  readonly fuelEmissionFactors: readonly FuelEmissionFactor[];
  readonly inventoryThresholds: readonly InventoryThreshold[];
}

export const DEFAULT_GHG_LEGAL_TABLES: GhgLegalTables = {
  gridEmissionFactors: GRID_EMISSION_FACTORS,
  fuelEmissionFactors: FUEL_EMISSION_FACTORS,
  inventoryThresholds: INVENTORY_THRESHOLDS,
};
