import type { PersistedWorkflowSnapshot } from '../../workflows/evaluate';
import type { WorkflowState } from '../../workflows/workflow-types';
import { ApplicationModel } from './application.model';
import type { DossierDeadlines } from './dossier-clock';
import { DossierEventModel, dossierEventId } from './dossier-event.model';

/** Everything the dossier document caches from its latest log entry. */
export interface DossierCache {
  state: WorkflowState;
  snapshot: PersistedWorkflowSnapshot;
  deadlines: DossierDeadlines;
  submittedAt?: string;
  decidedAt?: string;
}

export interface LogHead {
  sequence: number;
  hash: string;
  after: DossierCache;
}

export async function entryAt(dossierId: string, sequence: number): Promise<LogHead | undefined> {
  const entry = await DossierEventModel.findById(dossierEventId(dossierId, sequence), { sequence: 1, hash: 1, after: 1 }).lean();
  return entry ? { sequence: entry.sequence, hash: entry.hash, after: entry.after as DossierCache } : undefined;
}

/**
 * The newest log entry, found by probing `_id`s forward from a known sequence (the dossier's cached one).
 * Only `_id` equality is index-served on FerretDB, so this stays fast however long the log grows.
 */
export async function latestEntry(dossierId: string, knownSequence = 0, known?: LogHead): Promise<LogHead | undefined> {
  // A caller that already holds the entry at knownSequence (it just wrote it) spares its re-read.
  let head = known ?? (knownSequence > 0 ? await entryAt(dossierId, knownSequence) : undefined);
  for (let sequence = knownSequence + 1; ; sequence++) {
    const next = await entryAt(dossierId, sequence);
    if (!next) return head;
    head = next;
  }
}

async function writeCache(dossierId: string, head: LogHead): Promise<void> {
  const { state, snapshot, deadlines, submittedAt, decidedAt } = head.after;
  await ApplicationModel.updateOne(
    { _id: dossierId },
    { $set: { state, snapshot, deadlines, submittedAt, decidedAt, sequence: head.sequence, lastHash: head.hash } },
  );
}

/**
 * Makes the dossier document reflect its log. Two writers may finish their cache writes out of order, so
 * after writing we read the log's head again and repeat until the cache holds the head: whoever writes last
 * has checked that what it wrote is the newest. A crash between the log insert and this write loses nothing:
 * the next reader (or the repair sweep) calls this again.
 */
export async function syncCache(dossierId: string, written: LogHead): Promise<LogHead> {
  let head = written;
  for (let attempt = 0; attempt < 20; attempt++) {
    await writeCache(dossierId, head);
    const newest = await latestEntry(dossierId, head.sequence, head);
    if (!newest || newest.sequence === head.sequence) return head;
    head = newest;
  }
  return head;
}

/** For the repair sweep: dossiers whose cache lags behind their log. */
export async function repairLaggingCaches(): Promise<number> {
  let repaired = 0;
  const dossiers = await ApplicationModel.find({}, { sequence: 1 }).lean();
  for (const dossier of dossiers) {
    const head = await latestEntry(String(dossier._id), dossier.sequence);
    if (head && head.sequence > dossier.sequence) {
      await syncCache(String(dossier._id), head);
      repaired++;
    }
  }
  return repaired;
}
