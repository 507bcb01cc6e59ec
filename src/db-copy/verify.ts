import type { mongo } from 'mongoose';
import { checkLogChains, type LogChainReport } from '../applications';
import { countDocuments, listCollections } from './collections';
import { collectionDigest, differingDocuments } from './digest';
import { missingIndexes, type IndexSpec } from './indexes';

export interface CollectionCheck {
  collection: string;
  sourceCount: number;
  targetCount: number;
  sourceDigest: string;
  targetDigest: string;
  /** Up to five documents that differ, named by `_id`, when the digests disagree. */
  differences: string[];
}

export interface Verification {
  ok: boolean;
  collections: CollectionCheck[];
  missingIndexes: string[];
  chains: LogChainReport;
  /** Target collections the source does not have: not copied, but the app would see them. */
  extraCollections: string[];
  /** One line per thing that differs; empty when the copy matches. */
  problems: string[];
}

/** Compares every collection (count and content digest), the indexes, and the target's audit chains. */
export async function verifyCopy(source: mongo.Db, target: mongo.Db, collections: readonly string[], expectedIndexes: readonly IndexSpec[]): Promise<Verification> {
  const checks: CollectionCheck[] = [];
  for (const collection of collections) {
    // Both sides at once: each is a full read of the collection on its own server.
    const [from, to] = await Promise.all([collectionDigest(source, collection), collectionDigest(target, collection)]);
    const differences = from.digest === to.digest ? [] : await differingDocuments(source, target, collection);
    checks.push({ collection, sourceCount: from.count, targetCount: to.count, sourceDigest: from.digest, targetDigest: to.digest, differences });
  }
  const missing = await missingIndexes(target, expectedIndexes);
  const chains = await checkLogChains(target);
  const targetCollections = await listCollections(target);
  const extraCollections = targetCollections.filter((name) => !collections.includes(name));

  const problems: string[] = [];
  for (const check of checks) {
    if (check.sourceCount !== check.targetCount) problems.push(`${check.collection}: ${check.sourceCount} documents in the source, ${check.targetCount} in the target`);
    else if (check.sourceDigest !== check.targetDigest) problems.push(`${check.collection}: content differs (${check.differences.join('; ')})`);
  }
  for (const index of missing) problems.push(`index missing on the target: ${index}`);
  // Identical content means the source's chain is broken the same way: the copy is faithful, the data is not.
  const logsIdentical = checks.every((c) => c.sourceDigest === c.targetDigest);
  for (const broken of chains.broken) problems.push(`audit chain of dossier ${broken.dossierId}: ${broken.reason}${logsIdentical ? ' (the same in the source)' : ''}`);
  return { ok: problems.length === 0, collections: checks, missingIndexes: missing, chains, extraCollections, problems };
}

/** Each collection's count, for the plan and the emptiness check. */
export async function countAll(db: mongo.Db, collections: readonly string[]): Promise<Map<string, number>> {
  const present = new Set(await listCollections(db));
  const counts = new Map<string, number>();
  for (const collection of collections) counts.set(collection, present.has(collection) ? await countDocuments(db, collection) : 0);
  return counts;
}
