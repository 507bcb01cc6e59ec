import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, opendir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSafeKey, BlobNotFoundError, type BlobStore, type StoredObject } from './blob-store';

/** Work in progress lives in dot-folders, which list() never reports as objects. */
export const PARTIAL_DIR = '.partial';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/**
 * Objects as files named by their key directly under `root`. A put writes to `.partial/` first and renames
 * into place (same folder tree, so the rename is atomic): a reader never sees half a file, and a crash
 * leaves only a partial the orphan sweep removes.
 */
export function createLocalDiskStore(root: string): BlobStore & { readonly root: string; readonly partialDir: string } {
  const partialDir = path.join(root, PARTIAL_DIR);
  const objectPath = (key: string) => {
    assertSafeKey(key);
    return path.join(root, key);
  };

  return {
    root,
    partialDir,
    async put(key, content: Readable) {
      const target = objectPath(key);
      await mkdir(partialDir, { recursive: true });
      const partial = path.join(partialDir, `${key}.${randomUUID()}`);
      try {
        // 'wx': never overwrite; flush: the bytes are on disk before the name points at them.
        await pipeline(content, createWriteStream(partial, { flags: 'wx', flush: true }));
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    async get(key) {
      let handle;
      try {
        handle = await open(objectPath(key), 'r');
      } catch (error) {
        if (isMissing(error)) throw new BlobNotFoundError(key);
        throw error;
      }
      // Opened first, so a missing file is reported before any response header is sent.
      return handle.createReadStream();
    },
    async delete(key) {
      await rm(objectPath(key), { force: true });
    },
    async *list(): AsyncIterable<StoredObject> {
      let directory;
      try {
        directory = await opendir(root);
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      for await (const entry of directory) {
        if (!entry.isFile() || entry.name.startsWith('.')) continue;
        const info = await stat(path.join(root, entry.name)).catch((error: unknown) => (isMissing(error) ? undefined : Promise.reject(error)));
        if (info) yield { key: entry.name, lastModified: info.mtime };
      }
    },
  };
}
