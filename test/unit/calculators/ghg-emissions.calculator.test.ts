import fc from 'fast-check';
import { computeGhgEmissions } from '../../../src/applications/calculators/ghg-emissions.calculator';
import { checkGhgInventoryCompleteness } from '../../../src/applications/calculators/ghg-inventory-completeness';
import { LegalValueNotFoundError } from '../../../src/applications/calculators/legal-value';

describe('computeGhgEmissions', () => {
  it('when 5,000 MWh are used in 2023, then 3,296 tCO2e and the inventory is mandatory (worked example)', () => {
    const record = computeGhgEmissions({ dataYear: 2023, electricityMwh: 5_000 });
    expect(record.result.electricityEmissionsTco2e).toBe(3_296);
    expect(record.result.totalEmissionsTco2e).toBe(3_296);
    expect(record.result.gridFactorYear).toBe(2023);
    expect(record.result.inventoryMandatory).toBe(true);
    expect(record.factors[0]).toMatchObject({ code: 'grid_emission_factor', value: 0.6592, year: 2023, verified: true });
    expect(record.usesUnverifiedValues).toBe(false);
    expect(record.explanation.en).toContain('3,296 tCO2e');
    expect(record.explanation.vi).toContain('3.296 tCO2e');
  });

  it('when the same electricity is reported for 2022, then the 2022 factor is used', () => {
    expect(computeGhgEmissions({ dataYear: 2022, electricityMwh: 1_000 }).result.totalEmissionsTco2e).toBe(676.6);
  });

  it.each([2024, 2025])('when %i data is used (inventories filed now), then the carried-forward default is flagged unverified', (dataYear) => {
    const record = computeGhgEmissions({ dataYear, electricityMwh: 100 });
    expect(record.usesUnverifiedValues).toBe(true);
    expect(record.notices.map((n) => n.code)).toContain('grid_factor_unverified');
    expect(record.result.gridFactorYear).toBe(dataYear);
  });

  it('when no grid factor exists for the year, then a clear error names the year', () => {
    expect(() => computeGhgEmissions({ dataYear: 2021, electricityMwh: 1 })).toThrow(LegalValueNotFoundError);
    expect(() => computeGhgEmissions({ dataYear: 2026, electricityMwh: 1 })).toThrow(/data year 2026/);
  });

  it('when fuel lines are added, then each is computed and the total is the sum of rounded lines', () => {
    const record = computeGhgEmissions({
      dataYear: 2023,
      electricityMwh: 1_000,
      fuelLines: [
        { fuelCode: 'diesel_oil', quantity: 10 },
        { fuelCode: 'diesel_oil', quantity: 0.001 },
      ],
    });
    expect(record.result.fuelLines.map((l) => l.emissionsTco2e)).toEqual([31.863, 0.003]);
    expect(record.result.totalEmissionsTco2e).toBe(691.066); // 659.2 + 31.863 + 0.003, exactly
    expect(record.factors.filter((f) => f.code === 'fuel_factor:diesel_oil')).toHaveLength(1);
    expect(record.usesUnverifiedValues).toBe(true);
  });

  it('when the fuel is unknown, then it throws', () => {
    expect(() => computeGhgEmissions({ dataYear: 2023, electricityMwh: 0, fuelLines: [{ fuelCode: 'peat', quantity: 1 }] })).toThrow(
      LegalValueNotFoundError,
    );
  });

  it('when emissions are low but energy use reaches 1,000 TOE, then the inventory is mandatory for that reason', () => {
    const record = computeGhgEmissions({ dataYear: 2023, electricityMwh: 0, annualEnergyToe: 1_000, annualWasteTonnes: 10 });
    expect(record.result.totalEmissionsTco2e).toBe(0);
    expect(record.result.inventoryMandatory).toBe(true);
    expect(record.result.inventoryCriteria).toEqual([
      expect.objectContaining({ criterion: 'emissions_tco2e', met: false }),
      expect.objectContaining({ criterion: 'energy_toe', met: true }),
      expect.objectContaining({ criterion: 'waste_tonnes', met: false }),
    ]);
  });

  it('when emissions are just below 3,000 and other figures are absent, then not mandatory and unknowns are null', () => {
    const record = computeGhgEmissions({ dataYear: 2023, electricityMwh: 4_550 });
    expect(record.result.totalEmissionsTco2e).toBe(2_999.36);
    expect(record.result.inventoryMandatory).toBe(false);
    expect(record.result.inventoryCriteria[1]?.met).toBeNull();
  });

  it('when activity is negative or too precise, then it throws', () => {
    expect(() => computeGhgEmissions({ dataYear: 2023, electricityMwh: -1 })).toThrow(RangeError);
    expect(() => computeGhgEmissions({ dataYear: 2023, electricityMwh: 1.0001 })).toThrow(/decimal/);
    expect(() => computeGhgEmissions({ dataYear: 2023, electricityMwh: 1, annualEnergyToe: -5 })).toThrow(RangeError);
  });

  it('emissions are never negative and monotonic in electricity use', () => {
    const mwh = fc.integer({ min: 0, max: 1_000_000_000 }).map((kwh) => kwh / 1000);
    fc.assert(
      fc.property(fc.constantFrom(2022, 2023, 2024), mwh, mwh, (year, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const low = computeGhgEmissions({ dataYear: year, electricityMwh: small }).result.totalEmissionsTco2e;
        expect(low).toBeGreaterThanOrEqual(0);
        expect(low).toBeLessThanOrEqual(computeGhgEmissions({ dataYear: year, electricityMwh: large }).result.totalEmissionsTco2e);
      }),
    );
  });
});

describe('checkGhgInventoryCompleteness', () => {
  const complete = {
    facilityName: 'Demo Steel Co.',
    taxCode: '0200000000',
    sectorCode: 'industry',
    dataYear: 2024,
    operationalBoundary: 'Plant 1',
    electricityMwh: 0,
    contactPerson: 'Nguyễn Văn A',
    fuelLines: [{ fuelCode: 'diesel_oil', quantity: 2 }],
  };

  it('when every field is given (zero electricity allowed), then the draft is complete', () => {
    expect(checkGhgInventoryCompleteness(complete)).toEqual({ complete: true, missing: [] });
  });

  it('when fields are blank or a fuel line is unknown, then all of them are listed at once', () => {
    const result = checkGhgInventoryCompleteness({
      ...complete,
      taxCode: ' ',
      electricityMwh: undefined,
      fuelLines: [{ fuelCode: 'peat' }],
    });
    expect(result.complete).toBe(false);
    expect(result.missing.map((m) => m.field)).toEqual([
      'taxCode',
      'electricityMwh',
      'fuelLines[0].fuelCode',
      'fuelLines[0].quantity',
    ]);
    expect(result.missing[0]?.label.vi).toBe('Mã số thuế');
  });
});
