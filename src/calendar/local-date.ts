/**
 * Local dates in Asia/Ho_Chi_Minh.
 *
 * Viet Nam has used UTC+07:00 all year since 1975, with no daylight-saving time, so a fixed offset is exact for
 * every instant this system can meet; it also keeps these functions independent of the host's time-zone data.
 *
 * A local date is a 'YYYY-MM-DD' string at the edges and a day number (days since 1970-01-01) inside, which
 * makes "next day" plain integer arithmetic.
 */

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local calendar date 'YYYY-MM-DD'. */
export type LocalDate = string;

export function assertValidInstant(instant: Date, label: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${label} must be a valid Date`);
  }
}

/** The local date in Viet Nam on which the given instant falls. */
export function localDateOf(instant: Date): LocalDate {
  assertValidInstant(instant, 'instant');
  return localDateFromDayNumber(dayNumberOfInstant(instant));
}

export function dayNumberOfInstant(instant: Date): number {
  return Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS);
}

export function dayNumberOfLocalDate(date: LocalDate): number {
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a local date (YYYY-MM-DD): ${date}`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC silently rolls 2026-02-30 into March; a round trip catches it.
  if (localDateFromDayNumber(ms / DAY_MS) !== date) throw new RangeError(`No such date: ${date}`);
  return ms / DAY_MS;
}

export function localDateFromDayNumber(dayNumber: number): LocalDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

/** 00:00:00.000 local time on the given day. */
export function startOfLocalDay(dayNumber: number): Date {
  return new Date(dayNumber * DAY_MS - OFFSET_MS);
}

/** 23:59:59.999 local time on the given day: the last instant that still belongs to it. */
export function endOfLocalDay(dayNumber: number): Date {
  return new Date((dayNumber + 1) * DAY_MS - OFFSET_MS - 1);
}
