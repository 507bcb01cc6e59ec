import { VIETNAM_UTC_OFFSET_MINUTES } from '../calendar';

/** A conference's reporting window as instants: [local midnight of `from`, local midnight after `to`). */
export interface ReportScope {
  from: string;
  to: string;
  startsAt: Date;
  endsAt: Date;
}

const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
const localMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);

export function reportScope(scope: { from: string; to: string }): ReportScope {
  return { from: scope.from, to: scope.to, startsAt: localMidnight(scope.from), endsAt: new Date(localMidnight(scope.to).getTime() + DAY_MS) };
}

export const inScope = (scope: ReportScope, at: Date | undefined | null): boolean =>
  at instanceof Date && at.getTime() >= scope.startsAt.getTime() && at.getTime() < scope.endsAt.getTime();

/** The PGI quarters ("2026-Q1") the window touches, oldest first: the briefing's trend runs over these. */
export function quartersOf(scope: { from: string; to: string }): string[] {
  const quarters: string[] = [];
  let year = Number(scope.from.slice(0, 4));
  let quarter = Math.floor((Number(scope.from.slice(5, 7)) - 1) / 3) + 1;
  const lastYear = Number(scope.to.slice(0, 4));
  const lastQuarter = Math.floor((Number(scope.to.slice(5, 7)) - 1) / 3) + 1;
  while (year < lastYear || (year === lastYear && quarter <= lastQuarter)) {
    quarters.push(`${year}-Q${quarter}`);
    quarter += 1;
    if (quarter === 5) {
      quarter = 1;
      year += 1;
    }
  }
  return quarters;
}
