import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import type { FormulaInput } from '../../../src/pgi/indicator.types';
import { INDICATOR_SETS, indicatorSetOn } from '../../../src/pgi/indicators';

const eprEntry = (from: string, to: string, at: string): FormulaInput => ({
  entry: { _id: 'd:000009', dossierId: 'd', event: { type: 'X' }, from, to, at: new Date(at), after: { state: to } },
  dossier: { _id: 'd', code: 'HP-EPR-2025-000001', type: 'epr', organizationId: 'o', data: {}, results: { eprObligation: { result: { exempt: false } } } },
  organization: null,
  calendar: DEFAULT_WORKING_CALENDAR,
});
const fulfilled = (localDate: string) => indicatorSetOn(localDate).indicators.find((i) => i.id === 'c2_epr_obligations_fulfilled')!;

describe('published indicator sets', () => {
  it('are appended, never rewritten: versions rise with their effective dates, and each set keeps every indicator id', () => {
    const ids = (n: number) => INDICATOR_SETS[n]!.indicators.map((i) => i.id);
    for (let n = 1; n < INDICATOR_SETS.length; n++) {
      expect(INDICATOR_SETS[n]!.version).toBe(INDICATOR_SETS[n - 1]!.version + 1);
      expect(INDICATOR_SETS[n]!.effectiveFrom > INDICATOR_SETS[n - 1]!.effectiveFrom).toBe(true);
      expect(ids(n)).toEqual(ids(n - 1));
    }
  });

  it('set 1 took an expired EPR confirmation off "obligations fulfilled"; set 2 (from 2026-11-24) keeps it and still takes revocations off', () => {
    expect(indicatorSetOn('2026-11-23').version).toBe(1);
    expect(indicatorSetOn('2026-11-24').version).toBe(2);
    expect(fulfilled('2026-06-01').formula(eprEntry('approved', 'expired', '2026-06-01T03:00:00Z'))).toEqual({ numerator: -1 });
    expect(fulfilled('2026-12-01').formula(eprEntry('approved', 'expired', '2026-12-01T03:00:00Z'))).toBeNull();
    expect(fulfilled('2026-12-01').formula(eprEntry('approved', 'revoked', '2026-12-01T03:00:00Z'))).toEqual({ numerator: -1 });
    expect(fulfilled('2026-12-01').formula(eprEntry('awaiting_decision', 'approved', '2026-12-01T03:00:00Z'))).toEqual({ numerator: 1 });
  });
});
