import { applyWorkflowEvent } from '../../workflows/evaluate';
import type { WorkflowEvent } from '../../workflows/workflow-events.schema';
import { getWorkflow, isWorkflowType } from '../../workflows/registry';
import type { Problem } from '../../workflows/problem';
import { WORKFLOW_EVENT_TYPES, type WorkflowEventType, type WorkflowType } from '../../workflows/workflow-types';
import { eventDenial, type Actor } from '../auth';
import type { WorkingCalendar } from '../calendar';
import { AppError, forbidden, notFound, validationFailed } from '../errors';
import type { ApplicationRecord } from './application.model';
import { nextDeadlines, type DossierDeadlines } from './dossier-clock';
import type { DossierCache } from './dossier-cache';
import { dossierEventId } from './dossier-event.model';
import { appendEntry, cacheOf, currentDossier, type NewEntry } from './dossier-log';
import { dossierFactsFor } from './dossier-facts';
import { reportsNationally } from './national-status';
import { opinionDeadlinesOf, outboxFor, type OutboxMessage } from './outbox';
import { procedureSettings } from './procedure-settings';
import { claimNationalCode } from './national-code';
import { findProcedure } from './procedures/required-documents';

export interface EventInput {
  type: string;
  /** Event fields other than `type`, `at` and the facts, which the server fills in. */
  payload?: Record<string, unknown>;
  comment?: string;
}

export interface ApplyEventDeps {
  now: () => Date;
  calendar: WorkingCalendar;
}

export interface AppliedEvent {
  dossierId: string;
  sequence: number;
  from: string;
  to: string;
  entryId: string;
  outbox: OutboxMessage[];
}

const FACT_EVENTS: ReadonlySet<string> = new Set(['SUBMIT', 'RESUBMIT']);

/**
 * The one way a dossier changes state (web forms, API and scheduler all call it):
 * authorize → load and catch up with the log → pure transition → insert the log entry (the insert is the
 * lock: a racing writer gets 409) → refresh the dossier cache. Side effects go into the entry's outbox.
 */
export async function applyEvent(actor: Actor, dossierId: string, input: EventInput, deps: ApplyEventDeps): Promise<AppliedEvent> {
  const eventType = WORKFLOW_EVENT_TYPES.find((t) => t === input.type);
  if (!eventType) throw validationFailed([{ field: 'type', message: `Unknown event type ${input.type}` }]);

  // The log, not the cache, is the truth: judge the event against the log head (catching a lagging cache up),
  // so a stale cache can never make us refuse, or allow, what the dossier's real state says.
  const current = await currentDossier(dossierId);
  if (!current || !isWorkflowType(current.dossier.type)) throw notFound(`Dossier ${dossierId}`);
  const { dossier, head } = current;
  const denial = eventDenial(actor, eventType, String(dossier.organizationId));
  if (denial === 'ownership') throw notFound(`Dossier ${dossierId}`); // do not reveal others' dossiers
  if (denial === 'role') throw forbidden(`Your role may not send ${eventType}.`);

  const at = deps.now().toISOString();
  const event = await buildEvent(eventType, input, at, dossier);
  const evaluation = applyWorkflowEvent(dossier.type, dossier.workflow.version, head.after.snapshot, event);
  if (!evaluation.accepted) {
    const reasons = withDocumentNames(dossier.type, evaluation.reasons);
    throw new AppError('invalid_transition', 'Event not allowed', {
      detail: reasons.map((r) => r.message_en).join(' '),
      extensions: { state: evaluation.state, reasons },
    });
  }

  const procedure = procedureSettings(dossier.type);
  const deadlines: DossierDeadlines = nextDeadlines(head.after.deadlines, evaluation.event, procedure, deps.calendar, getWorkflow(dossier.type, dossier.workflow.version).rules.clockStartsAt);
  // Receipt (the clock's start: acceptance in Decree 118 versions, submission before) gives the national code.
  const receivedNow = !head.after.deadlines?.receivedAt && deadlines.receivedAt;
  const nationalCode = dossier.nationalCode ?? (receivedNow ? await claimNationalCode(dossierId, new Date(deadlines.receivedAt!)) : undefined);
  const after: DossierCache = {
    ...cacheOf(dossier),
    ...assignmentByActing(actor, dossier),
    ...(nationalCode ? { nationalCode } : {}),
    state: evaluation.state,
    snapshot: evaluation.snapshot,
    deadlines,
    submittedAt: head.after.submittedAt ?? (eventType === 'SUBMIT' ? at : undefined),
    decidedAt: evaluation.state === 'approved' || evaluation.state === 'rejected' ? (head.after.decidedAt ?? at) : head.after.decidedAt,
  };
  const entryId = dossierEventId(dossierId, head.sequence + 1);
  const reasons = 'reasons' in evaluation.event ? evaluation.event.reasons : undefined;
  const opinionDeadlines = opinionDeadlinesOf(eventType, evaluation.snapshot);
  const national = reportsNationally(dossier.type, dossier.workflow.version, eventType, evaluation.state, nationalCode) ? { sequence: head.sequence + 1 } : undefined;
  const outbox = outboxFor({ entryId, dossierId, eventType, from: evaluation.from, to: evaluation.state, at, before: head.after.deadlines, after: deadlines, reasons, opinionDeadlines, reportsNationally: national });
  const loggedEvent = evaluation.event as unknown as NewEntry['event'];
  const { sequence } = await appendEntry(dossierId, head, { actor, event: loggedEvent, from: evaluation.from, to: evaluation.state, comment: input.comment, after, outbox });
  return { dossierId, sequence, from: evaluation.from, to: evaluation.state, entryId, outbox };
}

/**
 * The officer who acts on a dossier is the one working on it: the same log entry takes it over (one entry, no
 * separate ASSIGN). Leaders decide without taking the dossier from the officer who returns the result.
 */
function assignmentByActing(actor: Actor, dossier: ApplicationRecord): Pick<DossierCache, 'assigneeId'> {
  if (actor.kind !== 'user' || actor.role !== 'officer') return {};
  return dossier.assigneeId && String(dossier.assigneeId) === actor.userId ? {} : { assigneeId: actor.userId };
}

async function buildEvent(
  type: WorkflowEventType,
  input: EventInput,
  at: string,
  dossier: ApplicationRecord,
): Promise<WorkflowEvent> {
  const payload = { ...(input.payload ?? {}) };
  delete payload.at;
  delete payload.dossier;
  const event: Record<string, unknown> = { ...payload, type, at };
  if (FACT_EVENTS.has(type)) {
    event.dossier = await dossierFactsFor(dossier, new Date(at));
    if (type === 'RESUBMIT') event.clock = procedureSettings(dossier.type).clockMode;
  }
  return event as WorkflowEvent;
}

/**
 * The machines name a missing document by its catalogue code (they do not know the catalogue); the applicant is
 * told its title. The code stays in `field` (`documents.<code>`) for clients.
 */
export function withDocumentNames(type: WorkflowType, reasons: readonly Problem[]): Problem[] {
  const documents = findProcedure(type).documents;
  return reasons.map((reason) => {
    const code = reason.code === 'document_missing' ? reason.field?.replace(/^documents\./, '') : undefined;
    const document = code ? documents.find((d) => d.code === code) : undefined;
    return document ? { ...reason, message_vi: `Thiếu tài liệu bắt buộc: ${document.name_vi}.`, message_en: `Required document missing: ${document.name_en}.` } : reason;
  });
}

