import { getPeriod, type PeriodView } from '../pgi';
import { quartersOf } from './report-scope';

export interface PgiTrendPeriod {
  id: string;
  closed: boolean;
  components: { number: number; name: { vi: string; en: string }; indicators: { id: string; name: { vi: string; en: string }; unit: string; value: number | null }[] }[];
}

const slim = (view: PeriodView & { status: { closed: boolean } }): PgiTrendPeriod => ({
  id: view.period.id,
  closed: view.status.closed,
  components: view.components.map((c) => ({
    number: c.number,
    name: c.name,
    indicators: c.indicators.map((i) => ({ id: i.indicator.id, name: i.indicator.name, unit: i.indicator.unit, value: i.value })),
  })),
});

/**
 * PGI figures of every quarter the scope touches, from the PGI service itself (closed quarters answer from
 * their snapshots), so the briefing shows exactly what the PGI dashboard shows for those periods.
 */
export async function pgiTrend(scope: { from: string; to: string }): Promise<PgiTrendPeriod[]> {
  const periods: PgiTrendPeriod[] = [];
  for (const id of quartersOf(scope)) periods.push(slim(await getPeriod(id)));
  return periods;
}
