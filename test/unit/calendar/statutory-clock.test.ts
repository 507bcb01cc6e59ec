import fc from 'fast-check';
import { DEFAULT_WORKING_CALENDAR as calendar, computeStatutoryClock, workingDaysBetween } from '../../../src/calendar';

const local = (isoLocal: string): Date => new Date(`${isoLocal}+07:00`);
const endOfLocalDay = (date: string): Date => local(`${date}T23:59:59.999`);

// Received Mon 2 Mar 2026, 10 working days → originally due Mon 16 Mar. Supplementation asked Thu 5 Mar
// (3 working days used), resubmitted Wed 11 Mar (6, 9, 10, 11 Mar held by the applicant).
const receivedAt = local('2026-03-02T09:00:00');
const requestedAt = local('2026-03-05T15:00:00');
const resubmittedAt = local('2026-03-11T10:00:00');

describe('computeStatutoryClock', () => {
  it('when there is no supplementation, then the current due date is the original one', () => {
    const clock = computeStatutoryClock(
      { receivedAt, limitWorkingDays: 10, mode: 'restart', at: local('2026-03-09T12:00:00') },
      calendar,
    );
    expect(clock.originalDueAt).toEqual(endOfLocalDay('2026-03-16'));
    expect(clock.currentDueAt).toEqual(endOfLocalDay('2026-03-16'));
    expect(clock.currentDueDate).toBe('2026-03-16');
    expect(clock.elapsedWorkingDays).toBe(5);
    expect(clock.remainingWorkingDays).toBe(5);
    expect(clock.paused).toBe(false);
    expect(clock.calendarCovered).toBe(true);
  });

  it('when the warning is 2 working days, then it fires at the end of the day leaving 2 working days', () => {
    const clock = computeStatutoryClock(
      { receivedAt, limitWorkingDays: 10, mode: 'restart', at: receivedAt, warningWorkingDays: 2 },
      calendar,
    );
    expect(clock.warningAt).toEqual(endOfLocalDay('2026-03-12'));
  });

  it('when the limit is shorter than the warning period, then the warning fires from the start', () => {
    const clock = computeStatutoryClock(
      { receivedAt, limitWorkingDays: 1, mode: 'restart', at: receivedAt, warningWorkingDays: 3 },
      calendar,
    );
    expect(clock.warningAt).toEqual(receivedAt);
  });

  it('when mode is restart and the dossier was resubmitted, then the full limit runs from the resubmission', () => {
    const clock = computeStatutoryClock(
      {
        receivedAt,
        limitWorkingDays: 10,
        mode: 'restart',
        supplementations: [{ requestedAt, resubmittedAt }],
        at: local('2026-03-13T09:00:00'),
      },
      calendar,
    );
    expect(clock.originalDueAt).toEqual(endOfLocalDay('2026-03-16'));
    expect(clock.currentDueAt).toEqual(endOfLocalDay('2026-03-25'));
    expect(clock.clockStartedAt).toEqual(resubmittedAt);
    expect(clock.elapsedWorkingDays).toBe(2);
    expect(clock.remainingWorkingDays).toBe(8);
  });

  it('when mode is pause and the dossier was resubmitted, then the due date moves by the paused working days', () => {
    const clock = computeStatutoryClock(
      {
        receivedAt,
        limitWorkingDays: 10,
        mode: 'pause',
        supplementations: [{ requestedAt, resubmittedAt }],
        at: local('2026-03-13T09:00:00'),
      },
      calendar,
    );
    expect(clock.currentDueAt).toEqual(endOfLocalDay('2026-03-20'));
    expect(clock.pausedWorkingDays).toBe(4);
    expect(clock.elapsedWorkingDays).toBe(5);
    expect(clock.remainingWorkingDays).toBe(5);
  });

  it.each(['pause', 'restart'] as const)(
    'when mode is %s and the applicant has not resubmitted, then the clock is stopped with no due date',
    (mode) => {
      const clock = computeStatutoryClock(
        { receivedAt, limitWorkingDays: 10, mode, supplementations: [{ requestedAt }], at: local('2026-03-30T09:00:00') },
        calendar,
      );
      expect(clock.paused).toBe(true);
      expect(clock.currentDueAt).toBeNull();
      expect(clock.warningAt).toBeNull();
      expect(clock.elapsedWorkingDays).toBe(3);
      expect(clock.overdue(local('2026-12-31T00:00:00'))).toBe(false);
    },
  );

  it('when supplementation is requested after the due date in pause mode, then the dossier stays overdue', () => {
    const clock = computeStatutoryClock(
      {
        receivedAt,
        limitWorkingDays: 10,
        mode: 'pause',
        supplementations: [{ requestedAt: local('2026-03-18T09:00:00') }],
        at: local('2026-03-19T09:00:00'),
      },
      calendar,
    );
    expect(clock.currentDueAt).toEqual(endOfLocalDay('2026-03-16'));
    expect(clock.overdue(local('2026-03-19T09:00:00'))).toBe(true);
  });

  it('when read after the due instant, then it is overdue and remaining is negative', () => {
    const clock = computeStatutoryClock(
      { receivedAt, limitWorkingDays: 10, mode: 'restart', at: local('2026-03-18T09:00:00') },
      calendar,
    );
    expect(clock.overdue(endOfLocalDay('2026-03-16'))).toBe(false);
    expect(clock.overdue(local('2026-03-17T00:00:00'))).toBe(true);
    expect(clock.remainingWorkingDays).toBe(-2);
  });

  it('when the clock runs into a year missing from the table, then calendarCovered is false', () => {
    const clock = computeStatutoryClock(
      { receivedAt: local('2026-12-28T09:00:00'), limitWorkingDays: 10, mode: 'restart', at: local('2026-12-28T09:00:00') },
      calendar,
    );
    expect(clock.calendarCovered).toBe(false);
  });

  it('when intervals overlap or an open one is not last, then it throws', () => {
    const base = { receivedAt, limitWorkingDays: 10, mode: 'pause' as const, at: receivedAt };
    expect(() =>
      computeStatutoryClock({ ...base, supplementations: [{ requestedAt }, { requestedAt: resubmittedAt }] }, calendar),
    ).toThrow(RangeError);
    expect(() =>
      computeStatutoryClock({ ...base, supplementations: [{ requestedAt: resubmittedAt, resubmittedAt: requestedAt }] }, calendar),
    ).toThrow(RangeError);
    expect(() => computeStatutoryClock({ ...base, limitWorkingDays: 0 }, calendar)).toThrow(RangeError);
  });
});

describe('statutory clock properties', () => {
  const HOUR = 3_600_000;
  const scenario = fc.record({
    receivedAt: fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-06-30T00:00:00Z'), noInvalidDate: true }),
    limit: fc.integer({ min: 1, max: 40 }),
    // Alternating gaps (officer holds the dossier, applicant holds it), in hours.
    gaps: fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 })), { maxLength: 3 }),
  });
  const buildIntervals = (receivedAt: Date, gaps: readonly [number, number][]) => {
    let t = receivedAt.getTime();
    return gaps.map(([officerHours, applicantHours]) => {
      const requested = new Date((t += officerHours * HOUR));
      const resubmitted = new Date((t += applicantHours * HOUR));
      return { requestedAt: requested, resubmittedAt: resubmitted };
    });
  };

  it('with closed supplementations, neither mode yields a due date earlier than the original', () => {
    fc.assert(
      fc.property(scenario, ({ receivedAt: r, limit, gaps }) => {
        const supplementations = buildIntervals(r, gaps);
        for (const mode of ['pause', 'restart'] as const) {
          const clock = computeStatutoryClock({ receivedAt: r, limitWorkingDays: limit, mode, supplementations, at: r }, calendar);
          expect(clock.currentDueAt!.getTime()).toBeGreaterThanOrEqual(clock.originalDueAt.getTime());
        }
      }),
    );
  });

  it('read at its own due date, the clock has used exactly the limit, and in pause mode days split into elapsed + paused', () => {
    fc.assert(
      fc.property(scenario, ({ receivedAt: r, limit, gaps }) => {
        const supplementations = buildIntervals(r, gaps);
        for (const mode of ['pause', 'restart'] as const) {
          const input = { receivedAt: r, limitWorkingDays: limit, mode, supplementations };
          const due = computeStatutoryClock({ ...input, at: r }, calendar).currentDueAt!;
          const atDue = computeStatutoryClock({ ...input, at: due }, calendar);
          expect(atDue.elapsedWorkingDays).toBe(limit);
          expect(atDue.remainingWorkingDays).toBe(0);
          expect(atDue.overdue(due)).toBe(false);
          expect(atDue.overdue(new Date(due.getTime() + 1))).toBe(true);
          if (mode === 'pause') {
            expect(workingDaysBetween(r, due, calendar)).toBe(limit + atDue.pausedWorkingDays);
          }
        }
      }),
    );
  });
});
