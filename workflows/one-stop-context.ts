import type { DossierFacts } from './readiness/dossier-facts';
import type { Opinion, WorkflowEvent, WorkflowEventOf } from './workflow-events.schema';

/**
 * What a dossier's machine remembers: what its guards need and what the dossier page shows. Every field is
 * JSON (absent values are `null`, never `undefined`) so a persisted snapshot round-trips exactly.
 */
export interface AgencyOpinionRecord {
  status: 'pending' | 'answered' | 'lapsed';
  dueAt: string | null;
  opinion: Opinion | null;
  note: string | null;
  /** When the opinion arrived, or when the scheduler reported it lapsed. */
  closedAt: string | null;
}

export interface ConsultationRecord {
  openedAt: string;
  requestedAt: string | null;
  agencies: Record<string, AgencyOpinionRecord>;
}

export interface InspectionRecord {
  scheduledAt: string;
  scheduledFor: string;
  recordedAt: string | null;
  findings: string | null;
  passed: boolean | null;
}

export interface WorkflowContext {
  /** Facts of the last (re)submission, as the service computed them then. */
  submittedFacts: DossierFacts | null;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  /** `allowedExtra`: requests beyond the first that a leader allowed (Decree 118 versions; absent in older snapshots). */
  supplementation: { rounds: number; lastReasons: string[]; lastRequestedAt: string | null; allowedExtra?: number };
  /** Set by DEADLINE_PASSED; a late decision then needs the apology (form 04, Circular 01/2018/TT-VPCP). */
  overdue: boolean;
  overdueAt: string | null;
  warnedAt: string | null;
  /** The due date the scheduler last reported (the service keeps the original and current ones). */
  dueAt: string | null;
  consultation: ConsultationRecord | null;
  inspection: InspectionRecord | null;
  recommendation: { decision: 'approve' | 'reject'; reasons: string[]; at: string } | null;
  reviewReturns: { count: number; lastReasons: string[] };
  decision: {
    outcome: 'approved' | 'rejected';
    at: string;
    reasons: string[];
    apologyNote: string | null;
    /** The leader may decide against the officer's recommendation; the page and the log show it. */
    againstRecommendation: boolean;
  } | null;
  closure: { kind: 'withdrawn' | 'revoked' | 'expired'; at: string; reasons: string[] } | null;
  /** Decree 118 versions: refused at intake (form 03), and when the result was handed to the applicant. */
  intakeRefusal?: { at: string; reasons: string[] } | null;
  resultReturned?: { at: string; channel: 'online' | 'counter' | 'post' } | null;
  /** Decree 118 versions: the newest apology and new appointment (form 04) given before the decision. */
  rescheduled?: { at: string; appointment: string; reasons: string[] } | null;
}

export function emptyWorkflowContext(): WorkflowContext {
  return {
    submittedFacts: null,
    firstSubmittedAt: null,
    submittedAt: null,
    acceptedAt: null,
    supplementation: { rounds: 0, lastReasons: [], lastRequestedAt: null, allowedExtra: 0 },
    overdue: false,
    overdueAt: null,
    warnedAt: null,
    dueAt: null,
    consultation: null,
    inspection: null,
    recommendation: null,
    reviewReturns: { count: 0, lastReasons: [] },
    decision: null,
    closure: null,
    intakeRefusal: null,
    resultReturned: null,
  };
}

export type ContextUpdate<T extends WorkflowEvent['type']> = (
  context: WorkflowContext,
  event: WorkflowEventOf<T>,
) => Partial<WorkflowContext>;

/** Pure context updates, one per accepted event; the machine wraps each in `assign`. */
export const onSubmitted: ContextUpdate<'SUBMIT'> = (ctx, e) => ({
  submittedFacts: e.dossier,
  firstSubmittedAt: ctx.firstSubmittedAt ?? e.at,
  submittedAt: e.at,
});

export const onResubmitted: ContextUpdate<'RESUBMIT'> = (_ctx, e) => ({
  submittedFacts: e.dossier,
  submittedAt: e.at,
  // A restarted clock means the earlier warning and lateness no longer apply; a paused clock keeps them.
  ...(e.clock === 'restart' ? { overdue: false, overdueAt: null, warnedAt: null, dueAt: null } : {}),
});

export const onSupplementRequested: ContextUpdate<'REQUEST_SUPPLEMENT'> = (ctx, e) => ({
  supplementation: { rounds: ctx.supplementation.rounds + 1, lastReasons: e.reasons, lastRequestedAt: e.at },
});

export const onAccepted: ContextUpdate<'ACCEPT'> = (_ctx, e) => ({ acceptedAt: e.at });

export const onIntakeRefused: ContextUpdate<'REFUSE_INTAKE'> = (_ctx, e) => ({ intakeRefusal: { at: e.at, reasons: e.reasons } });

export const onSupplementationAllowed: ContextUpdate<'ALLOW_SUPPLEMENTATION'> = (ctx) => ({
  supplementation: { ...ctx.supplementation, allowedExtra: (ctx.supplementation.allowedExtra ?? 0) + 1 },
});

export const onResultRescheduled: ContextUpdate<'RESCHEDULE_RESULT'> = (_ctx, e) => ({ rescheduled: { at: e.at, appointment: e.appointment, reasons: e.reasons } });

export const onResultReturned: ContextUpdate<'RETURN_RESULT'> = (_ctx, e) => ({ resultReturned: { at: e.at, channel: e.channel } });

/** Supplementation requests a dossier may still receive: one, plus those a leader allowed. */
export const supplementationRequestsLeft = (ctx: WorkflowContext) => 1 + (ctx.supplementation.allowedExtra ?? 0) - ctx.supplementation.rounds;

export function onConsultationOpened(agencies: readonly string[]): ContextUpdate<'ACCEPT'> {
  return (_ctx, e) => ({
    consultation: {
      openedAt: e.at,
      requestedAt: null,
      agencies: Object.fromEntries(
        agencies.map((a) => [a, { status: 'pending', dueAt: null, opinion: null, note: null, closedAt: null }]),
      ),
    },
  });
}

function withAgency(
  ctx: WorkflowContext,
  agency: string,
  change: (record: AgencyOpinionRecord) => AgencyOpinionRecord,
): Partial<WorkflowContext> {
  const record = ctx.consultation?.agencies[agency];
  if (!ctx.consultation || !record) return {};
  return { consultation: { ...ctx.consultation, agencies: { ...ctx.consultation.agencies, [agency]: change(record) } } };
}

export const onOpinionsRequested: ContextUpdate<'REQUEST_OPINIONS'> = (ctx, e) => {
  if (!ctx.consultation) return {};
  const agencies = Object.fromEntries(
    Object.entries(ctx.consultation.agencies).map(([agency, record]) => [
      agency,
      record.status === 'pending' ? { ...record, dueAt: e.dueAtByAgency?.[agency] ?? e.dueAt } : record,
    ]),
  );
  return { consultation: { ...ctx.consultation, requestedAt: e.at, agencies } };
};

export const onOpinionRecorded: ContextUpdate<'RECORD_OPINION'> = (ctx, e) =>
  withAgency(ctx, e.agency, (r) => ({ ...r, status: 'answered', opinion: e.opinion, note: e.note ?? null, closedAt: e.at }));

export const onOpinionLapsed: ContextUpdate<'OPINION_OVERDUE'> = (ctx, e) =>
  withAgency(ctx, e.agency, (r) => ({ ...r, status: 'lapsed', closedAt: e.at }));

export function isConsultationComplete(ctx: WorkflowContext): boolean {
  return ctx.consultation !== null && Object.values(ctx.consultation.agencies).every((r) => r.status !== 'pending');
}

export const onInspectionScheduled: ContextUpdate<'SCHEDULE_INSPECTION'> = (_ctx, e) => ({
  inspection: { scheduledAt: e.at, scheduledFor: e.scheduledFor, recordedAt: null, findings: null, passed: null },
});

export const onInspectionRecorded: ContextUpdate<'RECORD_INSPECTION'> = (ctx, e) =>
  ctx.inspection ? { inspection: { ...ctx.inspection, recordedAt: e.at, findings: e.findings, passed: e.passed } } : {};

export const onRecommended: ContextUpdate<'RECOMMEND'> = (_ctx, e) => ({
  recommendation: { decision: e.decision, reasons: e.reasons ?? [], at: e.at },
});

export const onReturnedForReview: ContextUpdate<'RETURN_FOR_REVIEW'> = (ctx, e) => ({
  recommendation: null,
  reviewReturns: { count: ctx.reviewReturns.count + 1, lastReasons: e.reasons },
});

export const onApproved: ContextUpdate<'APPROVE'> = (ctx, e) => ({
  decision: {
    outcome: 'approved',
    at: e.at,
    reasons: [],
    apologyNote: e.apologyNote ?? null,
    againstRecommendation: ctx.recommendation?.decision === 'reject',
  },
});

export const onRejected: ContextUpdate<'REJECT'> = (ctx, e) => ({
  decision: {
    outcome: 'rejected',
    at: e.at,
    reasons: e.reasons,
    apologyNote: e.apologyNote ?? null,
    againstRecommendation: ctx.recommendation?.decision === 'approve',
  },
});

export const onWithdrawn: ContextUpdate<'WITHDRAW'> = (_ctx, e) => ({
  closure: { kind: 'withdrawn', at: e.at, reasons: e.reason === undefined ? [] : [e.reason] },
});

export const onRevoked: ContextUpdate<'REVOKE'> = (_ctx, e) => ({
  closure: { kind: 'revoked', at: e.at, reasons: e.reasons },
});

export const onExpired: ContextUpdate<'CERTIFICATE_EXPIRED'> = (_ctx, e) => ({
  closure: { kind: 'expired', at: e.at, reasons: [] },
});

export const onDeadlineWarning: ContextUpdate<'DEADLINE_WARNING'> = (_ctx, e) => ({ warnedAt: e.at, dueAt: e.dueAt });

export const onDeadlinePassed: ContextUpdate<'DEADLINE_PASSED'> = (ctx, e) => ({
  overdue: true,
  overdueAt: ctx.overdueAt ?? e.at,
  dueAt: e.dueAt,
});
