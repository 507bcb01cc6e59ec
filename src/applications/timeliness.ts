import { workingDaysBetween, type WorkingCalendar } from '../calendar';
import { PROCESSING_STATES } from '../../workflows/workflow-types';

/**
 * The one rule for "on time", read by every figure that reports it: the leader statistics, the briefing
 * (figures API, DOCX, PDF, XLSX), the PGI indicators and the lists' overdue flag. Pure.
 *
 * A dossier is late when
 * - the scheduler marked it overdue (its due date passed while it was being processed), or
 * - it was decided after its current due date (which already leaves out the applicant's supplementation time
 *   where the procedure pauses the clock, and starts again where it restarts: dossier-clock.ts), or
 * - it was asked for supplementation more than once (Decision 766/QĐ-TTg 2022: repeated requests count as late).
 * A dossier counts as decided once it has a decision date (approved or rejected; a later revocation or expiry
 * does not undo the decision).
 */
export interface TimedDossier {
  state: string;
  decidedAt?: Date | string | null;
  deadlines?: {
    receivedAt?: Date | string | null;
    currentDueAt?: Date | string | null;
    overdue?: boolean;
    supplementations?: readonly unknown[];
    /** Every request, before or after acceptance (absent on older dossiers: their supplementations count). */
    supplementationRequests?: number;
  } | null;
}

const asDate = (value: Date | string | null | undefined) => (value ? new Date(value) : undefined);
const isProcessing = (state: string) => (PROCESSING_STATES as readonly string[]).includes(state);

/** More than one supplementation request: late whatever the dates say (Decision 766). */
export const hasRepeatedSupplementation = (dossier: TimedDossier) =>
  (dossier.deadlines?.supplementationRequests ?? dossier.deadlines?.supplementations?.length ?? 0) > 1;

/** Decided within [from, before). */
export function decidedWithin(dossier: TimedDossier, from: Date, before: Date): boolean {
  const decidedAt = asDate(dossier.decidedAt);
  return decidedAt !== undefined && decidedAt >= from && decidedAt < before;
}

/** For a decided dossier: was the decision on time? (undefined: not decided.) */
export function decidedOnTime(dossier: TimedDossier): boolean | undefined {
  const decidedAt = asDate(dossier.decidedAt);
  if (!decidedAt) return undefined;
  if (dossier.deadlines?.overdue === true || hasRepeatedSupplementation(dossier)) return false;
  const due = asDate(dossier.deadlines?.currentDueAt);
  return !due || decidedAt <= due;
}

/** For a dossier still in processing: is it late at `now` (marked overdue, or past its current due date)? */
export function isOverdueNow(dossier: TimedDossier, now: Date): boolean {
  if (!isProcessing(dossier.state)) return false;
  const due = asDate(dossier.deadlines?.currentDueAt);
  return dossier.deadlines?.overdue === true || (due !== undefined && due < now);
}

/** Working days from the receipt to the decision (supplementation waits included), or undefined. */
export function processingWorkingDays(dossier: TimedDossier, calendar: WorkingCalendar): number | undefined {
  const receivedAt = asDate(dossier.deadlines?.receivedAt);
  const decidedAt = asDate(dossier.decidedAt);
  if (!receivedAt || !decidedAt) return undefined;
  // A count walks the calendar day by day, and a year's briefing counts ~10,000 decisions: kept per deadlines
  // object (a summary's, replaced whole when the dossier changes) while its dates and the calendar are the same.
  const kept = daysKept.get(dossier.deadlines!);
  if (kept && kept.calendar === calendar && kept.from === receivedAt.getTime() && kept.to === decidedAt.getTime()) return kept.days;
  const days = workingDaysBetween(receivedAt, decidedAt, calendar);
  daysKept.set(dossier.deadlines!, { calendar, from: receivedAt.getTime(), to: decidedAt.getTime(), days });
  return days;
}

const daysKept = new WeakMap<object, { calendar: WorkingCalendar; from: number; to: number; days: number }>();
