import { z } from 'zod';
import { opinionSchema } from '../../../workflows/workflow-events.schema';
import { isToldToApplicant } from '../../applications';
import { eventsSentBy, type EventsSentBy } from '../../auth/event-permissions';
import { linesOf, startOfLocalDay, type FieldErrors, type Translate } from './staff-helpers';

/** Staff send from the review page every event the role table gives officers or leaders. */
export type StaffEvent = EventsSentBy<'officer' | 'leader'>;

/**
 * Where each staff event sits on the review page. Keyed by the table's staff events, so an event permission
 * added for officers or leaders does not compile until it has a place here (and fields below).
 */
const PAGE_ORDER: Record<StaffEvent, number> = {
  ACCEPT: 1,
  REFUSE_INTAKE: 1.5,
  REQUEST_SUPPLEMENT: 2,
  ALLOW_SUPPLEMENTATION: 2.5,
  REQUEST_OPINIONS: 3,
  RECORD_OPINION: 4,
  SCHEDULE_INSPECTION: 5,
  RECORD_INSPECTION: 6,
  RESCHEDULE_RESULT: 6.5,
  RECOMMEND: 7,
  APPROVE: 8,
  REJECT: 9,
  RETURN_FOR_REVIEW: 10,
  RETURN_RESULT: 10.5,
  REVOKE: 11,
};

/** Events staff send from the review page, in the order the page offers them. */
export const STAFF_EVENTS: readonly StaffEvent[] = eventsSentBy<'officer' | 'leader'>(['officer', 'leader']).sort((a, b) => PAGE_ORDER[a] - PAGE_ORDER[b]);

export type FieldKind = 'lines' | 'textarea' | 'date' | 'text' | 'select' | 'yes_no';

/** One input of an event form. `requiredWhen` says when the page marks it required (the schema enforces it). */
export interface EventField {
  name: string;
  kind: FieldKind;
  requiredWhen?: 'always' | 'overdue' | 'reject';
  options?: readonly string[];
  /** Sent to the applicant (disclosure.ts), or kept inside the Department: the form says which. */
  toApplicant?: boolean;
}

const comment: EventField = { name: 'comment', kind: 'textarea' };
const reasons: EventField = { name: 'reasons', kind: 'lines', requiredWhen: 'always' };
const apology: EventField = { name: 'apologyNote', kind: 'textarea', requiredWhen: 'overdue' };

const FIELDS: Record<StaffEvent, readonly EventField[]> = {
  ACCEPT: [comment],
  REFUSE_INTAKE: [reasons, comment],
  REQUEST_SUPPLEMENT: [reasons, comment],
  ALLOW_SUPPLEMENTATION: [reasons, comment],
  REQUEST_OPINIONS: [{ name: 'dueAt', kind: 'date', requiredWhen: 'always' }, comment],
  RECORD_OPINION: [
    { name: 'agency', kind: 'select', requiredWhen: 'always' },
    { name: 'opinion', kind: 'select', requiredWhen: 'always', options: opinionSchema.options },
    { name: 'note', kind: 'textarea' },
    comment,
  ],
  SCHEDULE_INSPECTION: [{ name: 'scheduledFor', kind: 'date', requiredWhen: 'always' }, comment],
  RECORD_INSPECTION: [{ name: 'findings', kind: 'textarea', requiredWhen: 'always' }, { name: 'passed', kind: 'yes_no', requiredWhen: 'always' }, comment],
  RECOMMEND: [{ name: 'decision', kind: 'select', requiredWhen: 'always', options: ['approve', 'reject'] }, { name: 'reasons', kind: 'lines', requiredWhen: 'reject' }, comment],
  APPROVE: [apology, comment],
  REJECT: [reasons, apology, comment],
  RETURN_FOR_REVIEW: [reasons, comment],
  RESCHEDULE_RESULT: [reasons, { name: 'appointment', kind: 'date', requiredWhen: 'always' }, comment],
  RETURN_RESULT: [{ name: 'channel', kind: 'select', requiredWhen: 'always', options: ['online', 'counter', 'post'] }, comment],
  REVOKE: [reasons, comment],
};

export const EVENT_FIELDS = Object.fromEntries(
  Object.entries(FIELDS).map(([type, fields]) => [type, fields.map((field) => ({ ...field, toApplicant: field.name !== 'comment' && isToldToApplicant(type, field.name) }))]),
) as unknown as Record<StaffEvent, readonly EventField[]>;

export interface EventFormContext {
  overdue: boolean;
  agencies: readonly string[];
  today: string;
}

export type ParsedEventForm = { payload: Record<string, unknown>; comment?: string; errors?: undefined } | { errors: FieldErrors; payload?: undefined };

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const localDate = z.iso.date();

/**
 * Turns an event form into the payload the event path expects, or one message per field. The machine's
 * guards still decide; these checks only make sure a person is told about a missing field next to it.
 */
export function parseEventForm(type: StaffEvent, body: Record<string, unknown>, context: EventFormContext, t: Translate): ParsedEventForm {
  const errors: FieldErrors = {};
  const payload: Record<string, unknown> = {};
  const need = (field: string, present: boolean, key = 'officer.errors.required') => {
    if (!present) errors[field] = t(key);
  };
  const reasonLines = linesOf(body.reasons);
  const apologyNote = text(body.apologyNote);

  switch (type) {
    case 'REQUEST_SUPPLEMENT':
    case 'REFUSE_INTAKE':
    case 'ALLOW_SUPPLEMENTATION':
    case 'RETURN_FOR_REVIEW':
    case 'REVOKE':
      need('reasons', reasonLines.length > 0, 'officer.errors.reasons');
      payload.reasons = reasonLines;
      break;
    case 'REQUEST_OPINIONS': {
      const due = text(body.dueAt);
      if (!localDate.safeParse(due).success) need('dueAt', false, 'officer.errors.date');
      else if (due <= context.today) need('dueAt', false, 'officer.errors.future');
      else payload.dueAt = new Date(startOfLocalDay(due).getTime() + 86_400_000 - 1000).toISOString();
      break;
    }
    case 'RECORD_OPINION': {
      const agency = text(body.agency);
      need('agency', context.agencies.includes(agency), 'officer.errors.choose');
      const opinion = opinionSchema.safeParse(text(body.opinion));
      need('opinion', opinion.success, 'officer.errors.choose');
      Object.assign(payload, { agency, opinion: opinion.data }, text(body.note) ? { note: text(body.note) } : {});
      break;
    }
    case 'SCHEDULE_INSPECTION': {
      const date = text(body.scheduledFor);
      if (!localDate.safeParse(date).success) need('scheduledFor', false, 'officer.errors.date');
      else if (date < context.today) need('scheduledFor', false, 'officer.errors.notPast');
      payload.scheduledFor = date;
      break;
    }
    case 'RECORD_INSPECTION':
      need('findings', Boolean(text(body.findings)));
      need('passed', body.passed === 'yes' || body.passed === 'no', 'officer.errors.choose');
      Object.assign(payload, { findings: text(body.findings), passed: body.passed === 'yes' });
      break;
    case 'RECOMMEND': {
      const decision = text(body.decision);
      need('decision', decision === 'approve' || decision === 'reject', 'officer.errors.choose');
      if (decision === 'reject') need('reasons', reasonLines.length > 0, 'officer.errors.reasonsToReject');
      Object.assign(payload, { decision }, reasonLines.length ? { reasons: reasonLines } : {});
      break;
    }
    case 'APPROVE':
    case 'REJECT':
      if (type === 'REJECT') {
        need('reasons', reasonLines.length > 0, 'officer.errors.reasons');
        payload.reasons = reasonLines;
      }
      // Form 04 (Circular 01/2018/TT-VPCP): a late decision carries an apology and a new appointment.
      if (context.overdue) need('apologyNote', Boolean(apologyNote), 'officer.errors.apology');
      if (apologyNote) payload.apologyNote = apologyNote;
      break;
    case 'RESCHEDULE_RESULT': {
      need('reasons', reasonLines.length > 0, 'officer.errors.reasons');
      payload.reasons = reasonLines;
      const appointment = text(body.appointment);
      if (!localDate.safeParse(appointment).success) need('appointment', false, 'officer.errors.date');
      else if (appointment <= context.today) need('appointment', false, 'officer.errors.future');
      payload.appointment = appointment;
      break;
    }
    case 'RETURN_RESULT': {
      const channel = text(body.channel);
      need('channel', ['online', 'counter', 'post'].includes(channel), 'officer.errors.choose');
      payload.channel = channel;
      break;
    }
    case 'ACCEPT':
      break;
  }
  if (Object.keys(errors).length) return { errors };
  const note = text(body.comment);
  return { payload, ...(note ? { comment: note.slice(0, 2000) } : {}) };
}
