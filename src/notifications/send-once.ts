import type { OutgoingMail } from './mail-sender';
import { insertIfAbsent } from '../db';
import type { Logger } from '../logging/logger';
import type { MailContent } from './mail-copy';
import type { MailRenderer } from './mail-renderer';
import type { MailSender } from './mail-sender';
import { stableMessageId } from './message-id';
import type { MailRecipient } from './recipients';
import { SentMailModel, sentMailId, type SentMailRecord } from './sent-mail.model';

/** What every mail job needs; built once by the composition root (see notifications.ts). */
export interface MailDeps {
  sender: MailSender;
  render: MailRenderer;
  mailFrom: string;
  baseUrl: string;
  now: () => Date;
  logger: Logger;
}

export interface SendOnceInput {
  /** The outbox message id, or `digest:<day>`: with the recipient, it names the mail. */
  deliveryKey: string;
  template: string;
  recipient: MailRecipient;
  content: MailContent;
  itemIds?: string[];
  attachments?: OutgoingMail['attachments'];
}

export const findSentMail = (deliveryKey: string, address: string) => SentMailModel.findById(sentMailId(deliveryKey, address)).lean<SentMailRecord>();

/**
 * Sends one mail unless `sent_mail` already records it, then records it by an insert on its unique key.
 *
 * The remaining at-least-once window: a process that dies (or an attempt whose lease runs out while the
 * transport is still talking) after the peer accepted the DATA and before the insert below leaves no record,
 * so the retry sends the mail again. That copy carries the same Message-ID (message-id.ts), so mail systems
 * and readers can recognise it as the same message. An overlapping attempt (a take-over after an expired
 * lease while the first attempt is still sending) falls in the same window. Everything outside it is sent once.
 */
export async function sendOnce(deps: MailDeps, input: SendOnceInput): Promise<'sent' | 'already_sent'> {
  const { recipient } = input;
  if (await findSentMail(input.deliveryKey, recipient.address)) return 'already_sent';
  const messageId = stableMessageId(input.deliveryKey, recipient.address);
  const rendered = deps.render(input.content, recipient.locale);
  await deps.sender.send({ from: deps.mailFrom, to: { name: recipient.name, address: recipient.address }, messageId, ...rendered, ...(input.attachments ? { attachments: input.attachments } : {}) });
  await insertIfAbsent(SentMailModel, {
    _id: sentMailId(input.deliveryKey, recipient.address),
    deliveryKey: input.deliveryKey,
    userId: recipient.userId,
    to: recipient.address,
    template: input.template,
    messageId,
    sentAt: deps.now(),
    itemIds: input.itemIds,
  });
  // The user id, not the address: logs carry no personal data.
  deps.logger.info({ deliveryKey: input.deliveryKey, userId: recipient.userId, template: input.template }, 'mail sent');
  return 'sent';
}

/** A transport failure described without the message text, which may quote addresses. */
export function mailErrorCode(error: unknown): string {
  const { code, responseCode, name } = (error ?? {}) as { code?: unknown; responseCode?: unknown; name?: unknown };
  return [code, responseCode].filter((part) => part !== undefined).join('/') || (typeof name === 'string' ? name : 'Error');
}
