import { allowedEvents, applyWorkflowEvent, initialSnapshot, type WorkflowEventInput } from '../../../workflows';
import { AT, drive, refusal } from './drive';
import { READY_FACTS, UNREADY_FACTS } from './sample-events';

const LATER = '2026-03-25T09:00:00Z';
const submitted: WorkflowEventInput[] = [{ type: 'SUBMIT', at: AT, dossier: READY_FACTS.epr }];
const inReview: WorkflowEventInput[] = [...submitted, { type: 'ACCEPT', at: AT }];
const awaitingDecision: WorkflowEventInput[] = [...inReview, { type: 'RECOMMEND', at: AT, decision: 'approve' }];
const approved: WorkflowEventInput[] = [...awaitingDecision, { type: 'APPROVE', at: AT }];

describe('one-stop lifecycle (epr v1)', () => {
  it('when a draft is submitted with unready facts, then it stays a draft and every readiness problem is given', () => {
    const result = applyWorkflowEvent('epr', 1, initialSnapshot('epr', 1), {
      type: 'SUBMIT',
      at: AT,
      dossier: UNREADY_FACTS.epr,
    });
    expect(refusal(result)).toEqual(['obligation_not_computed', 'compliance_method_missing', 'document_missing']);
    expect(result.state).toBe('draft');
  });

  it('when supplementation is requested twice and resubmitted, then rounds and the last reasons are kept', () => {
    const snapshot = drive('epr', 1, [
      ...submitted,
      { type: 'REQUEST_SUPPLEMENT', at: AT, reasons: ['Thiếu hợp đồng tái chế', 'Thiếu tờ khai'] },
      { type: 'RESUBMIT', at: AT, dossier: READY_FACTS.epr },
      { type: 'ACCEPT', at: AT },
      { type: 'REQUEST_SUPPLEMENT', at: LATER, reasons: ['Số liệu khối lượng chưa khớp'] },
    ]);
    expect(snapshot.value).toBe('supplementation_requested');
    expect(snapshot.context.supplementation).toEqual({
      rounds: 2,
      lastReasons: ['Số liệu khối lượng chưa khớp'],
      lastRequestedAt: LATER,
    });
  });

  it('when a supplementation request lists no reason, then it is refused', () => {
    const result = applyWorkflowEvent('epr', 1, drive('epr', 1, submitted), { type: 'REQUEST_SUPPLEMENT', at: AT, reasons: [] });
    expect(refusal(result)).toEqual(['invalid_event']);
  });

  it('when a resubmission is still unready, then it is refused with the readiness reasons', () => {
    const asked = drive('epr', 1, [...submitted, { type: 'REQUEST_SUPPLEMENT', at: AT, reasons: ['x'] }]);
    const result = applyWorkflowEvent('epr', 1, asked, { type: 'RESUBMIT', at: AT, dossier: UNREADY_FACTS.epr });
    expect(refusal(result)).toContain('document_missing');
  });

  it('when the clock restarts on resubmission, then lateness is cleared; when it pauses, then it is kept', () => {
    const late = drive('epr', 1, [
      ...submitted,
      { type: 'DEADLINE_PASSED', at: LATER, dueAt: LATER },
      { type: 'REQUEST_SUPPLEMENT', at: LATER, reasons: ['x'] },
    ]);
    const restarted = drive('epr', 1, [{ type: 'RESUBMIT', at: LATER, dossier: READY_FACTS.epr }], late);
    const paused = drive('epr', 1, [{ type: 'RESUBMIT', at: LATER, dossier: READY_FACTS.epr, clock: 'pause' }], late);
    expect(restarted.context.overdue).toBe(false);
    expect(paused.context.overdue).toBe(true);
  });

  it('when deadline events arrive, then the state is unchanged and the warning and lateness are recorded', () => {
    const snapshot = drive('epr', 1, [
      ...inReview,
      { type: 'DEADLINE_WARNING', at: AT, dueAt: LATER },
      { type: 'DEADLINE_PASSED', at: LATER, dueAt: LATER },
    ]);
    expect(snapshot.value).toBe('technical_review');
    expect(snapshot.context).toMatchObject({ warnedAt: AT, overdue: true, overdueAt: LATER, dueAt: LATER });
  });

  it('when a deadline event reaches a draft, then it is refused naming the state', () => {
    const result = applyWorkflowEvent('epr', 1, initialSnapshot('epr', 1), { type: 'DEADLINE_PASSED', at: AT, dueAt: AT });
    expect(refusal(result)).toEqual(['event_not_allowed']);
    expect(!result.accepted && result.reasons[0]?.message_en).toContain('(draft)');
  });

  it('when an overdue dossier is decided without an apology note, then the decision is refused; with one, it passes', () => {
    const late = drive('epr', 1, [...awaitingDecision, { type: 'DEADLINE_PASSED', at: LATER, dueAt: LATER }]);
    expect(refusal(applyWorkflowEvent('epr', 1, late, { type: 'APPROVE', at: LATER }))).toEqual(['apology_note_required']);
    expect(refusal(applyWorkflowEvent('epr', 1, late, { type: 'REJECT', at: LATER, reasons: ['x'] }))).toEqual([
      'apology_note_required',
    ]);
    const decided = drive('epr', 1, [{ type: 'APPROVE', at: LATER, apologyNote: 'Xin lỗi, hẹn lại ngày 30/3' }], late);
    expect(decided.value).toBe('approved');
    expect(decided.context.decision).toMatchObject({ apologyNote: 'Xin lỗi, hẹn lại ngày 30/3' });
  });

  it('when the leader approves against a reject recommendation, then it is allowed and flagged', () => {
    const snapshot = drive('epr', 1, [
      ...inReview,
      { type: 'RECOMMEND', at: AT, decision: 'reject', reasons: ['Thiếu số liệu'] },
      { type: 'APPROVE', at: AT },
    ]);
    expect(snapshot.context.decision).toMatchObject({ outcome: 'approved', againstRecommendation: true });
  });

  it('when a reject recommendation has no reason, then it is refused', () => {
    const result = applyWorkflowEvent('epr', 1, drive('epr', 1, inReview), { type: 'RECOMMEND', at: AT, decision: 'reject' });
    expect(refusal(result)).toEqual(['invalid_event']);
  });

  it('when an inspection is scheduled, then no recommendation is offered until it is recorded', () => {
    const inspecting = drive('epr', 1, [...inReview, { type: 'SCHEDULE_INSPECTION', at: AT, scheduledFor: '2026-03-10' }]);
    expect(allowedEvents('epr', 1, inspecting)).not.toContain('RECOMMEND');
    expect(refusal(applyWorkflowEvent('epr', 1, inspecting, { type: 'RECOMMEND', at: AT, decision: 'approve' }))).toEqual([
      'event_not_allowed',
    ]);
    const recorded = drive('epr', 1, [{ type: 'RECORD_INSPECTION', at: AT, findings: 'Đạt', passed: true }], inspecting);
    expect(recorded.context.inspection).toMatchObject({ scheduledFor: '2026-03-10', findings: 'Đạt', passed: true });
    expect(drive('epr', 1, [{ type: 'RECOMMEND', at: AT, decision: 'approve' }], recorded).value).toBe('awaiting_decision');
  });

  it('when the decision is returned for review, then the recommendation is cleared and must be made again', () => {
    const snapshot = drive('epr', 1, [...awaitingDecision, { type: 'RETURN_FOR_REVIEW', at: AT, reasons: ['Làm rõ'] }]);
    expect(snapshot.value).toBe('technical_review');
    expect(snapshot.context.recommendation).toBeNull();
    expect(snapshot.context.reviewReturns).toEqual({ count: 1, lastReasons: ['Làm rõ'] });
  });

  it('when an approved certificate is revoked or expires, then the dossier is closed with the reason', () => {
    const revoked = drive('epr', 1, [...approved, { type: 'REVOKE', at: LATER, reasons: ['Vi phạm'] }]);
    const expired = drive('epr', 1, [...approved, { type: 'CERTIFICATE_EXPIRED', at: LATER }]);
    expect(revoked).toMatchObject({ value: 'revoked', status: 'done', context: { closure: { kind: 'revoked', reasons: ['Vi phạm'] } } });
    expect(expired).toMatchObject({ value: 'expired', status: 'done', context: { closure: { kind: 'expired' } } });
  });

  it('when an approved dossier is withdrawn, then it is refused: withdrawal ends before the decision', () => {
    expect(refusal(applyWorkflowEvent('epr', 1, drive('epr', 1, approved), { type: 'WITHDRAW', at: AT }))).toEqual([
      'event_not_allowed',
    ]);
  });

  it.each([
    ['rejected', [...awaitingDecision, { type: 'REJECT', at: AT, reasons: ['x'] }]],
    ['withdrawn', [{ type: 'WITHDRAW', at: AT }]],
    ['revoked', [...approved, { type: 'REVOKE', at: AT, reasons: ['x'] }]],
    ['expired', [...approved, { type: 'CERTIFICATE_EXPIRED', at: AT }]],
  ] as [string, WorkflowEventInput[]][])('when the dossier is %s, then it accepts nothing and offers nothing', (state, events) => {
    const closed = drive('epr', 1, events);
    expect(closed.value).toBe(state);
    expect(allowedEvents('epr', 1, closed)).toEqual([]);
    for (const event of [...approved, { type: 'DEADLINE_PASSED', at: AT, dueAt: AT }] as WorkflowEventInput[]) {
      expect(refusal(applyWorkflowEvent('epr', 1, closed, event))).toEqual(['dossier_closed']);
    }
  });

  it('when an event carries no valid instant, then it is refused as invalid', () => {
    const result = applyWorkflowEvent('epr', 1, initialSnapshot('epr', 1), { type: 'WITHDRAW', at: '2 March' });
    expect(refusal(result)).toEqual(['invalid_event']);
    expect(!result.accepted && result.reasons[0]?.field).toBe('at');
  });

  it('when an event is accepted, then the validated event is returned for the log, with defaults applied', () => {
    const asked = drive('epr', 1, [...submitted, { type: 'REQUEST_SUPPLEMENT', at: AT, reasons: ['x'] }]);
    const result = applyWorkflowEvent('epr', 1, asked, { type: 'RESUBMIT', at: AT, dossier: READY_FACTS.epr, extra: 1 });
    expect(result.accepted && result.event).toEqual({ type: 'RESUBMIT', at: AT, dossier: READY_FACTS.epr, clock: 'restart' });
    expect(result.accepted && [result.from, result.state]).toEqual(['supplementation_requested', 'submitted']);
  });
});
