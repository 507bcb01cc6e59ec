import { copyCollection, listCollections } from './collections';
import { connectEndpoint, CopyRefusedError, isReplicaSet, refuseSameDatabase, type Endpoint } from './endpoints';
import { createIndexes, listedIndexes, mergeIndexes, schemaIndexes, type IndexSpec } from './indexes';
import { countAll, verifyCopy as verifyDatabases, type Verification } from './verify';

export interface CopyOptions {
  /** Source and target URIs, each naming its database. */
  from: string;
  to: string;
  /** Drop target collections that already hold documents instead of refusing. */
  replace?: boolean;
  /** Allow a target that is not a replica set (tests; production needs one). */
  allowStandalone?: boolean;
  /** Check and plan only; write nothing. */
  dryRun?: boolean;
  batchSize?: number;
  log?: (line: string) => void;
}

export interface CopyReport {
  dryRun: boolean;
  plan: { collection: string; documents: number }[];
  indexes: IndexSpec[];
  warnings: string[];
  /** Absent on a dry run. */
  verification?: Verification;
  ok: boolean;
}

interface Prepared {
  collections: string[];
  counts: Map<string, number>;
  indexes: IndexSpec[];
}

/** Every collection the source lists, plus those only the schemas know (so their unique keys exist too). */
async function prepare(source: Endpoint): Promise<Prepared> {
  const fromSchemas = schemaIndexes();
  const listed = await listCollections(source.db);
  const collections = [...new Set([...listed, ...fromSchemas.map((spec) => spec.collection)])].sort();
  const fromSource = (await Promise.all(listed.map((collection) => listedIndexes(source.db, collection)))).flat();
  return { collections, counts: await countAll(source.db, collections), indexes: mergeIndexes(fromSource, fromSchemas) };
}

async function withEndpoints<T>(options: Pick<CopyOptions, 'from' | 'to'>, run: (source: Endpoint, target: Endpoint) => Promise<T>): Promise<T> {
  const source = await connectEndpoint('source', options.from);
  try {
    const target = await connectEndpoint('target', options.to);
    try {
      await refuseSameDatabase(source, target, options);
      return await run(source, target);
    } finally {
      await target.client.close();
    }
  } finally {
    await source.client.close();
  }
}

/**
 * Copies a whole database (documents with their `_id`s and BSON types, then every index) into an empty
 * target, then verifies it. Refusals (unreachable, same database, not a replica set, target not empty) throw
 * CopyRefusedError before anything is written.
 */
export async function copyDatabase(options: CopyOptions): Promise<CopyReport> {
  const log = options.log ?? (() => undefined);
  return withEndpoints(options, async (source, target) => {
    const warnings: string[] = [];
    if (!(await isReplicaSet(target))) {
      const message = `The target at ${target.shown} is not a replica set; production needs one (see the README, "Production deployment").`;
      if (!options.allowStandalone) throw new CopyRefusedError(`${message} Pass --allow-standalone to copy into it anyway (for testing).`);
      warnings.push(message);
      log(`warning: ${message}`);
    }
    const { collections, counts, indexes } = await prepare(source);
    const targetCounts = await countAll(target.db, collections);
    const occupied = collections.filter((collection) => (targetCounts.get(collection) ?? 0) > 0);
    if (occupied.length > 0 && !options.replace) {
      const listed = occupied.map((collection) => `${collection} (${targetCounts.get(collection)} documents)`).join(', ');
      throw new CopyRefusedError(`The target database ${target.db.databaseName} is not empty: ${listed}. Copy into an empty database, or pass --replace to drop these target collections first.`);
    }
    const plan = collections.map((collection) => ({ collection, documents: counts.get(collection) ?? 0 }));
    for (const step of plan) log(`${options.dryRun ? 'would copy' : 'to copy'} ${step.collection}: ${step.documents} documents`);
    log(`${indexes.length} indexes (${indexes.filter((spec) => spec.unique).length} unique) from the source and the schemas`);
    if (options.dryRun) return { dryRun: true, plan, indexes, warnings, ok: true };

    const existing = new Set(await listCollections(target.db));
    for (const collection of collections) {
      if (existing.has(collection) && options.replace) {
        await target.db.collection(collection).drop();
        existing.delete(collection);
        if (occupied.includes(collection)) log(`dropped ${collection} in the target (--replace)`);
      }
      // Created even when empty, so the collection and its indexes are there before the app's first write.
      if (!existing.has(collection)) await target.db.createCollection(collection);
      const started = performance.now();
      const copied = await copyCollection(source.db, target.db, collection, {
        batchSize: options.batchSize ?? 1000,
        total: counts.get(collection) ?? 0,
        progress: (p) => log(`  ${p.collection}: ${p.copied} of ${p.total} documents (${p.perSecond}/s)`),
      });
      log(`copied ${collection}: ${copied} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    await createIndexes(target.db, indexes);
    log(`created ${indexes.length} indexes`);
    log('verifying …');
    const verification = await verifyDatabases(source.db, target.db, collections, indexes);
    return { dryRun: false, plan, indexes, warnings, verification, ok: verification.ok };
  });
}

/** Verifies an earlier copy (counts, digests, indexes, audit chains) without writing anything. */
export async function verifyCopy(options: Pick<CopyOptions, 'from' | 'to'>): Promise<Verification> {
  return withEndpoints(options, async (source, target) => {
    const { collections, indexes } = await prepare(source);
    return verifyDatabases(source.db, target.db, collections, indexes);
  });
}
