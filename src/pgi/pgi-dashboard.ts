import type { formatters, Locale } from '../i18n';
import { barChart, lineChart } from '../web/staff/svg-chart';
import type { LocalizedText } from './indicator.types';
import type { PeriodView } from './period-view';
import type { PeriodStatus } from './pgi-period-close.service';
import { parsePeriodId, type PeriodKind } from './pgi-period';
import type { PeriodSummary } from './pgi.service';

type Translate = (key: string, params?: Record<string, unknown>) => string;
type Formatters = ReturnType<typeof formatters>;

/** How many periods a trend shows: two years of quarters, or eight years. */
export const TREND_LENGTH = 8;

export interface DashboardContext {
  t: Translate;
  fmt: Formatters;
  locale: Locale;
  now: Date;
  /** Where a dossier code links to: the staff review page when the dossier is found, else the public lookup. */
  dossierHref: (code: string) => string;
}

const textIn = (text: LocalizedText, locale: Locale) => (locale === 'en' ? text.en : text.vi);

/** Units in the data are one symbol (%, kWp) or "vi / en" ("hồ sơ / dossiers"): show the page's side. */
export function unitIn(unit: string, locale: Locale): string {
  const sides = unit.split(' / ');
  return sides.length === 2 ? (locale === 'en' ? sides[1]! : sides[0]!) : unit;
}

export function periodLabel(id: string, t: Translate, short = false): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(id);
  if (quarter) return t(short ? 'pgi.periods.quarterShort' : 'pgi.periods.quarter', { q: quarter[2], year: quarter[1], yy: quarter[1]!.slice(2) });
  return short ? id : t('pgi.periods.year', { year: id });
}

/** The period before `id` of the same kind ("2025-Q1" → "2024-Q4", "2025" → "2024"). */
export function previousPeriodId(id: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(id);
  if (!quarter) return String(Number(id) - 1);
  const year = Number(quarter[1]);
  const q = Number(quarter[2]);
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/**
 * The consecutive periods a trend covers, oldest first, ending at the selected one. A period with no figures
 * still takes its place (as a gap), so a quiet quarter is not silently skipped; nothing before the oldest
 * period that has figures, so a new index does not start with a row of dashes.
 */
export function trendPeriodIds(selectedId: string, kind: PeriodKind, periods: readonly PeriodSummary[]): string[] {
  const oldest = periods.filter((p) => p.kind === kind).reduce<string | undefined>((min, p) => (min === undefined || p.startsAt < min ? p.startsAt : min), undefined);
  const ids = [selectedId];
  while (ids.length < TREND_LENGTH) {
    const previous = previousPeriodId(ids[0]!);
    const period = parsePeriodId(previous);
    if (!period || oldest === undefined || period.startsAt.toISOString() < oldest) break;
    ids.unshift(previous);
  }
  return ids;
}

function statusModel(status: PeriodStatus, ctx: DashboardContext) {
  return {
    closed: status.closed,
    closeNumber: status.closeNumber,
    closedBy: status.closedBy ?? '—',
    closedAt: status.closedAt ? ctx.fmt.dateTime(status.closedAt) : undefined,
    reopenedAt: status.reopenedAt ? ctx.fmt.dateTime(status.reopenedAt) : undefined,
    reopenReason: status.reopenReason,
  };
}

/** Everything the dashboard template shows, in the page's language, with numbers already formatted. */
export function dashboardModel(periods: readonly PeriodSummary[], view: (PeriodView & { status: PeriodStatus }) | undefined, ctx: DashboardContext) {
  const { t, fmt, locale } = ctx;
  const number = (value: number | null | undefined) => (value === null || value === undefined ? '—' : fmt.number(value, 2));
  const periodList = (kind: PeriodKind) => periods.filter((p) => p.kind === kind).map((p) => ({ id: p.id, label: periodLabel(p.id, t), closed: p.status.closed, current: p.id === view?.period.id }));
  const model = { quarters: periodList('quarter'), years: periodList('year') };
  if (!view) return { ...model, selected: undefined };

  const trendIds = trendPeriodIds(view.period.id, view.period.kind, periods);
  const summaries = new Map(periods.map((p) => [p.id, p.values]));
  const valueIn = (periodId: string, indicatorId: string) => summaries.get(periodId)?.[indicatorId] ?? null;
  const endsAt = new Date(view.period.endsAt);
  const components = view.components.map((c) => {
    const indicators = c.indicators.map((i, index) => {
      const name = textIn(i.indicator.name, locale);
      // The selected period's own value comes from its view (live or frozen), the others from the summaries.
      const trend = trendIds.map((id) => ({ id, label: periodLabel(id, t), short: periodLabel(id, t, true), value: id === view.period.id ? i.value : valueIn(id, i.indicator.id) }));
      const chart = lineChart(trend.map((p) => ({ label: p.short, value: p.value, display: number(p.value) })), { format: (n) => fmt.number(n, 1) });
      return {
        id: i.indicator.id,
        number: `${c.number}.${index + 1}`,
        name,
        explanation: textIn(i.indicator.explanation, locale),
        periodRule: textIn(i.indicator.periodRule, locale),
        // Periods closed before the sources were translated keep an English string in their snapshot.
        source: typeof i.indicator.source === 'string' ? (i.indicator.source as string) : textIn(i.indicator.source, locale),
        unit: unitIn(i.indicator.unit, locale),
        value: number(i.value),
        dossiers: i.lineage.length,
        trend: trend.map((p) => ({ label: p.label, value: number(p.value) })),
        chart,
        byLeadership: Object.entries(i.gender.byLeadership).map(([group, sums]) => ({ group, value: number(sums.value), contributions: sums.contributions })),
        workforce: i.gender.workforce,
        // A page a person reads: the first dossiers, and how many more the full list (the API) holds.
        lineage: i.lineage.slice(0, LINEAGE_SHOWN).map((l) => ({ code: l.code, href: ctx.dossierHref(l.code), numerator: number(l.numerator), denominator: l.denominator ? number(l.denominator) : undefined })),
        lineageMore: Math.max(0, i.lineage.length - LINEAGE_SHOWN),
      };
    });
    const overview = barChart(indicators.map((i) => ({ label: i.number, value: i.dossiers })), { width: 360, height: 180, format: (n) => fmt.number(n) });
    return { number: c.number, name: textIn(c.name, locale), indicators, overview };
  });
  return {
    ...model,
    selected: {
      id: view.period.id,
      label: periodLabel(view.period.id, t),
      trendFrom: periodLabel(trendIds[0]!, t),
      trendLength: trendIds.length,
      status: statusModel(view.status, ctx),
      ended: endsAt <= ctx.now,
      closableFrom: fmt.dateTime(endsAt),
      components,
    },
  };
}

export type DashboardModel = ReturnType<typeof dashboardModel>;

/** Dossiers listed under each indicator on the page; a year of a province holds thousands. */
export const LINEAGE_SHOWN = 50;
