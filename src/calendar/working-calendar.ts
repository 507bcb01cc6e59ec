import { type CalendarEntry, DEFAULT_HOLIDAY_CALENDAR } from './holiday-calendar.data';
import { dayNumberOfLocalDate, weekdayOfDayNumber, yearOfDayNumber } from './local-date';

/**
 * A holiday table prepared for fast look-ups. Built once from entries (shipped or loaded from the database)
 * and passed to every working-day function, so nothing here reads a global calendar.
 */
export interface WorkingCalendar {
  readonly entries: readonly CalendarEntry[];
  /** Weekdays that are not worked (holidays and days off), as day numbers. */
  readonly nonWorkingWeekdays: ReadonlySet<number>;
  /** Saturdays (or Sundays) that are worked, as day numbers. */
  readonly makeupWorkdays: ReadonlySet<number>;
  /**
   * Years the table claims to describe. Outside them only weekends are known, so results there are estimates;
   * callers show a warning instead of failing, because dossiers must keep moving on 1 January.
   */
  readonly coveredYears: ReadonlySet<number>;
}

export function createWorkingCalendar(
  entries: readonly CalendarEntry[],
  options: { coveredYears?: readonly number[] } = {},
): WorkingCalendar {
  const nonWorkingWeekdays = new Set<number>();
  const makeupWorkdays = new Set<number>();
  const yearsSeen = new Set<number>();
  for (const entry of entries) {
    const day = dayNumberOfLocalDate(entry.date);
    yearsSeen.add(yearOfDayNumber(day));
    const weekend = isWeekend(day);
    if (entry.kind === 'makeup_workday') {
      if (!weekend) throw new RangeError(`A make-up workday must fall on a weekend: ${entry.date}`);
      if (nonWorkingWeekdays.has(day)) throw new RangeError(`Date is both worked and not worked: ${entry.date}`);
      makeupWorkdays.add(day);
    } else if (!weekend) {
      if (makeupWorkdays.has(day)) throw new RangeError(`Date is both worked and not worked: ${entry.date}`);
      nonWorkingWeekdays.add(day);
    }
    // A holiday listed on a weekend changes nothing here: its substitute day must be its own entry.
  }
  return {
    entries,
    nonWorkingWeekdays,
    makeupWorkdays,
    coveredYears: new Set(options.coveredYears ?? yearsSeen),
  };
}

export function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
}

export function isWorkingDayNumber(dayNumber: number, calendar: WorkingCalendar): boolean {
  if (calendar.makeupWorkdays.has(dayNumber)) return true;
  if (isWeekend(dayNumber)) return false;
  return !calendar.nonWorkingWeekdays.has(dayNumber);
}

export function isYearCovered(dayNumber: number, calendar: WorkingCalendar): boolean {
  return calendar.coveredYears.has(yearOfDayNumber(dayNumber));
}

/** The shipped 2025–2026 calendar, ready to use until an administrator's version is loaded. */
export const DEFAULT_WORKING_CALENDAR: WorkingCalendar = createWorkingCalendar(DEFAULT_HOLIDAY_CALENDAR);
