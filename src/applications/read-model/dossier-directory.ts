import { PROCESSING_STATES } from '../../../workflows/workflow-types';
import { LiveDirectory } from '../../db';
import { DossierSummaryModel, type DossierSummary } from './dossier-summary.model';

/**
 * Every dossier's summary in memory (src/db/live-directory.ts): the read model behind queues, lists, lookups
 * and statistics. Summaries are small (~400 bytes against ~7 KB for a dossier document with its data and
 * snapshot), so loading them once per process is cheap; the sequence of the log entry a summary reflects
 * orders its versions.
 */
const isProcessing = (state: string) => (PROCESSING_STATES as readonly string[]).includes(state);

export class DossierDirectory extends LiveDirectory<DossierSummary> {
  constructor(options: { maxStalenessMs: number }) {
    super(
      {
        name: 'dossiers',
        loadAll: () => DossierSummaryModel.find({}).lean<DossierSummary[]>(),
        readOne: (id) => DossierSummaryModel.findById(id).lean<DossierSummary>(),
        keyOf: (summary) => summary._id,
        versionOf: (summary) => summary.sequence,
        lookups: { code: (summary) => summary.code, nationalCode: (summary) => summary.nationalCode },
        // Lists start from the smallest group that holds every dossier they may show (dossier-reads.ts).
        groups: {
          organization: (summary) => String(summary.organizationId),
          phase: (summary) => (isProcessing(summary.state) ? 'open' : 'closed'),
          state: (summary) => summary.state,
        },
      },
      options,
    );
  }

  /** By the reference given at creation or by the national code given at receipt: both keep resolving. */
  idOfCode(code: string): string | undefined {
    return (this.find('code', code) ?? this.find('nationalCode', code))?._id;
  }
}

let directory = new DossierDirectory({ maxStalenessMs: 1000 });

/** The process's directory, up to date within its staleness bound. */
export const dossierDirectory = (): Promise<DossierDirectory> => directory.fresh();

/** For start-up and tests (a bound of 0 makes every read poll). */
export function configureDossierDirectory(options: { maxStalenessMs: number }): DossierDirectory {
  directory = new DossierDirectory(options);
  return directory;
}

/** The one writer of summaries: the cache sync, after it wrote the dossier document from the same entry. */
export async function writeSummary(summary: DossierSummary): Promise<void> {
  await DossierSummaryModel.replaceOne({ _id: summary._id }, summary, { upsert: true });
  await directory.noteWritten(summary);
}

/** After summaries were written in bulk (the backfill): every instance reloads them. */
export const noteSummariesBulkWrite = () => directory.noteBulkWrite();
