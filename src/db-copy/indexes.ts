import mongoose, { type mongo } from 'mongoose';

export interface IndexSpec {
  collection: string;
  key: Record<string, mongo.IndexDirection>;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  expireAfterSeconds?: number;
  partialFilterExpression?: Record<string, unknown>;
}

/** The options we carry over; anything else a server reports (v, ns, background …) is its own bookkeeping. */
const CARRIED = ['unique', 'sparse', 'expireAfterSeconds', 'partialFilterExpression'] as const;

const keyOf = (spec: Pick<IndexSpec, 'collection' | 'key'>) => `${spec.collection} ${JSON.stringify(spec.key)}`;
/** The driver's default name: a_1_b_-1. */
const defaultName = (key: IndexSpec['key']) => Object.entries(key).map(([field, order]) => `${field}_${order}`).join('_');

function specFrom(collection: string, key: IndexSpec['key'], options: Record<string, unknown>): IndexSpec {
  const spec: IndexSpec = { collection, key, name: typeof options.name === 'string' ? options.name : defaultName(key) };
  for (const option of CARRIED) if (options[option] !== undefined && options[option] !== false) Object.assign(spec, { [option]: options[option] });
  return spec;
}

/** What the registered mongoose schemas declare (the app's truth: FerretDB drops some options, e.g. sparse). */
export function schemaIndexes(): IndexSpec[] {
  return Object.values(mongoose.models).flatMap((model) =>
    model.schema.indexes().map(([key, options]) => specFrom(model.collection.collectionName, key as IndexSpec['key'], options as Record<string, unknown>)),
  );
}

export async function listedIndexes(db: mongo.Db, collection: string): Promise<IndexSpec[]> {
  const listed = await db.collection(collection).listIndexes().toArray();
  return listed.filter((index) => index.name !== '_id_').map((index) => specFrom(collection, index.key as IndexSpec['key'], index));
}

/**
 * The source's indexes, plus what the schemas declare and the source lacks. Where both know a key, the
 * source's name is kept and the options are joined, so a unique key stays unique whichever side forgot it.
 */
export function mergeIndexes(fromSource: readonly IndexSpec[], fromSchemas: readonly IndexSpec[]): IndexSpec[] {
  const merged = new Map<string, IndexSpec>();
  for (const spec of fromSource) merged.set(keyOf(spec), { ...spec });
  for (const spec of fromSchemas) {
    const held = merged.get(keyOf(spec));
    merged.set(keyOf(spec), held ? { ...spec, ...held, unique: held.unique || spec.unique, sparse: held.sparse || spec.sparse } : { ...spec });
  }
  return [...merged.values()].map((spec) => Object.fromEntries(Object.entries(spec).filter(([, value]) => value !== undefined)) as unknown as IndexSpec);
}

export async function createIndexes(db: mongo.Db, specs: readonly IndexSpec[]): Promise<void> {
  for (const collection of new Set(specs.map((spec) => spec.collection))) {
    const list = specs.filter((spec) => spec.collection === collection);
    await db.collection(collection).createIndexes(list.map(({ collection: _collection, ...index }) => index));
  }
}

/** Expected indexes the target does not have with the same key and uniqueness, described for the report. */
export async function missingIndexes(db: mongo.Db, expected: readonly IndexSpec[]): Promise<string[]> {
  const present = new Map<string, IndexSpec>();
  for (const collection of new Set(expected.map((spec) => spec.collection))) {
    for (const spec of await listedIndexes(db, collection)) present.set(keyOf(spec), spec);
  }
  return expected
    .filter((spec) => Boolean(present.get(keyOf(spec))?.unique) !== Boolean(spec.unique) || !present.has(keyOf(spec)))
    .map((spec) => `${spec.collection}.${spec.name}${spec.unique ? ' (unique)' : ''}`);
}
