import type { PgiDossier, PgiEntry } from '../applications';
import type { WorkingCalendar } from '../calendar';

/** The four PGI component indices (VCCI), numbered as VCCI numbers them. */
export type ComponentNumber = 1 | 2 | 3 | 4;

export interface LocalizedText {
  vi: string;
  en: string;
}

/** A log entry and a dossier as the formulas see them: what the applications room reads for the index. */
export type ProjectedEntry = PgiEntry;
export type ProjectedDossier = PgiDossier;

/** Only the optional gender fields matter to the index (DOMAIN §8: never mandatory). */
export interface ProjectedOrganization {
  leadershipGender?: string | null;
  employeesByGender?: { female?: number | null; male?: number | null; other?: number | null } | null;
}

export interface FormulaInput {
  entry: ProjectedEntry;
  dossier: ProjectedDossier;
  organization: ProjectedOrganization | null;
  calendar: WorkingCalendar;
}

/**
 * What one entry adds to one indicator. Values are sums, so an average or a share is kept as a numerator and a
 * denominator (FerretDB 1.24 has no $avg); a revocation may subtract what its approval added.
 */
export interface Contribution {
  numerator: number;
  denominator?: number;
}

/**
 * How an indicator's value follows from its summed contributions: a plain sum, a percentage Σn/Σd × 100, a
 * mean Σn/Σd, or a percentage of a fixed population named in the definition (with its source).
 */
export type Aggregation =
  | { kind: 'sum' }
  | { kind: 'percent' }
  | { kind: 'mean' }
  | { kind: 'percent_of_population'; population: number; populationSource: string; verified: boolean };

export interface IndicatorDefinition {
  id: string;
  component: ComponentNumber;
  name: LocalizedText;
  unit: string;
  direction: 'higher_is_better' | 'lower_is_better';
  aggregation: Aggregation;
  /** Which entry's date puts a contribution in a period. */
  periodRule: LocalizedText;
  /** Where the figure comes from: the dossier fields read and the legal or policy basis. */
  /** Where the figure comes from (dossier fields and legal basis); snapshots closed before it was translated hold a string. */
  source: LocalizedText;
  explanation: LocalizedText;
  /** Pure; null when the entry says nothing about this indicator. */
  formula(input: FormulaInput): Contribution | null;
}

/** A published set of definitions; a change is a new version, so closed periods keep what they used. */
export interface IndicatorSet {
  version: number;
  /** Local date from which entries are projected with this set. */
  effectiveFrom: string;
  indicators: readonly IndicatorDefinition[];
}

/** A definition as stored in a snapshot and shown by the API: everything but the function. */
export type IndicatorDescription = Omit<IndicatorDefinition, 'formula'>;

export const describeIndicator = ({ formula: _formula, ...rest }: IndicatorDefinition): IndicatorDescription => rest;
