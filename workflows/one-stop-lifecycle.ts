import { assign, setup } from 'xstate';
import type { z } from 'zod';
import * as update from './one-stop-context';
import { buildGuardRules, readinessProblems, type GuardParams, type GuardRules, type Readiness } from './one-stop-guards';
import type { Problem } from './problem';
import type { DossierFacts } from './readiness/dossier-facts';
import { buildWorkflowEventSchema, type WorkflowEvent, type WorkflowEventOf } from './workflow-events.schema';
import type { WorkflowType } from './workflow-types';

/**
 * The one-stop lifecycle every dossier type shares (Decree 118/2025; forms of Circular 01/2018/TT-VPCP).
 * A type contributes its facts schema and readiness check, and optionally the agencies to consult before
 * the appraisal. Published versions are frozen: a change is a new version built from this function.
 */
export interface OneStopConfig<F extends DossierFacts> extends Readiness<F> {
  type: WorkflowType;
  version: number;
  /** Agencies consulted in parallel after acceptance; empty means no consultation step. */
  consultationAgencies?: readonly string[];
  /** Which one-stop rules the version follows (LEGACY_RULES when absent: the versions published before). */
  rules?: OneStopRules;
}

/**
 * The one-stop rules a machine version follows. A published version never changes its rules: a dossier
 * finishes under the rules it started with.
 */
export interface OneStopRules {
  /** When the statutory time limit starts: at submission (older versions) or at acceptance of a complete dossier. */
  clockStartsAt: 'submission' | 'acceptance';
  /**
   * The steps of Decree 118/2025/NĐ-CP: the applicant's declaration before submitting, refusal at intake
   * (form 03), one supplementation request per dossier unless a leader allows another (Decision 766 counts
   * it late), and the result returned to the applicant after the decision.
   */
  decree118Steps: boolean;
}

export const LEGACY_RULES: OneStopRules = { clockStartsAt: 'submission', decree118Steps: false };
export const DECREE_118_RULES: OneStopRules = { clockStartsAt: 'acceptance', decree118Steps: true };

/** Wraps a pure context update as a named `assign`, narrowing the event to the type it is declared for. */
function record<T extends WorkflowEvent['type']>(
  type: T,
  change: (context: update.WorkflowContext, event: WorkflowEventOf<T>) => Partial<update.WorkflowContext>,
) {
  return assign<update.WorkflowContext, WorkflowEvent, undefined, WorkflowEvent, never>(({ context, event }) => {
    // Names are wired to one event type each below; a mismatch is a programming error, never user input.
    if (event.type !== type) throw new Error(`action for ${type} received ${event.type}`);
    return change(context, event as WorkflowEventOf<T>);
  });
}

function buildOneStopMachine(config: { type: WorkflowType; version: number; agencies: readonly string[]; steps: OneStopRules }, rules: GuardRules) {
  const passes = (rule: keyof GuardRules, context: update.WorkflowContext, event: WorkflowEvent, params?: GuardParams) => {
    const r = rules[rule];
    return (r.dependsOn === 'context' ? r.problems(context, params) : r.problems(context, event, params)).length === 0;
  };
  const { agencies } = config;

  const lifecycle = setup({
    types: { context: {} as update.WorkflowContext, events: {} as WorkflowEvent },
    guards: {
      submissionReady: ({ context, event }) => passes('submissionReady', context, event),
      decisionExplained: ({ context, event }) => passes('decisionExplained', context, event),
      inspectionRecorded: ({ context, event }) => passes('inspectionRecorded', context, event),
      consultationComplete: ({ context, event }) => passes('consultationComplete', context, event),
      opinionFrom: ({ context, event }, params: { agency: string }) => passes('opinionFrom', context, event, params),
      readyAndDeclared: ({ context, event }) => passes('readyAndDeclared', context, event),
      intakeOpen: ({ context, event }) => passes('intakeOpen', context, event),
      supplementationAllowed: ({ context, event }) => passes('supplementationAllowed', context, event),
      supplementationUsedUp: ({ context, event }) => passes('supplementationUsedUp', context, event),
      resultNotReturned: ({ context, event }) => passes('resultNotReturned', context, event),
    },
    actions: {
      recordSubmission: record('SUBMIT', update.onSubmitted),
      recordResubmission: record('RESUBMIT', update.onResubmitted),
      recordSupplementRequest: record('REQUEST_SUPPLEMENT', update.onSupplementRequested),
      recordAcceptance: record('ACCEPT', update.onAccepted),
      openConsultation: record('ACCEPT', update.onConsultationOpened(agencies)),
      recordOpinionRequests: record('REQUEST_OPINIONS', update.onOpinionsRequested),
      recordOpinion: record('RECORD_OPINION', update.onOpinionRecorded),
      recordOpinionLapse: record('OPINION_OVERDUE', update.onOpinionLapsed),
      recordInspectionSchedule: record('SCHEDULE_INSPECTION', update.onInspectionScheduled),
      recordInspectionResult: record('RECORD_INSPECTION', update.onInspectionRecorded),
      recordRecommendation: record('RECOMMEND', update.onRecommended),
      recordReturnForReview: record('RETURN_FOR_REVIEW', update.onReturnedForReview),
      recordApproval: record('APPROVE', update.onApproved),
      recordRejection: record('REJECT', update.onRejected),
      recordWithdrawal: record('WITHDRAW', update.onWithdrawn),
      recordRevocation: record('REVOKE', update.onRevoked),
      recordExpiry: record('CERTIFICATE_EXPIRED', update.onExpired),
      recordDeadlineWarning: record('DEADLINE_WARNING', update.onDeadlineWarning),
      recordDeadlinePassed: record('DEADLINE_PASSED', update.onDeadlinePassed),
      recordIntakeRefusal: record('REFUSE_INTAKE', update.onIntakeRefused),
      recordSupplementationAllowed: record('ALLOW_SUPPLEMENTATION', update.onSupplementationAllowed),
      recordResultReturned: record('RETURN_RESULT', update.onResultReturned),
      recordResultRescheduled: record('RESCHEDULE_RESULT', update.onResultRescheduled),
    },
  });

  // Deadline events only record; the state stays where the work is. Handled on each processing state (and
  // on the consultation parent, not its regions, so a parallel state records them once).
  const deadlines = {
    DEADLINE_WARNING: { actions: 'recordDeadlineWarning' },
    DEADLINE_PASSED: { actions: 'recordDeadlinePassed' },
  } as const;
  const withdraw = { WITHDRAW: { target: 'withdrawn', actions: 'recordWithdrawal' } } as const;
  const steps = config.steps.decree118Steps;
  // Decree 118 versions: one request per dossier; a leader may allow one more (recorded, and counted late).
  const requestSupplement = steps
    ? ({
        REQUEST_SUPPLEMENT: { guard: 'supplementationAllowed', target: 'supplementation_requested', actions: 'recordSupplementRequest' },
        ALLOW_SUPPLEMENTATION: { guard: 'supplementationUsedUp', actions: 'recordSupplementationAllowed' },
      } as const)
    : ({ REQUEST_SUPPLEMENT: { target: 'supplementation_requested', actions: 'recordSupplementRequest' } } as const);
  const submissionGuard = steps ? 'readyAndDeclared' : 'submissionReady';
  const refuseAtIntake = steps ? ({ REFUSE_INTAKE: { guard: 'intakeOpen', target: 'refused_at_intake', actions: 'recordIntakeRefusal' } } as const) : {};
  const returnResult = steps ? ({ RETURN_RESULT: { guard: 'resultNotReturned', actions: 'recordResultReturned' } } as const) : {};
  // Decree 118 versions: after acceptance and before the decision, an apology with a new appointment (form 04)
  // only records; the work stays where it is. (Added to these versions before any dossier used them: it accepts
  // an event they refused, so no recorded history changes meaning.)
  const reschedule = steps ? ({ RESCHEDULE_RESULT: { actions: 'recordResultRescheduled' } } as const) : {};

  const consultationRegion = (agency: string) => {
    const fromThisAgency = { type: 'opinionFrom', params: { agency } } as const;
    return {
      initial: 'pending',
      states: {
        pending: {
          on: {
            RECORD_OPINION: { guard: fromThisAgency, target: 'answered', actions: 'recordOpinion' },
            // Practice under Decree 35/2022: an agency that does not answer by its deadline is taken to
            // have no objection, so a lapse closes the region just as an answer does.
            OPINION_OVERDUE: { guard: fromThisAgency, target: 'lapsed', actions: 'recordOpinionLapse' },
          },
        },
        answered: { type: 'final' },
        lapsed: { type: 'final' },
      },
    } as const;
  };

  // Opinions gathered once stay on file: a dossier accepted again after supplementation goes straight to
  // the appraisal instead of consulting every agency a second time.
  const accept =
    agencies.length === 0
      ? ({ ACCEPT: { target: 'technical_review', actions: 'recordAcceptance' } } as const)
      : ({
          ACCEPT: [
            { guard: 'consultationComplete', target: 'technical_review', actions: 'recordAcceptance' },
            { target: 'consultation', actions: ['recordAcceptance', 'openConsultation'] },
          ],
        } as const);

  const consultationState = {
    type: 'parallel',
    states: Object.fromEntries(agencies.map((a) => [a, consultationRegion(a)])),
    onDone: { target: 'technical_review' },
    // No supplementation request while agencies are reading the dossier: changing it under them would
    // void their opinions. The appraisal (technical_review) can still ask for more.
    on: { REQUEST_OPINIONS: { actions: 'recordOpinionRequests' }, ...withdraw, ...deadlines, ...reschedule },
  } as const;
  const consultation: Record<string, typeof consultationState> =
    agencies.length === 0 ? {} : { consultation: consultationState };

  return lifecycle.createMachine({
    id: config.type,
    version: String(config.version),
    context: update.emptyWorkflowContext(),
    initial: 'draft',
    states: {
      draft: {
        on: { SUBMIT: { guard: submissionGuard, target: 'submitted', actions: 'recordSubmission' }, ...withdraw },
      },
      submitted: { on: { ...accept, ...refuseAtIntake, ...requestSupplement, ...withdraw, ...deadlines } },
      supplementation_requested: {
        on: {
          RESUBMIT: { guard: submissionGuard, target: 'submitted', actions: 'recordResubmission' },
          ...withdraw,
          ...deadlines,
        },
      },
      ...consultation,
      technical_review: {
        on: {
          SCHEDULE_INSPECTION: { target: 'inspection', actions: 'recordInspectionSchedule' },
          RECOMMEND: { guard: 'inspectionRecorded', target: 'awaiting_decision', actions: 'recordRecommendation' },
          ...requestSupplement,
          ...withdraw,
          ...deadlines,
          ...reschedule,
        },
      },
      inspection: {
        on: {
          // Rescheduling replaces the appointment; the dossier stays in inspection.
          SCHEDULE_INSPECTION: { actions: 'recordInspectionSchedule' },
          RECORD_INSPECTION: { target: 'technical_review', actions: 'recordInspectionResult' },
          ...withdraw,
          ...deadlines,
          ...reschedule,
        },
      },
      // No withdrawal once a recommendation is before the leader: the dossier waits for the decision.
      // APPROVE after a "reject" recommendation (and REJECT after "approve") is allowed: the leader decides,
      // and the decision records that it went against the recommendation.
      awaiting_decision: {
        on: {
          APPROVE: { guard: 'decisionExplained', target: 'approved', actions: 'recordApproval' },
          REJECT: { guard: 'decisionExplained', target: 'rejected', actions: 'recordRejection' },
          RETURN_FOR_REVIEW: { target: 'technical_review', actions: 'recordReturnForReview' },
          ...deadlines,
          ...reschedule,
        },
      },
      approved: {
        on: {
          REVOKE: { target: 'revoked', actions: 'recordRevocation' },
          CERTIFICATE_EXPIRED: { target: 'expired', actions: 'recordExpiry' },
          ...returnResult,
        },
      },
      // Decree 118 versions hand the refusal to the applicant too (RETURN_RESULT), so it is not final there.
      rejected: steps ? { on: { ...returnResult } } : { type: 'final' },
      ...(steps ? { refused_at_intake: { type: 'final' } } : {}),
      withdrawn: { type: 'final' },
      revoked: { type: 'final' },
      expired: { type: 'final' },
    },
  });
}

export type OneStopMachine = ReturnType<typeof buildOneStopMachine>;

export interface WorkflowDefinition {
  type: WorkflowType;
  version: number;
  /** `<type>@v<version>`: how logs and the API name a machine version. */
  id: string;
  machine: OneStopMachine;
  guardRules: GuardRules;
  consultationAgencies: readonly string[];
  rules: OneStopRules;
  /** This type's event schema: the generic one with `dossier` narrowed to the type's facts. */
  eventSchema: z.ZodType<WorkflowEvent>;
  submissionProblems: (facts: unknown) => Problem[];
}

export function buildOneStopWorkflow<F extends DossierFacts>(config: OneStopConfig<F>): WorkflowDefinition {
  const agencies = [...(config.consultationAgencies ?? [])];
  const guardRules = buildGuardRules(config);
  return {
    type: config.type,
    version: config.version,
    id: `${config.type}@v${config.version}`,
    machine: buildOneStopMachine({ type: config.type, version: config.version, agencies, steps: config.rules ?? LEGACY_RULES }, guardRules),
    guardRules,
    consultationAgencies: agencies,
    rules: config.rules ?? LEGACY_RULES,
    eventSchema: buildWorkflowEventSchema(config.factsSchema),
    submissionProblems: (facts) => readinessProblems(config, facts),
  };
}
