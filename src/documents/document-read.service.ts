import type { Readable } from 'node:stream';
import { Types } from 'mongoose';
import { loadReadableDossier } from '../applications/application.service';
import { findProcedure, type ApplicationType } from '../applications/procedures';
import { recordAudit } from '../audit';
import type { Actor } from '../auth';
import { AppError, notFound } from '../errors';
import { documentsOfDossier } from './document-directory';
import { DossierDocumentModel, type DossierDocumentRecord } from './document.model';
import { BlobNotFoundError, type BlobStore } from './storage/blob-store';

const downloadPath = (id: unknown) => `/api/v1/documents/${String(id)}/download`;

function presentVersion(record: DossierDocumentRecord) {
  return {
    id: String(record._id),
    version: record.version,
    originalName: record.originalName,
    mediaType: record.mediaType,
    sizeBytes: record.sizeBytes,
    sha256: record.sha256,
    uploadedAt: record.uploadedAt,
    uploadedBy: String(record.uploadedBy),
    downloadUrl: downloadPath(record._id),
  };
}

/** A dossier's documents grouped by code in catalogue order, each with every version, newest first. */
export async function listDossierDocuments(actor: Actor, dossierId: string) {
  const dossier = await loadReadableDossier(actor, dossierId);
  const records = (await documentsOfDossier(String(dossier._id))).sort((a, b) => a.code.localeCompare(b.code) || b.version - a.version);
  const rules = findProcedure(dossier.type as ApplicationType).documents;
  const order = (code: string) => {
    const index = rules.findIndex((rule) => rule.code === code);
    return index < 0 ? rules.length : index;
  };
  const codes = [...new Set(records.map((r) => r.code))].sort((a, b) => order(a) - order(b));
  return {
    dossierId: String(dossier._id),
    items: codes.map((code) => {
      const rule = rules.find((r) => r.code === code);
      return { code, name_vi: rule?.name_vi, name_en: rule?.name_en, versions: records.filter((r) => r.code === code).map(presentVersion) };
    }),
  };
}

export interface DocumentDownload {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  content: Readable;
}

/**
 * Opens one stored version for the owner organization or the staff the route admits; anyone else gets the
 * same 404 as for a document that does not exist. Every download is audited before the bytes flow.
 */
export async function openDocumentDownload(actor: Actor, documentId: string, store: BlobStore, now: Date): Promise<DocumentDownload> {
  if (!Types.ObjectId.isValid(documentId)) throw notFound(`Document ${documentId}`);
  const record = await DossierDocumentModel.findById(documentId).lean<DossierDocumentRecord>();
  if (!record) throw notFound(`Document ${documentId}`);
  const dossier = await loadReadableDossier(actor, String(record.dossierId)).catch((error: unknown) => {
    // A document of someone else's dossier is reported exactly like a missing document.
    throw error instanceof AppError && error.code === 'not_found' ? notFound(`Document ${documentId}`) : error;
  });
  let content: Readable;
  try {
    content = await store.get(record.storageKey);
  } catch (error) {
    if (error instanceof BlobNotFoundError) {
      throw new AppError('internal', 'Document file missing', { detail: 'The stored file of this document is missing; the administrators have been told.', cause: error });
    }
    throw error;
  }
  await recordAudit({
    at: now,
    actor,
    action: 'document.downloaded',
    target: { kind: 'document', id: String(record._id), label: `${dossier.code}/${record.code} v${record.version}` },
  }).catch((error: unknown) => {
    content.destroy();
    throw error;
  });
  return { fileName: record.originalName, mediaType: record.mediaType, sizeBytes: record.sizeBytes, sha256: record.sha256, content };
}
