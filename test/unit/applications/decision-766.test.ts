import { periodBounds, selfAssessment, type AssessedDossier } from '../../../src/applications/decision-766';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';

/**
 * A hand-computed quarter (Q4 2026): four EPR dossiers and one solar one.
 * - A: received Mon 5 Oct, decided Fri 9 Oct (4 working days), due 30 Oct: on time.
 * - B: received Mon 5 Oct, decided Mon 2 Nov (20 working days), due 30 Oct: late.
 * - C: decided on time but asked for supplementation twice: late (Decision 766).
 * - D: decided in September: outside the quarter.
 * - S (solar): received Mon 7 Dec, decided Thu 10 Dec (3 working days), on time, rated 1: a complaint.
 */
const at = (iso: string) => new Date(`${iso}T09:00:00+07:00`);
const epr = (id: string, receivedAt: string, decidedAt: string, dueAt: string, requests = 0): AssessedDossier => ({
  id,
  code: `HP-EPR-2026-00000${id}`,
  type: 'epr',
  state: 'approved',
  submittedAt: at(receivedAt),
  decidedAt: at(decidedAt),
  deadlines: { receivedAt: at(receivedAt), currentDueAt: at(dueAt), overdue: false, supplementationRequests: requests },
});
const DOSSIERS: AssessedDossier[] = [
  epr('1', '2026-10-05', '2026-10-09', '2026-10-30'),
  epr('2', '2026-10-05', '2026-11-02', '2026-10-30'),
  epr('3', '2026-10-06', '2026-10-16', '2026-11-06', 2),
  epr('4', '2026-09-01', '2026-09-10', '2026-09-30'),
  { id: 's', code: 'HP-RE-2026-000001', type: 'renewable_energy', state: 'approved', submittedAt: at('2026-12-07'), decidedAt: at('2026-12-10'), deadlines: { receivedAt: at('2026-12-07'), currentDueAt: at('2026-12-21'), overdue: false } },
];
const RATINGS = [{ dossierId: 's', score: 1 }, { dossierId: '1', score: 5 }];

describe('the Decision 766 self-assessment', () => {
  const quarter = periodBounds('2026-Q4')!;
  // The portal has A, B and S; C (received 6 Oct) never reached it.
  // Signed electronic results were issued for A, C and S (B's predates the signing).
  const figures = selfAssessment(DOSSIERS, { ratings: RATINGS, onPortal: new Set(['1', '2', 's']), electronicResults: new Set(['1', '3', 's']) }, quarter, DEFAULT_WORKING_CALENDAR);
  const value = (type: string, id: string) => (type === 'all' ? figures.total : figures.byProcedure.find((p) => p.type === type)!).indicators.find((i) => i.id === id)!.value;

  it('when a quarter is assessed, then on time, average days, online rate and satisfaction equal the hand-computed figures', () => {
    const eprFigures = figures.byProcedure.find((p) => p.type === 'epr')!;
    expect([eprFigures.submitted, eprFigures.decided, eprFigures.onTime]).toEqual([3, 3, 1]);
    expect(value('epr', '2.1')).toBe(33.3);
    expect(eprFigures.indicators.find((i) => i.id === '2.1')!.dossiers.sort()).toEqual(['HP-EPR-2026-000002', 'HP-EPR-2026-000003']);
    // (4 + 20 + 8) / 3 working days: A Mon 5 → Fri 9 Oct = 4; B Mon 5 Oct → Mon 2 Nov = 20; C Tue 6 → Fri 16 Oct = 8.
    expect(value('epr', '2.2')).toBe(10.7);
    expect(value('epr', '3.3')).toBe(100);
    expect(value('epr', '5.4')).toBe(33.3);
    // Solar: on time but complained about: 100 − (0 + 100) = 0.
    expect(value('renewable_energy', '5.4')).toBe(0);
    // All: 4 decided, 2 late, 1 complaint: 100 − (50 + 25) = 25.
    expect([figures.total.decided, value('all', '2.1'), value('all', '5.4')]).toEqual([4, 50, 25]);
    // A procedure with nothing decided has no figure, not a zero.
    expect(value('green_transformation', '2.1')).toBeNull();
  });

  it('when dossiers are received in the quarter, then 1.4 is the share the portal has, with the missing ones named', () => {
    // EPR: A, B, C received in Q4, C missing: 2 / 3. All: 3 / 4. D was received in September: not counted.
    expect(value('epr', '1.4')).toBe(66.7);
    expect(figures.total.indicators.find((i) => i.id === '1.4')!.dossiers).toEqual(['HP-EPR-2026-000003']);
    expect(value('all', '1.4')).toBe(75);
    expect(value('green_transformation', '1.4')).toBeNull();
    // Not connected: no figure at all, rather than 0 %.
    const offline = selfAssessment(DOSSIERS, { ratings: RATINGS }, quarter, DEFAULT_WORKING_CALENDAR);
    expect(offline.total.indicators.find((i) => i.id === '1.4')!.value).toBeNull();
  });

  it('when results were issued electronically, then 4.1 is their share of the dossiers decided, with the others named', () => {
    // EPR: A, B, C decided in Q4, B without: 2 / 3. All: 3 / 4.
    expect(value('epr', '4.1')).toBe(66.7);
    expect(value('all', '4.1')).toBe(75);
    expect(figures.total.indicators.find((i) => i.id === '4.1')!.dossiers).toEqual(['HP-EPR-2026-000002']);
  });

  it('when the catalogue is read, then 3.1 is the share of procedures offered fully online (3 of 4)', () => {
    expect(value('all', '3.1')).toBe(75);
    expect(value('epr', '3.1')).toBe(100);
    expect(value('green_transformation', '3.1')).toBe(0);
  });

  it('when a period is named, then month, quarter and year give their local bounds; anything else none', () => {
    expect(periodBounds('2026-12')).toEqual({ id: '2026-12', from: new Date('2026-11-30T17:00:00Z'), to: new Date('2026-12-31T17:00:00Z') });
    expect(periodBounds('2026-Q1')!.to).toEqual(new Date('2026-03-31T17:00:00Z'));
    expect(periodBounds('2026')!.from).toEqual(new Date('2025-12-31T17:00:00Z'));
    expect(periodBounds('2026-13')).toBeUndefined();
    expect(periodBounds('Q4')).toBeUndefined();
  });
});
