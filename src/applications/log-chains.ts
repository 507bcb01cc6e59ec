import type { mongo } from 'mongoose';
import { ApplicationModel } from './application.model';
import { findBrokenLink, hashedContent, type StoredLogEntry } from './audit-chain';
import { DossierEventModel } from './dossier-event.model';

export interface BrokenChain {
  dossierId: string;
  reason: string;
}

export interface LogChainReport {
  dossiers: number;
  entries: number;
  broken: BrokenChain[];
}

/**
 * Checks every dossier's audit chain in a database given by the caller (a copy being verified, not the app's
 * connection), by the rule `dossierHistory` applies: entries 1…n in order, each linked to the one before and
 * hashing to its stored hash; and the log reaches at least the sequence the dossier document caches.
 * Entries are read sorted by `_id` ("<dossier>:<padded seq>"), so each dossier's log arrives whole and in order
 * and only one dossier is held at a time; MongoDB serves that sort from the `_id` index.
 */
export async function checkLogChains(db: mongo.Db): Promise<LogChainReport> {
  const cachedSequence = new Map<string, number>();
  const dossiers = db.collection(ApplicationModel.collection.collectionName).find({}, { projection: { sequence: 1 } });
  for await (const dossier of dossiers) cachedSequence.set(String(dossier._id), Number(dossier.sequence ?? 0));

  const broken: BrokenChain[] = [];
  const seen = new Set<string>();
  let entries = 0;
  let current: { dossierId: string; log: StoredLogEntry[] } | undefined;
  const judge = () => {
    if (!current) return;
    const { dossierId, log } = current;
    seen.add(dossierId);
    const at = findBrokenLink(log.map((e) => ({ sequence: e.sequence, prevHash: e.prevHash, hash: e.hash, content: hashedContent(e) })));
    const cached = cachedSequence.get(dossierId) ?? 0;
    if (at !== undefined) broken.push({ dossierId, reason: `chain broken at entry ${at}` });
    else if (log.length < cached) broken.push({ dossierId, reason: `log ends at entry ${log.length}, the dossier caches entry ${cached}` });
  };
  const log = db.collection<StoredLogEntry>(DossierEventModel.collection.collectionName).find({}, { sort: { _id: 1 } });
  for await (const entry of log) {
    entries++;
    const dossierId = entry._id.slice(0, entry._id.lastIndexOf(':'));
    if (current?.dossierId !== dossierId) {
      judge();
      current = { dossierId, log: [] };
    }
    current.log.push(entry);
  }
  judge();
  for (const [dossierId, cached] of cachedSequence) {
    if (cached > 0 && !seen.has(dossierId)) broken.push({ dossierId, reason: `no log entries, the dossier caches entry ${cached}` });
  }
  return { dossiers: cachedSequence.size, entries, broken };
}
