import { notFound } from '../errors';
import { indicatorSetForPeriod } from './indicators';
import { aggregatePeriod } from './period-aggregate';
import { assemblePeriodView, valueOf, type PeriodView } from './period-view';
import { groupSums, type SumRow } from './group-sums';
import { PgiPeriodCloseModel } from './pgi-period-close.model';
import { periodState, type PeriodStatus } from './pgi-period-close.service';
import { parsePeriodId, periodsOf, type Period, type PeriodKind } from './pgi-period';

export function periodOrNotFound(id: string): Period {
  const period = parsePeriodId(id);
  if (!period) throw notFound(`PGI period ${id}`);
  return period;
}

/** A closed period answers from its snapshot, so later decisions cannot move it; an open one is live. */
export async function getPeriod(id: string): Promise<PeriodView & { status: PeriodStatus }> {
  const period = periodOrNotFound(id);
  const { status, latest } = await periodState(period.id, { withView: true });
  if (status.closed && latest) return { ...latest.view, status };
  return { ...assemblePeriodView(period, indicatorSetForPeriod(period), await aggregatePeriod(period)), status };
}

export interface PeriodSummary {
  id: string;
  kind: PeriodKind;
  startsAt: string;
  endsAt: string;
  status: PeriodStatus;
  /** Indicator id → value: one point of each indicator's trend. */
  values: Record<string, number | null>;
}

type SumsRow = SumRow<{ p: string; i: string }>;

/** Every period with contributions or a close, plus the current quarter and year; newest first. */
export async function listPeriods(now: Date): Promise<PeriodSummary[]> {
  const sumsBy = (field: 'quarter' | 'year') =>
    groupSums<{ p: string; i: string }>({ $match: {} }, { p: `$${field}`, i: '$indicatorId' }, { n: '$numerator', d: '$denominator', c: 1 });
  const [quarters, years, closedIds] = await Promise.all([sumsBy('quarter'), sumsBy('year'), PgiPeriodCloseModel.distinct('periodId')]);
  const current = periodsOf(now);
  const rows = [...quarters, ...years];
  const ids = new Set<string>([current.quarter, current.year, ...rows.map((row) => row._id.p), ...closedIds.map(String)]);
  const summaries: PeriodSummary[] = [];
  for (const id of ids) {
    const period = parsePeriodId(id);
    if (!period) continue;
    const { status, latest } = await periodState(id);
    const values = status.closed && latest ? await closedSummary(id, latest.closeNumber) : liveSummary(period, rows.filter((row) => row._id.p === id));
    summaries.push({ id, kind: period.kind, startsAt: period.startsAt.toISOString(), endsAt: period.endsAt.toISOString(), status, values });
  }
  return summaries.sort((a, b) => (a.startsAt === b.startsAt ? a.kind.localeCompare(b.kind) : a.startsAt < b.startsAt ? 1 : -1));
}

function liveSummary(period: Period, rows: readonly SumsRow[]): Record<string, number | null> {
  return Object.fromEntries(
    indicatorSetForPeriod(period).indicators.map((indicator) => {
      const row = rows.find((r) => r._id.i === indicator.id);
      return [indicator.id, row && (row.c ?? 0) > 0 ? valueOf(indicator.aggregation, row.n ?? 0, row.d ?? 0) : null];
    }),
  );
}

async function closedSummary(periodId: string, closeNumber: number): Promise<Record<string, number | null>> {
  const close = await PgiPeriodCloseModel.findOne({ periodId, closeNumber }, { summary: 1 }).lean();
  return (close?.summary ?? {}) as Record<string, number | null>;
}
