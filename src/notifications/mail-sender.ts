import nodemailer from 'nodemailer';
import { writeEmlFile } from './mail-outbox-folder';

/** A rendered mail for one recipient; `messageId` is the stable id from message-id.ts. */
export interface OutgoingMail {
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Files the mail carries (the receipt mail: the receipt and appointment slip, form 01). */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** Resolves once the mail is accepted (by the SMTP peer, or written to the folder); rejects otherwise. */
export interface MailSender {
  readonly mode: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailSenderOptions {
  /** `smtp://` or `smtps://` URL; unset means: write .eml files to `outboxDir`. */
  smtpUrl?: string;
  outboxDir: string;
  /** Milliseconds to wait for the SMTP peer before an attempt fails (and is retried by the job). */
  timeoutMs?: number;
}

function mailOptions(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
    // RFC 3834: tells auto-responders (out-of-office) not to answer.
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

/**
 * Made by the composition root, never at import. SMTP has no pool: each send opens its own connection, so
 * a peer that was down is simply reached again by the next attempt.
 */
export function createMailSender(options: MailSenderOptions): MailSender {
  const timeoutMs = options.timeoutMs ?? 15_000;
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport({ url: options.smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
    return {
      mode: 'smtp',
      async send(mail) {
        await transport.sendMail(mailOptions(mail));
      },
      close: () => transport.close(),
    };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    mode: 'file',
    async send(mail) {
      const info = await stream.sendMail(mailOptions(mail));
      await writeEmlFile(options.outboxDir, mail.messageId, info.message as Buffer);
    },
    close: () => stream.close(),
  };
}
