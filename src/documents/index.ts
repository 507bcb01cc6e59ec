import { DossierDocumentModel } from './document.model';

export { DossierDocumentModel, type DossierDocument, type DossierDocumentRecord } from './document.model';
export { documentRoutes, type DocumentRouteDeps } from './document.routes';
export { uploadSettingsFromConfig, type UploadSettings, type VirusScanner, type ScanVerdict } from './upload-settings';
export { type BlobStore, type StoredObject, BlobNotFoundError } from './storage/blob-store';
export { createLocalDiskStore } from './storage/local-disk.store';
export { sweepOrphanedDocuments, DEFAULT_ORPHAN_GRACE_MS, type OrphanSweepReport } from './orphan-sweep';
export { DOCUMENT_SWEEP_JOB, documentSweepJobHandler, scheduleDocumentSweep } from './document-sweep.job';
export { sniffContent } from './content/sniff-content';

/** Codes of the documents a dossier holds at least one version of. */
export async function uploadedDocumentCodes(dossierId: string): Promise<string[]> {
  const codes = await DossierDocumentModel.distinct('code', { dossierId });
  return codes.map(String);
}
export { uploadFromRequest, uploadMiddleware } from './upload-request';
export { listDossierDocuments } from './document-read.service';
export { uploadDocuments, type UploadedVersion } from './document-upload.service';
