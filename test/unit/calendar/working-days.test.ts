import fc from 'fast-check';
import {
  DEFAULT_WORKING_CALENDAR as calendar,
  addWorkingDays,
  addWorkingDaysToLocalDate,
  createWorkingCalendar,
  isWorkingDay,
  localDateOf,
  workingDaysBetween,
} from '../../../src/calendar';

/** An instant given in Viet Nam local time. */
const local = (isoLocal: string): Date => new Date(`${isoLocal}+07:00`);
const endOfLocalDay = (date: string): Date => local(`${date}T23:59:59.999`);

describe('localDateOf', () => {
  it('when an instant is late evening UTC, then the local date is the next day (UTC+7)', () => {
    expect(localDateOf(new Date('2026-03-06T16:59:59.999Z'))).toBe('2026-03-06');
    expect(localDateOf(new Date('2026-03-06T17:00:00.000Z'))).toBe('2026-03-07');
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-02-13', true, 'Friday before Tết'],
    ['2026-02-16', false, 'Tết'],
    ['2026-02-23', true, 'first day after the Tết break'],
    ['2026-08-22', true, 'make-up Saturday'],
    ['2026-08-29', false, 'ordinary Saturday'],
    ['2026-08-31', false, 'bridge day before National Day'],
    ['2026-09-02', false, 'National Day'],
    ['2026-04-27', false, 'Hung Kings day moved from Sunday'],
    ['2026-01-02', false, 'New Year bridge day'],
    ['2026-01-10', true, 'New Year make-up Saturday'],
    ['2025-04-26', true, '2025 make-up Saturday'],
    ['2025-05-02', false, '2025 bridge day'],
    ['2025-09-01', false, 'National Day 2025 adjacent day'],
  ])('when the date is %s, then working is %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, calendar)).toBe(expected);
  });

  it('when the date does not exist, then it throws', () => {
    expect(() => isWorkingDay('2026-02-30', calendar)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('when received Fri 13 Feb 2026 with 10 working days, then the Tết break is skipped and due is Fri 6 Mar', () => {
    expect(addWorkingDays(local('2026-02-13T10:00:00'), 10, calendar)).toEqual(endOfLocalDay('2026-03-06'));
  });

  it('when received Fri 21 Aug 2026 with 5 working days, then the make-up Saturday 22 Aug counts', () => {
    expect(addWorkingDays(local('2026-08-21T09:00:00'), 5, calendar)).toEqual(endOfLocalDay('2026-08-27'));
  });

  it('when received Thu 27 Aug 2026 with 3 working days, then 31 Aug – 2 Sep are skipped', () => {
    expect(addWorkingDays(local('2026-08-27T09:00:00'), 3, calendar)).toEqual(endOfLocalDay('2026-09-04'));
  });

  it('when received Fri 29 Aug 2025 with 1 working day, then due is Wed 3 Sep 2025', () => {
    expect(addWorkingDays(local('2025-08-29T15:00:00'), 1, calendar)).toEqual(endOfLocalDay('2025-09-03'));
  });

  it('when received on a Monday with 5 working days, then only the weekend is skipped', () => {
    expect(addWorkingDays(local('2025-03-03T08:00:00'), 5, calendar)).toEqual(endOfLocalDay('2025-03-10'));
  });

  it('when received on a Tết holiday, then counting starts after the next working day', () => {
    expect(addWorkingDays(local('2026-02-17T10:00:00'), 1, calendar)).toEqual(endOfLocalDay('2026-02-24'));
  });

  it('when received at 00:30 local on a Saturday, then it counts as received on Monday', () => {
    expect(addWorkingDays(new Date('2026-03-06T17:30:00Z'), 1, calendar)).toEqual(endOfLocalDay('2026-03-10'));
  });

  it('when the limit is 0, then due is the end of the receipt day', () => {
    expect(addWorkingDays(local('2026-03-04T08:00:00'), 0, calendar)).toEqual(endOfLocalDay('2026-03-04'));
  });

  it('when the limit is negative or fractional, then it throws', () => {
    expect(() => addWorkingDays(local('2026-03-04T08:00:00'), -1, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays(local('2026-03-04T08:00:00'), 1.5, calendar)).toThrow(RangeError);
  });

  it('when given a local date, then it returns the local due date', () => {
    expect(addWorkingDaysToLocalDate('2026-02-13', 10, calendar)).toBe('2026-03-06');
  });

  it('when a year is not in the table, then only weekends are known and the year is not covered', () => {
    expect(addWorkingDaysToLocalDate('2027-03-05', 1, calendar)).toBe('2027-03-08');
    expect(calendar.coveredYears.has(2027)).toBe(false);
  });
});

describe('createWorkingCalendar', () => {
  it('when a make-up workday is a weekday, then it is rejected', () => {
    expect(() =>
      createWorkingCalendar([
        { date: '2026-03-04', kind: 'makeup_workday', name_vi: 'x', name_en: 'x', legalBasis: '', source: '', verified: false },
      ]),
    ).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('when b is the receipt day or earlier, then it is 0', () => {
    expect(workingDaysBetween(local('2026-03-04T08:00:00'), local('2026-03-04T20:00:00'), calendar)).toBe(0);
    expect(workingDaysBetween(local('2026-03-04T08:00:00'), local('2026-03-01T20:00:00'), calendar)).toBe(0);
  });

  it('when spanning the Tết break, then only working days are counted', () => {
    expect(workingDaysBetween(local('2026-02-13T10:00:00'), local('2026-02-24T10:00:00'), calendar)).toBe(2);
  });
});

describe('working-day properties', () => {
  const instantIn2025To2026 = fc
    .date({ min: new Date('2024-12-31T17:00:00Z'), max: new Date('2026-10-31T16:59:59Z'), noInvalidDate: true });
  const limit = fc.integer({ min: 0, max: 60 });

  it('the due date is always a working day', () => {
    fc.assert(
      fc.property(instantIn2025To2026, limit, (from, n) => {
        expect(isWorkingDay(localDateOf(addWorkingDays(from, n, calendar)), calendar)).toBe(true);
      }),
    );
  });

  it('the due date is monotonic in the receipt instant and in the limit', () => {
    fc.assert(
      fc.property(instantIn2025To2026, instantIn2025To2026, limit, limit, (a, b, n, m) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const [small, large] = n <= m ? [n, m] : [m, n];
        expect(addWorkingDays(early, small, calendar).getTime()).toBeLessThanOrEqual(
          addWorkingDays(late, small, calendar).getTime(),
        );
        expect(addWorkingDays(early, small, calendar).getTime()).toBeLessThanOrEqual(
          addWorkingDays(early, large, calendar).getTime(),
        );
      }),
    );
  });

  it('workingDaysBetween(a, addWorkingDays(a, n)) === n', () => {
    fc.assert(
      fc.property(instantIn2025To2026, limit, (from, n) => {
        expect(workingDaysBetween(from, addWorkingDays(from, n, calendar), calendar)).toBe(n);
      }),
    );
  });

  it('the due instant is never before the receipt', () => {
    fc.assert(
      fc.property(instantIn2025To2026, limit, (from, n) => {
        expect(addWorkingDays(from, n, calendar).getTime()).toBeGreaterThanOrEqual(from.getTime());
      }),
    );
  });
});
