import { z } from 'zod';
import { localDateOf, type WorkingCalendar } from '../../calendar';
import type { RouteDefinition } from '../../http/route-table';
import { translatorOf } from './staff-helpers';
import { ratingsBetween } from '../../applications/service-rating';
import { dossierStatistics } from '../../applications';
import { barChart } from './svg-chart';

const FIRST_YEAR = 2024;

/** Statistics for leaders (and administrators): on-time rate, volumes by type and month, processing days. */
export function leaderStatisticsPages(deps: { now: () => Date; calendar: WorkingCalendar }): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/leader/statistics',
      allow: ['leader', 'admin'],
      async handler(req, res) {
        const t = translatorOf(res);
        const now = deps.now();
        const thisYear = Number(localDateOf(now).slice(0, 4));
        const year = z.coerce.number().int().min(FIRST_YEAR).max(thisYear).catch(thisYear).parse(req.query.year);
        const stats = await dossierStatistics(year, now, deps.calendar);
        // Applicants' ratings given in the year (Decision 766 satisfaction), local year bounds.
        const ratings = await ratingsBetween(new Date(`${year}-01-01T00:00:00+07:00`), new Date(`${year + 1}-01-01T00:00:00+07:00`));
        const satisfaction = { count: ratings.length, mean: ratings.length ? ratings.reduce((sum, r) => sum + r.score, 0) / ratings.length : undefined };
        const fmt = res.locals.fmt as { number: (n: number, digits?: number) => string };
        const monthChart = barChart(
          stats.byMonth.map((value, i) => ({ label: t('leader.statistics.monthShort', { m: i + 1 }), value })),
          { format: (n) => fmt.number(n) },
        );
        const typeChart = barChart(
          stats.byType.map((f) => ({ label: t(`leader.statistics.typeShort.${f.type}`), value: f.submitted })),
          { width: 360, format: (n) => fmt.number(n) },
        );
        const daysChart = barChart(
          stats.byType.map((f) => ({ label: t(`leader.statistics.typeShort.${f.type}`), value: f.averageWorkingDays ?? 0, display: f.averageWorkingDays === undefined ? '—' : fmt.number(f.averageWorkingDays, 1) })),
          { width: 360, format: (n) => fmt.number(n, 1) },
        );
        const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
        res.render('staff/statistics', { title: t('leader.statistics.title'), stats, monthChart, typeChart, daysChart, years, satisfaction });
      },
    },
  ];
}
