import { oneStopFormAttachment, type OneStopForm } from '../one-stop-forms';
import { isApplicantRole } from '../auth';
import type { OutboxMessage } from '../applications/outbox';
import { insertIfAbsent } from '../db';
import { DURABLE_RETRY, scheduleJob, type JobHandler } from '../jobs';
import { DigestItemModel } from './digest-item.model';
import { digestDayFor } from './digest-schedule';
import { copyFor, isMailTemplate, type MailTemplate } from './mail-copy';
import { loadNotificationFacts } from './mail-facts';
import { usersPreferringDigest } from './mail-preference';
import { resolveRecipients, type Audience, type MailRecipient } from './recipients';
import { notSentMessage } from './mail-not-sent';
import { mailErrorCode, sendOnce, type MailDeps } from './send-once';

/** The one-stop form (Circular 01/2018/TT-VPCP) a mail to the applicant carries as a PDF. */
const FORM_OF_MAIL: Partial<Record<MailTemplate, OneStopForm>> = { receipt: 'receipt', intake_refused: 'refusal', result_rescheduled: 'apology' };

export const MAIL_JOB = 'mail-delivery';

interface NotifyJobPayload {
  messageId: string;
  entryId: string;
  dossierId: string;
  template: string;
  to: Audience;
}

/** The job key of a notify message: one durable job per message, so scheduling it twice changes nothing. */
export const mailJobKey = (outboxMessageId: string): string => `mail:${outboxMessageId}`;

/**
 * The `notify` outbox deliverer: it only schedules the durable job (idempotent by the message id), so the
 * event path never waits on SMTP; the scheduler gives the job its claim, retries with backoff and take-over.
 * The outbox then counts the message delivered, which holds because the job never gives up silently: it is
 * retried for 72 h (DURABLE_RETRY), then ends failed, logged and listed at /admin/mail to be sent again.
 */
export function notifyDeliverer(deps: { now: () => Date }): (message: OutboxMessage) => Promise<void> {
  return async (message) => {
    if (message.kind !== 'notify') return;
    // Message ids are "<log entry id>/notify" (outbox.ts): the entry holds the reasons and dates to tell.
    const entryId = message.id.slice(0, message.id.lastIndexOf('/'));
    const payload: NotifyJobPayload = { messageId: message.id, entryId, ...message.payload };
    await scheduleJob({ key: mailJobKey(message.id), name: MAIL_JOB, dueAt: deps.now(), payload: { ...payload }, retry: DURABLE_RETRY });
  };
}

async function queueForDigest(deps: MailDeps, payload: NotifyJobPayload, recipient: MailRecipient, subject: string, url: string): Promise<void> {
  const at = deps.now();
  await insertIfAbsent(DigestItemModel, { _id: `${payload.messageId}|${recipient.userId}`, userId: recipient.userId, digestDay: digestDayFor(at), queuedAt: at, template: payload.template, subject, url });
}

/**
 * Sends one notify message to each of its recipients in their own language, or queues it for the daily
 * digest of staff who chose one. A recipient whose mail fails does not hold up the others; the attempt then
 * fails as a whole and the retry sends only what `sent_mail` does not record yet.
 */
export function mailJobHandler(deps: MailDeps): JobHandler {
  return async (job) => {
    const payload = job.payload as unknown as NotifyJobPayload;
    if (!isMailTemplate(payload.template)) {
      deps.logger.warn({ jobKey: job.key, template: payload.template }, 'no mail template of that name; nothing sent');
      return;
    }
    const template: MailTemplate = payload.template;
    const loaded = await loadNotificationFacts({ dossierId: payload.dossierId, entryId: payload.entryId, template }, deps.baseUrl);
    if (!loaded) return;
    const recipients = await resolveRecipients(loaded.dossier, payload.to);
    // One-stop forms go with the mail that announces them, to the applicant: the receipt and appointment slip
    // (form 01), the refusal at intake (form 03), the apology and new appointment (form 04).
    const form = FORM_OF_MAIL[template];
    const slip = form && recipients.some((r) => isApplicantRole(r.role)) ? await oneStopFormAttachment(payload.dossierId, form) : undefined;
    const digestUsers = await usersPreferringDigest(recipients.filter((r) => !isApplicantRole(r.role)).map((r) => r.userId));
    const failures: string[] = [];
    for (const recipient of recipients) {
      if (job.signal.aborted) throw new Error('the lease ended; the next attempt sends the rest');
      const dossierUrl = isApplicantRole(recipient.role) ? loaded.urls.applicant : loaded.urls.staff;
      const content = copyFor(recipient.locale)[template]({ ...loaded.facts, recipientName: recipient.name, dossierUrl });
      try {
        if (digestUsers.has(recipient.userId)) await queueForDigest(deps, payload, recipient, content.subject, dossierUrl);
        else await sendOnce(deps, { deliveryKey: payload.messageId, template, recipient, content, ...(slip && isApplicantRole(recipient.role) ? { attachments: [slip] } : {}) });
      } catch (error) {
        // Only the code: transport messages may quote the address.
        failures.push(mailErrorCode(error));
        deps.logger.debug({ jobKey: job.key, userId: recipient.userId, code: mailErrorCode(error) }, 'mail not sent');
      }
    }
    if (failures.length > 0) {
      throw new Error(notSentMessage(failures, recipients.length));
    }
  };
}
