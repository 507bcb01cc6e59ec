import type { Types } from 'mongoose';
import { dossierForMail, loggedEntryFacts } from '../applications';
import { certificateOfDossier } from '../certificates';
import type { MailFacts, MailTemplate } from './mail-copy';

/** Everything a notify mail needs except the recipient, plus what recipient resolution needs. */
export interface NotificationFacts {
  dossier: { id: string; organizationId: Types.ObjectId; assigneeId?: Types.ObjectId | null };
  facts: Omit<MailFacts, 'recipientName' | 'dossierUrl'>;
  /** Applicants follow their dossier in the portal; staff and anyone else get the public status page. */
  urls: { applicant: string; staff: string };
}

const asDate = (value: unknown): Date | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  const date = new Date(value as string);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

const asReasons = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/**
 * Reads the facts from the log entry that asked for the mail (its reasons, and the due date as it stood
 * then), so a retry hours later still tells what happened at that event. Returns undefined when the dossier
 * is gone: there is nobody to tell. Throws when an approval's certificate is not issued yet, so the job is
 * retried once the certificate consumer has run.
 */
export async function loadNotificationFacts(input: { dossierId: string; entryId: string; template: MailTemplate }, baseUrl: string): Promise<NotificationFacts | undefined> {
  const dossier = await dossierForMail(input.dossierId);
  if (!dossier) return undefined;
  const entry = (await loggedEntryFacts(input.entryId)) ?? {};
  const dueAt =
    asDate(entry.event?.dueAt) ?? asDate(entry.after?.deadlines?.currentDueAt) ?? asDate(entry.after?.deadlines?.intake?.dueAt) ?? asDate((dossier.deadlines as { currentDueAt?: Date }).currentDueAt);

  let certificate: MailFacts['certificate'];
  if (input.template === 'approved') {
    const issued = await certificateOfDossier(String(dossier._id));
    if (!issued) throw new Error(`the certificate of dossier ${dossier.code} is not issued yet`);
    certificate = { number: issued.number, url: `${baseUrl}/certificates/verify?code=${encodeURIComponent(issued.verificationCode)}` };
  }

  return {
    dossier: { id: String(dossier._id), organizationId: dossier.organizationId, assigneeId: dossier.assigneeId ?? null },
    facts: {
      dossierCode: dossier.code,
      dossierTitle: dossier.title,
      dossierType: dossier.type,
      dueAt,
      reasons: asReasons(entry.event?.reasons),
      ...(typeof entry.event?.appointment === 'string' ? { appointment: entry.event.appointment } : {}),
      certificate,
    },
    urls: {
      applicant: `${baseUrl}/my/dossiers/${String(dossier._id)}`,
      staff: `${baseUrl}/lookup?code=${encodeURIComponent(dossier.code)}`,
    },
  };
}
