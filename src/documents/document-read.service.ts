import type { Readable } from 'node:stream';
import { Types } from 'mongoose';
import { loadReadableDossier } from '../applications/application.service';
import { findProcedure, type ApplicationType } from '../applications/procedures';
import { recordAudit } from '../audit';
import type { ApplicationRecord } from '../applications';
import { dossierIsEditable } from '../applications/dossier-changes';
import { isApplicant, type Actor } from '../auth';
import { isRemovable } from './document-removal.service';
import { AppError, notFound } from '../errors';
import { documentsOfDossier } from './document-directory';
import { DossierDocumentModel, type DossierDocumentRecord } from './document.model';
import { BlobNotFoundError, type BlobStore } from './storage/blob-store';

const downloadPath = (id: unknown) => `/api/v1/documents/${String(id)}/download`;
/** Kinds a browser shows by itself; the others are only downloaded. */
export const PREVIEWABLE_MEDIA_TYPES: readonly string[] = ['application/pdf', 'image/png', 'image/jpeg'];

interface VersionContext {
  firstSubmittedAt?: Date;
  dossier: Pick<ApplicationRecord, 'submittedAt' | 'deadlines'>;
  /** The applicant reads its dossier while it may change it: versions not yet handed over can be taken back. */
  applicantMayChange: boolean;
}

function presentVersion(record: DossierDocumentRecord, context: VersionContext) {
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
    previewUrl: PREVIEWABLE_MEDIA_TYPES.includes(record.mediaType) ? `/api/v1/documents/${String(record._id)}/preview` : undefined,
    // Sent after the first submission: the answer to a supplementation request, marked for the officer.
    supplement: context.firstSubmittedAt !== undefined && record.uploadedAt.getTime() > context.firstSubmittedAt.getTime(),
    removable: isRemovable(record, context.dossier, context.applicantMayChange),
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
  const context: VersionContext = {
    firstSubmittedAt: dossier.submittedAt ? new Date(dossier.submittedAt) : undefined,
    dossier,
    applicantMayChange: isApplicant(actor) && dossierIsEditable(dossier),
  };
  return {
    dossierId: String(dossier._id),
    items: codes.map((code) => {
      const rule = rules.find((r) => r.code === code);
      return { code, name_vi: rule?.name_vi, name_en: rule?.name_en, versions: records.filter((r) => r.code === code).map((r) => presentVersion(r, context)) };
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
export async function openDocumentDownload(actor: Actor, documentId: string, store: BlobStore, now: Date, purpose: 'download' | 'preview' = 'download'): Promise<DocumentDownload> {
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
    action: purpose === 'preview' ? 'document.previewed' : 'document.downloaded',
    target: { kind: 'document', id: String(record._id), label: `${dossier.code}/${record.code} v${record.version}` },
  }).catch((error: unknown) => {
    content.destroy();
    throw error;
  });
  return { fileName: record.originalName, mediaType: record.mediaType, sizeBytes: record.sizeBytes, sha256: record.sha256, content };
}
