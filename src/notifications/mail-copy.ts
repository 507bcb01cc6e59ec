import { englishCopy } from './mail-copy.en';
import { vietnameseCopy } from './mail-copy.vi';
import type { MailLocale } from './mail-format';

/** The templates the outbox asks for (src/applications/outbox.ts), each written in both languages. */
export const MAIL_TEMPLATES = ['submission_received', 'receipt', 'intake_refused', 'supplementation_requested', 'supplement_received', 'result_rescheduled', 'decision_requested', 'approved', 'rejected', 'revoked', 'deadline_warning', 'intake_due_warning'] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];
export type { MailLocale };

export const isMailTemplate = (name: string): name is MailTemplate => (MAIL_TEMPLATES as readonly string[]).includes(name);

/** What a mail about one dossier event may say; read from the dossier, its log entry and its certificate. */
export interface MailFacts {
  recipientName: string;
  dossierCode: string;
  dossierTitle: string;
  dossierType: string;
  dossierUrl: string;
  dueAt?: Date;
  reasons: string[];
  /** A new appointment (local date, YYYY-MM-DD) given with an apology (form 04). */
  appointment?: string;
  certificate?: { number: string; url: string };
}

export interface DigestFacts {
  recipientName: string;
  day: string;
  items: { subject: string; url: string }[];
}

/** A mail as structured blocks; views/mail renders them as HTML (escaped) and as plain text. */
export type MailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'link'; label: string; url: string };

export interface MailContent {
  subject: string;
  greeting: string;
  blocks: MailBlock[];
  signature: string;
}

/** One language: a function per template, so the compiler refuses a language that lacks one. */
export type MailCopy = { readonly [T in MailTemplate]: (facts: MailFacts) => MailContent } & {
  readonly digest: (facts: DigestFacts) => MailContent;
};

const COPY: Readonly<Record<MailLocale, MailCopy>> = { vi: vietnameseCopy, en: englishCopy };

export const copyFor = (locale: MailLocale): MailCopy => COPY[locale];
