import { z } from 'zod';
import { dossierFactsSchema } from './readiness/dossier-facts';

/**
 * Event payloads, validated before they reach a machine. Time always arrives as `at` (an ISO instant chosen
 * by the caller: the request time, or the scheduler's due time), which keeps the machines free of clocks
 * and makes replaying the event log reproduce the same snapshot.
 */
const instant = z.iso.datetime({ offset: true });
const instantOrDate = z.union([instant, z.iso.date()]);
const text = z.string().trim().min(1);
const reasons = z.array(text).min(1);
/** The province's calendar day of an instant (UTC+7, no daylight saving). */
const localDay = (at: string) => new Date(new Date(at).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

export const opinionSchema = z.enum(['agree', 'agree_with_conditions', 'disagree']);
export type Opinion = z.infer<typeof opinionSchema>;

/** Builds the event schema around one dossier type's facts schema (the generic one accepts any type's). */
export function buildWorkflowEventSchema<F extends z.ZodType>(facts: F) {
  return z.discriminatedUnion('type', [
    // `declaration`: the applicant confirms the dossier is true and complete (required from the Decree 118 versions on).
    z.object({ type: z.literal('SUBMIT'), at: instant, dossier: facts, declaration: z.literal(true).optional() }),
    z.object({ type: z.literal('WITHDRAW'), at: instant, reason: text.optional() }),
    z.object({ type: z.literal('REQUEST_SUPPLEMENT'), at: instant, reasons }),
    z.object({
      type: z.literal('RESUBMIT'),
      at: instant,
      dossier: facts,
      declaration: z.literal(true).optional(),
      // Decree 118/2025 practice: the time limit restarts from a complete dossier by default; some
      // procedures only pause it. The procedure catalogue decides and the service says which here.
      clock: z.enum(['restart', 'pause']).default('restart'),
    }),
    z.object({ type: z.literal('ACCEPT'), at: instant }),
    // Refusal at intake (form 03, Circular 01/2018/TT-VPCP): the dossier is outside the Department's remit or not admissible.
    z.object({ type: z.literal('REFUSE_INTAKE'), at: instant, reasons }),
    // A leader's recorded approval for one more supplementation request (Decision 766 counts the dossier late).
    z.object({ type: z.literal('ALLOW_SUPPLEMENTATION'), at: instant, reasons }),
    z.object({
      type: z.literal('REQUEST_OPINIONS'),
      at: instant,
      dueAt: instant,
      dueAtByAgency: z.record(z.string(), instant).optional(),
    }),
    z.object({
      type: z.literal('RECORD_OPINION'),
      at: instant,
      agency: text,
      opinion: opinionSchema,
      note: text.optional(),
    }),
    z.object({ type: z.literal('OPINION_OVERDUE'), at: instant, agency: text }),
    z.object({ type: z.literal('SCHEDULE_INSPECTION'), at: instant, scheduledFor: instantOrDate }),
    z.object({ type: z.literal('RECORD_INSPECTION'), at: instant, findings: text, passed: z.boolean() }),
    z
      .object({
        type: z.literal('RECOMMEND'),
        at: instant,
        decision: z.enum(['approve', 'reject']),
        reasons: z.array(text).optional(),
      })
      .refine((e) => e.decision === 'approve' || (e.reasons?.length ?? 0) > 0, {
        message: 'A recommendation to reject must give at least one reason',
        path: ['reasons'],
      }),
    z.object({ type: z.literal('APPROVE'), at: instant, apologyNote: text.optional() }),
    z.object({ type: z.literal('REJECT'), at: instant, reasons, apologyNote: text.optional() }),
    z.object({ type: z.literal('RETURN_FOR_REVIEW'), at: instant, reasons }),
    // Form 04 (Circular 01/2018/TT-VPCP): a dossier that will not be decided by its appointment gets an apology,
    // the reasons and a new appointment (a local date after the day it is given). It stays late for the statistics.
    z
      .object({ type: z.literal('RESCHEDULE_RESULT'), at: instant, reasons, appointment: z.iso.date() })
      .refine((e) => e.appointment > localDay(e.at), { message: 'The new appointment must be a day after today', path: ['appointment'] }),
    z.object({ type: z.literal('RETURN_RESULT'), at: instant, channel: z.enum(['online', 'counter', 'post']).default('online') }),
    z.object({ type: z.literal('REVOKE'), at: instant, reasons }),
    z.object({ type: z.literal('DEADLINE_WARNING'), at: instant, dueAt: instant }),
    z.object({ type: z.literal('DEADLINE_PASSED'), at: instant, dueAt: instant }),
    z.object({ type: z.literal('CERTIFICATE_EXPIRED'), at: instant }),
  ]);
}

export const workflowEventSchema = buildWorkflowEventSchema(dossierFactsSchema);
/** An event after validation (defaults applied). */
export type WorkflowEvent = z.output<typeof workflowEventSchema>;
/** An event as a caller may write it (e.g. RESUBMIT without `clock`). */
export type WorkflowEventInput = z.input<typeof workflowEventSchema>;
export type WorkflowEventOf<T extends WorkflowEvent['type']> = Extract<WorkflowEvent, { type: T }>;
