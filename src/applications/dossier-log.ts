import { Types } from 'mongoose';
import { actorRole, type Actor } from '../auth';
import { insertIfAbsent } from '../db';
import { conflict } from '../errors';
import { ApplicationModel, type ApplicationRecord } from './application.model';
import { GENESIS_HASH, hashEntry } from './audit-chain';
import { NO_DEADLINES, type DossierDeadlines } from './dossier-clock';
import { clearPendingSync, latestEntry, markPendingSync, syncCache, type DossierCache, type LogHead } from './dossier-cache';
import { DossierEventModel, dossierEventId } from './dossier-event.model';
import type { OutboxMessage } from './outbox';
import { dropOutboxMarker, markOutboxPending } from './outbox-markers';

/** A dossier as its log says it is now, and the log head it was read from. */
export interface CurrentDossier {
  dossier: ApplicationRecord;
  head: LogHead;
}

/** Everything a new entry's `after` must carry, taken from the dossier as the log head states it. */
export function cacheOf(dossier: ApplicationRecord): DossierCache {
  return {
    state: dossier.state,
    snapshot: dossier.snapshot,
    deadlines: dossier.deadlines as unknown as DossierDeadlines,
    submittedAt: dossier.submittedAt ? new Date(dossier.submittedAt).toISOString() : undefined,
    decidedAt: dossier.decidedAt ? new Date(dossier.decidedAt).toISOString() : undefined,
    data: dossier.data,
    title: dossier.title,
    industrialComplexCode: dossier.industrialComplexCode ?? null,
    results: dossier.results,
    assigneeId: dossier.assigneeId ? String(dossier.assigneeId) : null,
    ...(dossier.nationalCode ? { nationalCode: dossier.nationalCode } : {}),
  };
}

function withHead(cached: ApplicationRecord, head: LogHead): ApplicationRecord {
  const after = head.after;
  const merged: ApplicationRecord = {
    ...cached,
    state: after.state,
    snapshot: after.snapshot,
    deadlines: after.deadlines as unknown as Record<string, unknown>,
    sequence: head.sequence,
    lastHash: head.hash,
    submittedAt: after.submittedAt ? new Date(after.submittedAt) : cached.submittedAt,
    decidedAt: after.decidedAt ? new Date(after.decidedAt) : cached.decidedAt,
  };
  if (after.data !== undefined) merged.data = after.data;
  if (after.title !== undefined) merged.title = after.title;
  if (after.results !== undefined) merged.results = after.results;
  if (after.industrialComplexCode !== undefined) merged.industrialComplexCode = after.industrialComplexCode ?? undefined;
  if (after.assigneeId !== undefined) merged.assigneeId = after.assigneeId ? new Types.ObjectId(after.assigneeId) : undefined;
  if (after.nationalCode !== undefined) merged.nationalCode = after.nationalCode;
  return merged;
}

/**
 * Reads a dossier as its log head says it is (catching the cache up if a crash left it behind), so every
 * check (may this event, edit or upload happen) judges the truth, never a lagging cache.
 */
export async function currentDossier(dossierId: string): Promise<CurrentDossier | undefined> {
  if (!Types.ObjectId.isValid(dossierId)) return undefined;
  const cached = await ApplicationModel.findById(dossierId).lean<ApplicationRecord>();
  if (!cached) return undefined;
  const newest = await latestEntry(dossierId, cached.sequence);
  if (cached.sequence > 0 && !newest) throw new Error(`dossier ${dossierId}: log entry ${cached.sequence} is missing`);
  if (newest && newest.sequence > cached.sequence) await syncCache(dossierId, newest);
  const head: LogHead = newest ?? { sequence: 0, hash: GENESIS_HASH, after: { ...cacheOf(cached), state: 'draft', deadlines: NO_DEADLINES } };
  return { dossier: withHead(cached, head), head };
}

export interface NewEntry {
  actor: Actor;
  /** The validated event as the log stores it (a workflow event, or a data edit or assignment). */
  event: Record<string, unknown> & { type: string; at: string };
  from: string;
  to: string;
  comment?: string;
  after: DossierCache;
  outbox: OutboxMessage[];
}

function actorRecord(actor: Actor) {
  return actor.kind === 'user'
    ? { kind: 'user', userId: actor.userId, name: actor.name, role: actor.role }
    : { kind: 'system', name: actor.name, role: actorRole(actor) };
}

/**
 * Appends one entry after `head`: the `<dossier>:<sequence>` insert is the lock (a racing writer gets 409),
 * then the cache sync, the dossier document's only writer. A pending-sync marker covers a crash in between.
 */
export async function appendEntry(dossierId: string, head: LogHead, entry: NewEntry): Promise<{ sequence: number; entryId: string; hash: string }> {
  const sequence = head.sequence + 1;
  const entryId = dossierEventId(dossierId, sequence);
  const content = { _id: entryId, dossierId, sequence, event: entry.event, actor: actorRecord(entry.actor), from: entry.from, to: entry.to, at: entry.event.at, comment: entry.comment, after: entry.after, outbox: entry.outbox };
  const hash = hashEntry(content, head.hash);
  const marker = await markPendingSync(dossierId, entryId);
  const outboxMarker = entry.outbox.length > 0 ? await markOutboxPending(entryId) : undefined;
  const inserted = await insertIfAbsent(DossierEventModel, { ...content, prevHash: head.hash, hash });
  if (!inserted) {
    clearPendingSync(marker);
    if (outboxMarker) dropOutboxMarker(outboxMarker);
    throw conflict('Another change to this dossier was saved first. Reload it and try again.', { sequence });
  }
  await syncCache(dossierId, { sequence, hash, after: entry.after });
  clearPendingSync(marker);
  return { sequence, entryId, hash };
}
