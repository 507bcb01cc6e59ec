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
