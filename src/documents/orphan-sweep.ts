import { opendir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { trusted } from 'mongoose';
import { DossierDocumentModel } from './document.model';
import type { BlobStore } from './storage/blob-store';

/** Longer than any upload takes between storing the file and inserting its record. */
export const DEFAULT_ORPHAN_GRACE_MS = 6 * 60 * 60 * 1000;
const LOOKUP_BATCH = 500;

export interface OrphanSweepInput {
  store: BlobStore;
  /** Local folders of work in progress (staging, partial writes): stale files there are removed too. */
  scratchDirs?: readonly string[];
  now: Date;
  graceMs?: number;
}

export interface OrphanSweepReport {
  deletedKeys: string[];
  deletedScratchFiles: number;
  /** Records whose stored file is gone: reported, never deleted (the record is the evidence). */
  missingFiles: { documentId: string; dossierId: string; storageKey: string }[];
}

/**
 * Removes stored files no record points at, once they are older than the grace period (a younger one may
 * belong to an upload whose record is being inserted right now), and reports records whose file is missing.
 */
export async function sweepOrphanedDocuments(input: OrphanSweepInput): Promise<OrphanSweepReport> {
  const graceMs = input.graceMs ?? DEFAULT_ORPHAN_GRACE_MS;
  const cutoff = new Date(input.now.getTime() - graceMs);
  const listedAt = new Date();
  const seen = new Set<string>();
  const candidates: string[] = [];
  for await (const object of input.store.list()) {
    seen.add(object.key);
    if (object.lastModified < cutoff) candidates.push(object.key);
  }
  const deletedKeys: string[] = [];
  for (let start = 0; start < candidates.length; start += LOOKUP_BATCH) {
    const batch = candidates.slice(start, start + LOOKUP_BATCH);
    const referenced = new Set(await DossierDocumentModel.distinct('storageKey', { storageKey: trusted({ $in: batch }) }));
    for (const key of batch.filter((k) => !referenced.has(k))) {
      await input.store.delete(key);
      deletedKeys.push(key);
    }
  }
  let deletedScratchFiles = 0;
  for (const dir of input.scratchDirs ?? []) deletedScratchFiles += await removeFilesOlderThan(dir, cutoff);
  return { deletedKeys, deletedScratchFiles, missingFiles: await recordsWithoutFiles(seen, listedAt) };
}

/** Only records older than the listing: a file is stored before its record, so these files were listable. */
async function recordsWithoutFiles(listedKeys: ReadonlySet<string>, listedAt: Date) {
  const missing: OrphanSweepReport['missingFiles'] = [];
  const cursor = DossierDocumentModel.find({ uploadedAt: trusted({ $lt: listedAt }) }, { storageKey: 1, dossierId: 1 }).lean().cursor();
  for await (const record of cursor) {
    if (!listedKeys.has(record.storageKey)) missing.push({ documentId: String(record._id), dossierId: String(record.dossierId), storageKey: record.storageKey });
  }
  return missing;
}

async function removeFilesOlderThan(dir: string, cutoff: Date): Promise<number> {
  let removed = 0;
  let directory;
  try {
    directory = await opendir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  for await (const entry of directory) {
    if (!entry.isFile()) continue;
    const file = path.join(dir, entry.name);
    const info = await stat(file).catch(() => undefined);
    if (info && info.mtime < cutoff) {
      await rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}
