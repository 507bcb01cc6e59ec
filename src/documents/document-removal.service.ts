import { Types } from 'mongoose';
import type { ApplicationRecord } from '../applications';
import { dossierIsEditable } from '../applications/dossier-changes';
import { currentDossier } from '../applications/dossier-log';
import { recordAudit } from '../audit';
import type { Actor } from '../auth';
import { AppError, notFound } from '../errors';
import { loadUploadableDossier } from './document-access';
import { noteDocumentWritten } from './document-directory';
import { DossierDocumentModel, type DossierDocumentRecord } from './document.model';

/**
 * When the applicant last handed the dossier over (its first submission or its latest resubmission): files
 * uploaded after it are new to the Department, and files uploaded after it may still be taken back.
 */
export function handedOverAt(dossier: Pick<ApplicationRecord, 'submittedAt' | 'deadlines'>): Date | undefined {
  const resubmissions = ((dossier.deadlines?.supplementations ?? []) as { resubmittedAt?: Date | string }[])
    .map((interval) => (interval.resubmittedAt ? new Date(interval.resubmittedAt).getTime() : 0))
    .filter((time) => time > 0);
  const times = [...(dossier.submittedAt ? [new Date(dossier.submittedAt).getTime()] : []), ...resubmissions];
  return times.length ? new Date(Math.max(...times)) : undefined;
}

/** A version the applicant may take back: the dossier is in its hands and the Department has not had the file. */
export function isRemovable(record: Pick<DossierDocumentRecord, 'uploadedAt' | 'removedAt'>, dossier: Pick<ApplicationRecord, 'submittedAt' | 'deadlines'>, editable: boolean): boolean {
  const since = handedOverAt(dossier);
  return editable && !record.removedAt && (!since || record.uploadedAt.getTime() > since.getTime());
}

const notRemovable = (detail: string) => new AppError('conflict', 'Document not removable', { detail, extensions: { reason: 'not_removable' } });

/**
 * Takes back a file the applicant uploaded by mistake, before the dossier is handed over. The record and the
 * stored file stay (the audit names them); lists and the submission check leave the version out. If the
 * dossier was handed over while this ran, the removal is undone: a submitted dossier keeps what it was
 * submitted with.
 */
export async function removeDocumentVersion(actor: Actor, input: { dossierId: string; documentId: string }, now: Date): Promise<DossierDocumentRecord> {
  const { dossier, uploaderId } = await loadUploadableDossier(actor, input.dossierId);
  const record = Types.ObjectId.isValid(input.documentId) ? await DossierDocumentModel.findById(input.documentId).lean<DossierDocumentRecord>() : null;
  if (!record || String(record.dossierId) !== String(dossier._id)) throw notFound(`Document ${input.documentId}`);
  if (record.removedAt) return record;
  if (!isRemovable(record, dossier, true)) throw notRemovable('This file was handed over with the dossier; upload a new version instead.');

  const marks = { removedAt: now, removedBy: new Types.ObjectId(uploaderId) };
  await DossierDocumentModel.updateOne({ _id: record._id }, { $set: marks });
  const after = await currentDossier(input.dossierId);
  if (!after || !dossierIsEditable(after.dossier)) {
    await DossierDocumentModel.updateOne({ _id: record._id }, { $unset: { removedAt: 1, removedBy: 1 } });
    await noteDocumentWritten(String(record._id));
    throw notRemovable('The dossier was submitted meanwhile; the file stays with it.');
  }
  await noteDocumentWritten(String(record._id));
  await recordAudit({ at: now, actor, action: 'document.removed', target: { kind: 'document', id: String(record._id), label: `${dossier.code}/${record.code} v${record.version} ${record.originalName}` } });
  return { ...record, ...marks };
}
