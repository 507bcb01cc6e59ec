import type { Readable } from 'node:stream';

export interface StoredObject {
  key: string;
  lastModified: Date;
}

/**
 * Where document bytes live, addressed by opaque random keys (never by a user's file name). Local disk
 * today; an S3-compatible bucket implements the same four operations (PutObject, GetObject, DeleteObject,
 * ListObjectsV2) later.
 */
export interface BlobStore {
  /** Stores the whole stream under `key`; the object becomes visible only once it is complete. */
  put(key: string, content: Readable): Promise<void>;
  /** Opens the object for reading; rejects with BlobNotFoundError when it does not exist. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing one that is already gone is not an error. */
  delete(key: string): Promise<void>;
  list(): AsyncIterable<StoredObject>;
}

export class BlobNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`stored object ${key} does not exist`);
    this.name = 'BlobNotFoundError';
  }
}

/** Keys are ours (UUIDs), but a store still refuses anything that could name a path outside itself. */
export function assertSafeKey(key: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(key)) throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
}
