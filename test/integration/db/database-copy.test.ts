import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import request from 'supertest';
import { configureDossierDirectory } from '../../../src/applications';
import { registerOutboxDeliverer } from '../../../src/applications/outbox-dispatch';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { connectDatabase, ensureIndexes, type DatabaseConnection } from '../../../src/db';
import { copyDatabase, CopyRefusedError, formatVerification, startEmbeddedSource, verifyCopy } from '../../../src/db-copy';
import { schemaIndexes } from '../../../src/db-copy/indexes';
import { onPetitionChange } from '../../../src/dialogue';
import { uploadSettingsFromConfig } from '../../../src/documents';
import { pgiOutboxDeliverer, pgiPetitionListener } from '../../../src/pgi';
import { seedDemo } from '../../../src/seed';
import { seedDemoDossiers } from '../../../src/seed/demo-dossiers';
import { seedDemoHistory } from '../../../src/seed/demo-history';
import { buildTestApp, testConfig } from '../../support/test-app';
import { testDatabaseUri } from '../../support/test-database';

const { EJSON, Long, Int32, Double, Binary, Timestamp, BSONRegExp, ObjectId } = mongoose.mongo.BSON;
const PASSWORD = 'Demo-Password-1';
const OFFICER = 'chuyenvien@demo.haiphong.gov.vn';

/** Values FerretDB 1.24 stores faithfully (it refuses Decimal128, NaN, MinKey and MaxKey, and turns -0.0 into 0.0). */
const TYPED = { _id: 'types', long: Long.fromString('9007199254740993'), int: new Int32(7), double: new Double(1), uuid: new Binary(Buffer.from('0123456789abcdef'), 4), at: new Date(1_700_000_000_123), ts: new Timestamp({ t: 5, i: 1 }), re: new BSONRegExp('^HP-', 'i'), ref: new ObjectId() };

describe('copying an installation into another database (npm run db:copy)', () => {
  const base = testDatabaseUri();
  const names = { source: `test_${randomUUID().slice(0, 8)}_copy_src`, target: `test_${randomUUID().slice(0, 8)}_copy_dst`, dry: `test_${randomUUID().slice(0, 8)}_copy_dry` };
  const from = `${base}${names.source}`;
  const to = `${base}${names.target}`;
  const calendar = DEFAULT_WORKING_CALENDAR;
  const now = () => new Date();
  let database: DatabaseConnection;
  let raw: mongoose.mongo.MongoClient;
  let token: string;
  let dossierId: string;
  let readThrough: (app: ReturnType<typeof buildTestApp>) => Promise<{ dossier: unknown; history: unknown }>;
  let fromSource: { dossier: unknown; history: unknown };

  beforeAll(async () => {
    // A small real installation, made by the app's own services: demo users, organizations and dossiers, then six
    // quarters of decided dossiers (events, documents, certificates), petitions, conferences and PGI figures.
    database = await connectDatabase(base, { dbName: names.source });
    await ensureIndexes();
    registerOutboxDeliverer('project_pgi', pgiOutboxDeliverer({ calendar }));
    const stopListening = onPetitionChange(pgiPetitionListener({ calendar }));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-copy-'));
    const uploads = uploadSettingsFromConfig({ uploadDir: path.join(dir, 'uploads'), maxUploadBytes: 5 * 1024 * 1024 });
    await seedDemo({ demoPassword: PASSWORD, dataDir: dir, isProduction: false });
    await seedDemoDossiers({ now, calendar, uploads });
    await seedDemoHistory({ now, calendar, uploads });
    stopListening();
    await database.connection.db!.collection<typeof TYPED>('bson_types').insertOne(TYPED);

    const app = buildTestApp(database, { now });
    const issued = await request(app).post('/api/v1/auth/tokens').send({ email: OFFICER, password: PASSWORD, name: 'copy test' });
    expect(issued.status).toBe(201);
    token = issued.body.token;
    const list = await request(app).get('/api/v1/applications?pageSize=50').set('Authorization', `Bearer ${token}`);
    dossierId = list.body.items.find((d: { state: string }) => d.state === 'approved')?.id;
    expect(dossierId).toBeDefined();
    readThrough = async (target) => {
      const get = (url: string) => request(target).get(url).set('Authorization', `Bearer ${token}`);
      const [dossier, history] = await Promise.all([get(`/api/v1/applications/${dossierId}`), get(`/api/v1/applications/${dossierId}/history`)]);
      expect([dossier.status, history.status]).toEqual([200, 200]);
      return { dossier: dossier.body, history: history.body };
    };
    fromSource = await readThrough(app);
    raw = new mongoose.mongo.MongoClient(base);
  }, 180_000);

  afterAll(async () => {
    for (const name of Object.values(names)) await raw?.db(name).dropDatabase();
    await raw?.close();
    await database?.close();
  });

  it('when copied into an empty database, then every count, content digest, unique index and audit chain matches', async () => {
    const lines: string[] = [];
    const report = await copyDatabase({ from, to, allowStandalone: true, batchSize: 100, log: (line) => lines.push(line) });
    const table = formatVerification(report.verification!);
    process.stdout.write(`${[...lines.filter((l) => !l.startsWith('  ')), ...table].join('\n')}\n`);

    expect(report.verification!.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.warnings.join()).toMatch(/not a replica set/);
    const checks = new Map(report.verification!.collections.map((c) => [c.collection, c]));
    for (const collection of ['users', 'organizations', 'applications', 'dossierevents', 'dossierdocuments', 'certificates', 'petitions', 'accesstokens', 'pgicontributions', 'bson_types']) {
      expect(checks.get(collection)?.targetCount).toBeGreaterThan(0);
    }
    expect(report.verification!.chains.dossiers).toBeGreaterThanOrEqual(10);
    expect(report.verification!.chains.broken).toEqual([]);

    // Unique keys are the app's locks: each one the schemas declare is on the target, unique.
    const target = raw.db(names.target);
    for (const spec of schemaIndexes().filter((s) => s.unique)) {
      const indexes = await target.collection(spec.collection).listIndexes().toArray();
      expect(indexes.find((i) => JSON.stringify(i.key) === JSON.stringify(spec.key))).toMatchObject({ unique: true });
    }
    // Every BSON type keeps its type, not only its value.
    const copied = await target.collection<typeof TYPED>('bson_types').findOne({ _id: 'types' }, { promoteValues: false, bsonRegExp: true });
    expect(EJSON.stringify(copied, { relaxed: false })).toBe(EJSON.stringify(TYPED, { relaxed: false }));
  }, 120_000);

  it('when run again without --replace, then it refuses the non-empty target and names its collections; a dry run writes nothing', async () => {
    const again = copyDatabase({ from, to, allowStandalone: true });
    await expect(again).rejects.toThrow(CopyRefusedError);
    await expect(copyDatabase({ from, to, allowStandalone: true })).rejects.toThrow(/not empty: .*applications \(\d+ documents\).*--replace/);
    await expect(copyDatabase({ from, to: `${base}${names.dry}` })).rejects.toThrow(/not a replica set.*--allow-standalone/);

    const dry = await copyDatabase({ from, to: `${base}${names.dry}`, allowStandalone: true, dryRun: true });
    expect(dry.plan.find((p) => p.collection === 'dossierevents')?.documents).toBeGreaterThan(0);
    expect(await raw.db(names.dry).listCollections().toArray()).toEqual([]);
    await expect(copyDatabase({ from, to: from.replace('127.0.0.1', 'localhost'), allowStandalone: true })).rejects.toThrow(/same database/);
  }, 120_000);

  it('when the app is started on the copy, then a dossier and its history read through the API exactly as from the source', async () => {
    await database.close();
    database = await connectDatabase(base, { dbName: names.target });
    expect(database.connection.name).toBe(names.target);
    // The in-memory dossier directory would otherwise still hold what it read from the source.
    configureDossierDirectory({ maxStalenessMs: 1000 });
    const fromCopy = await readThrough(buildTestApp(database, { now }));
    expect(fromCopy).toEqual(fromSource);
    expect((fromCopy.history as { chain: { intact: boolean } }).chain.intact).toBe(true);
  }, 60_000);

  it('when a log entry in the copy is altered, then verification fails naming the collection, the entry and the broken chain; --replace copies afresh', async () => {
    const target = raw.db(names.target);
    const entryId = `${dossierId}:000002`;
    await target.collection<{ _id: string }>('dossierevents').updateOne({ _id: entryId }, { $set: { comment: 'altered after the copy' } });

    const verification = await verifyCopy({ from, to });
    process.stdout.write(`${formatVerification(verification).filter((l) => /DIFFERS|BROKEN|RESULT|^ {2}- /.test(l)).join('\n')}\n`);
    expect(verification.ok).toBe(false);
    expect(verification.problems).toContainEqual(expect.stringMatching(new RegExp(`^dossierevents: content differs \\(_id "${entryId}" differs\\)`)));
    expect(verification.problems).toContainEqual(`audit chain of dossier ${dossierId}: chain broken at entry 2`);

    const replaced = await copyDatabase({ from, to, allowStandalone: true, replace: true });
    expect(replaced.ok).toBe(true);
  }, 120_000);

  it('when the app holds the embedded database port, then copying from DATA_DIR refuses and says to stop the app first', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-copy-data-'));
    mkdirSync(path.join(dataDir, 'ferretdb'));
    const holder = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => holder.once('listening', resolve));
    const port = (holder.address() as AddressInfo).port;
    try {
      const config = testConfig({ DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(port) });
      await expect(startEmbeddedSource(config, () => undefined)).rejects.toThrow(new RegExp(`Port ${port} .*in use.*Stop the app first`));
    } finally {
      holder.close();
    }
  });
});
