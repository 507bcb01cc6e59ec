import { portalStatus, reportsNationally } from '../../../src/applications/national-status';
import { DVCQG_STATUSES, type DvcqgStatus } from '../../../workflows/dvcqg-status';

const ALL = Object.keys(DVCQG_STATUSES).map(Number) as DvcqgStatus[];

describe('what the portal is told of a step', () => {
  it('when the step is the receipt, then it reads "received" or what comes after it, never "registered"', () => {
    expect(ALL.map((s) => portalStatus(s, true))).toEqual([2, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('when the dossier was received before, then "registered" and "received" read as "processing"; the rest stand', () => {
    expect(ALL.map((s) => portalStatus(s, false))).toEqual([4, 4, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('when a dossier has no national code, or the event is not a workflow step, then nothing is reported', () => {
    expect(reportsNationally('epr', 3, 'ACCEPT', 'technical_review', undefined)).toBe(false);
    expect(reportsNationally('epr', 3, 'ASSIGN', 'technical_review', '000.00.00.H26-260312-0001')).toBe(false);
    expect(reportsNationally('epr', 3, 'DEADLINE_WARNING', 'technical_review', '000.00.00.H26-260312-0001')).toBe(false);
    expect(reportsNationally('epr', 3, 'ACCEPT', 'technical_review', '000.00.00.H26-260312-0001')).toBe(true);
  });
});
