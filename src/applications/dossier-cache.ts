import { Schema, model, trusted } from 'mongoose';
import type { PersistedWorkflowSnapshot } from '../../workflows/evaluate';
import type { WorkflowState } from '../../workflows/workflow-types';
import { ApplicationModel, type ApplicationRecord } from './application.model';
import type { DossierDeadlines } from './dossier-clock';
import { DossierEventModel, dossierEventId } from './dossier-event.model';
import { writeSummary } from './read-model/dossier-directory';
import { DossierSummaryModel } from './read-model/dossier-summary.model';
import { SUMMARY_IDENTITY, summaryFromRecord, summaryOf, type SummaryIdentity } from './read-model/dossier-summary';

/**
 * Everything the dossier document caches from its latest log entry. Entries logged before data edits and
 * assignments went through the log lack the last five fields; the document's own values then stand.
 */
export interface DossierCache {
  state: WorkflowState;
  snapshot: PersistedWorkflowSnapshot;
  deadlines: DossierDeadlines;
  submittedAt?: string;
  decidedAt?: string;
  data?: Record<string, unknown>;
  title?: string;
  /** null: cleared. */
  industrialComplexCode?: string | null;
  results?: Record<string, unknown>;
  /** The assigned officer's user id as a string (null: unassigned), so the entry hashes as it is stored. */
  assigneeId?: string | null;
  /** The national dossier code (Circular 01/2018 Art. 19), given at receipt; absent before. */
  nationalCode?: string;
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

/** The document's fields as a log entry's `after` states them; fields an older entry lacks are left alone. */
function cachedFields(head: LogHead): { set: Record<string, unknown>; unset: Record<string, 1> } {
  const { state, snapshot, deadlines, submittedAt, decidedAt, data, title, industrialComplexCode, results, assigneeId, nationalCode } = head.after;
  const set: Record<string, unknown> = { state, snapshot, deadlines, submittedAt, decidedAt, sequence: head.sequence, lastHash: head.hash };
  const unset: Record<string, 1> = {};
  if (data !== undefined) set.data = data;
  if (title !== undefined) set.title = title;
  if (results !== undefined) set.results = results;
  if (industrialComplexCode === null) unset.industrialComplexCode = 1;
  else if (industrialComplexCode !== undefined) set.industrialComplexCode = industrialComplexCode;
  if (assigneeId === null) unset.assigneeId = 1;
  else if (assigneeId !== undefined) set.assigneeId = assigneeId;
  if (nationalCode !== undefined) set.nationalCode = nationalCode;
  return { set, unset };
}

/** The cache sync is the only writer of the dossier document and of its summary (DESIGN: one writer per document). */
async function writeCache(dossierId: string, head: LogHead): Promise<void> {
  const { set, unset } = cachedFields(head);
  // `data` is declared on each type's discriminator, not on the base model, whose strict mode would drop it.
  const dossier = await ApplicationModel.findById(dossierId, SUMMARY_IDENTITY).lean<SummaryIdentity>();
  if (!dossier) return;
  const typedModel = ApplicationModel.discriminators?.[dossier.type] || ApplicationModel;
  await typedModel.updateOne({ _id: dossierId }, { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}) });
  await writeSummary(summaryOf(dossierId, dossier, head));
}

/**
 * Makes the dossier document reflect its log. Two writers may finish their cache writes out of order, so
 * after writing we read the log's head again and repeat until the cache holds the head: whoever writes last
 * has checked that what it wrote is the newest. A crash between the log insert and this write loses nothing:
 * the next reader, or the repair that follows the pending-sync markers, calls this again.
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

/**
 * A pending-sync marker: inserted before a log entry, removed once the cache holds it. A crash in between
 * leaves the marker, so the repair reads these few markers instead of every dossier in history. Each writer
 * keys its own marker (entry id plus a nonce), so a writer that lost the race removes only its own.
 */
const PendingSyncModel = model('PendingSync', new Schema({ _id: String, dossierId: String, at: Date }, { versionKey: false }));

/** Markers younger than this may belong to a write still in flight: the repair syncs them but keeps them. */
const IN_FLIGHT_MS = 60_000;

export async function markPendingSync(dossierId: string, entryId: string): Promise<string> {
  const _id = `${entryId}:${Math.random().toString(36).slice(2, 10)}`;
  // The wall clock, not the event's: back-dated events (demo history, tests) must not look stale.
  await PendingSyncModel.create({ _id, dossierId, at: new Date() });
  return _id;
}

/** Best effort: a marker left behind only costs the next repair one dossier read. */
export function clearPendingSync(markerId: string): void {
  PendingSyncModel.deleteOne({ _id: markerId }).catch(() => undefined);
}

/**
 * Run at start (before the app reports ready) and by the maintenance sweep: every dossier with a marker is
 * caught up with its log, then the settled markers are removed. The cost follows recent writes, not history.
 */
export async function repairPendingSyncs(): Promise<number> {
  const markers = await PendingSyncModel.find({}, { dossierId: 1, at: 1 }).lean();
  let repaired = 0;
  for (const dossierId of new Set(markers.map((m) => m.dossierId).filter((id): id is string => Boolean(id)))) {
    if (await repairDossier(dossierId)) repaired++;
  }
  const settled = markers.filter((m) => !m.at || Date.now() - m.at.getTime() > IN_FLIGHT_MS).map((m) => m._id);
  if (settled.length > 0) await PendingSyncModel.deleteMany({ _id: trusted({ $in: settled }) });
  return repaired;
}

type RepairRecord = SummaryIdentity & Pick<ApplicationRecord, '_id' | 'state' | 'sequence' | 'deadlines' | 'submittedAt' | 'decidedAt'>;
const REPAIR_FIELDS = { ...SUMMARY_IDENTITY, state: 1, sequence: 1, deadlines: 1, submittedAt: 1, decidedAt: 1 } as const;

/** Catches a dossier's document up with its log, and its summary up with the document; true if either lagged. */
async function repairDossier(dossierId: string, known?: RepairRecord): Promise<boolean> {
  const dossier = known ?? (await ApplicationModel.findById(dossierId, REPAIR_FIELDS).lean<RepairRecord>());
  if (!dossier) return false;
  const head = await latestEntry(dossierId, dossier.sequence);
  if (head && head.sequence > dossier.sequence) {
    await syncCache(dossierId, head);
    return true;
  }
  const summary = await DossierSummaryModel.findById(dossierId, { sequence: 1 }).lean();
  if (summary && summary.sequence >= dossier.sequence) return false;
  await writeSummary(summaryFromRecord(dossier));
  return true;
}

/**
 * A full rebuild check (every dossier against its log, every summary against its dossier), for an
 * administrator after a restore from backup, and at start when the summaries were never built.
 */
export async function repairLaggingCaches(): Promise<number> {
  let repaired = 0;
  const dossiers = await ApplicationModel.find({}, REPAIR_FIELDS).lean<RepairRecord[]>();
  for (const dossier of dossiers) if (await repairDossier(String(dossier._id), dossier)) repaired++;
  return repaired;
}
