import { insertManyIfAbsent } from '../../db';
import { ApplicationModel, type ApplicationRecord } from '../application.model';
import { SUMMARY_IDENTITY, summaryFromRecord, type SummaryIdentity } from './dossier-summary';
import { noteSummariesBulkWrite } from './dossier-directory';
import { DossierSummaryModel } from './dossier-summary.model';

type BackfillRecord = SummaryIdentity & Pick<ApplicationRecord, '_id' | 'state' | 'sequence' | 'deadlines' | 'submittedAt' | 'decidedAt'>;
const FIELDS = { ...SUMMARY_IDENTITY, state: 1, sequence: 1, deadlines: 1, submittedAt: 1, decidedAt: 1 } as const;

/**
 * Writes the summary of every dossier that has none (an installation from before the read model), in bulk:
 * one pass over the dossier documents, inserts by `_id` that never overwrite a summary the cache sync wrote
 * meanwhile, and no change notes (every instance loads the summaries whole when it starts). Caches that lag
 * their log are the pending-sync repair's work, which runs before this at start.
 */
export async function backfillDossierSummaries(): Promise<number> {
  const dossiers = await ApplicationModel.find({}, FIELDS).lean<BackfillRecord[]>();
  const inserted = await insertManyIfAbsent(DossierSummaryModel.collection, dossiers.map(summaryFromRecord));
  // Instances already running (and this one) reload, since a bulk insert leaves no note per summary.
  if (inserted > 0) await noteSummariesBulkWrite();
  return inserted;
}
