import { Types } from 'mongoose';
import { insertIfAbsent } from '../db';
import { noteDocumentWritten } from './document-directory';
import { claimSlot, documentsAndSlots, documentsByKeys } from './document-slots';
import { DossierDocumentModel } from './document.model';

/** Racing uploads of one code each need one more try per winner ahead of them; this bounds a pathological storm. */
const MAX_VERSION_ATTEMPTS = 50;

export interface NewDocumentVersion {
  dossierId: string;
  code: string;
  originalName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
}

/**
 * Records a stored file as the next version of its code. The document first claims the dossier's next slot
 * (document-slots.ts), so the reads that decide find it by key; then the unique key {dossierId, code, version}
 * is the lock: the insert of version n+1 succeeds for exactly one writer; a loser reads the dossier's records
 * again and tries the next number. Versions are claimed only by records that exist, so they stay unique and
 * gapless.
 */
export async function insertNextVersion(input: NewDocumentVersion): Promise<{ id: string; version: number }> {
  const dossierId = new Types.ObjectId(input.dossierId);
  const _id = new Types.ObjectId();
  const { records: stored, slots } = await documentsAndSlots(input.dossierId);
  await claimSlot(input.dossierId, _id, slots);
  let latest = Math.max(0, ...stored.filter((d) => d.code === input.code).map((d) => d.version));
  for (let attempt = 0; attempt < MAX_VERSION_ATTEMPTS; attempt++) {
    const version = latest + 1;
    const created = await insertIfAbsent(DossierDocumentModel, { ...input, _id, dossierId, version, uploadedBy: new Types.ObjectId(input.uploadedBy) });
    if (created) {
      await noteDocumentWritten(String(_id));
      return { id: String(_id), version };
    }
    // Removed versions keep their numbers: the next version comes after them.
    const now = await documentsByKeys(input.dossierId);
    latest = Math.max(version, ...now.filter((d) => d.code === input.code).map((d) => d.version));
  }
  throw new Error(`could not allocate a version of ${input.code} for dossier ${input.dossierId} after ${MAX_VERSION_ATTEMPTS} attempts`);
}
