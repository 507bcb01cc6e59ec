import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The hash of the entry before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Each log entry's hash covers its content and the previous entry's hash: changing, removing or reordering
 * any entry breaks every hash after it (a tamper-evident audit chain).
 */
export function hashEntry(content: Record<string, unknown>, prevHash: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/** A log entry as stored: what was hashed, plus the two hashes and the fields the store turns into objects. */
export type StoredLogEntry = Record<string, unknown> & { _id: string; sequence: number; prevHash: string; hash: string; at: Date; dossierId: unknown };

/** Rebuilds exactly the content that was hashed when the entry was inserted (the store gives back a Date and an ObjectId). */
export function hashedContent(entry: StoredLogEntry): Record<string, unknown> {
  const { prevHash: _prevHash, hash: _hash, ...content } = entry;
  return { ...content, dossierId: String(entry.dossierId), at: entry.at.toISOString() };
}

export interface ChainedEntry {
  sequence: number;
  prevHash: string;
  hash: string;
  content: Record<string, unknown>;
}

/** Returns the sequence number of the first broken link, or undefined when the chain is intact. */
export function findBrokenLink(entries: readonly ChainedEntry[]): number | undefined {
  let expectedPrev = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    if (entry.sequence !== index + 1 || entry.prevHash !== expectedPrev || hashEntry(entry.content, entry.prevHash) !== entry.hash) {
      return entry.sequence;
    }
    expectedPrev = entry.hash;
  }
  return undefined;
}
