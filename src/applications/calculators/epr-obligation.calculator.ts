/**
 * EPR obligation per product line: recycling obligation = R × V (kg) or financial contribution F = R × V × Fs
 * (VND), where V is the mass placed on the market or imported in the year, less exported goods.
 *
 * Rounding: the obligation is rounded half up to the gram (kg with 3 decimals); F is computed exactly from
 * R × V × Fs (not from the rounded obligation) and rounded half up to a whole đồng. Inputs in kg may carry at
 * most 3 decimals. Legal values are those in force on 1 January of the reporting year.
 */
import {
  DEFAULT_EPR_LEGAL_TABLES,
  type EprExemptionThreshold,
  type EprLegalTables,
  type EprProductCategory,
} from './epr-rates.data';
import { citationIn } from '../../i18n/legal-text';
import { divideRoundHalfUp, scaledToNumber, toScaledInteger } from './exact-arithmetic';
import {
  type CalculationNotice,
  type CalculationRecord,
  type FactorUsed,
  type LocalizedText,
  LegalValueNotFoundError,
  factorFromEntry,
  findEffective,
  formatNumber,
  isEffectiveOn,
} from './legal-value';

export const EPR_CALCULATOR_VERSION = 'epr-obligation@1.0.0';

export interface EprProductLineInput {
  readonly productCode: string;
  readonly placedOnMarketKg: number;
  /** Exported goods are outside the obligation and are subtracted from V. */
  readonly exportedKg?: number;
}

export interface EprObligationInput {
  readonly reportingYear: number;
  readonly role: 'producer' | 'importer';
  /** Producer: previous year's revenue; importer: previous year's import value (VND). */
  readonly previousYearAmountVnd: number;
  readonly productLines: readonly EprProductLineInput[];
}

export interface EprLineResult {
  readonly productCode: string;
  readonly category: EprProductCategory;
  readonly name: LocalizedText;
  readonly obligated: boolean;
  readonly notObligatedReason?: LocalizedText;
  /** V: mass subject to the obligation (placed on the market minus exported), kg. */
  readonly massSubjectKg: number;
  readonly ratePercent: number | null;
  readonly recyclingObligationKg: number;
  readonly recyclingCostNormVndPerKg: number | null;
  readonly contributionVnd: number;
  readonly explanation: LocalizedText;
}

export interface EprObligationResult {
  readonly exempt: boolean;
  readonly lines: readonly EprLineResult[];
  readonly totalRecyclingObligationKg: number;
  readonly totalContributionVnd: number;
}

const FORMULA: LocalizedText = {
  vi: 'Khối lượng tái chế bắt buộc = R × V; Đóng góp tài chính F = R × V × Fs',
  en: 'Mandatory recycling mass = R × V; Financial contribution F = R × V × Fs',
};
const LEGAL_BASIS = [
  'Law on Environmental Protection 2020 Arts 54–55',
  'Decree 08/2022/ND-CP Arts 77–86, Annex XXII',
  'Decree 05/2025/ND-CP',
];

export function computeEprObligation(
  input: EprObligationInput,
  tables: EprLegalTables = DEFAULT_EPR_LEGAL_TABLES,
): CalculationRecord<EprObligationInput, EprObligationResult> {
  if (!Number.isInteger(input.reportingYear) || input.reportingYear < 2000 || input.reportingYear > 2100) {
    throw new RangeError('reportingYear must be a year between 2000 and 2100');
  }
  toScaledInteger(input.previousYearAmountVnd, 0, 'previousYearAmountVnd');
  const onDate = `${input.reportingYear}-01-01`;
  const threshold = findEffective(tables.exemptionThresholds, (t) => t.role === input.role, onDate, {
    table: 'EPR exemption threshold',
    key: input.role,
  });
  const factors: FactorUsed[] = [thresholdFactor(threshold)];
  const exempt = input.previousYearAmountVnd < threshold.belowVnd;
  const exemptionReason = exemptionText(input, threshold);

  const lines = input.productLines.map((line, index) =>
    computeLine(line, index, onDate, exempt ? exemptionReason : undefined, tables, factors),
  );
  const totalObligationGrams = lines.reduce((sum, line) => sum + toScaledInteger(line.recyclingObligationKg, 3, 'kg'), 0n);
  const totalContribution = lines.reduce((sum, line) => sum + BigInt(line.contributionVnd), 0n);

  const notices: CalculationNotice[] = [];
  if (exempt) notices.push({ code: 'epr_exempt_below_threshold', message: exemptionReason });
  return {
    calculator: 'epr-obligation',
    calculatorVersion: EPR_CALCULATOR_VERSION,
    inputs: input,
    formula: FORMULA,
    factors,
    legalBasis: LEGAL_BASIS,
    result: {
      exempt,
      lines,
      totalRecyclingObligationKg: scaledToNumber(totalObligationGrams, 3),
      totalContributionVnd: Number(totalContribution),
    },
    explanation: {
      vi: lines.map((line) => line.explanation.vi).join('\n'),
      en: lines.map((line) => line.explanation.en).join('\n'),
    },
    notices,
    usesUnverifiedValues: factors.some((factor) => !factor.verified),
  };
}

function computeLine(
  line: EprProductLineInput,
  index: number,
  onDate: string,
  exemption: LocalizedText | undefined,
  tables: EprLegalTables,
  factors: FactorUsed[],
): EprLineResult {
  const label = `productLines[${index}]`;
  const product = tables.products.find((p) => p.productCode === line.productCode);
  if (!product) throw new LegalValueNotFoundError('EPR product list', line.productCode, onDate);
  const placedGrams = toScaledInteger(line.placedOnMarketKg, 3, `${label}.placedOnMarketKg`);
  const exportedGrams = toScaledInteger(line.exportedKg ?? 0, 3, `${label}.exportedKg`);
  if (exportedGrams > placedGrams) throw new RangeError(`${label}: exported mass exceeds the mass placed on the market`);
  const massGrams = placedGrams - exportedGrams;
  const name = { vi: product.name_vi, en: product.name_en };
  const base = { productCode: product.productCode, category: product.category, name, massSubjectKg: scaledToNumber(massGrams, 3) };

  const reason = exemption ?? notYetObligatedReason(product.category, onDate, tables);
  if (reason) {
    return {
      ...base,
      obligated: false,
      notObligatedReason: reason,
      ratePercent: null,
      recyclingObligationKg: 0,
      recyclingCostNormVndPerKg: null,
      contributionVnd: 0,
      explanation: { vi: `${name.vi}: ${reason.vi}`, en: `${name.en}: ${reason.en}` },
    };
  }

  const key = { key: product.productCode };
  const rate = findEffective(tables.recyclingRates, (r) => r.productCode === product.productCode, onDate, {
    table: 'EPR recycling rate',
    ...key,
  });
  const norm = findEffective(tables.recyclingCostNorms, (n) => n.productCode === product.productCode, onDate, {
    table: 'EPR recycling-cost norm (Fs)',
    ...key,
  });
  // R in hundredths of a percent keeps rates such as 0.5 % exact.
  const rateBasisPoints = toScaledInteger(rate.ratePercent, 2, `recycling rate for ${product.productCode}`);
  const fs = toScaledInteger(norm.vndPerKg, 0, `Fs for ${product.productCode}`);
  const obligationGrams = divideRoundHalfUp(massGrams * rateBasisPoints, 10_000n);
  const contributionVnd = divideRoundHalfUp(massGrams * rateBasisPoints * fs, 10_000n * 1_000n);

  factors.push(
    factorFromEntry(rate, {
      code: `epr_rate:${product.productCode}`,
      name: { vi: `Tỷ lệ tái chế bắt buộc (R) – ${name.vi}`, en: `Mandatory recycling rate (R) – ${name.en}` },
      value: rate.ratePercent,
      unit: '%',
    }),
    factorFromEntry(norm, {
      code: `epr_fs:${product.productCode}`,
      name: { vi: `Định mức chi phí tái chế (Fs) – ${name.vi}`, en: `Recycling-cost norm (Fs) – ${name.en}` },
      value: norm.vndPerKg,
      unit: 'VND/kg',
    }),
  );
  const recyclingObligationKg = scaledToNumber(obligationGrams, 3);
  const contribution = Number(contributionVnd);
  return {
    ...base,
    obligated: true,
    ratePercent: rate.ratePercent,
    recyclingObligationKg,
    recyclingCostNormVndPerKg: norm.vndPerKg,
    contributionVnd: contribution,
    explanation: lineExplanation(name, rate.ratePercent, base.massSubjectKg, norm.vndPerKg, recyclingObligationKg, contribution),
  };
}

function notYetObligatedReason(category: EprProductCategory, onDate: string, tables: EprLegalTables): LocalizedText | undefined {
  const starts = tables.categoryObligationStarts.filter((s) => s.category === category);
  if (starts.length === 0) throw new LegalValueNotFoundError('EPR obligation start', category, onDate);
  if (starts.some((start) => isEffectiveOn(start, onDate))) return undefined;
  const from = starts.map((s) => s.effectiveFrom).sort()[0] ?? '';
  return {
    vi: `chưa thuộc diện thực hiện trách nhiệm tái chế trong năm báo cáo (áp dụng từ ${from})`,
    en: `not yet obligated in the reporting year (obligation applies from ${from})`,
  };
}

function exemptionText(input: EprObligationInput, threshold: EprExemptionThreshold): LocalizedText {
  const amount = (lang: 'vi' | 'en') => formatNumber(input.previousYearAmountVnd, lang);
  const limit = (lang: 'vi' | 'en') => formatNumber(threshold.belowVnd, lang);
  return {
    vi: `được miễn: ${threshold.measure_vi} ${amount('vi')} đồng, dưới ngưỡng ${limit('vi')} đồng (${citationIn(threshold.legalBasis, 'vi')})`,
    en: `exempt: ${threshold.measure_en} VND ${amount('en')} is below VND ${limit('en')} (${threshold.legalBasis})`,
  };
}

function thresholdFactor(threshold: EprExemptionThreshold): FactorUsed {
  return factorFromEntry(threshold, {
    code: `epr_exemption_threshold:${threshold.role}`,
    name: { vi: `Ngưỡng miễn trừ – ${threshold.measure_vi}`, en: `Exemption threshold – ${threshold.measure_en}` },
    value: threshold.belowVnd,
    unit: 'VND',
  });
}

function lineExplanation(
  name: LocalizedText,
  ratePercent: number,
  massKg: number,
  fs: number,
  obligationKg: number,
  contributionVnd: number,
): LocalizedText {
  const n = formatNumber;
  return {
    vi:
      `${name.vi}: khối lượng tái chế bắt buộc = R × V = ${n(ratePercent, 'vi')}% × ${n(massKg, 'vi')} kg = ` +
      `${n(obligationKg, 'vi')} kg; hoặc đóng góp tài chính F = R × V × Fs = ${n(ratePercent, 'vi')}% × ` +
      `${n(massKg, 'vi')} kg × ${n(fs, 'vi')} đồng/kg = ${n(contributionVnd, 'vi')} đồng.`,
    en:
      `${name.en}: mandatory recycling = R × V = ${n(ratePercent, 'en')}% × ${n(massKg, 'en')} kg = ` +
      `${n(obligationKg, 'en')} kg; or financial contribution F = R × V × Fs = ${n(ratePercent, 'en')}% × ` +
      `${n(massKg, 'en')} kg × VND ${n(fs, 'en')}/kg = VND ${n(contributionVnd, 'en')}.`,
  };
}
