import mongoose, { Schema } from 'mongoose';
import { insertIfAbsent, insertManyIfAbsent, scansWholeCollections } from '../../../src/db';
import { useTestDatabase } from '../../support/test-database';

const LockModel = mongoose.model('RaceLock', new Schema({ _id: String, holder: Number }));
const ClaimModel = mongoose.model('RaceClaim', new Schema({ key: { type: String, unique: true }, holder: Number }));

describe('the database', () => {
  const database = useTestDatabase();

  it('when no MONGODB_URI is given, then the app really talks to FerretDB (not a mock)', async () => {
    const buildInfo = await database().connection.db!.admin().command({ buildInfo: 1 });
    const isFerretDb = 'ferretdbVersion' in buildInfo || 'ferretdbFeatures' in buildInfo;
    expect(isFerretDb).toBe(!process.env.MONGODB_URI);
    expect(buildInfo.version).toMatch(/^\d+\.\d+/);
    expect(await scansWholeCollections(database().connection)).toBe(isFerretDb);
  });

  it('when 50 writers race to insert one _id, then exactly one succeeds and the others see a duplicate key', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, holder) => insertIfAbsent(LockModel, { _id: 'dossier-1:7', holder })));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await LockModel.countDocuments({ _id: 'dossier-1:7' })).toBe(1);
  });

  it('when 50 writers race on a unique index, then exactly one succeeds', async () => {
    await ClaimModel.createIndexes();
    const results = await Promise.all(Array.from({ length: 50 }, (_, holder) => insertIfAbsent(ClaimModel, { key: 'job-1:1', holder })));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = await ClaimModel.findOne({ key: 'job-1:1' }).lean();
    expect(results[winner!.holder!]).toBe(true);
  });

  it('when an insert fails for another reason than a duplicate key, then the error propagates', async () => {
    const Strict = mongoose.model('RaceStrict', new Schema({ value: { type: Number, required: true } }));
    await expect(insertIfAbsent(Strict, {})).rejects.toThrow(/value/);
  });

  it('when 4 writers race to insert overlapping batches by _id, then every document is created exactly once and the counts add up', async () => {
    const docs = (from: number) => Array.from({ length: 300 }, (_, i) => ({ _id: `batch-${from + i}`, holder: from }));
    const counts = await Promise.all([0, 100, 200, 0].map((from) => insertManyIfAbsent(LockModel.collection, docs(from), 70)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(500);
    expect(await LockModel.countDocuments({ _id: mongoose.trusted({ $regex: /^batch-/ }) })).toBe(500);
    expect(await insertManyIfAbsent(LockModel.collection, docs(0))).toBe(0);
  });
});
