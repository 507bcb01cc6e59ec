import type { Request, Response } from 'express';
import { z } from 'zod';
import { DEFAULT_MAIL_OUTBOX_DIR, listMailProblems, listOutboxMail, resendFailedMail } from '../notifications';
import { currentActor, type RouteDefinition } from '../http/route-table';
import { refuseUndrawnFields } from '../http/validate';
import { isAppError } from '../errors';
import { ADMIN_PAGES, flashOf, translatorOf } from './staff/staff-helpers';

const FLASHES = ['resent', 'alreadyResent'];
const resendForm = z.object({ job: z.string().min(1).max(300) });

async function renderMailPage(req: Request, res: Response, outboxDir: string, extra: Record<string, unknown> = {}, status = 200) {
  const [problems, mails] = await Promise.all([listMailProblems(200), listOutboxMail(outboxDir, 200)]);
  res.locals.flash = flashOf(translatorOf(res), req.query.done, FLASHES, 'adminMail');
  res.status(status).render('admin-mail', { title: translatorOf(res)('adminMail.title'), problems, mails, ...extra });
}

/**
 * Mail for administrators: what is not getting through (still retried, or failed after 72 h, with a "send
 * again"), and in development the .eml files written instead of sending.
 */
export function adminMailPages(deps: { now: () => Date; mailOutboxDir?: string }): RouteDefinition[] {
  const outboxDir = deps.mailOutboxDir ?? DEFAULT_MAIL_OUTBOX_DIR;
  return [
    {
      method: 'get',
      path: '/admin/mail',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        await renderMailPage(req, res, outboxDir);
      },
    },
    {
      method: 'post',
      path: '/admin/mail/resend',
      allow: ADMIN_PAGES,
      async handler(req, res) {
        const t = translatorOf(res);
        refuseUndrawnFields(req.body, Object.keys(resendForm.shape), t);
        const form = resendForm.safeParse(req.body ?? {});
        if (!form.success) return renderMailPage(req, res, outboxDir, { pageError: t('adminMail.errors.noJob') }, 400);
        try {
          const { created } = await resendFailedMail(form.data.job, currentActor(req), deps.now());
          res.redirect(303, `/admin/mail?done=${created ? 'resent' : 'alreadyResent'}`);
        } catch (error) {
          if (!isAppError(error) || (error.code !== 'not_found' && error.code !== 'conflict')) throw error;
          const message = error.code === 'not_found' ? t('adminMail.errors.noJob') : t('adminMail.errors.notFailed');
          return renderMailPage(req, res, outboxDir, { rowError: { job: form.data.job, message } }, error.code === 'not_found' ? 404 : 409);
        }
      },
    },
  ];
}
