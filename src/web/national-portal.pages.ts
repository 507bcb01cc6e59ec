import type { Request, Response } from 'express';
import { z } from 'zod';
import { DVCQG_STATUSES } from '../../workflows/dvcqg-status';
import { AppError, notFound } from '../errors';
import { currentActor, type RouteDefinition } from '../http/route-table';
import { refuseUndrawnFields } from '../http/validate';
import { portalSyncOverview, resendStep } from '../national-portal';
import { ADMIN_PAGES, flashOf, translatorOf } from './staff/staff-helpers';

const FLASHES = ['resent'];
const resendForm = z.object({ step: z.string().min(1).max(100) });

async function renderPage(req: Request, res: Response, connected: boolean, extra: Record<string, unknown> = {}, status = 200) {
  const overview = await portalSyncOverview();
  res.locals.flash = flashOf(translatorOf(res), req.query.done, FLASHES, 'nationalPortal');
  res.status(status).render('admin-national-portal', { title: translatorOf(res)('nationalPortal.title'), connected, overview, statuses: DVCQG_STATUSES, ...extra });
}

/**
 * Reconciliation with the National Public Service Portal, for administrators: how many steps arrived, the ones
 * still retried (with the portal's last answer) and the ones that failed for good, each with "send again".
 */
export function nationalPortalPages(deps: { now: () => Date; nationalPortalConnected: boolean }): RouteDefinition[] {
  const connected = deps.nationalPortalConnected;
  return [
    {
      method: 'get',
      path: '/admin/national-portal',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        await renderPage(req, res, connected);
      },
    },
    {
      method: 'post',
      path: '/admin/national-portal/resend',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        const t = translatorOf(res);
        refuseUndrawnFields(req.body, Object.keys(resendForm.shape), t);
        const form = resendForm.safeParse(req.body ?? {});
        if (!form.success) return renderPage(req, res, connected, { pageError: t('nationalPortal.errors.unknown') }, 400);
        const outcome = await resendStep(currentActor(req), form.data.step, deps.now(), req.ip);
        if (outcome === 'scheduled') return res.redirect(303, '/admin/national-portal?done=resent');
        const message = t(outcome === 'synced' ? 'nationalPortal.errors.synced' : 'nationalPortal.errors.unknown');
        return renderPage(req, res, connected, { rowError: { step: form.data.step, message } }, outcome === 'synced' ? 409 : 404);
      },
    },
    {
      method: 'get',
      path: '/api/v1/national-portal/sync',
      allow: ADMIN_PAGES,
      docs: { summary: 'Reconciliation with the National Public Service Portal: steps synced, still retried and failed, with the portal\'s answers', tag: 'admin' },
      async handler(_req, res) {
        res.json({ connected, ...(await portalSyncOverview()) });
      },
    },
    {
      method: 'post',
      path: '/api/v1/national-portal/sync/:step/resend',
      allow: ADMIN_PAGES,
      docs: { summary: 'Sends a progress step to the National Public Service Portal again (a new round, due now)', tag: 'admin' },
      async handler(req, res) {
        const step = String(req.params.step);
        const outcome = await resendStep(currentActor(req), step, deps.now(), req.ip);
        if (outcome === 'synced') throw new AppError('conflict', 'Conflict', { detail: `Step ${step} has already reached the portal.`, detailKey: 'alreadySynced' });
        if (outcome === 'unknown') throw notFound(`Step ${step.slice(0, 40)}`);
        res.status(202).json({ step, scheduled: true });
      },
    },
  ];
}
