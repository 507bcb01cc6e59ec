import { Types } from 'mongoose';
import { insertIfAbsent } from '../db';
import { documentsOfDossier, noteDocumentWritten } from './document-directory';
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
 * Records a stored file as the next version of its code. The unique key {dossierId, code, version} is the
 * lock: the insert of version n+1 succeeds for exactly one writer; a loser reads the new latest and tries the
 * next number. Versions are claimed only by records that exist, so they stay unique and gapless.
 */
export async function insertNextVersion(input: NewDocumentVersion): Promise<{ id: string; version: number }> {
  const dossierId = new Types.ObjectId(input.dossierId);
  // The directory knows this instance's uploads at once; another instance's within a second. A number taken
  // meanwhile loses its insert, and the next try asks the database itself (a rare race, so a rare scan).
  let latest = Math.max(0, ...(await documentsOfDossier(input.dossierId, { latest: true })).filter((d) => d.code === input.code).map((d) => d.version));
  for (let attempt = 0; attempt < MAX_VERSION_ATTEMPTS; attempt++) {
    const version = latest + 1;
    const _id = new Types.ObjectId();
    const created = await insertIfAbsent(DossierDocumentModel, { ...input, _id, dossierId, version, uploadedBy: new Types.ObjectId(input.uploadedBy) });
    if (created) {
      await noteDocumentWritten(String(_id));
      return { id: String(_id), version };
    }
    const stored = await DossierDocumentModel.findOne({ dossierId, code: input.code }, { version: 1 }).sort({ version: -1 }).lean();
    latest = Math.max(version, stored?.version ?? 0);
  }
  throw new Error(`could not allocate a version of ${input.code} for dossier ${input.dossierId} after ${MAX_VERSION_ATTEMPTS} attempts`);
}
