import type { JobHandler } from '../jobs';
import { scheduleJob } from '../jobs';
import type { Logger } from '../logging/logger';
import { sweepOrphanedDocuments } from './orphan-sweep';
import type { UploadSettings } from './upload-settings';

export const DOCUMENT_SWEEP_JOB = 'documents.orphan-sweep';
const DAY_MS = 24 * 60 * 60 * 1000;

/** One sweep per UTC day, keyed by the day: scheduling it again (each start, each instance) changes nothing. */
export async function scheduleDocumentSweep(dueAt: Date): Promise<void> {
  const day = dueAt.toISOString().slice(0, 10);
  await scheduleJob({ key: `${DOCUMENT_SWEEP_JOB}:${day}`, name: DOCUMENT_SWEEP_JOB, dueAt });
}

/**
 * The scheduler's handler: sweeps orphans, logs files missing behind records, and schedules tomorrow's
 * sweep. Deleting an already-deleted orphan is harmless, so a re-run after a lost lease is safe.
 */
export function documentSweepJobHandler(deps: {
  uploads: Pick<UploadSettings, 'store' | 'scratchDirs'>;
  now: () => Date;
  logger?: Pick<Logger, 'info' | 'warn'>;
  graceMs?: number;
}): JobHandler {
  return async () => {
    const now = deps.now();
    const report = await sweepOrphanedDocuments({ store: deps.uploads.store, scratchDirs: deps.uploads.scratchDirs, now, graceMs: deps.graceMs });
    deps.logger?.info({ deleted: report.deletedKeys.length, scratch: report.deletedScratchFiles }, 'document orphan sweep done');
    if (report.missingFiles.length > 0) deps.logger?.warn({ missingFiles: report.missingFiles }, 'document records whose stored file is missing');
    await scheduleDocumentSweep(new Date(now.getTime() + DAY_MS));
  };
}
