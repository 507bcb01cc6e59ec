import { z } from 'zod';
import { currentActor, type RouteDefinition } from '../http/route-table';
import { parseBody, parseQuery } from '../http/validate';
import { fromRoot } from '../paths';
import { listMailProblems, resendFailedMail } from './mail-failures';
import { listOutboxMail } from './mail-outbox-folder';
import { getMailPreference, MAIL_DELIVERY_MODES, setMailPreference } from './mail-preference';
import { DEPARTMENT_ROLES } from '../auth';

/** Where mail goes when SMTP_URL is unset (git-ignored). */
export const DEFAULT_MAIL_OUTBOX_DIR = fromRoot('mail-outbox');

const listQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });
const resendSchema = z.strictObject({ jobKey: z.string().min(1).max(300) });
const preferenceSchema = z.strictObject({ delivery: z.enum(MAIL_DELIVERY_MODES) });

/** The admin's view of the development mail folder, and staff members' choice of a daily digest. */
export function notificationRoutes(deps: { now: () => Date; outboxDir?: string }): RouteDefinition[] {
  const outboxDir = deps.outboxDir ?? DEFAULT_MAIL_OUTBOX_DIR;
  return [
    {
      method: 'get',
      path: '/api/v1/admin/mail',
      allow: ['admin'],
      docs: {
        summary: 'Mail written to the development outbox folder (items), and mail not getting through (problems: still retrying or failed after 72 h, with error codes, attempts and next retry)',
        query: listQuerySchema,
        tag: 'notifications',
      },
      async handler(req, res) {
        const { limit } = parseQuery(req, listQuerySchema);
        const [items, problems] = await Promise.all([listOutboxMail(outboxDir, limit), listMailProblems(limit)]);
        res.json({ items, problems });
      },
    },
    {
      method: 'post',
      path: '/api/v1/admin/mail/resend',
      allow: ['admin'],
      docs: {
        summary: 'Send a mail that failed for good (after 72 h of retries) again, to the recipients who did not get it; 201 when queued, 200 when it was already queued; audited',
        body: resendSchema,
        tag: 'notifications',
      },
      async handler(req, res) {
        const { jobKey } = parseBody(req, resendSchema);
        const resend = await resendFailedMail(jobKey, currentActor(req), deps.now());
        res.status(resend.created ? 201 : 200).json(resend);
      },
    },
    {
      method: 'get',
      path: '/api/v1/notifications/preference',
      allow: DEPARTMENT_ROLES,
      docs: { summary: 'How I receive notification mail: one per event, or a daily digest', tag: 'notifications' },
      async handler(req, res) {
        res.json({ delivery: await getMailPreference(userIdOf(req)) });
      },
    },
    {
      method: 'put',
      path: '/api/v1/notifications/preference',
      allow: DEPARTMENT_ROLES,
      docs: { summary: 'Choose one mail per event or a daily digest', body: preferenceSchema, tag: 'notifications' },
      async handler(req, res) {
        const { delivery } = parseBody(req, preferenceSchema);
        res.json({ delivery: await setMailPreference(userIdOf(req), delivery, deps.now()) });
      },
    },
  ];
}

function userIdOf(req: Parameters<typeof currentActor>[0]): string {
  const actor = currentActor(req);
  // The route table admits only signed-in officers and leaders here, so the actor is a user.
  return actor.kind === 'user' ? actor.userId : '';
}
