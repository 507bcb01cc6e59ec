import fc from 'fast-check';
import { formatNumber } from '../../../src/applications/calculators/legal-value';
import { DOSSIER_TYPES } from '../../../src/applications/dossier-types';
import { BOUNDS } from '../../../src/applications/dossier-types/bounds';

const CONTEXT = { applicantTaxCode: '0200000000', onDate: '2026-03-01' };
/** A quantity with at most 3 decimals, drawn as whole thousandths so every value is exactly representable as typed. */
const thousandths = (max: number) => fc.integer({ min: 0, max: max * 1000 }).map((n) => n / 1000);
/** The number an explanation printed, read back (en: 1,234.5). */
const readBack = (printed: string) => Number(printed.replace(/,/g, ''));

describe('every accepted number is computed and printed as typed', () => {
  it('property: any EPR mass within its bound is accepted, its obligation computed, and the explanation prints it exactly', () => {
    fc.assert(
      fc.property(thousandths(BOUNDS.kgPerProductLine), (kg) => {
        const data = { reportingYear: 2026, role: 'producer', previousYearAmountVnd: 50_000_000_000, complianceMethod: 'recycle', productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg: kg }] };
        const parsed = DOSSIER_TYPES.epr.dataSchema.safeParse(data);
        expect(parsed.success).toBe(true);
        const results = DOSSIER_TYPES.epr.computeResults(parsed.data!, CONTEXT) as { eprObligation?: { explanation: { en: string }; result: { totalContributionVnd: number } } };
        expect(results.eprObligation).toBeDefined();
        const printed = /× ([\d,.]+) kg =/.exec(results.eprObligation!.explanation.en)?.[1] ?? '';
        expect(readBack(printed)).toBe(kg);
        expect(printed).toBe(formatNumber(kg, 'en'));
        expect(Number.isSafeInteger(results.eprObligation!.result.totalContributionVnd)).toBe(true);
      }),
    );
  });

  it('property: any electricity use within its bound is accepted and printed exactly in the GHG explanation', () => {
    fc.assert(
      fc.property(thousandths(BOUNDS.electricityMwh), (mwh) => {
        const parsed = DOSSIER_TYPES.emissions_reduction.dataSchema.safeParse({ dataYear: 2024, electricityMwh: mwh });
        expect(parsed.success).toBe(true);
        const results = DOSSIER_TYPES.emissions_reduction.computeResults(parsed.data!, CONTEXT) as { ghgEmissions?: { explanation: { en: string } } };
        const printed = /^E = ([\d,.]+) MWh/.exec(results.ghgEmissions?.explanation.en ?? '')?.[1] ?? '';
        expect(readBack(printed)).toBe(mwh);
      }),
    );
  });

  it('property: a mass beyond its bound, or finer than a gram, is refused by the schema', () => {
    const beyond = fc.double({ min: BOUNDS.kgPerProductLine + 1, max: 1e300, noNaN: true });
    const tooFine = fc.integer({ min: 1, max: 999 }).map((n) => n / 10_000 + 0.00001);
    fc.assert(
      fc.property(fc.oneof(beyond, tooFine), (kg) => {
        const parsed = DOSSIER_TYPES.epr.dataSchema.safeParse({ productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg: kg }] });
        expect(parsed.success).toBe(false);
      }),
    );
  });
});
