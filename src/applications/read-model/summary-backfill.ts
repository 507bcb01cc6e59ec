import { trusted } from 'mongoose';
import { insertManyIfAbsent } from '../../db';
import { ApplicationModel, type ApplicationRecord } from '../application.model';
import { SUMMARY_IDENTITY, summaryFromRecord, type SummaryIdentity } from './dossier-summary';
import { noteSummariesBulkWrite } from './dossier-directory';
import { DossierSummaryModel } from './dossier-summary.model';
import { reportFactsOf } from './report-facts';

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

const BATCH = 500;

/**
 * Fills in what briefings read (report-facts.ts) on summaries written before it was kept: one pass over
 * the dossier documents, then updates by `_id` of the summaries that lack them and whose dossier has any (the
 * others read as having none). A summary the cache sync rewrote meanwhile has it and is left alone.
 */
export async function fillSummaryReportFacts(): Promise<number> {
  const dossiers = await ApplicationModel.find({}, { type: 1, data: 1, results: 1 }).lean<Pick<ApplicationRecord, '_id' | 'type' | 'data' | 'results'>[]>();
  const updates = dossiers
    .map((dossier) => ({ id: String(dossier._id), report: reportFactsOf(dossier.type, dossier.data, dossier.results) }))
    .filter((update) => Object.keys(update.report).length > 0)
    .map(({ id, report }) => ({ updateOne: { filter: { _id: id, report: trusted({ $exists: false }) }, update: { $set: { report } } } }));
  let changed = 0;
  for (let i = 0; i < updates.length; i += BATCH) changed += (await DossierSummaryModel.bulkWrite(updates.slice(i, i + BATCH), { ordered: false })).modifiedCount;
  if (changed > 0) await noteSummariesBulkWrite();
  return changed;
}
