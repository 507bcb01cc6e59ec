import type { Request, Response } from 'express';
import { findDossierSummaries, INDICATOR_DEFINITIONS, INDICATOR_SOURCE, periodBounds, ratingsBetween, selfAssessment } from '../../applications';

import { localDateOf, type WorkingCalendar } from '../../calendar';
import { notFound } from '../../errors';
import type { RouteDefinition } from '../../http/route-table';
import { dossiersWithElectronicResult } from '../../issued-documents';
import { dossiersOnPortal } from '../../national-portal';
import { decision766Workbook } from './decision-766-workbook';
import { translatorOf } from './staff-helpers';

/** Who reads the self-assessment: leaders, and administrators who prepare the report. */
const READERS = ['leader', 'admin'] as const;

type Deps = { now: () => Date; calendar: WorkingCalendar; nationalPortalConnected?: boolean };

async function assessment(req: Request, deps: Deps) {
  const now = deps.now();
  const today = localDateOf(now);
  const asked = typeof req.query.period === 'string' ? req.query.period : `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  const period = periodBounds(asked);
  if (!period) throw notFound(`Period ${asked.slice(0, 20)}`);
  const dossiers = (await findDossierSummaries({}, now)).map((s) => ({ id: String(s._id), code: s.code, ...(s.nationalCode ? { nationalCode: s.nationalCode } : {}), type: s.type, state: s.state, submittedAt: s.submittedAt, decidedAt: s.decidedAt, deadlines: s.deadlines }));
  const ratings = await ratingsBetween(new Date(0), new Date(8.64e15));
  const onPortal = deps.nationalPortalConnected ? await dossiersOnPortal() : undefined;
  const electronicResults = await dossiersWithElectronicResult();
  return { period, connected: Boolean(deps.nationalPortalConnected), figures: selfAssessment(dossiers, { ratings, electronicResults, ...(onPortal ? { onPortal } : {}) }, period, deps.calendar) };
}

/** The Decision 766 self-assessment: a page for leaders and its API twin. */
export function decision766Pages(deps: Deps): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/api/v1/decision-766',
      allow: READERS,
      docs: { summary: 'Decision 766 service indicators for a period (?period=2026, 2026-Q4 or 2026-11), per procedure, with the dossiers behind them; ?format=xlsx for a workbook', tag: 'statistics' },
      async handler(req, res) {
        const { period, figures } = await assessment(req, deps);
        if (req.query.format === 'xlsx') {
          const locale = res.locals.locale === 'en' ? 'en' : 'vi';
          const workbook = await decision766Workbook({ periodId: period.id, figures, definitions: INDICATOR_DEFINITIONS, source: INDICATOR_SOURCE, locale, t: translatorOf(res) });
          res.set({ 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="decision-766-${period.id}.xlsx"` });
          res.send(workbook);
          return;
        }
        res.json({ period: { id: period.id, from: period.from.toISOString(), to: period.to.toISOString() }, ...figures, definitions: INDICATOR_DEFINITIONS, source: INDICATOR_SOURCE });
      },
    },
    {
      method: 'get',
      path: '/leader/decision-766',
      allow: READERS,
      async handler(req: Request, res: Response) {
        const { period, figures, connected } = await assessment(req, deps);
        const year = Number(period.id.slice(0, 4));
        const periods = [String(year), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`), ...Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)];
        res.render('staff/decision-766', { title: translatorOf(res)('leader.d766.title'), period, periods, figures, connected, definitions: INDICATOR_DEFINITIONS });
      },
    },
  ];
}
