import { DossierDocumentModel } from './document.model';

export { DossierDocumentModel, type DossierDocument } from './document.model';

/** Codes of the documents a dossier holds at least one version of. */
export async function uploadedDocumentCodes(dossierId: string): Promise<string[]> {
  const codes = await DossierDocumentModel.distinct('code', { dossierId });
  return codes.map(String);
}
