import { notFound } from '../errors';
import { indicatorSetForPeriod } from './indicators';
import { livePeriodView } from './period-aggregate';
import { valueOf, type PeriodView } from './period-view';
import { contributionDirectory, type HeldContribution } from './contribution-directory';
import { closeId, PgiPeriodCloseModel } from './pgi-period-close.model';
import { periodState, type PeriodStatus } from './pgi-period-close.service';
import { parsePeriodId, periodsOf, type Period, type PeriodKind } from './pgi-period';

export function periodOrNotFound(id: string): Period {
  const period = parsePeriodId(id);
  if (!period) throw notFound(`PGI period ${id}`);
  return period;
}

/** A closed period answers from its snapshot, so later decisions cannot move it; an open one is live. */
export async function getPeriod(id: string): Promise<PeriodView & { status: PeriodStatus }> {
  const { view, status } = await periodAndStatus(id);
  return { ...view, status };
}

async function periodAndStatus(id: string): Promise<{ view: Readonly<PeriodView>; status: PeriodStatus }> {
  const period = periodOrNotFound(id);
  const { status, latest } = await periodState(period.id, { withView: true });
  return { view: status.closed && latest ? latest.view : await livePeriodView(period), status };
}

/** Views are shared and read only (live ones until their period changes, frozen ones for good): written once. */
const viewJson = new WeakMap<object, string>();

/** `getPeriod` as JSON text; a year's view is ~1 MB, serialized once per view rather than per request. */
export async function getPeriodJson(id: string): Promise<string> {
  const { view, status } = await periodAndStatus(id);
  let json = viewJson.get(view);
  if (json === undefined) viewJson.set(view, (json = JSON.stringify(view)));
  return `${json.slice(0, -1)},"status":${JSON.stringify(status)}}`;
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

type PeriodSums = { n: number; d: number; c: number };

/** Sums per period and indicator, quarters and years at once, in one pass over the contributions. */
function sumsByPeriod(contributions: Iterable<HeldContribution>): Map<string, Map<string, PeriodSums>> {
  const sums = new Map<string, Map<string, PeriodSums>>();
  for (const row of contributions) {
    for (const periodId of [row.quarter, row.year]) {
      const byIndicator = sums.get(periodId) ?? new Map<string, PeriodSums>();
      const sum = byIndicator.get(row.indicatorId) ?? { n: 0, d: 0, c: 0 };
      sum.n += row.numerator;
      sum.d += row.denominator;
      sum.c += 1;
      byIndicator.set(row.indicatorId, sum);
      sums.set(periodId, byIndicator);
    }
  }
  return sums;
}

/** Every period with contributions or a close, plus the current quarter and year; newest first. */
export async function listPeriods(now: Date): Promise<PeriodSummary[]> {
  // Kept by the directory until a contribution arrives (225,000 of them at 50,000 dossiers).
  const sums = (await contributionDirectory()).derived('sums by period and indicator', sumsByPeriod);
  const current = periodsOf(now);
  // The periods listed: the current ones, those with contributions, and any ever closed. A close lies among
  // the quarters and years from the earliest with contributions to now, probed by key (periodState).
  const listed = new Set<string>([current.quarter, current.year, ...sums.keys()]);
  const ids = new Set<string>([...periodRange([...sums.keys()], now), ...listed]);
  const summaries = (
    await Promise.all(
      [...ids].map(async (id): Promise<PeriodSummary | undefined> => {
        const period = parsePeriodId(id);
        if (!period) return undefined;
        const { status, latest } = await periodState(id);
        if (!listed.has(id) && !latest) return undefined;
        const values = status.closed && latest ? await closedSummary(id, latest.closeNumber) : liveSummary(period, sums.get(id) ?? new Map());
        return { id, kind: period.kind, startsAt: period.startsAt.toISOString(), endsAt: period.endsAt.toISOString(), status, values };
      }),
    )
  ).filter((summary): summary is PeriodSummary => summary !== undefined);
  return summaries.sort((a, b) => (a.startsAt === b.startsAt ? a.kind.localeCompare(b.kind) : a.startsAt < b.startsAt ? 1 : -1));
}

function liveSummary(period: Period, sums: ReadonlyMap<string, PeriodSums>): Record<string, number | null> {
  return Object.fromEntries(
    indicatorSetForPeriod(period).indicators.map((indicator) => {
      const sum = sums.get(indicator.id);
      return [indicator.id, sum && sum.c > 0 ? valueOf(indicator.aggregation, sum.n, sum.d) : null];
    }),
  );
}

async function closedSummary(periodId: string, closeNumber: number): Promise<Record<string, number | null>> {
  const close = await PgiPeriodCloseModel.findById(closeId(periodId, closeNumber), { summary: 1 }).lean();
  return (close?.summary ?? {}) as Record<string, number | null>;
}

/** The quarters and years from the earliest of `known` (or now) up to now. */
function periodRange(known: readonly string[], now: Date): string[] {
  const firstYear = Math.min(Number(periodsOf(now).year), ...known.map((id) => Number(id.slice(0, 4))).filter(Number.isFinite));
  const ids: string[] = [];
  for (let year = firstYear; year <= Number(periodsOf(now).year); year++) ids.push(String(year), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`));
  return ids.filter((id) => (parsePeriodId(id)?.startsAt.getTime() ?? Infinity) <= now.getTime());
}
