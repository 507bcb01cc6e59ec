import { DEFAULT_MAIL_OUTBOX_DIR, listOutboxMail } from '../notifications';
import type { RouteDefinition } from '../http/route-table';

/** Development mail: without SMTP_URL every message is an .eml file; admins read the list here. */
export function adminMailPages(deps: { mailOutboxDir?: string }): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/admin/mail',
      allow: ['admin'],
      async handler(_req, res) {
        const mails = await listOutboxMail(deps.mailOutboxDir ?? DEFAULT_MAIL_OUTBOX_DIR, 200);
        res.render('admin-mail', { title: res.locals.t('adminMail.title'), mails });
      },
    },
  ];
}
