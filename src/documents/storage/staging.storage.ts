import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StorageEngine } from 'multer';

/** What the upload service receives for each file: bytes on local disk, already measured and hashed. */
export interface StagedFile {
  path: string;
  originalName: string;
  sizeBytes: number;
  sha256: string;
}

/** A disk failure while staging is ours (500), unlike a malformed request; the upload middleware tells them apart. */
export class StagingWriteError extends Error {
  constructor(cause: unknown) {
    super('could not stage an uploaded file', { cause });
    this.name = 'StagingWriteError';
  }
}

/**
 * A multer storage engine that streams each file to a random name in `stagingDir`, measuring and hashing on
 * the way, so the bytes are read once and never held in memory. Staged files are only inputs to the upload
 * service: they are removed after every request, accepted or not (and by the sweep after a crash).
 */
export function stagingStorage(stagingDir: string): StorageEngine {
  return {
    _handleFile(_req, file, callback) {
      const target = path.join(stagingDir, randomUUID());
      const hash = createHash('sha256');
      let size = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, next) {
          hash.update(chunk);
          size += chunk.length;
          next(null, chunk);
        },
      });
      mkdir(stagingDir, { recursive: true })
        .then(() => pipeline(file.stream, measure, createWriteStream(target, { flags: 'wx' })))
        .then(
          () => callback(null, { path: target, size, sha256: hash.digest('hex') } as Partial<Express.Multer.File>),
          async (error: unknown) => {
            await rm(target, { force: true });
            callback(new StagingWriteError(error));
          },
        );
    },
    _removeFile(_req, file, callback) {
      rm(file.path, { force: true }).then(() => callback(null), callback);
    },
  };
}

export async function removeStagedFiles(files: readonly { path: string }[]): Promise<void> {
  await Promise.all(files.map((file) => rm(file.path, { force: true })));
}
