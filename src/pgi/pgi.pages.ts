import type { Request, Response } from 'express';
import { dossierIdsOfCodes } from '../applications';
import { petitionIdsOfCodes } from '../dialogue/petition-reads';
import type { WorkingCalendar } from '../calendar';
import { isAppError } from '../errors';
import { STAFF, currentActor, type RouteDefinition } from '../http/route-table';
import { parseQuery, routeFields } from '../http/validate';
import type { formatters, Locale } from '../i18n';
import { flashOf, isConfirmed, renderConfirmation, translatorOf, type FieldErrors } from '../web/staff/staff-helpers';
import { dashboardModel, LINEAGE_SHOWN, periodLabel } from './pgi-dashboard';
import { closePeriod, reopenPeriod } from './pgi-period-close.service';
import { dashboardQuerySchema, reopenSchema } from './pgi.schemas';
import { getPeriod, listPeriods, periodOrNotFound } from './pgi.service';

type Deps = { now: () => Date; calendar: WorkingCalendar };

/** Closing and reopening a period changes what the province reports: leaders decide it (admins may fix it). */
export const DECIDERS = ['leader', 'admin'] as const;

const FLASHES = ['closed', 'reopened'] as const;

/**
 * Codes → staff pages: a dossier's review page, or a petition's page for the petitions indicators (their codes
 * are HP-KN-…); a code found in neither (not expected) keeps the public lookup.
 */
async function dossierLinks(codes: readonly string[]): Promise<(code: string) => string> {
  const unique = [...new Set(codes)];
  const [dossiers, petitions] = await Promise.all([dossierIdsOfCodes(unique), petitionIdsOfCodes(unique)]);
  const links = new Map([
    ...[...dossiers].map(([code, id]) => [code, `/officer/dossiers/${id}`] as const),
    ...[...petitions].map(([code, id]) => [code, `/petitions/${id}`] as const),
  ]);
  return (code) => links.get(code) ?? `/lookup?code=${encodeURIComponent(code)}`;
}

interface PageState {
  errors?: FieldErrors;
  values?: Record<string, string>;
}

async function renderDashboard(req: Request, res: Response, deps: Deps, periodId: string | undefined, state: PageState = {}, status = 200) {
  const t = translatorOf(res);
  const now = deps.now();
  const periods = await listPeriods(now);
  // Opens on the newest quarter that has figures (the current one is mostly empty early on), else the newest.
  const quarters = periods.filter((p) => p.kind === 'quarter');
  const selected = periodId ?? (quarters.find((p) => Object.values(p.values).some((v) => v !== null)) ?? quarters[0])?.id;
  const view = selected ? await getPeriod(periodOrNotFound(selected).id) : undefined;
  const codes = view ? view.components.flatMap((c) => c.indicators.flatMap((i) => i.lineage.slice(0, LINEAGE_SHOWN).map((l) => l.code))) : [];
  const model = dashboardModel(periods, view, {
    t,
    fmt: res.locals.fmt as ReturnType<typeof formatters>,
    locale: (res.locals.locale === 'en' ? 'en' : 'vi') as Locale,
    now,
    dossierHref: await dossierLinks(codes),
  });
  const actor = currentActor(req);
  const canDecide = actor.kind === 'user' && (DECIDERS as readonly string[]).includes(actor.role);
  res.status(status).render('pgi/dashboard', { title: t('pgi.title'), ...model, canDecide, errors: state.errors ?? {}, values: state.values ?? {} });
}

/** The dashboard and its close / reopen forms; the API beside it (pgi.routes.ts) calls the same services. */
export function pgiPages(deps: Deps): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/pgi',
      allow: STAFF,
      async handler(req, res) {
        const { period } = parseQuery(req, dashboardQuerySchema);
        res.locals.flash = flashOf(translatorOf(res), req.query.done, FLASHES, 'pgi');
        await renderDashboard(req, res, deps, period);
      },
    },
    {
      method: 'post',
      path: '/pgi/periods/:id/close',
      allow: DECIDERS,
      async handler(req, res) {
        const period = periodOrNotFound(String(req.params.id));
        const t = translatorOf(res);
        // Said before trying, so the leader reads when it can be closed rather than a generic refusal.
        if (period.endsAt > deps.now()) return renderDashboard(req, res, deps, period.id, { errors: { form: t('pgi.errors.notEnded') } }, 409);
        // Closing fixes the figures the province reports; only a reopening with a reason undoes it. Ask once more.
        if (!isConfirmed(req.body)) {
          const label = periodLabel(period.id, t);
          return renderConfirmation(res, {
            title: t('pgi.confirmClose.title'),
            question: t('pgi.confirmClose.question', { period: label }),
            warning: t('pgi.confirmClose.warning'),
            action: `/pgi/periods/${period.id}/close`,
            submitLabel: t('pgi.confirmClose.submit', { period: label }),
            back: { href: `/pgi?period=${period.id}`, label },
          });
        }
        try {
          await closePeriod(currentActor(req), period, deps);
        } catch (error) {
          if (!isAppError(error) || error.code !== 'conflict') throw error;
          return renderDashboard(req, res, deps, period.id, { errors: { form: t('pgi.errors.alreadyClosed') } }, 409);
        }
        res.redirect(303, `/pgi?period=${period.id}&done=closed`);
      },
    },
    {
      method: 'post',
      path: '/pgi/periods/:id/reopen',
      allow: DECIDERS,
      async handler(req, res) {
        const period = periodOrNotFound(String(req.params.id));
        const t = translatorOf(res);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const values = { reason: typeof body.reason === 'string' ? body.reason : '' };
        const parsed = reopenSchema.safeParse(routeFields(body));
        if (!parsed.success) return renderDashboard(req, res, deps, period.id, { errors: { reason: t('pgi.errors.reason') }, values }, 400);
        try {
          await reopenPeriod(currentActor(req), period, parsed.data.reason, deps);
        } catch (error) {
          if (!isAppError(error) || error.code !== 'conflict') throw error;
          return renderDashboard(req, res, deps, period.id, { errors: { form: t('pgi.errors.notClosed') }, values }, 409);
        }
        res.redirect(303, `/pgi?period=${period.id}&done=reopened`);
      },
    },
  ];
}
