/**
 * Facility GHG emissions for one data year: purchased electricity × the grid emission factor of THAT year,
 * plus optional fuel-combustion lines × their factors; and whether the facility's inventory is mandatory.
 *
 * Rounding: every line is computed exactly (BigInt on scaled decimals) and rounded half up to 0.001 tCO2e
 * (one kilogram); the total is the sum of the rounded lines, so the page adds up. Activity data may carry at
 * most 3 decimals, factors at most 6. A year without a grid factor is an error, never a silent substitute.
 */
import { divideRoundHalfUp, scaledToNumber, toScaledInteger } from './exact-arithmetic';
import {
  DEFAULT_GHG_LEGAL_TABLES,
  type GhgLegalTables,
  type InventoryThresholdCriterion,
} from './ghg-factors.data';
import {
  type CalculationRecord,
  type FactorUsed,
  type LocalizedText,
  factorFromEntry,
  findEffective,
  formatNumber,
} from './legal-value';

export const GHG_CALCULATOR_VERSION = 'ghg-emissions@1.0.0';

export interface FuelLineInput {
  readonly fuelCode: string;
  /** In the factor's activity unit (tonnes for liquid and solid fuels, TJ for natural gas). */
  readonly quantity: number;
}

export interface GhgEmissionsInput {
  readonly dataYear: number;
  readonly electricityMwh: number;
  readonly fuelLines?: readonly FuelLineInput[];
  /** Optional facility figures for the other two inventory criteria. */
  readonly annualEnergyToe?: number;
  readonly annualWasteTonnes?: number;
}

export interface FuelLineResult {
  readonly fuelCode: string;
  readonly quantity: number;
  readonly activityUnit: string;
  readonly tCO2ePerUnit: number;
  readonly emissionsTco2e: number;
}

export interface InventoryCriterionResult {
  readonly criterion: InventoryThresholdCriterion;
  readonly value: number | null;
  readonly atLeast: number;
  readonly unit: string;
  /** Null when the facility did not give the figure. */
  readonly met: boolean | null;
}

export interface GhgEmissionsResult {
  readonly gridFactorYear: number;
  readonly gridFactorTco2PerMwh: number;
  readonly electricityEmissionsTco2e: number;
  readonly fuelLines: readonly FuelLineResult[];
  readonly totalEmissionsTco2e: number;
  readonly inventoryMandatory: boolean;
  readonly inventoryCriteria: readonly InventoryCriterionResult[];
}

const FORMULA: LocalizedText = {
  vi: 'E = điện năng tiêu thụ (MWh) × hệ số phát thải lưới điện (tCO2/MWh) + Σ lượng nhiên liệu × hệ số phát thải',
  en: 'E = electricity used (MWh) × grid emission factor (tCO2/MWh) + Σ fuel quantity × emission factor',
};
const LEGAL_BASIS = ['Decree 06/2022/ND-CP', 'Decree 119/2025/ND-CP', 'Decision 13/2024/QD-TTg'];
const ACTIVITY_DECIMALS = 3;
const FACTOR_DECIMALS = 6;
const RESULT_DECIMALS = 3;

/** activity × factor, exact, rounded half up to RESULT_DECIMALS. */
function multiplyRounded(activity: number, factor: number, label: string): number {
  const product =
    toScaledInteger(activity, ACTIVITY_DECIMALS, label) * toScaledInteger(factor, FACTOR_DECIMALS, `factor for ${label}`);
  const scale = 10n ** BigInt(ACTIVITY_DECIMALS + FACTOR_DECIMALS - RESULT_DECIMALS);
  return scaledToNumber(divideRoundHalfUp(product, scale), RESULT_DECIMALS);
}

function sumRounded(values: readonly number[]): number {
  const total = values.reduce((sum, v) => sum + toScaledInteger(v, RESULT_DECIMALS, 'emissions'), 0n);
  return scaledToNumber(total, RESULT_DECIMALS);
}

export function computeGhgEmissions(
  input: GhgEmissionsInput,
  tables: GhgLegalTables = DEFAULT_GHG_LEGAL_TABLES,
): CalculationRecord<GhgEmissionsInput, GhgEmissionsResult> {
  if (!Number.isInteger(input.dataYear)) throw new RangeError('dataYear must be a whole year');
  for (const [label, value] of [['annualEnergyToe', input.annualEnergyToe], ['annualWasteTonnes', input.annualWasteTonnes]] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw new RangeError(`${label} must be >= 0`);
  }
  const midYear = `${input.dataYear}-07-01`;
  const grid = findEffective(tables.gridEmissionFactors, (f) => f.year === input.dataYear, midYear, {
    table: 'grid emission factor',
    key: `data year ${input.dataYear}`,
  });
  const factors: FactorUsed[] = [
    factorFromEntry(grid, {
      code: 'grid_emission_factor',
      name: { vi: 'Hệ số phát thải lưới điện Việt Nam', en: 'Viet Nam grid emission factor' },
      value: grid.tCO2PerMWh,
      unit: 'tCO2/MWh',
      year: grid.year,
    }),
  ];
  const electricityEmissionsTco2e = multiplyRounded(input.electricityMwh, grid.tCO2PerMWh, 'electricityMwh');

  const fuelLines = (input.fuelLines ?? []).map((line, index): FuelLineResult => {
    const fuel = findEffective(tables.fuelEmissionFactors, (f) => f.fuelCode === line.fuelCode, midYear, {
      table: 'fuel emission factor',
      key: line.fuelCode,
    });
    if (!factors.some((f) => f.code === `fuel_factor:${fuel.fuelCode}`)) {
      factors.push(
        factorFromEntry(fuel, {
          code: `fuel_factor:${fuel.fuelCode}`,
          name: { vi: `Hệ số phát thải – ${fuel.name_vi}`, en: `Emission factor – ${fuel.name_en}` },
          value: fuel.tCO2ePerUnit,
          unit: `tCO2e/${fuel.activityUnit}`,
        }),
      );
    }
    return {
      fuelCode: fuel.fuelCode,
      quantity: line.quantity,
      activityUnit: fuel.activityUnit,
      tCO2ePerUnit: fuel.tCO2ePerUnit,
      emissionsTco2e: multiplyRounded(line.quantity, fuel.tCO2ePerUnit, `fuelLines[${index}].quantity`),
    };
  });
  const totalEmissionsTco2e = sumRounded([electricityEmissionsTco2e, ...fuelLines.map((l) => l.emissionsTco2e)]);

  const observed: Record<InventoryThresholdCriterion, number | undefined> = {
    emissions_tco2e: totalEmissionsTco2e,
    energy_toe: input.annualEnergyToe,
    waste_tonnes: input.annualWasteTonnes,
  };
  const inventoryCriteria = (['emissions_tco2e', 'energy_toe', 'waste_tonnes'] as const).map((criterion) => {
    const threshold = findEffective(tables.inventoryThresholds, (t) => t.criterion === criterion, midYear, {
      table: 'GHG inventory threshold',
      key: criterion,
    });
    factors.push(
      factorFromEntry(threshold, {
        code: `inventory_threshold:${criterion}`,
        name: { vi: threshold.name_vi, en: threshold.name_en },
        value: threshold.atLeast,
        unit: threshold.unit,
      }),
    );
    const value = observed[criterion] ?? null;
    return { criterion, value, atLeast: threshold.atLeast, unit: threshold.unit, met: value === null ? null : value >= threshold.atLeast };
  });
  const inventoryMandatory = inventoryCriteria.some((c) => c.met === true);

  const result: GhgEmissionsResult = {
    gridFactorYear: grid.year,
    gridFactorTco2PerMwh: grid.tCO2PerMWh,
    electricityEmissionsTco2e,
    fuelLines,
    totalEmissionsTco2e,
    inventoryMandatory,
    inventoryCriteria,
  };
  return {
    calculator: 'ghg-emissions',
    calculatorVersion: GHG_CALCULATOR_VERSION,
    inputs: input,
    formula: FORMULA,
    factors,
    legalBasis: LEGAL_BASIS,
    result,
    explanation: explain(input, result),
    notices: grid.verified
      ? []
      : [
          {
            code: 'grid_factor_unverified',
            message: {
              vi: `Hệ số lưới điện năm ${grid.year} là giá trị mặc định chưa được xác minh.`,
              en: `The ${grid.year} grid factor is an unverified default.`,
            },
          },
        ],
    usesUnverifiedValues: factors.some((f) => !f.verified),
  };
}

function explain(input: GhgEmissionsInput, r: GhgEmissionsResult): LocalizedText {
  const n = formatNumber;
  const fuelsVi = r.fuelLines.map((l) => ` + ${n(l.quantity, 'vi')} ${l.activityUnit} × ${n(l.tCO2ePerUnit, 'vi')}`).join('');
  const fuelsEn = r.fuelLines.map((l) => ` + ${n(l.quantity, 'en')} ${l.activityUnit} × ${n(l.tCO2ePerUnit, 'en')}`).join('');
  const verdictVi = r.inventoryMandatory ? 'thuộc diện bắt buộc kiểm kê khí nhà kính' : 'chưa đạt ngưỡng bắt buộc kiểm kê';
  const verdictEn = r.inventoryMandatory ? 'a GHG inventory is mandatory' : 'below the mandatory-inventory thresholds';
  return {
    vi:
      `E = ${n(input.electricityMwh, 'vi')} MWh × ${n(r.gridFactorTco2PerMwh, 'vi')} tCO2/MWh (hệ số năm ${r.gridFactorYear})` +
      `${fuelsVi} = ${n(r.totalEmissionsTco2e, 'vi')} tCO2e; ${verdictVi}.`,
    en:
      `E = ${n(input.electricityMwh, 'en')} MWh × ${n(r.gridFactorTco2PerMwh, 'en')} tCO2/MWh (${r.gridFactorYear} factor)` +
      `${fuelsEn} = ${n(r.totalEmissionsTco2e, 'en')} tCO2e; ${verdictEn}.`,
  };
}
