import type { mongo } from 'mongoose';
import { EXACT_READ } from './digest';

/** The collections a server holds, as it lists them (views and system collections are not data to copy). */
export async function listCollections(db: mongo.Db): Promise<string[]> {
  const listed = await db.listCollections({}, { nameOnly: false }).toArray();
  return listed
    .filter((c) => (c.type ?? 'collection') === 'collection' && !c.name.startsWith('system.'))
    .map((c) => c.name)
    .sort();
}

export const countDocuments = (db: mongo.Db, collection: string) => db.collection(collection).countDocuments({});

export interface CopyProgress {
  collection: string;
  copied: number;
  total: number;
  perSecond: number;
}

/**
 * Copies every document in batches with unordered inserts (the server takes a batch in one round trip and the
 * target is empty, so no insert can conflict). `_id`s and types are kept: the documents are written back as
 * they were read (EXACT_READ), and the driver adds no `_id` to a document that has one. `majority` so that
 * what the report counts survives a failover of the new replica set.
 */
export async function copyCollection(source: mongo.Db, target: mongo.Db, collection: string, options: { batchSize: number; total: number; progress: (p: CopyProgress) => void }): Promise<number> {
  const started = performance.now();
  const into = target.collection(collection);
  let batch: mongo.Document[] = [];
  let copied = 0;
  let reportedAt = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await into.insertMany(batch, { ordered: false, bypassDocumentValidation: true, writeConcern: { w: 'majority' } });
    copied += result.insertedCount;
    batch = [];
    const now = performance.now();
    if (now - reportedAt > 1000 || copied === options.total) {
      reportedAt = now;
      options.progress({ collection, copied, total: options.total, perSecond: Math.round(copied / Math.max(0.001, (now - started) / 1000)) });
    }
  };
  for await (const doc of source.collection(collection).find({}, { ...EXACT_READ, batchSize: options.batchSize })) {
    batch.push(doc);
    if (batch.length >= options.batchSize) await flush();
  }
  await flush();
  return copied;
}
