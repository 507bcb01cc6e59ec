import fc from 'fast-check';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { decidedOnTime, decidedWithin, hasRepeatedSupplementation, isOverdueNow, processingWorkingDays } from '../../../src/applications/timeliness';

const due = new Date('2026-03-05T16:59:59.999Z');
const decided = (at: string, deadlines: object = {}) => ({ state: 'approved', decidedAt: new Date(at), deadlines: { currentDueAt: due, ...deadlines } });

describe('the one on-time rule', () => {
  it('when a decision comes by the current due date, then it is on time; a moment after, late', () => {
    expect(decidedOnTime(decided('2026-03-05T10:00:00Z'))).toBe(true);
    expect(decidedOnTime(decided('2026-03-05T17:00:00Z'))).toBe(false);
  });

  it('when the scheduler marked the dossier overdue, then its decision is late whatever its date', () => {
    expect(decidedOnTime(decided('2026-03-01T10:00:00Z', { overdue: true }))).toBe(false);
  });

  it('when the applicant was asked for supplementation twice, then the decision is late (Decision 766), once is no matter', () => {
    const once = decided('2026-03-01T10:00:00Z', { supplementations: [{ requestedAt: '2026-02-13' }] });
    const twice = decided('2026-03-01T10:00:00Z', { supplementations: [{ requestedAt: '2026-02-13' }, { requestedAt: '2026-02-25' }] });
    expect([decidedOnTime(once), hasRepeatedSupplementation(once)]).toEqual([true, false]);
    expect([decidedOnTime(twice), hasRepeatedSupplementation(twice)]).toEqual([false, true]);
  });

  it('when a dossier is not decided, then it has no on-time verdict, and it is overdue now only while processed past its due date', () => {
    expect(decidedOnTime({ state: 'technical_review', deadlines: { currentDueAt: due } })).toBeUndefined();
    expect(isOverdueNow({ state: 'technical_review', deadlines: { currentDueAt: due } }, new Date('2026-03-06T00:00:00Z'))).toBe(true);
    expect(isOverdueNow({ state: 'technical_review', deadlines: { currentDueAt: due } }, new Date('2026-03-05T00:00:00Z'))).toBe(false);
    expect(isOverdueNow({ state: 'approved', deadlines: { currentDueAt: due, overdue: true } }, new Date('2026-04-01T00:00:00Z'))).toBe(false);
    expect(isOverdueNow({ state: 'draft', deadlines: {} }, new Date())).toBe(false);
  });

  it('when processing time is counted, then it is working days from the receipt to the decision (Tết skipped)', () => {
    const dossier = { state: 'approved', decidedAt: new Date('2026-03-05T09:00:00+07:00'), deadlines: { receivedAt: new Date('2026-02-12T09:00:00+07:00') } };
    expect(processingWorkingDays(dossier, DEFAULT_WORKING_CALENDAR)).toBe(10);
    expect(processingWorkingDays({ state: 'submitted', deadlines: {} }, DEFAULT_WORKING_CALENDAR)).toBeUndefined();
  });

  it('when any decision is judged, then on time means: not marked overdue, at most one supplementation, decided by the due date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10 * 86_400_000, max: 10 * 86_400_000 }), fc.boolean(), fc.nat({ max: 3 }), (offset, overdue, requests) => {
        const decidedAt = new Date(due.getTime() + offset);
        const dossier = { state: 'approved', decidedAt, deadlines: { currentDueAt: due, overdue, supplementations: Array.from({ length: requests }, () => ({})) } };
        expect(decidedOnTime(dossier)).toBe(!overdue && requests <= 1 && decidedAt <= due);
        expect(decidedWithin(dossier, new Date(decidedAt.getTime() - 1), new Date(decidedAt.getTime() + 1))).toBe(true);
      }),
    );
  });
});
