import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients, as the peer saw them. */
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename?: string; contentType: string; size: number }[];
}

export interface SmtpPeer {
  readonly url: string;
  readonly received: ReceivedMail[];
  /** Stops accepting connections (an outage); `start()` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  mailsTo(address: string): ReceivedMail[];
}

function newServer(received: ReceivedMail[]): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 500,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          received.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            messageId: parsed.messageId ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            attachments: parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size })),
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
}

const listen = (server: SMTPServer, port: number) =>
  new Promise<number>((resolve, reject) => {
    const net = server.listen(port, '127.0.0.1', () => resolve((net.address() as AddressInfo).port));
    net.once('error', reject);
  });

/** A real SMTP peer on 127.0.0.1 (random port) that parses every mail it accepts with mailparser. */
export async function startSmtpPeer(): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  let server = newServer(received);
  const port = await listen(server, 0);
  let running = true;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async stop() {
      if (!running) return;
      running = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async start() {
      if (running) return;
      server = newServer(received);
      await listen(server, port);
      running = true;
    },
    mailsTo: (address) => received.filter((mail) => mail.to.includes(address)),
  };
}
