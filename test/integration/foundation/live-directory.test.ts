import { randomUUID } from 'node:crypto';
import mongoose, { Schema } from 'mongoose';
import { LiveDirectory, type LiveSource } from '../../../src/db';
import { useTestDatabase } from '../../support/test-database';

interface Item {
  _id: string;
  code: string;
  group: string;
  revision: number;
}

const ItemModel = mongoose.model('LiveDirectoryTestItem', new Schema({ _id: String, code: String, group: String, revision: Number }, { versionKey: false }));

/** Two processes stand-ins: two directories over one collection, each told only of its own writes. */
function twoInstances() {
  const source: LiveSource<Item> = {
    name: `test-${randomUUID().slice(0, 8)}`,
    loadAll: () => ItemModel.find({}).lean<Item[]>(),
    readOne: (id) => ItemModel.findById(id).lean<Item>(),
    keyOf: (item) => item._id,
    versionOf: (item) => item.revision,
    lookups: { code: (item) => item.code },
    groups: { group: (item) => item.group },
  };
  return [new LiveDirectory(source, { maxStalenessMs: 0 }), new LiveDirectory(source, { maxStalenessMs: 0 })] as const;
}

async function write(directory: LiveDirectory<Item>, item: Item) {
  await ItemModel.replaceOne({ _id: item._id }, item, { upsert: true });
  await directory.noteWritten(item);
}

describe('a live directory kept fresh by change notes', () => {
  useTestDatabase();

  it('when one instance writes, changes and removes items, then the other follows after its next poll, lookups and groups included', async () => {
    await ItemModel.deleteMany({});
    const [a, b] = twoInstances();
    await Promise.all([a.fresh(), b.fresh()]);

    await write(a, { _id: 'i1', code: 'C-1', group: 'g', revision: 0 });
    await write(a, { _id: 'i2', code: 'C-2', group: 'g', revision: 0 });
    expect(a.get('i1')?.code).toBe('C-1'); // its own write, at once
    await b.fresh();
    expect(b.find('code', 'C-2')?._id).toBe('i2');
    expect(b.inGroup('group', 'g').map((item) => item._id).sort()).toEqual(['i1', 'i2']);

    await write(a, { _id: 'i1', code: 'C-1', group: 'h', revision: 1 });
    b.apply({ _id: 'i1', code: 'C-1', group: 'g', revision: 0 }); // a late, older copy never wins
    await b.fresh();
    expect(b.get('i1')?.group).toBe('h');
    expect(b.inGroup('group', 'g').map((item) => item._id)).toEqual(['i2']);

    await ItemModel.deleteOne({ _id: 'i2' });
    await a.noteRemoved('i2');
    expect(a.get('i2')).toBeUndefined();
    await b.fresh();
    expect(b.get('i2')).toBeUndefined();
    expect(b.find('code', 'C-2')).toBeUndefined();
    expect(b.inGroup('group', 'g')).toEqual([]);
  });

  it('when an instance writes in bulk without a note per item, then its reload note makes the other reload everything', async () => {
    await ItemModel.deleteMany({});
    const [a, b] = twoInstances();
    await Promise.all([a.fresh(), b.fresh()]);
    await ItemModel.insertMany(Array.from({ length: 25 }, (_, i) => ({ _id: `bulk-${i}`, code: `B-${i}`, group: 'bulk', revision: 0 })));
    await a.noteBulkWrite();
    expect(a.size).toBe(25);
    await b.fresh();
    expect(b.inGroup('group', 'bulk')).toHaveLength(25);
  });

  it('when an item changes on another instance, then views kept from the directory (derived, group stamps) are computed afresh, and kept while nothing changed', async () => {
    await ItemModel.deleteMany({});
    const [a, b] = twoInstances();
    await write(a, { _id: 'k1', code: 'K-1', group: 'g', revision: 0 });
    await write(a, { _id: 'k2', code: 'K-2', group: 'h', revision: 0 });
    await b.fresh();
    let computed = 0;
    const codes = () => b.derived('codes', (all) => (computed++, [...all].map((item) => item.code).sort()));
    const gStamp = b.groupStamp('group', 'g');
    const hStamp = b.groupStamp('group', 'h');
    expect(codes()).toEqual(['K-1', 'K-2']);
    expect(codes()).toEqual(['K-1', 'K-2']);
    expect(computed).toBe(1);

    await write(a, { _id: 'k1', code: 'K-1b', group: 'g', revision: 1 });
    await b.fresh();
    expect(codes()).toEqual(['K-1b', 'K-2']);
    expect(computed).toBe(2);
    expect(b.groupStamp('group', 'g')).not.toBe(gStamp);
    expect(b.groupStamp('group', 'h')).toBe(hStamp); // a group nothing happened to keeps its stamp

    await write(a, { _id: 'k2', code: 'K-2', group: 'g', revision: 1 }); // moves from h to g
    await b.fresh();
    expect(b.groupStamp('group', 'h')).not.toBe(hStamp);
    expect(b.inGroup('group', 'g').map((item) => item._id).sort()).toEqual(['k1', 'k2']);
  });
});
