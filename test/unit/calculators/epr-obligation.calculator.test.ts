import fc from 'fast-check';
import { computeEprObligation } from '../../../src/applications/calculators/epr-obligation.calculator';
import { DEFAULT_EPR_LEGAL_TABLES } from '../../../src/applications/calculators/epr-rates.data';
import { LegalValueNotFoundError } from '../../../src/applications/calculators/legal-value';

const LARGE_PRODUCER = { role: 'producer' as const, previousYearAmountVnd: 100_000_000_000 };

describe('computeEprObligation', () => {
  it('when rigid PET V = 500,000 kg in 2025, then 110,000 kg or VND 440,000,000 (worked example)', () => {
    const record = computeEprObligation({
      ...LARGE_PRODUCER,
      reportingYear: 2025,
      productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg: 500_000 }],
    });
    const [line] = record.result.lines;
    expect(line).toMatchObject({ obligated: true, ratePercent: 22, recyclingObligationKg: 110_000, contributionVnd: 440_000_000 });
    expect(record.result.totalContributionVnd).toBe(440_000_000);
    expect(record.calculatorVersion).toMatch(/^epr-obligation@/);
    expect(record.explanation.vi).toContain('440.000.000 đồng');
    expect(record.explanation.en).toContain('VND 440,000,000');
    // Fs is a demo value, so the record must say the figure is indicative.
    expect(record.usesUnverifiedValues).toBe(true);
    expect(record.factors.find((f) => f.code === 'epr_fs:packaging_rigid_pet')).toMatchObject({ value: 4000, verified: false });
    expect(record.factors.find((f) => f.code === 'epr_rate:packaging_rigid_pet')).toMatchObject({ value: 22, verified: true });
  });

  it('when part of the goods is exported, then exports are excluded from V', () => {
    const record = computeEprObligation({
      ...LARGE_PRODUCER,
      reportingYear: 2025,
      productLines: [{ productCode: 'packaging_paper_carton', placedOnMarketKg: 1_000, exportedKg: 400 }],
    });
    expect(record.result.lines[0]).toMatchObject({ massSubjectKg: 600, recyclingObligationKg: 120, contributionVnd: 240_000 });
  });

  it('when exports exceed the mass placed on the market, then it throws', () => {
    expect(() =>
      computeEprObligation({
        ...LARGE_PRODUCER,
        reportingYear: 2025,
        productLines: [{ productCode: 'packaging_paper_carton', placedOnMarketKg: 10, exportedKg: 11 }],
      }),
    ).toThrow(RangeError);
  });

  it.each([
    ['producer', 29_999_999_999, true],
    ['producer', 30_000_000_000, false],
    ['importer', 19_999_999_999, true],
    ['importer', 20_000_000_000, false],
  ] as const)('when a %s had VND %d last year, then exempt is %s', (role, amount, exempt) => {
    const record = computeEprObligation({
      role,
      previousYearAmountVnd: amount,
      reportingYear: 2025,
      productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg: 1_000 }],
    });
    expect(record.result.exempt).toBe(exempt);
    expect(record.result.totalContributionVnd === 0).toBe(exempt);
  });

  it('when vehicles are reported for 2026, then they are not yet obligated (from 2027)', () => {
    const tables = {
      ...DEFAULT_EPR_LEGAL_TABLES,
      products: [...DEFAULT_EPR_LEGAL_TABLES.products, { productCode: 'car', category: 'vehicle' as const, name_vi: 'Ô tô', name_en: 'Cars' }],
    };
    const record = computeEprObligation(
      { ...LARGE_PRODUCER, reportingYear: 2026, productLines: [{ productCode: 'car', placedOnMarketKg: 5_000 }] },
      tables,
    );
    expect(record.result.lines[0]).toMatchObject({ obligated: false, contributionVnd: 0, recyclingObligationKg: 0 });
    expect(record.result.lines[0]?.notObligatedReason?.en).toContain('2027-01-01');
  });

  it('when no rate is in force for the year, then a LegalValueNotFoundError names the table and product', () => {
    const run = () =>
      computeEprObligation({
        ...LARGE_PRODUCER,
        reportingYear: 2027,
        productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg: 1 }],
      });
    expect(run).toThrow(LegalValueNotFoundError);
    expect(run).toThrow(/EPR recycling rate.*packaging_rigid_pet.*2027-01-01/);
  });

  it('when the product code is unknown, then it throws', () => {
    expect(() =>
      computeEprObligation({ ...LARGE_PRODUCER, reportingYear: 2025, productLines: [{ productCode: 'x', placedOnMarketKg: 1 }] }),
    ).toThrow(LegalValueNotFoundError);
  });

  it('when V is zero, then both figures are zero', () => {
    const record = computeEprObligation({
      ...LARGE_PRODUCER,
      reportingYear: 2025,
      productLines: [{ productCode: 'packaging_aluminium', placedOnMarketKg: 0 }],
    });
    expect(record.result.lines[0]).toMatchObject({ recyclingObligationKg: 0, contributionVnd: 0 });
  });

  it('when the product is fractional, then F is rounded half up to a whole đồng and kg to the gram', () => {
    // 15 % × 0.003 kg × 2,500 = 1.125 VND → 1; 15 % × 0.01 kg × 2,500 = 3.75 → 4; 22 % × 0.025 kg × 3,000 = 16.5 → 17
    // obligations: 0.00045 kg → 0 g; 0.0015 kg → 0.002 kg (half up at the gram)
    const record = computeEprObligation({
      ...LARGE_PRODUCER,
      reportingYear: 2025,
      productLines: [
        { productCode: 'packaging_mixed_paper', placedOnMarketKg: 0.003 },
        { productCode: 'packaging_mixed_paper', placedOnMarketKg: 0.01 },
        { productCode: 'packaging_aluminium', placedOnMarketKg: 0.025 },
      ],
    });
    expect(record.result.lines.map((l) => l.contributionVnd)).toEqual([1, 4, 17]);
    expect(record.result.totalContributionVnd).toBe(22);
    expect(record.result.lines[0]?.recyclingObligationKg).toBe(0);
    expect(record.result.lines[1]?.recyclingObligationKg).toBe(0.002);
  });

  it('when a mass has more than 3 decimals, then it is rejected rather than silently rounded', () => {
    expect(() =>
      computeEprObligation({
        ...LARGE_PRODUCER,
        reportingYear: 2025,
        productLines: [{ productCode: 'packaging_mixed_paper', placedOnMarketKg: 0.0001 }],
      }),
    ).toThrow(/decimal/);
  });

  it('when masses are very large, then F is still exact (no floating-point loss)', () => {
    const record = computeEprObligation({
      ...LARGE_PRODUCER,
      reportingYear: 2025,
      productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg: 123_456_789_012.345 }],
    });
    // 0.22 × 123,456,789,012.345 × 4,000 = 108,641,974,330,863.6 → rounded half up
    expect(record.result.lines[0]?.contributionVnd).toBe(108_641_974_330_864);
  });
});

describe('EPR properties', () => {
  const productCode = fc.constantFrom(...DEFAULT_EPR_LEGAL_TABLES.recyclingRates.map((r) => r.productCode));
  const massKg = fc.integer({ min: 0, max: 10_000_000_000 }).map((grams) => grams / 1000);
  const contribution = (code: string, kg: number) =>
    computeEprObligation({ ...LARGE_PRODUCER, reportingYear: 2025, productLines: [{ productCode: code, placedOnMarketKg: kg }] })
      .result.lines[0]!.contributionVnd;

  it('F is a non-negative integer and monotonic in V', () => {
    fc.assert(
      fc.property(productCode, massKg, massKg, (code, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const fSmall = contribution(code, small);
        expect(Number.isInteger(fSmall)).toBe(true);
        expect(fSmall).toBeGreaterThanOrEqual(0);
        expect(fSmall).toBeLessThanOrEqual(contribution(code, large));
      }),
    );
  });
});
