import { createHash, randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { requiredDocuments } from '../../src/applications/procedures';
import { DossierDocumentModel } from '../../src/documents/document.model';

export const EPR_DATA = {
  reportingYear: 2026,
  role: 'producer',
  previousYearAmountVnd: 50_000_000_000,
  complianceMethod: 'recycle',
  productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg: 500_000 }],
};

/**
 * Records the required documents of a dossier directly. Uploading through HTTP belongs to the documents
 * capability (issue #5); until it lands, tests of the workflow attach document records this way.
 */
export async function attachDocuments(dossierId: string, codes: readonly string[], uploadedBy: string): Promise<void> {
  for (const code of codes) {
    const content = `${code} ${randomUUID()}`;
    await new DossierDocumentModel({
      dossierId: new Types.ObjectId(dossierId),
      code,
      version: 1,
      originalName: `${code}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      storageKey: randomUUID(),
      uploadedBy: new Types.ObjectId(uploadedBy),
    }).save();
  }
}

export const eprRequiredDocuments = () =>
  requiredDocuments('epr', { complianceMethod: 'recycle', role: 'producer', claimsExportExclusion: false });
