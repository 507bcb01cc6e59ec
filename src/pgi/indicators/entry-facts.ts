import { localDateOf } from '../../calendar';
import type { ProjectedEntry } from '../indicator.types';

/**
 * Readings of a log entry shared by the default formulas. Counts of certified or approved dossiers are net:
 * an approval adds one, a revocation or expiry of that approval takes it away again, in the period where each
 * happened, so a year's figure says how much the stock moved in that year.
 */
export function netApprovalSign(entry: ProjectedEntry): 1 | -1 | 0 {
  if (entry.to === 'approved' && entry.from !== 'approved') return 1;
  if ((entry.to === 'revoked' || entry.to === 'expired') && entry.from === 'approved') return -1;
  return 0;
}

export const isSubmission = (entry: ProjectedEntry) => entry.event.type === 'SUBMIT';

/** A decision ends processing: approval or refusal (the clock stops here). */
export const isDecision = (entry: ProjectedEntry) => (entry.to === 'approved' || entry.to === 'rejected') && entry.from !== entry.to;

/** A petition's first answer (petition changes reach the index as entries of type 'petition', see petition-source.ts). */
export const isPetitionAnswer = (entry: ProjectedEntry) => entry.event.type === 'PETITION_ANSWER' && entry.to === 'answered' && entry.from !== 'answered';

export const finiteNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

export const localDateOfEntry = (entry: ProjectedEntry) => localDateOf(new Date(entry.at));

/** results.<name>.result, the calculators' record shape (src/applications/calculators/legal-value.ts). */
export function calculatorResult<T>(results: Record<string, unknown>, name: string): T | undefined {
  const record = results[name] as { result?: T } | undefined;
  return record?.result;
}
