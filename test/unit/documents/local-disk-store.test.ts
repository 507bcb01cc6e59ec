import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { BlobNotFoundError } from '../../../src/documents/storage/blob-store';
import { createLocalDiskStore } from '../../../src/documents/storage/local-disk.store';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('the local disk store', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'hp-green-store-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('when an object is put, then it can be read, listed and deleted', async () => {
    const store = createLocalDiskStore(root);
    await store.put('a1b2', Readable.from([Buffer.from('hello '), Buffer.from('world')]));
    expect(await text(await store.get('a1b2'))).toBe('hello world');
    const listed = [];
    for await (const object of store.list()) listed.push(object.key);
    expect(listed).toEqual(['a1b2']);
    await store.delete('a1b2');
    await expect(store.get('a1b2')).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('when the source stream fails half-way, then no file, partial or final, is left', async () => {
    const store = createLocalDiskStore(root);
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024, 1));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(store.put('k1', failing)).rejects.toThrow('client went away');
    expect(await filesUnder(root)).toEqual([]);
  });

  it.each(['../escape', 'a/b', '.hidden', '', 'x'.repeat(200)])('when a key is unsafe (%j), then the store refuses it', async (key) => {
    const store = createLocalDiskStore(root);
    await expect(store.put(key, Readable.from(['x']))).rejects.toThrow('unsafe storage key');
    await expect(store.get(key)).rejects.toThrow('unsafe storage key');
  });
});
