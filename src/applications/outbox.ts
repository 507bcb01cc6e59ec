import type { WorkflowState } from '../../workflows/workflow-types';
import type { DossierDeadlines } from './dossier-clock';
import { feedsPgi } from './pgi-feed';

/**
 * Side effects an accepted event asks for. They are written into the log entry with the event (so they
 * can never be lost) and carried out afterwards, exactly once, by `dispatchOutbox`.
 */
export type OutboxMessage =
  | { id: string; kind: 'schedule_deadlines'; payload: { dossierId: string; warningAt: string | null; dueAt: string } }
  | { id: string; kind: 'schedule_intake_warning'; payload: { dossierId: string; warningAt: string; dueAt: string } }
  | { id: string; kind: 'issue_certificate'; payload: { dossierId: string; decidedAt: string } }
  | { id: string; kind: 'revoke_certificate'; payload: { dossierId: string; reasons: string[]; revokedAt?: string } }
  | { id: string; kind: 'notify'; payload: { dossierId: string; template: string; to: 'applicant' | 'assignee' | 'leaders' } }
  | { id: string; kind: 'project_pgi'; payload: { dossierId: string; entryId: string } }
  | { id: string; kind: 'schedule_opinion_deadlines'; payload: { dossierId: string; agencies: { agency: string; dueAt: string }[] } }
  | { id: string; kind: 'report_progress'; payload: { dossierId: string; sequence: number } }
  | { id: string; kind: 'issue_document'; payload: { dossierId: string; document: 'certificate' | 'refusal' | 'revocation' } };

const NOTIFY_ON: Partial<Record<WorkflowState, { template: string; to: 'applicant' | 'assignee' | 'leaders' }>> = {
  submitted: { template: 'receipt', to: 'applicant' },
  supplementation_requested: { template: 'supplementation_requested', to: 'applicant' },
  awaiting_decision: { template: 'decision_requested', to: 'leaders' },
  approved: { template: 'approved', to: 'applicant' },
  rejected: { template: 'rejected', to: 'applicant' },
  revoked: { template: 'revoked', to: 'applicant' },
};

/**
 * Who is told of a transition, and with which mail. Under the Decree 118 versions a submission is not yet the
 * receipt: the applicant learns that the completeness check has started, and the receipt mail (with the
 * appointment date) follows the acceptance, which is when the time limit starts.
 */
function noticeOf(input: { eventType: string; to: WorkflowState; before: DossierDeadlines; after: DossierDeadlines }): (typeof NOTIFY_ON)[WorkflowState] {
  if (input.after.clockStartsAt === 'acceptance') {
    if (input.to === 'submitted' && !input.after.receivedAt) return { template: 'submission_received', to: 'applicant' };
    if (input.eventType === 'ACCEPT' && input.after.receivedAt && !input.before.receivedAt) return { template: 'receipt', to: 'applicant' };
    // Supplemented after the receipt: the applicant learns it arrived and the appointment it now has.
    if (input.eventType === 'RESUBMIT' && input.after.receivedAt) return { template: 'supplement_received', to: 'applicant' };
    if (input.to === 'submitted') return undefined;
  }
  if (input.to === 'refused_at_intake') return { template: 'intake_refused', to: 'applicant' };
  return NOTIFY_ON[input.to];
}

/** Pure: what one transition asks the world to do. Message ids derive from the log entry id. */
export function outboxFor(input: {
  entryId: string;
  dossierId: string;
  eventType: string;
  from: WorkflowState;
  to: WorkflowState;
  at: string;
  before: DossierDeadlines;
  after: DossierDeadlines;
  reasons?: string[];
  /** Agencies asked for an opinion by this event, each with its own due date. */
  opinionDeadlines?: { agency: string; dueAt: string }[];
  /** This entry is a progress step the National Public Service Portal hears of (national-steps.ts). */
  reportsNationally?: { sequence: number };
}): OutboxMessage[] {
  const { entryId, dossierId, to, from } = input;
  const messages: OutboxMessage[] = [];
  const dueAt = input.after.currentDueAt;
  if (dueAt && dueAt !== input.before.currentDueAt) {
    messages.push({ id: `${entryId}/deadlines`, kind: 'schedule_deadlines', payload: { dossierId, warningAt: input.after.warningAt ?? null, dueAt } });
  }
  // The completeness check (Decree 118 versions) warns the officers a working day before it runs out.
  const intake = input.after.intake;
  if (intake?.warningAt && intake.dueAt !== input.before.intake?.dueAt) {
    messages.push({ id: `${entryId}/intake`, kind: 'schedule_intake_warning', payload: { dossierId, warningAt: intake.warningAt, dueAt: intake.dueAt } });
  }
  if (input.opinionDeadlines?.length) {
    messages.push({ id: `${entryId}/opinions`, kind: 'schedule_opinion_deadlines', payload: { dossierId, agencies: input.opinionDeadlines } });
  }
  if (to === 'approved' && from !== 'approved') {
    messages.push({ id: `${entryId}/certificate`, kind: 'issue_certificate', payload: { dossierId, decidedAt: input.at } });
  }
  if (to === 'revoked') {
    messages.push({ id: `${entryId}/revoke`, kind: 'revoke_certificate', payload: { dossierId, reasons: input.reasons ?? [], revokedAt: input.at } });
  }
  // The signed result document (src/issued-documents): the certificate, or the decision refusing or revoking.
  const document = to === 'approved' && from !== 'approved' ? 'certificate' : to === 'rejected' && from !== 'rejected' ? 'refusal' : to === 'revoked' && from !== 'revoked' ? 'revocation' : undefined;
  if (document) messages.push({ id: `${entryId}/document`, kind: 'issue_document', payload: { dossierId, document } });
  if (feedsPgi({ eventType: input.eventType, from, to })) {
    messages.push({ id: `${entryId}/pgi`, kind: 'project_pgi', payload: { dossierId, entryId } });
  }
  if (input.reportsNationally) {
    messages.push({ id: `${entryId}/national`, kind: 'report_progress', payload: { dossierId, sequence: input.reportsNationally.sequence } });
  }
  const notice = to !== from ? noticeOf(input) : undefined;
  if (notice) messages.push({ id: `${entryId}/notify`, kind: 'notify', payload: { dossierId, ...notice } });
  // The apology and new appointment (form 04) reach the applicant at once; the dossier stays where it is.
  if (input.eventType === 'RESCHEDULE_RESULT') {
    messages.push({ id: `${entryId}/notify`, kind: 'notify', payload: { dossierId, template: 'result_rescheduled', to: 'applicant' } });
  }
  if (input.eventType === 'DEADLINE_WARNING') {
    // Before the receipt, the warning is the completeness check's.
    const template = input.after.receivedAt ? 'deadline_warning' : 'intake_due_warning';
    messages.push({ id: `${entryId}/notify`, kind: 'notify', payload: { dossierId, template, to: 'assignee' } });
  }
  return messages;
}

/** After REQUEST_OPINIONS: the agencies still pending and when each must answer (read from the new context). */
export function opinionDeadlinesOf(eventType: string, snapshot: unknown): { agency: string; dueAt: string }[] {
  if (eventType !== 'REQUEST_OPINIONS') return [];
  return Object.entries(consultedAgenciesOf(snapshot)).flatMap(([agency, record]) => (record.status === 'pending' && record.dueAt ? [{ agency, dueAt: record.dueAt }] : []));
}

/** The consulted agencies in a persisted workflow snapshot (the dossier cache or a log entry's `after`). */
export function consultedAgenciesOf(snapshot: unknown): Record<string, { status: string; dueAt: string | null }> {
  const context = (snapshot as { context?: { consultation?: { agencies?: Record<string, { status: string; dueAt: string | null }> } | null } } | undefined)?.context;
  return context?.consultation?.agencies ?? {};
}
