import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { contributionsFor } from '../../../src/pgi/contributions-for';
import { periodCsv } from '../../../src/pgi/pgi-export';
import { parsePeriodId, periodsOf } from '../../../src/pgi/pgi-period';
import { valueOf } from '../../../src/pgi/period-view';
import type { PeriodView } from '../../../src/pgi/period-view';

describe('PGI periods, values and exports', () => {
  it('when an instant is late on 31 March UTC, then it counts in the second quarter of Viet Nam', () => {
    expect(periodsOf(new Date('2026-03-31T17:30:00Z'))).toEqual({ quarter: '2026-Q2', year: '2026' });
    expect(periodsOf(new Date('2026-03-31T16:59:59Z'))).toEqual({ quarter: '2026-Q1', year: '2026' });
  });

  it('when a period id is parsed, then its bounds are local midnights, and nonsense ids are refused', () => {
    expect(parsePeriodId('2026-Q2')).toMatchObject({ kind: 'quarter', startsAt: new Date('2026-03-31T17:00:00Z'), endsAt: new Date('2026-06-30T17:00:00Z') });
    expect(parsePeriodId('2025')).toMatchObject({ kind: 'year', startsAt: new Date('2024-12-31T17:00:00Z') });
    expect(parsePeriodId('2026-Q5')).toBeUndefined();
  });

  it('when sums are turned into values, then shares and means need a denominator and populations come from the definition', () => {
    expect(valueOf({ kind: 'percent' }, 3, 4)).toBe(75);
    expect(valueOf({ kind: 'mean' }, 0, 0)).toBeNull();
    expect(valueOf({ kind: 'percent_of_population', population: 200, populationSource: 'x', verified: false }, 50, 0)).toBe(25);
  });

  it('when a solar approval is later revoked, then the revocation takes its capacity back and gender comes from the organization', () => {
    const dossier = { _id: 'd1', code: 'HP-RE-2026-000001', type: 'renewable_energy', organizationId: 'o1', data: { capacityKw: 80 }, results: {} };
    const entry = (to: string, from: string) => ({ _id: `d1:${to}`, dossierId: 'd1', event: { type: 'X' }, from, to, at: new Date('2026-05-05T03:00:00Z'), after: { state: to } });
    const organization = { leadershipGender: 'female', employeesByGender: { female: 4 } };
    const [approved] = contributionsFor(entry('approved', 'awaiting_decision'), dossier, organization, DEFAULT_WORKING_CALENDAR).filter((c) => c.indicatorId === 'c1_renewable_capacity_kwp');
    const [revoked] = contributionsFor(entry('revoked', 'approved'), dossier, null, DEFAULT_WORKING_CALENDAR).filter((c) => c.indicatorId === 'c1_renewable_capacity_kwp');
    expect(approved).toMatchObject({ numerator: 80, leadershipGender: 'female', employeesFemale: 4, employeesMale: null, quarter: '2026-Q2' });
    expect(revoked).toMatchObject({ numerator: -80, leadershipGender: 'unrecorded' });
  });

  it('when a cell would start a spreadsheet formula, then the CSV defuses it', () => {
    const none = { value: null };
    const indicator = {
      indicator: { id: 'x', name: { vi: '=cmd|calc', en: 'x' }, unit: '', direction: '' }, value: 1, numerator: 1, denominator: 0, contributions: 1, lineage: [],
      gender: { byLeadership: { female: none, male: none, other: none, undisclosed: none, unrecorded: none }, workforce: { female: 0, male: 0, other: 0 } },
    };
    const view = { period: { id: '2026' }, components: [{ number: 1, name: { vi: 'C1' }, indicators: [indicator] }] } as unknown as PeriodView;
    expect(periodCsv(view)).toContain(",'=cmd|calc,");
  });
});
