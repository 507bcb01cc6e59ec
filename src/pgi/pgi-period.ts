import { VIETNAM_UTC_OFFSET_MINUTES, localDateOf } from '../calendar';

/**
 * PGI periods: calendar quarters ("2026-Q1") and years ("2026") in Asia/Ho_Chi_Minh. VCCI publishes the PGI
 * yearly; quarters let leaders see movement before the survey. An instant belongs to the quarter and the year
 * of its local date, so a decision at 23:30 UTC on 31 March counts in the second quarter (it is 1 April here).
 */
export type PeriodKind = 'quarter' | 'year';

export interface Period {
  id: string;
  kind: PeriodKind;
  /** First local date and the day after the last, as UTC instants of local midnight. */
  startsAt: Date;
  endsAt: Date;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;

const localMidnight = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex, 1) - OFFSET_MS);

export function parsePeriodId(id: string): Period | undefined {
  const quarter = QUARTER.exec(id);
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    return { id, kind: 'quarter', startsAt: localMidnight(year, (q - 1) * 3), endsAt: localMidnight(year, q * 3) };
  }
  const year = YEAR.exec(id);
  if (year) {
    const y = Number(year[1]);
    return { id, kind: 'year', startsAt: localMidnight(y, 0), endsAt: localMidnight(y + 1, 0) };
  }
  return undefined;
}

/** The quarter and year an instant counts in. */
export function periodsOf(at: Date): { quarter: string; year: string } {
  const local = localDateOf(at);
  const year = local.slice(0, 4);
  const quarter = Math.floor((Number(local.slice(5, 7)) - 1) / 3) + 1;
  return { quarter: `${year}-Q${quarter}`, year };
}

/** Which contribution field holds a period of this kind (see pgi-contribution.model.ts). */
export const periodField = (period: Period): 'quarter' | 'year' => period.kind;
