import { isApplicantRole, isStaff, type Actor } from '../auth';
import type { WorkflowEventType } from '../../workflows/workflow-types';
import type { DossierChangeEvent } from './dossier-changes';

/**
 * What the applicant (and through the lookup, the public) is told of each logged event: the fields listed
 * here, addressed to them (the supplementation list, the grounds of a refusal or a revocation, the apology
 * and new appointment, the inspection date). Everything else staff write stays inside the Department: every
 * comment (the "internal note" of each action form), agencies' opinions, inspection findings, the officer's
 * recommendation and its reasons, a leader's reasons for returning a dossier, who it is assigned to.
 * The one definition: the history API, the applicant's pages, mail and the staff forms' labels read it.
 */
export const TOLD_TO_APPLICANT: Readonly<Record<WorkflowEventType | DossierChangeEvent, readonly string[]>> = {
  SUBMIT: [],
  RESUBMIT: [],
  WITHDRAW: ['reason'],
  REQUEST_SUPPLEMENT: ['reasons'],
  ACCEPT: [],
  REFUSE_INTAKE: ['reasons'],
  // A leader's approval of a further request is the Department's own record; the request itself says what is asked.
  ALLOW_SUPPLEMENTATION: [],
  REQUEST_OPINIONS: [],
  RECORD_OPINION: [],
  OPINION_OVERDUE: [],
  SCHEDULE_INSPECTION: ['scheduledFor'],
  RECORD_INSPECTION: [],
  RECOMMEND: [],
  APPROVE: ['apologyNote'],
  REJECT: ['reasons', 'apologyNote'],
  RETURN_FOR_REVIEW: [],
  RESCHEDULE_RESULT: ['reasons', 'appointment'],
  RETURN_RESULT: ['channel'],
  REVOKE: ['reasons'],
  DEADLINE_WARNING: [],
  DEADLINE_PASSED: ['dueAt'],
  CERTIFICATE_EXPIRED: [],
  // The applicant's own edits are theirs to see; an assignment is the Department's internal business.
  UPDATE_DATA: ['change'],
  ASSIGN: [],
};

/** Whether a field of an event reaches the applicant (unknown events and fields: no). */
export function isToldToApplicant(eventType: string, field: string): boolean {
  return (TOLD_TO_APPLICANT as Record<string, readonly string[] | undefined>)[eventType]?.includes(field) ?? false;
}

interface LoggedEntryView {
  event: { type: string; at?: string } & Record<string, unknown>;
  actor?: { kind?: string; userId?: string; name?: string; role?: string };
  comment?: string;
}

/**
 * A log entry as the applicant sees it: the event's type, time and told fields; the actor's name and role
 * (not their account id); the comment only when an applicant wrote it (a note to the Department).
 */
export function entryAsApplicantSees<E extends LoggedEntryView>(entry: E): Omit<E, 'comment'> & { comment?: string } {
  const { type, at } = entry.event;
  const told = Object.fromEntries(Object.entries(entry.event).filter(([field]) => isToldToApplicant(type, field)));
  const actor = entry.actor ? { kind: entry.actor.kind, name: entry.actor.name, role: entry.actor.role } : undefined;
  const { comment, ...rest } = entry;
  const ownNote = comment !== undefined && entry.actor?.role !== undefined && isApplicantRole(entry.actor.role);
  return { ...rest, event: { type, at, ...told }, actor, ...(ownNote ? { comment } : {}) } as Omit<E, 'comment'> & { comment?: string };
}

/** Staff read the whole log; anyone else reads it as the applicant sees it. */
export const seesInternalNotes = (actor: Actor): boolean => actor.kind === 'system' || isStaff(actor);
