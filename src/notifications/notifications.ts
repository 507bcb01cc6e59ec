import type { OutboxMessage } from '../applications/outbox';
import type { Config } from '../config';
import type { JobHandler } from '../jobs';
import type { Logger } from '../logging/logger';
import { DIGEST_JOB, digestJobHandler } from './digest.job';
import { MAIL_JOB, mailJobHandler, notifyDeliverer } from './mail-delivery.job';
import { createMailRenderer } from './mail-renderer';
import { createMailSender, type MailSender } from './mail-sender';
import { DEFAULT_MAIL_OUTBOX_DIR } from './notification.routes';
import type { MailDeps } from './send-once';

export interface Notifications {
  readonly mode: MailSender['mode'];
  readonly deps: MailDeps;
  /** For createScheduler({ handlers }). */
  readonly jobHandlers: Readonly<Record<string, JobHandler>>;
  /** For registerOutboxDeliverer('notify', …). */
  readonly deliverNotify: (message: OutboxMessage) => Promise<void>;
  close(): void;
}

/**
 * Builds mail delivery from the configuration (called by the composition root, never at import): SMTP when
 * SMTP_URL is set, .eml files in `outboxDir` otherwise. `sender` lets tests wrap the transport.
 */
export function createNotifications(options: {
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'baseUrl'>;
  logger: Logger;
  now?: () => Date;
  outboxDir?: string;
  sender?: MailSender;
}): Notifications {
  const now = options.now ?? (() => new Date());
  const sender = options.sender ?? createMailSender({ smtpUrl: options.config.smtpUrl, outboxDir: options.outboxDir ?? DEFAULT_MAIL_OUTBOX_DIR });
  const deps: MailDeps = {
    sender,
    render: createMailRenderer(),
    mailFrom: options.config.mailFrom,
    baseUrl: options.config.baseUrl,
    now,
    logger: options.logger.child({ component: 'notifications' }),
  };
  return {
    mode: sender.mode,
    deps,
    jobHandlers: { [MAIL_JOB]: mailJobHandler(deps), [DIGEST_JOB]: digestJobHandler(deps) },
    deliverNotify: notifyDeliverer({ now }),
    close: () => sender.close(),
  };
}
