import { documentsOfDossier } from './document-directory';

/**
 * Codes of the documents a dossier holds at least one version of. Its own file, importing only the directory, so
 * the dossier room can ask it (the pre-check and the SUBMIT guard) without loading this room's routes and
 * upload services, which call back into the dossier room for its access checks: no import cycle.
 */
export async function uploadedDocumentCodes(dossierId: string): Promise<string[]> {
  return [...new Set((await documentsOfDossier(dossierId, { latest: true })).map((record) => record.code))];
}
