import type { JsonValue } from '../jobs/job.types';
import { DURABLE_RETRY, scheduleJob, type JobHandler } from '../jobs';
import { sendOnce, type MailDeps } from '../notifications/send-once';
import { accountCopyFor, type AccountMailFacts, type AccountMailTemplate } from './account-mail-copy';
import { tokenFor, type TokenPurpose } from './account-token';

export const ACCOUNT_MAIL_JOB = 'account-mail';

/** Where each token's link leads. */
const TOKEN_PATHS: Record<TokenPurpose, string> = {
  verify_registration: '/register/verify/',
  password_reset: '/password/reset/',
  invitation: '/invitation/',
  verify_email_change: '/my/profile/verify-email/',
};

export interface AccountMail {
  /** Names the mail: scheduling it twice sends it once. */
  key: string;
  template: AccountMailTemplate;
  to: { address: string; name: string; locale: 'vi' | 'en'; userId?: string };
  /** The single-use link the mail carries (its id: the job writes the link again from it). */
  token?: { id: string; purpose: TokenPurpose };
  /** A link without a token (the login page, the organization page), as a path. */
  path?: string;
  facts?: Omit<AccountMailFacts, 'recipientName' | 'url'>;
}

/** Queues an account mail as a durable job: the request never waits on SMTP, and an outage only delays it. */
export async function queueAccountMail(mail: AccountMail, now: Date): Promise<void> {
  await scheduleJob({ key: `account-mail:${mail.key}`, name: ACCOUNT_MAIL_JOB, dueAt: now, payload: JSON.parse(JSON.stringify(mail)) as JsonValue, retry: DURABLE_RETRY });
}

/** Sends one account mail once (sent_mail), writing its link from the token id and the server's secret. */
export function accountMailJobHandler(deps: MailDeps & { secret: string }): JobHandler {
  return async (job) => {
    const mail = job.payload as unknown as AccountMail;
    const url = `${deps.baseUrl}${mail.token ? `${TOKEN_PATHS[mail.token.purpose]}${tokenFor(deps.secret, mail.token.id, mail.token.purpose)}` : (mail.path ?? '/')}`;
    const content = accountCopyFor(mail.to.locale)[mail.template]({ ...(mail.facts ?? {}), recipientName: mail.to.name, url });
    await sendOnce(deps, {
      deliveryKey: job.key,
      template: mail.template,
      // Applicant-side mail; the role only decides attachments elsewhere.
      recipient: { userId: mail.to.userId ?? mail.to.address, name: mail.to.name, address: mail.to.address, locale: mail.to.locale, role: 'business' },
      content,
    });
  };
}
