import { requiredDocuments, type ProcedureFacts } from '../../../src/applications/procedures';
import { DOSSIER_TYPES } from '../../../src/applications/dossier-types';

/** What the dossier page and SUBMIT ask for, from the data the applicant declared. */
const required = (type: keyof typeof DOSSIER_TYPES, data: Record<string, unknown>) => requiredDocuments(type, DOSSIER_TYPES[type].documentCircumstances(data as never) as ProcedureFacts);

describe('documents required from what the applicant declared', () => {
  it('asks every GHG dossier for the inventory report and its evidence (submitting needs a complete inventory)', () => {
    expect(required('emissions_reduction', { dataYear: 2025 })).toEqual(expect.arrayContaining(['cover_letter', 'ghg_inventory_report', 'activity_data_sheet', 'energy_bills_evidence']));
  });

  it('asks an organisation selling solar surplus for its fire-safety documents, and a household not', () => {
    const selling = { gridConnection: 'grid_surplus_sale', capacityKw: 200 };
    expect(required('renewable_energy', { ...selling, ownerKind: 'organisation' })).toContain('fire_safety_documents');
    expect(required('renewable_energy', { ...selling, ownerKind: 'household' })).not.toContain('fire_safety_documents');
  });
});
