import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fromRoot } from '../../paths';

/**
 * Where finished exports are kept: `<DATA_DIR>/exports` (DATA_DIR is git-ignored). A file is written under a
 * temporary name per attempt and renamed when complete, so a download never sees half a file and a retried
 * job simply writes it again.
 */
export interface ExportStorage {
  dir: string;
  temporaryPath(fileName: string, attempt: number): Promise<string>;
  publish(temporary: string, fileName: string): Promise<number>;
  discard(temporary: string): Promise<void>;
  open(fileName: string): NodeJS.ReadableStream;
}

export function exportStorage(dataDir = 'data'): ExportStorage {
  const dir = fromRoot(dataDir, 'exports');
  // Names are ours (uuid + extension), but never let one climb out of the folder.
  const inside = (fileName: string) => {
    const full = path.resolve(dir, fileName);
    if (path.dirname(full) !== dir) throw new Error(`export file name ${fileName} leaves the export folder`);
    return full;
  };
  return {
    dir,
    async temporaryPath(fileName, attempt) {
      await mkdir(dir, { recursive: true });
      return inside(`${fileName}.part-${attempt}`);
    },
    async publish(temporary, fileName) {
      const target = inside(fileName);
      await rename(temporary, target);
      return (await stat(target)).size;
    },
    async discard(temporary) {
      await rm(temporary, { force: true });
    },
    open: (fileName) => createReadStream(inside(fileName)),
  };
}
