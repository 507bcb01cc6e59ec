import { z } from 'zod';
import { currentActor, type RouteDefinition } from '../http/route-table';
import { parseInput } from '../http/validate';
import { fromRoot } from '../paths';
import { listOutboxMail } from './mail-outbox-folder';
import { getMailPreference, MAIL_DELIVERY_MODES, setMailPreference } from './mail-preference';

/** Where mail goes when SMTP_URL is unset (git-ignored). */
export const DEFAULT_MAIL_OUTBOX_DIR = fromRoot('mail-outbox');

const listQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
const preferenceSchema = z.object({ delivery: z.enum(MAIL_DELIVERY_MODES) });

/** The admin's view of the development mail folder, and staff members' choice of a daily digest. */
export function notificationRoutes(deps: { now: () => Date; outboxDir?: string }): RouteDefinition[] {
  const outboxDir = deps.outboxDir ?? DEFAULT_MAIL_OUTBOX_DIR;
  return [
    {
      method: 'get',
      path: '/api/v1/admin/mail',
      allow: ['admin'],
      docs: { summary: 'Mail written to the development outbox folder (when SMTP_URL is unset), newest first', query: listQuerySchema, tag: 'notifications' },
      async handler(req, res) {
        const { limit } = parseInput(listQuerySchema, req.query);
        res.json({ items: await listOutboxMail(outboxDir, limit) });
      },
    },
    {
      method: 'get',
      path: '/api/v1/notifications/preference',
      allow: ['officer', 'leader'],
      docs: { summary: 'How I receive notification mail: one per event, or a daily digest', tag: 'notifications' },
      async handler(req, res) {
        res.json({ delivery: await getMailPreference(userIdOf(req)) });
      },
    },
    {
      method: 'put',
      path: '/api/v1/notifications/preference',
      allow: ['officer', 'leader'],
      docs: { summary: 'Choose one mail per event or a daily digest', body: preferenceSchema, tag: 'notifications' },
      async handler(req, res) {
        const { delivery } = parseInput(preferenceSchema, req.body);
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
