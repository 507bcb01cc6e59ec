/**
 * The statutory time limit of one dossier, recomputed from its history (pure: the caller passes `at`).
 *
 * The legal limit counts from receipt of a COMPLETE dossier, so when the officer asks for supplementation:
 * - 'restart': the clock starts again from the (last) resubmission, with the full limit (the default rule);
 * - 'pause': working days while the applicant holds the dossier do not count, so the due date moves later by
 *   the paused working days.
 * A supplementation window covers the working days after the request day up to and including the day the
 * resubmission counts as received (the next working day if it arrives on a day off): the request day was
 * worked by the officer, and the resubmission day is a new "receipt day 0", as in `working-days.ts`.
 */
import { type LocalDate, assertValidInstant, dayNumberOfInstant, endOfLocalDay, localDateFromDayNumber } from './local-date';
import { type WorkingCalendar, isWorkingDayNumber, isYearCovered } from './working-calendar';
import { addWorkingDaysToDayNumber, receiptDayNumber, subtractWorkingDaysFromDayNumber } from './working-days';

export type ClockModeOnSupplementation = 'restart' | 'pause';

export interface SupplementationInterval {
  readonly requestedAt: Date;
  /** Absent while the applicant has not resubmitted. */
  readonly resubmittedAt?: Date;
}

export interface StatutoryClockInput {
  /** Receipt of the complete dossier (the receipt slip's instant). */
  readonly receivedAt: Date;
  readonly limitWorkingDays: number;
  readonly mode: ClockModeOnSupplementation;
  /** In chronological order; only the last may be open. */
  readonly supplementations?: readonly SupplementationInterval[];
  /** Warn when this many working days remain (default 2). */
  readonly warningWorkingDays?: number;
  /** The instant the clock is read at (elapsed/remaining are measured up to its local day). */
  readonly at: Date;
}

export interface StatutoryClock {
  readonly mode: ClockModeOnSupplementation;
  readonly limitWorkingDays: number;
  /** Due instant had no supplementation happened (shown beside the current one). */
  readonly originalDueAt: Date;
  readonly originalDueDate: LocalDate;
  /** Null while the clock is stopped awaiting a resubmission: no due date runs then. */
  readonly currentDueAt: Date | null;
  readonly currentDueDate: LocalDate | null;
  /** From this instant only `warningWorkingDays` working days remain; null while stopped. */
  readonly warningAt: Date | null;
  /** The receipt the current count runs from: receivedAt, or the last resubmission in 'restart' mode. */
  readonly clockStartedAt: Date;
  readonly paused: boolean;
  readonly pausedWorkingDays: number;
  readonly elapsedWorkingDays: number;
  /** limit − elapsed; negative means that many working days past the limit. */
  readonly remainingWorkingDays: number;
  /** False when a counted day falls in a year the holiday table does not describe (weekends only known). */
  readonly calendarCovered: boolean;
  overdue(at: Date): boolean;
}

interface PausedWindow {
  /** Days d with afterDay < d <= throughDay are not counted. */
  readonly afterDay: number;
  readonly throughDay: number;
}

export const DEFAULT_WARNING_WORKING_DAYS = 2;

export function computeStatutoryClock(input: StatutoryClockInput, calendar: WorkingCalendar): StatutoryClock {
  const supplementations = input.supplementations ?? [];
  validateInput(input, supplementations);
  const warningWorkingDays = input.warningWorkingDays ?? DEFAULT_WARNING_WORKING_DAYS;

  const lastClosed = [...supplementations].reverse().find((interval) => interval.resubmittedAt !== undefined);
  const clockStartedAt =
    input.mode === 'restart' && lastClosed?.resubmittedAt ? lastClosed.resubmittedAt : input.receivedAt;
  const startDay = receiptDayNumber(clockStartedAt, calendar);
  const windows = pausedWindows(input.mode, supplementations, clockStartedAt, calendar);
  const openWindow = windows.find((window) => window.throughDay === Number.POSITIVE_INFINITY);

  const isCounted = (day: number): boolean => isWorkingDayNumber(day, calendar) && !isInAnyWindow(day, windows);

  const originalDueDay = addWorkingDaysToDayNumber(receiptDayNumber(input.receivedAt, calendar), input.limitWorkingDays, calendar);
  const dueDay = findDueDay(startDay, input.limitWorkingDays, isCounted, openWindow);
  const atDay = dayNumberOfInstant(input.at);

  let elapsedWorkingDays = 0;
  for (let day = startDay + 1; day <= atDay; day++) if (isCounted(day)) elapsedWorkingDays++;

  const currentDueAt = dueDay === null ? null : endOfLocalDay(dueDay);
  const lastCountedDay = Math.max(dueDay ?? openWindow?.afterDay ?? startDay, atDay);
  return {
    mode: input.mode,
    limitWorkingDays: input.limitWorkingDays,
    originalDueAt: endOfLocalDay(originalDueDay),
    originalDueDate: localDateFromDayNumber(originalDueDay),
    currentDueAt,
    currentDueDate: dueDay === null ? null : localDateFromDayNumber(dueDay),
    warningAt: dueDay === null ? null : warningInstant(dueDay, startDay, clockStartedAt, warningWorkingDays, calendar),
    clockStartedAt,
    paused: openWindow !== undefined,
    pausedWorkingDays: countPausedWorkingDays(windows, startDay, atDay, calendar),
    elapsedWorkingDays,
    remainingWorkingDays: input.limitWorkingDays - elapsedWorkingDays,
    calendarCovered: isYearCovered(startDay, calendar) && isYearCovered(lastCountedDay, calendar),
    overdue: (at: Date) => currentDueAt !== null && at.getTime() > currentDueAt.getTime(),
  };
}

function pausedWindows(
  mode: ClockModeOnSupplementation,
  supplementations: readonly SupplementationInterval[],
  clockStartedAt: Date,
  calendar: WorkingCalendar,
): PausedWindow[] {
  // After a restart, earlier supplementations no longer matter; only a request made since can stop the clock.
  const relevant =
    mode === 'pause' ? supplementations : supplementations.filter((s) => s.requestedAt.getTime() >= clockStartedAt.getTime() && !s.resubmittedAt);
  return relevant.map((interval) => ({
    afterDay: dayNumberOfInstant(interval.requestedAt),
    throughDay: interval.resubmittedAt ? receiptDayNumber(interval.resubmittedAt, calendar) : Number.POSITIVE_INFINITY,
  }));
}

function findDueDay(
  startDay: number,
  limit: number,
  isCounted: (day: number) => boolean,
  openWindow: PausedWindow | undefined,
): number | null {
  let day = startDay;
  for (let counted = 0; counted < limit; ) {
    day++;
    // The limit was not reached before the clock stopped: there is no due date until resubmission.
    if (openWindow && day > openWindow.afterDay) return null;
    if (isCounted(day)) counted++;
  }
  return day;
}

function warningInstant(
  dueDay: number,
  startDay: number,
  clockStartedAt: Date,
  warningWorkingDays: number,
  calendar: WorkingCalendar,
): Date {
  const warningDay = subtractWorkingDaysFromDayNumber(dueDay, warningWorkingDays, calendar);
  // A limit shorter than the warning period warns from the start.
  if (warningDay <= startDay) return clockStartedAt;
  return endOfLocalDay(warningDay);
}

/** Working days inside any window (windows may touch: a resubmission on a Saturday counts from Monday). */
function countPausedWorkingDays(
  windows: readonly PausedWindow[],
  startDay: number,
  atDay: number,
  calendar: WorkingCalendar,
): number {
  let paused = 0;
  // The receipt day itself is never counted, so a pause covering it takes nothing away.
  for (let day = startDay + 1; day <= atDay; day++) {
    if (isWorkingDayNumber(day, calendar) && isInAnyWindow(day, windows)) paused++;
  }
  return paused;
}

function isInAnyWindow(day: number, windows: readonly PausedWindow[]): boolean {
  return windows.some((window) => day > window.afterDay && day <= window.throughDay);
}

function validateInput(input: StatutoryClockInput, supplementations: readonly SupplementationInterval[]): void {
  assertValidInstant(input.receivedAt, 'receivedAt');
  assertValidInstant(input.at, 'at');
  if (!Number.isInteger(input.limitWorkingDays) || input.limitWorkingDays < 1) {
    throw new RangeError('limitWorkingDays must be a whole number >= 1');
  }
  const warning = input.warningWorkingDays ?? DEFAULT_WARNING_WORKING_DAYS;
  if (!Number.isInteger(warning) || warning < 0) throw new RangeError('warningWorkingDays must be a whole number >= 0');
  let previousEnd = input.receivedAt.getTime();
  supplementations.forEach((interval, index) => {
    assertValidInstant(interval.requestedAt, `supplementations[${index}].requestedAt`);
    if (interval.requestedAt.getTime() < previousEnd) {
      throw new RangeError(`supplementations[${index}] was requested before the dossier was (re)received`);
    }
    if (!interval.resubmittedAt) {
      if (index !== supplementations.length - 1) throw new RangeError('Only the last supplementation may be open');
      return;
    }
    assertValidInstant(interval.resubmittedAt, `supplementations[${index}].resubmittedAt`);
    if (interval.resubmittedAt.getTime() < interval.requestedAt.getTime()) {
      throw new RangeError(`supplementations[${index}] was resubmitted before it was requested`);
    }
    previousEnd = interval.resubmittedAt.getTime();
  });
}
