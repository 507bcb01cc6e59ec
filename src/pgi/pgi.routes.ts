import { z } from 'zod';
import type { WorkingCalendar } from '../calendar';
import { STAFF, currentActor, type RouteDefinition } from '../http/route-table';
import { parseInput } from '../http/validate';
import { PGI_COMPONENTS } from './indicators';
import { periodCsv, periodXlsx } from './pgi-export';
import { closePeriod, reopenPeriod } from './pgi-period-close.service';
import { recomputePeriod } from './pgi-recompute';
import { getPeriod, listPeriods, periodOrNotFound } from './pgi.service';

/** Closing and reopening a period changes what the province reports: leaders decide it (admins may fix it). */
const DECIDERS = ['leader', 'admin'] as const;
const reopenSchema = z.object({ reason: z.string().trim().min(10).max(2000) });
const dashboardQuerySchema = z.object({ period: z.string().max(10).optional() });

/**
 * The PGI capability's routes. Everything is province-wide, so only staff read it: applicants are refused
 * (403) by the table before any handler runs, and no route filters by organization.
 */
export function pgiRoutes(deps: { now: () => Date; calendar: WorkingCalendar }): RouteDefinition[] {
  const periodOf = (id: unknown) => periodOrNotFound(String(id));
  return [
    {
      method: 'get',
      path: '/api/v1/pgi/periods',
      allow: STAFF,
      async handler(_req, res) {
        res.json({ components: PGI_COMPONENTS, periods: await listPeriods(deps.now()) });
      },
    },
    {
      method: 'get',
      path: '/api/v1/pgi/periods/:id',
      allow: STAFF,
      async handler(req, res) {
        res.json(await getPeriod(periodOf(req.params.id).id));
      },
    },
    {
      method: 'get',
      path: '/api/v1/pgi/periods/:id/export.csv',
      allow: STAFF,
      async handler(req, res) {
        const view = await getPeriod(periodOf(req.params.id).id);
        res.attachment(`pgi-${view.period.id}.csv`).type('text/csv; charset=utf-8').send(periodCsv(view));
      },
    },
    {
      method: 'get',
      path: '/api/v1/pgi/periods/:id/export.xlsx',
      allow: STAFF,
      async handler(req, res) {
        const view = await getPeriod(periodOf(req.params.id).id);
        res.attachment(`pgi-${view.period.id}.xlsx`).send(await periodXlsx(view));
      },
    },
    {
      method: 'post',
      path: '/api/v1/pgi/periods/:id/close',
      allow: DECIDERS,
      async handler(req, res) {
        res.status(201).json(await closePeriod(currentActor(req), periodOf(req.params.id), deps));
      },
    },
    {
      method: 'post',
      path: '/api/v1/pgi/periods/:id/reopen',
      allow: DECIDERS,
      async handler(req, res) {
        const { reason } = parseInput(reopenSchema, req.body);
        res.status(201).json(await reopenPeriod(currentActor(req), periodOf(req.params.id), reason, deps));
      },
    },
    {
      method: 'post',
      path: '/api/v1/pgi/periods/:id/recompute',
      allow: ['admin'],
      async handler(req, res) {
        // Back-fills contributions the projector missed; answers the recomputed figures beside the counts.
        const { view, entries, contributions, inserted } = await recomputePeriod(periodOf(req.params.id), deps, { repair: true });
        res.json({ entries, contributions, inserted, view });
      },
    },
    {
      method: 'get',
      path: '/pgi',
      allow: STAFF,
      async handler(req, res) {
        const { period } = parseInput(dashboardQuerySchema, req.query);
        const periods = await listPeriods(deps.now());
        const selected = period ?? periods.find((p) => p.kind === 'quarter')?.id;
        const view = selected ? await getPeriod(periodOf(selected).id) : undefined;
        res.render('pgi/dashboard', { title: 'Chỉ số Xanh cấp tỉnh (PGI)', periods, view });
      },
    },
  ];
}
