import { runOneTimePasses, type OneTimePass } from '../../db';
import { dispatchEveryOutbox } from '../outbox-dispatch';
import { dossierDirectory } from './dossier-directory';
import { backfillDossierSummaries, fillSummaryReportFacts } from './summary-backfill';

/**
 * One-time passes over history, each run once per installation (its key is inserted when it is done):
 * - the dossier summaries, built from the dossier documents in bulk; a new summary field needs its own pass
 *   (v1 only fills in missing summaries, v2 what briefings read);
 * - outbox delivery for entries logged before the pending-outbox markers existed.
 * Two instances starting together may both run a pass; every write in them is idempotent.
 */
const UPGRADES: readonly OneTimePass[] = [
  { key: 'dossier-summaries:v1', run: backfillDossierSummaries },
  { key: 'outbox-markers:v1', run: () => dispatchEveryOutbox() },
  { key: 'dossier-summaries:v2-report', run: fillSummaryReportFacts },
];

/** Run at start, before the app reports ready: pending upgrades, then the in-memory directory is loaded. */
export async function startDossierReadModel(log: (fields: Record<string, unknown>, message: string) => void): Promise<{ dossiers: number }> {
  await runOneTimePasses(UPGRADES, log);
  const directory = await dossierDirectory();
  return { dossiers: directory.size };
}
