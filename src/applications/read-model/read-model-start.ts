import { Schema, model } from 'mongoose';
import { insertIfAbsent } from '../../db';
import { dispatchEveryOutbox } from '../outbox-dispatch';
import { dossierDirectory } from './dossier-directory';
import { backfillDossierSummaries, fillSummaryFigures } from './summary-backfill';

const UpgradeModel = model('ReadModelUpgrade', new Schema({ _id: String, doneAt: Date }, { versionKey: false, collection: 'read_model_upgrades' }));

/**
 * One-time passes over history, each run once per installation (its key is inserted when it is done):
 * - the dossier summaries, built from the dossier documents in bulk; a new summary field needs its own pass
 *   (v1 only fills in missing summaries, v2 the briefing figures);
 * - outbox delivery for entries logged before the pending-outbox markers existed.
 * Two instances starting together may both run a pass; every write in them is idempotent.
 */
const UPGRADES: readonly { key: string; run: () => Promise<number> }[] = [
  { key: 'dossier-summaries:v1', run: backfillDossierSummaries },
  { key: 'outbox-markers:v1', run: () => dispatchEveryOutbox() },
  { key: 'dossier-summaries:v2-figures', run: fillSummaryFigures },
];

/** Run at start, before the app reports ready: pending upgrades, then the in-memory directory is loaded. */
export async function startDossierReadModel(log: (fields: Record<string, unknown>, message: string) => void): Promise<{ dossiers: number }> {
  for (const upgrade of UPGRADES) {
    if (await UpgradeModel.exists({ _id: upgrade.key })) continue;
    const started = performance.now();
    const changed = await upgrade.run();
    await insertIfAbsent(UpgradeModel, { _id: upgrade.key, doneAt: new Date() });
    log({ upgrade: upgrade.key, changed, ms: Math.round(performance.now() - started) }, 'one-time pass over history done');
  }
  const directory = await dossierDirectory();
  return { dossiers: directory.size };
}
