import { createHash, randomUUID } from 'node:crypto';
import { requiredDocuments } from '../../src/applications/procedures';
import { insertNextVersion } from '../../src/documents/document-version';

export const EPR_DATA = {
  reportingYear: 2026,
  role: 'producer',
  previousYearAmountVnd: 50_000_000_000,
  complianceMethod: 'recycle',
  productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg: 500_000 }],
};

/**
 * Records the required documents of a dossier through the documents room's version insert, without files:
 * tests of the workflow need the records (what the SUBMIT guard checks), not the bytes, which the upload
 * tests cover over HTTP.
 */
export async function attachDocuments(dossierId: string, codes: readonly string[], uploadedBy: string): Promise<void> {
  for (const code of codes) {
    const content = `${code} ${randomUUID()}`;
    await insertNextVersion({
      dossierId,
      code,
      originalName: `${code}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      storageKey: randomUUID(),
      uploadedBy,
    });
  }
}

export const eprRequiredDocuments = () =>
  requiredDocuments('epr', { complianceMethod: 'recycle', role: 'producer', claimsExportExclusion: false });
