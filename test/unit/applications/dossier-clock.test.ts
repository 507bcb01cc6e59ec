import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { NO_DEADLINES, nextDeadlines, type DossierDeadlines } from '../../../src/applications/dossier-clock';
import type { WorkflowEvent } from '../../../workflows/workflow-events.schema';

const solar = { limitWorkingDays: 10, clockMode: 'restart' as const, completenessCheckWorkingDays: 3 };
const run = (events: Partial<WorkflowEvent>[], rule: 'submission' | 'acceptance'): DossierDeadlines =>
  events.reduce<DossierDeadlines>((deadlines, event) => nextDeadlines(deadlines, event as WorkflowEvent, solar, DEFAULT_WORKING_CALENDAR, rule), NO_DEADLINES);

// Wed 11 Feb 2026 and Thu 12 Feb 2026, 09:00 in Hai Phong; Tết holidays from Sat 14 to Sun 22 Feb.
const SUBMIT = { type: 'SUBMIT', at: '2026-02-11T02:00:00.000Z' } as const;
const ACCEPT = { type: 'ACCEPT', at: '2026-02-12T02:00:00.000Z' } as const;
const localDate = (iso: string | null | undefined) => new Date(new Date(iso!).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

describe('the legal clock', () => {
  it('when the limit runs from acceptance (Decree 118), then a rooftop-solar dossier submitted Wed 11 Feb and accepted Thu 12 Feb is due Thu 5 Mar 2026', () => {
    const submitted = run([SUBMIT], 'acceptance');
    expect([submitted.receivedAt, submitted.currentDueAt]).toEqual([undefined, undefined]);
    // The completeness check has its own limit (3 working days for rooftop solar), from the submission: Thu, Fri, then Mon after Tết.
    expect(localDate(submitted.intake?.dueAt)).toBe('2026-02-23');
    const accepted = run([SUBMIT, ACCEPT], 'acceptance');
    expect([accepted.receivedAt, localDate(accepted.currentDueAt), accepted.intake]).toEqual([ACCEPT.at, '2026-03-05', null]);
  });

  it('when the limit runs from submission (the versions before), then the same dossier is due Wed 4 Mar 2026, as it was', () => {
    const accepted = run([SUBMIT, ACCEPT], 'submission');
    expect([accepted.receivedAt, localDate(accepted.currentDueAt)]).toEqual([SUBMIT.at, '2026-03-04']);
  });

  it('when supplementation is asked for before acceptance, then the check ends, the statutory clock has not started, and the request counts for Decision 766', () => {
    const asked = run([SUBMIT, { type: 'REQUEST_SUPPLEMENT', at: '2026-02-12T02:00:00.000Z', reasons: ['x'] }], 'acceptance');
    expect([asked.intake, asked.receivedAt, asked.supplementations, asked.supplementationRequests]).toEqual([null, undefined, [], 1]);
    const resubmitted = run([SUBMIT, { type: 'REQUEST_SUPPLEMENT', at: '2026-02-12T02:00:00.000Z', reasons: ['x'] }, { type: 'RESUBMIT', at: '2026-02-24T02:00:00.000Z' }], 'acceptance');
    expect(resubmitted.intake?.startedAt).toBe('2026-02-24T02:00:00.000Z');
  });

  it('when supplementation is asked for after acceptance, then its window stops the clock as the procedure says, and the request is counted', () => {
    const asked = run([SUBMIT, ACCEPT, { type: 'REQUEST_SUPPLEMENT', at: '2026-02-24T02:00:00.000Z', reasons: ['x'] }], 'acceptance');
    expect([asked.supplementations.length, asked.supplementationRequests, asked.currentDueAt]).toEqual([1, 1, null]);
  });
});
