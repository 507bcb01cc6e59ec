import type { WorkingCalendar } from '../calendar';
import { STAFF, currentActor, type RouteDefinition } from '../http/route-table';
import { parseBody } from '../http/validate';
import { PGI_COMPONENTS } from './indicators';
import { periodCsv, periodXlsx } from './pgi-export';
import { closePeriod, reopenPeriod } from './pgi-period-close.service';
import { recomputePeriod } from './pgi-recompute';
import { DECIDERS, pgiPages } from './pgi.pages';
import { reopenSchema } from './pgi.schemas';
import { getPeriod, getPeriodJson, listPeriods, periodOrNotFound } from './pgi.service';

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
      docs: { summary: 'List PGI periods (newest first) with each indicator\'s value and the close status, plus the four components' },
      async handler(_req, res) {
        res.json({ components: PGI_COMPONENTS, periods: await listPeriods(deps.now()) });
      },
    },
    {
      method: 'get',
      path: '/api/v1/pgi/periods/:id',
      allow: STAFF,
      docs: { summary: 'One PGI period (2026-Q1 or 2026): components, indicators, values, dossier lineage and gender breakdown; a closed period answers its frozen snapshot' },
      async handler(req, res) {
        res.type('application/json').send(await getPeriodJson(periodOf(req.params.id).id));
      },
    },
    {
      method: 'get',
      path: '/api/v1/pgi/periods/:id/export.csv',
      allow: STAFF,
      docs: { summary: 'Export one PGI period as CSV (indicators and the dossier codes behind them)' },
      async handler(req, res) {
        const view = await getPeriod(periodOf(req.params.id).id);
        res.attachment(`pgi-${view.period.id}.csv`).type('text/csv; charset=utf-8').send(periodCsv(view));
      },
    },
    {
      method: 'get',
      path: '/api/v1/pgi/periods/:id/export.xlsx',
      allow: STAFF,
      docs: { summary: 'Export one PGI period as XLSX' },
      async handler(req, res) {
        const view = await getPeriod(periodOf(req.params.id).id);
        res.attachment(`pgi-${view.period.id}.xlsx`).send(await periodXlsx(view));
      },
    },
    {
      method: 'post',
      path: '/api/v1/pgi/periods/:id/close',
      allow: DECIDERS,
      docs: { summary: 'Close an ended PGI period: freeze its figures as the reported snapshot (409 if not ended or already closed)' },
      async handler(req, res) {
        res.status(201).json(await closePeriod(currentActor(req), periodOf(req.params.id), deps));
      },
    },
    {
      method: 'post',
      path: '/api/v1/pgi/periods/:id/reopen',
      allow: DECIDERS,
      docs: { summary: 'Reopen the latest close of a PGI period, with a reason of at least 10 characters (409 if not closed)', body: reopenSchema },
      async handler(req, res) {
        const { reason } = parseBody(req, reopenSchema);
        res.status(201).json(await reopenPeriod(currentActor(req), periodOf(req.params.id), reason, deps));
      },
    },
    {
      method: 'post',
      path: '/api/v1/pgi/periods/:id/recompute',
      allow: ['admin'],
      docs: { summary: 'Recompute a PGI period from the event log, back-filling contributions the projector missed; answers the counts and the figures' },
      async handler(req, res) {
        // Back-fills contributions the projector missed; answers the recomputed figures beside the counts.
        const { view, entries, contributions, inserted } = await recomputePeriod(periodOf(req.params.id), deps, { repair: true });
        res.json({ entries, contributions, inserted, view });
      },
    },
    ...pgiPages(deps),
  ];
}
