import { VIETNAM_UTC_OFFSET_MINUTES, localDateOf } from '../calendar';

/** Digests go out at 07:00 Viet Nam time, before the working day starts. */
export const DIGEST_HOUR_LOCAL = 7;
const HOUR_MS = 3_600_000;

/** The local day of the first digest sent after `at`: today's if before 07:00, otherwise tomorrow's. */
export function digestDayFor(at: Date): string {
  return localDateOf(new Date(at.getTime() + (24 - DIGEST_HOUR_LOCAL) * HOUR_MS));
}

/** The instant the digest of a local day 'YYYY-MM-DD' is due. */
export function digestInstant(day: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(midnightUtc)) throw new RangeError(`not a local date: ${day}`);
  return new Date(midnightUtc - VIETNAM_UTC_OFFSET_MINUTES * 60_000 + DIGEST_HOUR_LOCAL * HOUR_MS);
}
