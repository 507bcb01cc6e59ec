import fc from 'fast-check';
import { computeSolarSurplus } from '../../../src/applications/calculators/solar-surplus.calculator';
import { LegalValueNotFoundError } from '../../../src/applications/calculators/legal-value';

const today = '2026-03-10';

describe('computeSolarSurplus', () => {
  it('when a household system under 100 kW sells 20 % of its output, then it is within the cap (boundary)', () => {
    const record = computeSolarSurplus({
      ownerKind: 'household',
      capacityKw: 15,
      gridConnection: 'grid_surplus_sale',
      annualOutputKwh: 20_000,
      surplusSoldKwh: 4_000,
      onDate: today,
    });
    expect(record.result).toMatchObject({ requirement: 'registration', licenceRequired: false, capPercent: 20, surplusSharePercent: 20, withinCap: true });
    expect(record.factors.find((f) => f.code === 'solar_surplus_cap')?.verified).toBe(true);
  });

  it('when a household sells a little over 20 %, then it exceeds the cap and says why', () => {
    const record = computeSolarSurplus({
      ownerKind: 'household',
      capacityKw: 15,
      gridConnection: 'grid_surplus_sale',
      annualOutputKwh: 20_000,
      surplusSoldKwh: 4_000.001,
      onDate: today,
    });
    expect(record.result.withinCap).toBe(false);
    expect(record.result.reasons.map((r) => r.code)).toContain('over_cap');
    expect(record.explanation.en).toContain('exceeds the 20% cap');
  });

  it('when an organisation applies before Decree 58/2025, then the 10 % cap applies and is flagged unverified', () => {
    const record = computeSolarSurplus({
      ownerKind: 'organisation',
      capacityKw: 500,
      gridConnection: 'grid_surplus_sale',
      annualOutputKwh: 100_000,
      surplusSoldKwh: 15_000,
      onDate: '2025-01-15',
    });
    expect(record.result).toMatchObject({ capPercent: 10, surplusSharePercent: 15, withinCap: false });
    expect(record.usesUnverifiedValues).toBe(true);
  });

  it('when an organisation applies after Decree 58/2025, then the 20 % cap applies', () => {
    const record = computeSolarSurplus({
      ownerKind: 'organisation',
      capacityKw: 500,
      gridConnection: 'grid_surplus_sale',
      annualOutputKwh: 100_000,
      surplusSoldKwh: 15_000,
      onDate: today,
    });
    expect(record.result).toMatchObject({ capPercent: 20, withinCap: true });
  });

  it('when a system of 1,000 kW or more sells surplus, then a licence is required', () => {
    const record = computeSolarSurplus({ ownerKind: 'organisation', capacityKw: 1_000, gridConnection: 'grid_surplus_sale', onDate: today });
    expect(record.result).toMatchObject({ requirement: 'registration_and_licence', licenceRequired: true, withinCap: null });
    expect(record.result.reasons.map((r) => r.code)).toEqual(['licence_required', 'output_figures_missing']);
  });

  it('when a system of 999.999 kW sells surplus, then registration suffices', () => {
    const record = computeSolarSurplus({ ownerKind: 'organisation', capacityKw: 999.999, gridConnection: 'grid_surplus_sale', onDate: today });
    expect(record.result.licenceRequired).toBe(false);
  });

  it.each(['off_grid', 'grid_no_export'] as const)('when the system is %s, then only a notification is needed, whatever its size', (gridConnection) => {
    const record = computeSolarSurplus({ ownerKind: 'organisation', capacityKw: 5_000, gridConnection, onDate: today });
    expect(record.result).toMatchObject({ requirement: 'notification_only', licenceRequired: false, capPercent: null, withinCap: null });
  });

  it('when output is zero and nothing is sold, then the share is 0 and within the cap', () => {
    const record = computeSolarSurplus({
      ownerKind: 'household',
      capacityKw: 5,
      gridConnection: 'grid_surplus_sale',
      annualOutputKwh: 0,
      surplusSoldKwh: 0,
      onDate: today,
    });
    expect(record.result).toMatchObject({ surplusSharePercent: 0, withinCap: true });
  });

  it('when the surplus exceeds the output, then it throws', () => {
    expect(() =>
      computeSolarSurplus({ ownerKind: 'household', capacityKw: 5, gridConnection: 'grid_surplus_sale', annualOutputKwh: 1, surplusSoldKwh: 2, onDate: today }),
    ).toThrow(RangeError);
  });

  it('when the date is before Decree 135/2024, then no rule applies and it says so', () => {
    expect(() => computeSolarSurplus({ ownerKind: 'household', capacityKw: 5, gridConnection: 'grid_surplus_sale', onDate: '2024-01-01' })).toThrow(
      LegalValueNotFoundError,
    );
  });

  it('withinCap agrees with the exact share for any output and surplus', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000 }), (output, permyriad) => {
        const surplus = Math.floor((output * permyriad) / 10_000);
        const record = computeSolarSurplus({
          ownerKind: 'household',
          capacityKw: 10,
          gridConnection: 'grid_surplus_sale',
          annualOutputKwh: output,
          surplusSoldKwh: surplus,
          onDate: today,
        });
        expect(record.result.withinCap).toBe(surplus * 5 <= output);
      }),
    );
  });
});
