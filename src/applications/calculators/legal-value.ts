/**
 * Shared shape of legal values (rates, factors, thresholds, time limits) and of calculation records.
 *
 * Every legal number is data: it travels with its source, legal basis, effective period and whether we could
 * verify it. Tables are plain arrays so an administrator's database copy can replace the shipped default.
 */

export interface LegalProvenance {
  readonly source: string;
  readonly legalBasis: string;
  /** Local date 'YYYY-MM-DD' from which the value applies. */
  readonly effectiveFrom: string;
  /** Last local date on which the value applies; absent while in force. */
  readonly effectiveTo?: string;
  /** False for values we could not confirm; they ship as labelled defaults. */
  readonly verified: boolean;
  readonly note?: string;
}

export class LegalValueNotFoundError extends Error {
  override readonly name = 'LegalValueNotFoundError';
  constructor(
    readonly table: string,
    readonly key: string,
    readonly onDate: string,
  ) {
    super(`No ${table} entry for ${key} in force on ${onDate}; an administrator must add it before this can be computed`);
  }
}

export function isEffectiveOn(entry: LegalProvenance, onDate: string): boolean {
  // 'YYYY-MM-DD' strings compare in calendar order.
  return entry.effectiveFrom <= onDate && (entry.effectiveTo === undefined || onDate <= entry.effectiveTo);
}

/** The entry in force on `onDate` that matches; the most recently effective one wins if periods overlap. */
export function findEffective<T extends LegalProvenance>(
  table: readonly T[],
  matches: (entry: T) => boolean,
  onDate: string,
  describe: { table: string; key: string },
): T {
  let found: T | undefined;
  for (const entry of table) {
    if (!matches(entry) || !isEffectiveOn(entry, onDate)) continue;
    if (!found || entry.effectiveFrom > found.effectiveFrom) found = entry;
  }
  if (!found) throw new LegalValueNotFoundError(describe.table, describe.key, onDate);
  return found;
}

export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

/** A legal value as used in one calculation, copied into the record so the page can cite it later. */
export interface FactorUsed {
  readonly code: string;
  readonly name: LocalizedText;
  readonly value: number;
  readonly unit: string;
  /** The data year a factor belongs to (e.g. grid factor 2023), when it has one. */
  readonly year?: number;
  readonly source: string;
  readonly legalBasis: string;
  readonly verified: boolean;
  readonly note?: string;
}

export interface CalculationNotice {
  readonly code: string;
  readonly message: LocalizedText;
}

/** What every calculator returns: enough to store and to explain the figure on a page in vi and en. */
export interface CalculationRecord<Inputs, Result> {
  readonly calculator: string;
  readonly calculatorVersion: string;
  readonly inputs: Inputs;
  readonly formula: LocalizedText;
  readonly factors: readonly FactorUsed[];
  readonly legalBasis: readonly string[];
  readonly result: Result;
  readonly explanation: LocalizedText;
  readonly notices: readonly CalculationNotice[];
  /** True when any factor used is unverified: pages must say the figure is indicative. */
  readonly usesUnverifiedValues: boolean;
}

export function factorFromEntry(
  entry: LegalProvenance,
  fields: { code: string; name: LocalizedText; value: number; unit: string; year?: number },
): FactorUsed {
  return {
    ...fields,
    source: entry.source,
    legalBasis: entry.legalBasis,
    verified: entry.verified,
    ...(entry.note === undefined ? {} : { note: entry.note }),
  };
}

const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 4 });
const EN_NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });

/** Numbers as each language writes them (vi: 1.234,5; en: 1,234.5). */
export function formatNumber(value: number, language: 'vi' | 'en'): string {
  return (language === 'vi' ? VI_NUMBER : EN_NUMBER).format(value);
}
