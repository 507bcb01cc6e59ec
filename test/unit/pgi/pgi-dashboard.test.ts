import { formatters } from '../../../src/i18n';
import { dashboardModel, periodLabel, previousPeriodId, trendPeriodIds, unitIn } from '../../../src/pgi/pgi-dashboard';
import type { PeriodSummary } from '../../../src/pgi/pgi.service';
import { parsePeriodId } from '../../../src/pgi/pgi-period';

const summary = (id: string, values: Record<string, number | null> = {}): PeriodSummary => {
  const period = parsePeriodId(id)!;
  return { id, kind: period.kind, startsAt: period.startsAt.toISOString(), endsAt: period.endsAt.toISOString(), status: { closed: false }, values };
};
const t = (key: string, params: Record<string, unknown> = {}) => `${key}${JSON.stringify(params)}`;

describe('PGI dashboard model', () => {
  it('when a period id steps back, then quarters cross the year and years count down', () => {
    expect(previousPeriodId('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriodId('2026-Q3')).toBe('2026-Q2');
    expect(previousPeriodId('2026')).toBe('2025');
  });

  it('when a trend is built, then it runs oldest to newest, keeps quiet quarters, stops at the oldest known one and at eight', () => {
    const periods = [summary('2026-Q1'), summary('2025-Q3'), summary('2026'), summary('2024')];
    expect(trendPeriodIds('2026-Q1', 'quarter', periods)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
    expect(trendPeriodIds('2026', 'year', periods)).toEqual(['2024', '2025', '2026']);
    expect(trendPeriodIds('2026-Q1', 'quarter', [summary('2020-Q1')])).toHaveLength(8);
    expect(trendPeriodIds('2026-Q1', 'quarter', [summary('2020-Q1')])[0]).toBe('2024-Q2');
  });

  it('when units and periods are shown, then the page language picks its side', () => {
    expect(unitIn('hồ sơ / dossiers', 'vi')).toBe('hồ sơ');
    expect(unitIn('hồ sơ / dossiers', 'en')).toBe('dossiers');
    expect(unitIn('kWp', 'en')).toBe('kWp');
    expect(periodLabel('2025-Q3', t)).toBe('pgi.periods.quarter{"q":"3","year":"2025","yy":"25"}');
    expect(periodLabel('2025', t, true)).toBe('2025');
  });

  it('when there is no period to show, then only the period lists are given', () => {
    const model = dashboardModel([summary('2026-Q1')], undefined, { t, fmt: formatters('vi'), locale: 'vi', now: new Date('2026-05-01T00:00:00Z'), dossierHref: (code) => code });
    expect(model.selected).toBeUndefined();
    expect(model.quarters.map((q) => q.id)).toEqual(['2026-Q1']);
  });
});
