/**
 * Working-day arithmetic for statutory time limits.
 *
 * Counting rules (the one place they are decided):
 * - The receipt day is day 0 and is not counted: a limit "in days" starts on the following day (Civil Code
 *   2015 Art 147). A dossier received on a non-working day is treated as received on the next working day,
 *   so counting starts on the working day after that.
 * - The due instant is the END of the Nth counted working day, 23:59:59.999 Asia/Ho_Chi_Minh. We chose the end
 *   of the day rather than 17:00 because limits are set in whole days, online submissions and decisions arrive
 *   after office hours, and a day-granular rule cannot be argued about by minutes. A dossier is overdue only
 *   at an instant strictly after its due instant.
 */
import {
  type LocalDate,
  assertValidInstant,
  dayNumberOfInstant,
  dayNumberOfLocalDate,
  endOfLocalDay,
  localDateFromDayNumber,
} from './local-date';
import { type WorkingCalendar, isWorkingDayNumber } from './working-calendar';

export { localDateOf } from './local-date';

/** More consecutive non-working days than any real calendar has: a guard against a table that closes every day. */
const MAX_CONSECUTIVE_NON_WORKING_DAYS = 366;

export function isWorkingDay(localDate: LocalDate, calendar: WorkingCalendar): boolean {
  return isWorkingDayNumber(dayNumberOfLocalDate(localDate), calendar);
}

export function nextWorkingDayNumberOnOrAfter(dayNumber: number, calendar: WorkingCalendar): number {
  for (let day = dayNumber, steps = 0; steps <= MAX_CONSECUTIVE_NON_WORKING_DAYS; day++, steps++) {
    if (isWorkingDayNumber(day, calendar)) return day;
  }
  throw new RangeError('The working calendar has no working day within a year; check the holiday table');
}

/** The day counting is measured from: the local receipt day, or the next working day if it was not one. */
export function receiptDayNumber(receivedAt: Date, calendar: WorkingCalendar): number {
  assertValidInstant(receivedAt, 'receivedAt');
  return nextWorkingDayNumberOnOrAfter(dayNumberOfInstant(receivedAt), calendar);
}

/** The Nth working day after the given day (n = 0 gives the day itself). */
export function addWorkingDaysToDayNumber(dayNumber: number, workingDays: number, calendar: WorkingCalendar): number {
  assertWholeNonNegative(workingDays, 'workingDays');
  let day = dayNumber;
  for (let counted = 0; counted < workingDays; counted++) {
    day = nextWorkingDayNumberOnOrAfter(day + 1, calendar);
  }
  return day;
}

/** The Nth working day before the given day (n = 0 gives the day itself). */
export function subtractWorkingDaysFromDayNumber(
  dayNumber: number,
  workingDays: number,
  calendar: WorkingCalendar,
): number {
  assertWholeNonNegative(workingDays, 'workingDays');
  let day = dayNumber;
  for (let counted = 0; counted < workingDays; counted++) {
    let steps = 0;
    do {
      day--;
      if (++steps > MAX_CONSECUTIVE_NON_WORKING_DAYS) {
        throw new RangeError('The working calendar has no working day within a year; check the holiday table');
      }
    } while (!isWorkingDayNumber(day, calendar));
  }
  return day;
}

/** Working days d with fromExclusive < d <= toInclusive; 0 when the range is empty. */
export function countWorkingDayNumbers(fromExclusive: number, toInclusive: number, calendar: WorkingCalendar): number {
  let count = 0;
  for (let day = fromExclusive + 1; day <= toInclusive; day++) {
    if (isWorkingDayNumber(day, calendar)) count++;
  }
  return count;
}

/**
 * The due instant of a limit of `days` working days counted from `fromInstant` (a receipt): the end
 * (23:59:59.999 local) of the `days`-th working day after the receipt day. `days = 0` gives the end of the
 * receipt day itself (or of the next working day, if received on a non-working day).
 */
export function addWorkingDays(fromInstant: Date, days: number, calendar: WorkingCalendar): Date {
  const dueDay = addWorkingDaysToDayNumber(receiptDayNumber(fromInstant, calendar), days, calendar);
  return endOfLocalDay(dueDay);
}

/** The local due date ('YYYY-MM-DD') for the same rule as `addWorkingDays`, for slips and pages. */
export function addWorkingDaysToLocalDate(localDate: LocalDate, days: number, calendar: WorkingCalendar): LocalDate {
  const start = nextWorkingDayNumberOnOrAfter(dayNumberOfLocalDate(localDate), calendar);
  return localDateFromDayNumber(addWorkingDaysToDayNumber(start, days, calendar));
}

/**
 * Working days counted from the receipt `a` up to and including the local day of `b`: the days that have
 * started by `b`. Consistent with `addWorkingDays`: workingDaysBetween(a, addWorkingDays(a, n)) === n.
 * Returns 0 when `b` is on or before the day counting starts from.
 */
export function workingDaysBetween(a: Date, b: Date, calendar: WorkingCalendar): number {
  assertValidInstant(b, 'b');
  return countWorkingDayNumbers(receiptDayNumber(a, calendar), dayNumberOfInstant(b), calendar);
}

function assertWholeNonNegative(value: number, label: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${label} must be a whole number >= 0`);
}
