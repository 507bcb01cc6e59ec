import { LegalValueNotFoundError } from '../../../src/applications/calculators/legal-value';
import {
  DEFAULT_PROCEDURE_CATALOGUE,
  type ApplicationType,
  findProcedure,
  missingDocuments,
  requiredDocumentRules,
  requiredDocuments,
} from '../../../src/applications/procedures';

describe('procedure catalogue', () => {
  it('when looking at each application type, then it has exactly one shipped procedure with sane limits', () => {
    const types: ApplicationType[] = ['green_transformation', 'epr', 'renewable_energy', 'emissions_reduction'];
    for (const type of types) {
      const procedure = findProcedure(type);
      expect(procedure.timeLimitWorkingDays.value).toBeGreaterThan(0);
      expect(procedure.completenessCheckWorkingDays.value).toBeLessThanOrEqual(procedure.timeLimitWorkingDays.value);
      expect(new Set(procedure.documents.map((d) => d.code)).size).toBe(procedure.documents.length);
      expect(procedure.fees.known).toBe(false);
    }
    expect(DEFAULT_PROCEDURE_CATALOGUE).toHaveLength(4);
  });

  it('when rooftop solar, then 10 working days and 3 for completeness, both verified', () => {
    const solar = findProcedure('renewable_energy');
    expect(solar.timeLimitWorkingDays).toMatchObject({ value: 10, verified: true });
    expect(solar.completenessCheckWorkingDays).toMatchObject({ value: 3, verified: true });
  });

  it('when EPR or GHG, then 15 working days shipped as an unverified default', () => {
    expect(findProcedure('epr').timeLimitWorkingDays).toMatchObject({ value: 15, verified: false });
    expect(findProcedure('emissions_reduction').timeLimitWorkingDays).toMatchObject({ value: 15, verified: false });
  });

  it('when green transformation, then its stages add up to the overall limit', () => {
    const procedure = findProcedure('green_transformation');
    expect(procedure.stages.map((s) => [s.code, s.limitWorkingDays.value])).toEqual([
      ['forward_to_agencies', 3],
      ['agency_opinions', 15],
      ['appraisal', 40],
    ]);
    expect(procedure.stages.reduce((sum, s) => sum + s.limitWorkingDays.value, 0)).toBe(procedure.timeLimitWorkingDays.value);
  });

  it('when the date precedes every version, then a clear error is thrown', () => {
    expect(() => findProcedure('renewable_energy', { onDate: '2024-01-01' })).toThrow(LegalValueNotFoundError);
  });

  it('when the catalogue is passed in, then that version is used (administrator edits)', () => {
    const edited = { ...findProcedure('epr'), version: '2026.1', effectiveFrom: '2026-01-01', timeLimitWorkingDays: { value: 20, source: 'admin', verified: true } };
    const catalogue = [...DEFAULT_PROCEDURE_CATALOGUE, edited];
    expect(findProcedure('epr', { catalogue, onDate: '2026-03-01' }).timeLimitWorkingDays.value).toBe(20);
    expect(findProcedure('epr', { catalogue, onDate: '2025-06-01' }).timeLimitWorkingDays.value).toBe(15);
  });
});

describe('requiredDocuments', () => {
  it('when an EPR producer recycles by contract, then the recycling plan and contract are required, not contribution proof', () => {
    const codes = requiredDocuments('epr', { complianceMethod: 'recycle', recyclingArrangement: 'contract', role: 'producer' });
    expect(codes).toEqual(expect.arrayContaining(['recycling_plan', 'recycling_contract']));
    expect(codes).not.toContain('contribution_proof');
    expect(codes).not.toContain('import_customs_declarations');
  });

  it('when an EPR importer contributes and excludes exports, then contribution proof and both customs declarations are required', () => {
    const codes = requiredDocuments('epr', { complianceMethod: 'contribute', role: 'importer', claimsExportExclusion: true });
    expect(codes).toEqual([
      'epr_registration_form',
      'product_volume_statement',
      'business_registration',
      'contribution_proof',
      'import_customs_declarations',
      'export_customs_declarations',
    ]);
  });

  it('when a rooftop system is off-grid, then only the notification and identity are required', () => {
    expect(requiredDocuments('renewable_energy', { gridConnection: 'off_grid', capacityKw: 2_000 })).toEqual(['notification_form', 'applicant_identity']);
  });

  it('when a 1,000 kW organisation system sells surplus, then licence and power-plan documents are required', () => {
    const codes = requiredDocuments('renewable_energy', { gridConnection: 'grid_surplus_sale', capacityKw: 1_000, ownerKind: 'organisation' });
    expect(codes).toEqual(expect.arrayContaining(['registration_form', 'electricity_licence', 'power_plan_conformity', 'fire_safety_documents']));
    expect(requiredDocuments('renewable_energy', { gridConnection: 'grid_surplus_sale', capacityKw: 999, ownerKind: 'household' })).not.toContain(
      'electricity_licence',
    );
  });

  it('when a GHG inventory is filed by a facility with a quota, then a verification report is required', () => {
    expect(requiredDocuments('emissions_reduction', { submissionKind: 'inventory_report', hasAllowanceQuota: true })).toContain('verification_report');
    expect(requiredDocuments('emissions_reduction', { submissionKind: 'inventory_report', hasAllowanceQuota: false })).not.toContain(
      'verification_report',
    );
  });

  it('when rules are asked for, then each carries its vi/en name and circumstance', () => {
    const [plan] = requiredDocumentRules('epr', { complianceMethod: 'recycle' }).filter((r) => r.code === 'recycling_plan');
    expect(plan).toMatchObject({ name_en: 'Recycling plan', circumstance_en: 'When the chosen compliance method is recycling' });
  });
});

describe('missingDocuments', () => {
  it('when some required documents are uploaded, then the rest are listed and extra uploads are ignored', () => {
    const missing = missingDocuments('green_transformation', { certificateKind: 'eco_enterprise' }, [
      'certification_request_form',
      'environmental_permit_copy',
      'some_extra_file',
    ]);
    expect(missing).toEqual(['criteria_fulfilment_report', 'enterprise_registration']);
  });

  it('when everything is uploaded, then nothing is missing', () => {
    const facts = { certificateKind: 'eco_industrial_park' };
    expect(missingDocuments('green_transformation', facts, requiredDocuments('green_transformation', facts))).toEqual([]);
  });
});
