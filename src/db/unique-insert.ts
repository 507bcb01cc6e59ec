import mongoose from 'mongoose';
import type { Collection, Document } from 'mongodb';
/**
 * The one atomic primitive on both FerretDB 1.24 and MongoDB 7: an insert that hits a unique key.
 * FerretDB checks an update's filter in a separate read, so conditional updates, findOneAndUpdate and $inc
 * are NOT atomic there; every lock, claim, sequence and "exactly once" is built on this function instead.
 */
export const DUPLICATE_KEY = 11000;

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}

/**
 * Inserts `doc` (validated, with schema defaults); returns true if this call created it, false if a document
 * with that unique key already existed. Other errors propagate.
 */
/** Any mongoose model: structurally, something we can construct from a plain object and save. */
type SavableModel = new (doc: Record<string, unknown>) => { save(): Promise<unknown> };

export async function insertIfAbsent(model: SavableModel, doc: Record<string, unknown>): Promise<boolean> {
  try {
    await new model(doc).save();
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/**
 * Many inserts by unique key, unordered: each document is created or found already there, independently (the
 * same guarantee as insertIfAbsent, one round trip per batch). Documents go through the driver as given, so pass
 * them already shaped as the schema stores them. Returns how many this call created; other errors propagate.
 */
export async function insertManyIfAbsent(collection: Collection<Document>, docs: readonly Document[], batchSize = 1000): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < docs.length; start += batchSize) {
    const batch = docs.slice(start, start + batchSize);
    try {
      inserted += (await collection.insertMany([...batch], { ordered: false })).insertedCount;
    } catch (error) {
      if (!(error instanceof mongoose.mongo.MongoBulkWriteError)) throw error;
      const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
      if (errors.some((e) => e.code !== DUPLICATE_KEY)) throw error;
      inserted += error.insertedCount;
    }
  }
  return inserted;
}
