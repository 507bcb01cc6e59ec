/**
 * Notification mail: the `notify` outbox deliverer schedules one durable job per message; the job renders
 * each recipient's mail in their language and sends it once (sent_mail), or queues it for a daily digest.
 */
export { createNotifications, type Notifications } from './notifications';
export { notificationRoutes, DEFAULT_MAIL_OUTBOX_DIR } from './notification.routes';
export { MAIL_JOB, mailJobHandler, mailJobKey, notifyDeliverer } from './mail-delivery.job';
export { DIGEST_JOB, digestJobHandler, scheduleDailyDigest, sendDigests } from './digest.job';
export { digestDayFor, digestInstant } from './digest-schedule';
export { createMailSender, type MailSender, type OutgoingMail } from './mail-sender';
export { listOutboxMail, type OutboxMailSummary } from './mail-outbox-folder';
export { listMailProblems, resendFailedMail, resendKeyOf, type MailProblem } from './mail-failures';
export { getMailPreference, setMailPreference, MAIL_DELIVERY_MODES, type MailDeliveryMode } from './mail-preference';
export { stableMessageId } from './message-id';
export type { SentMailRecord } from './sent-mail.model';
export { MAIL_TEMPLATES, type MailTemplate } from './mail-copy';
export type { MailDeps } from './send-once';
