import type { MailCopy, MailFacts } from './mail-copy';
import { formatLocalDay, formatMailDate } from './mail-format';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  green_transformation: 'green transformation',
  epr: 'extended producer responsibility (EPR)',
  renewable_energy: 'rooftop solar',
  emissions_reduction: 'emissions reduction',
};

const SIGNATURE = 'Hai Phong Department of Industry and Trade\nThis message was sent automatically; please do not reply.';
const greeting = (f: { recipientName: string }) => `Dear ${f.recipientName},`;
const dossier = (f: MailFacts) => `the ${TYPE_NAMES[f.dossierType] ?? f.dossierType} dossier ${f.dossierCode} ("${f.dossierTitle}")`;
const reasons = (f: MailFacts) => (f.reasons.length > 0 ? [{ kind: 'list' as const, items: f.reasons }] : []);
const dossierLink = (f: MailFacts) => ({ kind: 'link' as const, label: 'View the dossier', url: f.dossierUrl });
const due = (f: MailFacts) => (f.dueAt ? formatMailDate(f.dueAt, 'en') : 'not yet set');

export const englishCopy: MailCopy = {
  submission_received: (f) => ({
    subject: `[${f.dossierCode}] Online submission received`,
    greeting: greeting(f),
    blocks: [
      { kind: 'paragraph', text: `The Department of Industry and Trade has received ${dossier(f)} and will check that it is complete by ${due(f)}.` },
      { kind: 'paragraph', text: 'The time limit runs from the receipt of a complete dossier; the Department will then send the receipt and the appointment date.' },
      dossierLink(f),
    ],
    signature: SIGNATURE,
  }),
  intake_refused: (f) => ({
    subject: `[${f.dossierCode}] Dossier not accepted for processing`,
    greeting: greeting(f),
    blocks: [{ kind: 'paragraph', text: `The Department of Industry and Trade has refused to receive ${dossier(f)} for these reasons:` }, ...reasons(f), dossierLink(f)],
    signature: SIGNATURE,
  }),
  receipt: (f) => ({
    subject: `[${f.dossierCode}] Dossier received`,
    greeting: greeting(f),
    blocks: [
      { kind: 'paragraph', text: `The Department of Industry and Trade has received ${dossier(f)}.` },
      { kind: 'paragraph', text: `Results are due by ${due(f)}.` },
      dossierLink(f),
    ],
    signature: SIGNATURE,
  }),
  supplement_received: (f) => ({
    subject: `[${f.dossierCode}] Supplement received`,
    greeting: greeting(f),
    blocks: [
      { kind: 'paragraph', text: `The Department of Industry and Trade has received the supplement to ${dossier(f)} and goes on with it.` },
      { kind: 'paragraph', text: `Results are due by ${due(f)}.` },
      dossierLink(f),
    ],
    signature: SIGNATURE,
  }),
  result_rescheduled: (f) => ({
    subject: `[${f.dossierCode}] Apology and new appointment for your result`,
    greeting: greeting(f),
    blocks: [
      { kind: 'paragraph', text: `The Department of Industry and Trade apologises: ${dossier(f)} will not be decided by the date we gave you, for these reasons:` },
      ...reasons(f),
      { kind: 'paragraph', text: `New appointment for the result: ${f.appointment ? formatLocalDay(f.appointment, 'en') : 'not set yet'}. The apology and new appointment slip (form 04) is attached.` },
      dossierLink(f),
    ],
    signature: SIGNATURE,
  }),
  supplementation_requested: (f) => ({
    subject: `[${f.dossierCode}] Supplementation requested`,
    greeting: greeting(f),
    blocks: [
      { kind: 'paragraph', text: `To continue processing ${dossier(f)}, please supplement the following:` },
      ...reasons(f),
      { kind: 'paragraph', text: 'The time limit is counted again once the complete supplement is received.' },
      dossierLink(f),
    ],
    signature: SIGNATURE,
  }),
  decision_requested: (f) => ({
    subject: `[${f.dossierCode}] Dossier awaiting your decision`,
    greeting: greeting(f),
    blocks: [
      { kind: 'paragraph', text: `An officer has submitted ${dossier(f)} for a leader's decision. It is due by ${due(f)}.` },
      dossierLink(f),
    ],
    signature: SIGNATURE,
  }),
  approved: (f) => ({
    subject: `[${f.dossierCode}] Dossier approved`,
    greeting: greeting(f),
    blocks: [
      { kind: 'paragraph', text: `The Department of Industry and Trade has approved ${dossier(f)}.` },
      ...(f.certificate
        ? [
            { kind: 'paragraph' as const, text: `Certificate no. ${f.certificate.number} has been issued. Anyone can verify it at:` },
            { kind: 'link' as const, label: 'Verify the certificate', url: f.certificate.url },
          ]
        : []),
    ],
    signature: SIGNATURE,
  }),
  rejected: (f) => ({
    subject: `[${f.dossierCode}] Dossier rejected`,
    greeting: greeting(f),
    blocks: [{ kind: 'paragraph', text: `The Department of Industry and Trade has rejected ${dossier(f)} for these reasons:` }, ...reasons(f), dossierLink(f)],
    signature: SIGNATURE,
  }),
  revoked: (f) => ({
    subject: `[${f.dossierCode}] Certificate revoked`,
    greeting: greeting(f),
    blocks: [{ kind: 'paragraph', text: `The certificate issued for ${dossier(f)} has been revoked for these reasons:` }, ...reasons(f), dossierLink(f)],
    signature: SIGNATURE,
  }),
  deadline_warning: (f) => ({
    subject: `[${f.dossierCode}] Dossier deadline approaching`,
    greeting: greeting(f),
    blocks: [{ kind: 'paragraph', text: `The dossier ${f.dossierCode} ("${f.dossierTitle}") is due by ${due(f)}. Please complete it before then.` }, dossierLink(f)],
    signature: SIGNATURE,
  }),
  intake_due_warning: (f) => ({
    subject: `[${f.dossierCode}] Completeness check due soon`,
    greeting: greeting(f),
    blocks: [{ kind: 'paragraph', text: `The completeness check of dossier ${f.dossierCode} ("${f.dossierTitle}") is due by ${due(f)}. Please accept it, ask for a supplement or refuse it before then.` }, dossierLink(f)],
    signature: SIGNATURE,
  }),
  digest: (f) => ({
    subject: `Notification digest for ${formatLocalDay(f.day, 'en')}`,
    greeting: greeting(f),
    blocks: [{ kind: 'paragraph', text: `${f.items.length} new notification(s):` }, { kind: 'list', items: f.items.map((item) => `${item.subject} — ${item.url}`) }],
    signature: SIGNATURE,
  }),
};
