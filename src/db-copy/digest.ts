import { createHash } from 'node:crypto';
import { mongo } from 'mongoose';

/**
 * How documents are read for the copy and the digest: every BSON value stays its own type (an Int32, a Double
 * and a Long of equal value stay three types; Binary keeps its subtype; a regex its flags), so what is written
 * back and what is hashed is exactly what the server holds. Dates, ObjectIds and Decimal128 are objects anyway.
 */
export const EXACT_READ = { promoteValues: false, promoteBuffers: false, promoteLongs: false, bsonRegExp: true } as const;

const { EJSON } = mongo.BSON;
const MODULUS = 2n ** 256n;

/** Canonical extended JSON names every type ({"$numberInt": "1"} vs {"$numberDouble": "1.0"}) and keeps field order. */
const documentHash = (doc: mongo.Document) => createHash('sha256').update(EJSON.stringify(doc, { relaxed: false })).digest('hex');
const idOf = (doc: mongo.Document) => EJSON.stringify(doc._id, { relaxed: false });

export interface CollectionDigest {
  count: number;
  digest: string;
}

/**
 * A digest of a collection's content: the sum of its documents' hashes. A sum does not depend on the order the
 * server returns documents in, so neither side has to sort (FerretDB sorts a whole collection in memory), and
 * the two servers need not agree on how mixed `_id` types order.
 */
export async function collectionDigest(db: mongo.Db, collection: string): Promise<CollectionDigest> {
  let sum = 0n;
  let count = 0;
  for await (const doc of db.collection(collection).find({}, EXACT_READ)) {
    sum = (sum + BigInt(`0x${documentHash(doc)}`)) % MODULUS;
    count++;
  }
  return { count, digest: sum.toString(16).padStart(64, '0') };
}

/** Names up to `limit` documents that differ (only run once the digests disagree: it holds one side's hashes). */
export async function differingDocuments(source: mongo.Db, target: mongo.Db, collection: string, limit = 5): Promise<string[]> {
  const expected = new Map<string, string>();
  for await (const doc of source.collection(collection).find({}, EXACT_READ)) expected.set(idOf(doc), documentHash(doc));
  const found: string[] = [];
  for await (const doc of target.collection(collection).find({}, EXACT_READ)) {
    const id = idOf(doc);
    const hash = expected.get(id);
    expected.delete(id);
    if (hash === undefined) found.push(`_id ${id} only in the target`);
    else if (hash !== documentHash(doc)) found.push(`_id ${id} differs`);
  }
  for (const id of expected.keys()) found.push(`_id ${id} missing from the target`);
  return found.slice(0, limit);
}
