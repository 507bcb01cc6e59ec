import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Types } from 'mongoose';
import { recordAudit } from '../audit';
import type { Actor } from '../auth';
import { AppError } from '../errors';
import { openFileSource } from './content/byte-source';
import { MEDIA_KINDS, type MediaKind } from './content/media-kinds';
import { sniffContent } from './content/sniff-content';
import { assertCatalogueCode, loadUploadableDossier } from './document-access';
import { documentsOfDossier, noteDocumentRemoved } from './document-directory';
import { DossierDocumentModel } from './document.model';
import { insertNextVersion } from './document-version';
import { sanitizeFileName } from './file-name';
import type { StagedFile } from './storage/staging.storage';
import { badUploadRequest, contentRefused, uploadTooLarge } from './upload-errors';
import type { UploadSettings } from './upload-settings';

export interface UploadedVersion {
  id: string;
  code: string;
  version: number;
  originalName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

interface CheckedFile extends StagedFile {
  kind: MediaKind;
  safeName: string;
}

/** Files for one document of the procedure, by its code. */
export interface UploadPart {
  code: string;
  files: readonly StagedFile[];
}

/**
 * Adds the files as the next versions of one document code. Everything that can refuse the upload (owner,
 * state, code, count, size, quota, content, scanner) runs before the first byte is stored; if storing
 * fails half-way, what this call stored is removed again. The caller removes the staged files.
 */
export async function uploadDocuments(
  actor: Actor,
  input: { dossierId: string; code: string; files: readonly StagedFile[] },
  settings: UploadSettings,
  now: Date,
): Promise<UploadedVersion[]> {
  return uploadDocumentSet(actor, { dossierId: input.dossierId, parts: [{ code: input.code, files: input.files }] }, settings, now);
}

/**
 * Adds files for several documents in one trip, each into its own document (the applicant's page sends one
 * file per row). All or nothing: every part is checked before any is stored, and a failure while storing
 * removes what this call stored.
 */
export async function uploadDocumentSet(
  actor: Actor,
  input: { dossierId: string; parts: readonly UploadPart[] },
  settings: UploadSettings,
  now: Date,
): Promise<UploadedVersion[]> {
  const { dossier, uploaderId } = await loadUploadableDossier(actor, input.dossierId);
  const parts = input.parts.filter((part) => part.files.length > 0);
  for (const part of input.parts) assertCatalogueCode(dossier, part.code);
  const files = parts.flatMap((part) => part.files);
  if (files.length === 0) throw badUploadRequest('missing_file', 'files', 'Attach at least one file in the field "files".');
  if (files.length > settings.maxFilesPerRequest) {
    throw badUploadRequest('too_many_files', 'files', `At most ${settings.maxFilesPerRequest} files per upload.`);
  }
  await assertWithinDossierQuota(input.dossierId, files, settings.maxDossierBytes);
  const checked: { code: string; file: CheckedFile }[] = [];
  for (const part of parts) for (const file of await checkContents(part.code, part.files, settings)) checked.push({ code: part.code, file });

  const stored: { storageKey: string; id?: string }[] = [];
  const versions: UploadedVersion[] = [];
  try {
    for (const { code, file } of checked) {
      const entry: { storageKey: string; id?: string } = { storageKey: randomUUID() };
      stored.push(entry);
      await settings.store.put(entry.storageKey, createReadStream(file.path));
      const mediaType = MEDIA_KINDS[file.kind].mediaType;
      const described = { code, originalName: file.safeName, mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256 };
      const { id, version } = await insertNextVersion({ ...described, dossierId: input.dossierId, storageKey: entry.storageKey, uploadedBy: uploaderId });
      entry.id = id;
      versions.push({ id, version, ...described });
    }
  } catch (error) {
    await undoStored(stored, settings);
    throw error;
  }
  for (const version of versions) {
    await recordAudit({ at: now, actor, action: 'document.uploaded', target: { kind: 'document', id: version.id, label: `${dossier.code}/${version.code} v${version.version}` } });
  }
  return versions;
}

async function assertWithinDossierQuota(dossierId: string, files: readonly StagedFile[], maxDossierBytes: number): Promise<void> {
  const stored = await documentsOfDossier(dossierId, { latest: true });
  const total = stored.reduce((sum, d) => sum + d.sizeBytes, 0) + files.reduce((sum, f) => sum + f.sizeBytes, 0);
  if (total > maxDossierBytes) {
    throw uploadTooLarge('dossier_quota', `The dossier's documents would total ${total} bytes; at most ${maxDossierBytes} bytes per dossier.`);
  }
}

async function checkContents(code: string, files: readonly StagedFile[], settings: UploadSettings): Promise<CheckedFile[]> {
  const checked: CheckedFile[] = [];
  for (const [index, file] of files.entries()) {
    if (file.sizeBytes > settings.maxFileBytes) throw uploadTooLarge('file_too_large', `Each file may have at most ${settings.maxFileBytes} bytes.`);
    const source = await openFileSource(file.path);
    const verdict = await sniffContent(source).finally(() => source.close());
    if (!verdict.ok) throw contentRefused(code, index, verdict.rejection, verdict.detail);
    if (settings.scanner) await scan(code, index, file, settings.scanner);
    checked.push({ ...file, kind: verdict.kind, safeName: sanitizeFileName(file.originalName, verdict.kind) });
  }
  return checked;
}

async function scan(code: string, index: number, file: StagedFile, scanner: NonNullable<UploadSettings['scanner']>): Promise<void> {
  let verdict;
  try {
    verdict = await scanner({ path: file.path, sizeBytes: file.sizeBytes, sha256: file.sha256 });
  } catch (cause) {
    // Fail closed: with a scanner configured, an unscanned file is never stored.
    throw new AppError('unavailable', 'Virus scanner unavailable', { detail: 'The file could not be scanned; try again later.', cause });
  }
  if (verdict !== 'clean') throw contentRefused(code, index, 'infected', 'The virus scanner found malware in the file.');
}

async function undoStored(stored: readonly { storageKey: string; id?: string }[], settings: UploadSettings): Promise<void> {
  for (const { id, storageKey } of stored) {
    if (id) {
      await DossierDocumentModel.deleteOne({ _id: new Types.ObjectId(id) }).catch(() => undefined);
      await noteDocumentRemoved(id).catch(() => undefined);
    }
    await settings.store.delete(storageKey).catch(() => undefined);
  }
}
