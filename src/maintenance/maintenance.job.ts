import type { MongoClient } from 'mongodb';
import { repairPendingSyncs } from '../applications/dossier-cache';
import { dispatchPendingOutbox } from '../applications/outbox-dispatch';
import { pruneSignInAttempts } from '../auth/sign-in-policy';
import { removeExpiredSessions } from '../http/session';
import { scheduleJob, type JobHandler } from '../jobs';
import type { Logger } from '../logging/logger';

export const MAINTENANCE_JOB = 'maintenance';
const EVERY_MS = 10 * 60_000;

/** One run per 10-minute slot: the key names the slot, so instances starting together schedule it once. */
export async function scheduleMaintenance(now: Date): Promise<void> {
  const slot = new Date(Math.ceil(now.getTime() / EVERY_MS) * EVERY_MS);
  await scheduleJob({ key: `${MAINTENANCE_JOB}:${slot.toISOString()}`, name: MAINTENANCE_JOB, dueAt: slot, payload: {} });
}

/**
 * Sweeps what no request cleans up: expired sessions (FerretDB has no TTL index), sign-in attempts older than an hour, dossier caches that lag
 * their log, outbox messages a crash left undelivered, petition changes the PGI missed; refreshes the holiday calendar. Then books the next slot.
 */
export function maintenanceJobHandler(deps: {
  client: MongoClient;
  dbName: string;
  now: () => Date;
  logger: Logger;
  /** Picks up holiday edits made on another instance. */
  refreshCalendar?: () => Promise<unknown>;
  /** Projects petition changes whose PGI listener failed (returns how many contributions it added). */
  projectPetitions?: () => Promise<number>;
}): JobHandler {
  return async () => {
    const now = deps.now();
    const sessions = await removeExpiredSessions(deps.client, now, deps.dbName);
    const signInAttempts = await pruneSignInAttempts(now);
    const caches = await repairPendingSyncs();
    const outbox = await dispatchPendingOutbox();
    await deps.refreshCalendar?.();
    const petitionContributions = (await deps.projectPetitions?.()) ?? 0;
    deps.logger.info({ sessions, signInAttempts, caches, outbox, petitionContributions }, 'maintenance sweep');
    await scheduleMaintenance(new Date(now.getTime() + 1000));
  };
}
