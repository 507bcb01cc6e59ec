/**
 * Rooftop solar: which DOIT procedure applies, whether a licence is needed, and whether the surplus sold stays
 * within the cap (surplus share = surplus kWh / output kWh). The comparison is exact (scaled integers), so a
 * share of exactly the cap is within it; the displayed share is rounded half up to 0.01 %.
 */
import { divideRoundHalfUp, scaledToNumber, toScaledInteger } from './exact-arithmetic';
import {
  type CalculationNotice,
  type CalculationRecord,
  type FactorUsed,
  type LocalizedText,
  factorFromEntry,
  findEffective,
  formatNumber,
} from './legal-value';
import { DEFAULT_SOLAR_LEGAL_TABLES, type SolarLegalTables, type SolarOwnerKind } from './solar-rules.data';

export const SOLAR_CALCULATOR_VERSION = 'solar-surplus@1.0.0';

export type SolarGridConnection = 'off_grid' | 'grid_no_export' | 'grid_surplus_sale';
export type SolarRequirement = 'notification_only' | 'registration' | 'registration_and_licence';

export interface SolarSurplusInput {
  readonly ownerKind: SolarOwnerKind;
  readonly capacityKw: number;
  readonly gridConnection: SolarGridConnection;
  /** Actual (or planned) annual output and the surplus sold, kWh; needed only when surplus is sold. */
  readonly annualOutputKwh?: number;
  readonly surplusSoldKwh?: number;
  /** Local date whose rules apply, 'YYYY-MM-DD' (the caller passes today or the application date). */
  readonly onDate: string;
}

export interface SolarSurplusResult {
  readonly requirement: SolarRequirement;
  readonly licenceRequired: boolean;
  readonly capPercent: number | null;
  readonly surplusSharePercent: number | null;
  /** Null when no cap applies or the output figures were not given. */
  readonly withinCap: boolean | null;
  readonly reasons: readonly CalculationNotice[];
}

const FORMULA: LocalizedText = {
  vi: 'Tỷ lệ sản lượng dư = sản lượng dư bán lên lưới (kWh) / tổng sản lượng (kWh) ≤ mức trần',
  en: 'Surplus share = surplus sold to the grid (kWh) / total output (kWh) ≤ cap',
};
const LEGAL_BASIS = ['Decree 135/2024/ND-CP', 'Decree 58/2025/ND-CP'];

export function computeSolarSurplus(
  input: SolarSurplusInput,
  tables: SolarLegalTables = DEFAULT_SOLAR_LEGAL_TABLES,
): CalculationRecord<SolarSurplusInput, SolarSurplusResult> {
  const capacity = toScaledInteger(input.capacityKw, 3, 'capacityKw');
  const factors: FactorUsed[] = [];
  const reasons: CalculationNotice[] = [];
  let result: SolarSurplusResult;

  if (input.gridConnection !== 'grid_surplus_sale') {
    reasons.push({
      code: 'no_export_notification_only',
      message: {
        vi: 'Hệ thống không nối lưới hoặc không phát điện lên lưới: không cần giấy phép, không giới hạn công suất; chỉ thông báo Sở Công Thương và đơn vị điện lực.',
        en: 'Off-grid or never-exporting system: no licence and no capacity cap; notify the DOIT and the power company only.',
      },
    });
    result = { requirement: 'notification_only', licenceRequired: false, capPercent: null, surplusSharePercent: null, withinCap: null, reasons };
  } else {
    const licence = findEffective(tables.licenceThresholds, () => true, input.onDate, { table: 'solar licence threshold', key: 'all' });
    factors.push(
      factorFromEntry(licence, {
        code: 'solar_licence_threshold',
        name: { vi: 'Ngưỡng công suất phải có giấy phép', en: 'Capacity requiring a licence' },
        value: licence.licenceRequiredFromKw,
        unit: 'kW',
      }),
    );
    const licenceRequired = capacity >= toScaledInteger(licence.licenceRequiredFromKw, 3, 'licence threshold');
    reasons.push(
      licenceRequired
        ? {
            code: 'licence_required',
            message: {
              vi: `Công suất ${formatNumber(input.capacityKw, 'vi')} kW ≥ ${formatNumber(licence.licenceRequiredFromKw, 'vi')} kW và bán điện dư: phải phù hợp quy hoạch điện và có giấy phép hoạt động điện lực.`,
              en: `Capacity ${formatNumber(input.capacityKw, 'en')} kW ≥ ${formatNumber(licence.licenceRequiredFromKw, 'en')} kW selling surplus: must fit the power plan and hold an electricity licence.`,
            },
          }
        : {
            code: 'registration_only',
            message: {
              vi: 'Bán điện dư dưới ngưỡng giấy phép: đăng ký với Sở Công Thương (10 ngày làm việc).',
              en: 'Selling surplus below the licence threshold: register with the DOIT (10 working days).',
            },
          },
    );
    const cap = findEffective(
      tables.surplusCaps,
      (c) =>
        c.ownerKind === input.ownerKind &&
        (c.minCapacityKw === undefined || capacity >= toScaledInteger(c.minCapacityKw, 3, 'cap minimum')) &&
        (c.belowCapacityKw === undefined || capacity < toScaledInteger(c.belowCapacityKw, 3, 'cap maximum')),
      input.onDate,
      { table: 'solar surplus cap', key: `${input.ownerKind} ${input.capacityKw} kW` },
    );
    factors.push(
      factorFromEntry(cap, {
        code: 'solar_surplus_cap',
        name: { vi: 'Mức trần tỷ lệ sản lượng dư', en: 'Cap on the surplus share' },
        value: cap.capPercent,
        unit: '%',
      }),
    );
    const share = surplusShare(input, cap.capPercent);
    reasons.push(share.reason);
    result = {
      requirement: licenceRequired ? 'registration_and_licence' : 'registration',
      licenceRequired,
      capPercent: cap.capPercent,
      surplusSharePercent: share.percent,
      withinCap: share.within,
      reasons,
    };
  }
  return {
    calculator: 'solar-surplus',
    calculatorVersion: SOLAR_CALCULATOR_VERSION,
    inputs: input,
    formula: FORMULA,
    factors,
    legalBasis: LEGAL_BASIS,
    result,
    explanation: { vi: reasons.map((r) => r.message.vi).join(' '), en: reasons.map((r) => r.message.en).join(' ') },
    notices: reasons,
    usesUnverifiedValues: factors.some((f) => !f.verified),
  };
}

function surplusShare(
  input: SolarSurplusInput,
  capPercent: number,
): { percent: number | null; within: boolean | null; reason: CalculationNotice } {
  if (input.annualOutputKwh === undefined || input.surplusSoldKwh === undefined) {
    return {
      percent: null,
      within: null,
      reason: {
        code: 'output_figures_missing',
        message: {
          vi: 'Chưa có số liệu sản lượng và sản lượng dư để so với mức trần.',
          en: 'Output and surplus figures are needed to check the cap.',
        },
      },
    };
  }
  const output = toScaledInteger(input.annualOutputKwh, 3, 'annualOutputKwh');
  const surplus = toScaledInteger(input.surplusSoldKwh, 3, 'surplusSoldKwh');
  if (surplus > output) throw new RangeError('surplusSoldKwh cannot exceed annualOutputKwh');
  const capBasisPoints = toScaledInteger(capPercent, 2, 'capPercent');
  // surplus / output <= cap% ⇔ surplus × 10,000 <= capBasisPoints × output (no division, no rounding).
  const within = surplus * 10_000n <= capBasisPoints * output;
  const percent = output === 0n ? 0 : scaledToNumber(divideRoundHalfUp(surplus * 10_000n, output), 2);
  const n = formatNumber;
  return {
    percent,
    within,
    reason: {
      code: within ? 'within_cap' : 'over_cap',
      message: within
        ? { vi: `Tỷ lệ dư ${n(percent, 'vi')}% không vượt mức trần ${n(capPercent, 'vi')}%.`, en: `Surplus share ${n(percent, 'en')}% is within the ${n(capPercent, 'en')}% cap.` }
        : { vi: `Tỷ lệ dư ${n(percent, 'vi')}% vượt mức trần ${n(capPercent, 'vi')}%.`, en: `Surplus share ${n(percent, 'en')}% exceeds the ${n(capPercent, 'en')}% cap.` },
    },
  };
}
