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
/** Writes still running per request: after an abort, multer answers without waiting for them; we do wait. */
const inFlight = new WeakMap<object, Set<Promise<void>>>();

function track(req: object, work: Promise<void>): void {
  const works = inFlight.get(req) ?? new Set<Promise<void>>();
  inFlight.set(req, works);
  const tracked: Promise<void> = work.finally(() => works.delete(tracked));
  works.add(tracked);
}

/** Resolves once no staging write or removal of this request is running (removals may start late). */
export async function stagingSettled(req: object): Promise<void> {
  const works = inFlight.get(req);
  while (works && works.size > 0) await Promise.allSettled([...works]);
}

async function stageOne(source: NodeJS.ReadableStream, target: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      hash.update(chunk);
      size += chunk.length;
      next(null, chunk);
    },
  });
  const sink = createWriteStream(target, { flags: 'wx' });
  try {
    await pipeline(source, measure, sink);
    return { size, sha256: hash.digest('hex') };
  } catch (error) {
    // A sink destroyed before it opened still creates the file once it opens: remove it only after close.
    // (events.once would reject on the sink's own error event, skipping the removal.)
    if (!sink.closed) await new Promise<void>((resolve) => sink.once('close', () => resolve()));
    await rm(target, { force: true });
    throw new StagingWriteError(error);
  }
}

/**
 * A multer storage engine that streams each file to a random name in `stagingDir`, measuring and hashing on
 * the way, so the bytes are read once and never held in memory. Staged files are only inputs to the upload
 * service: they are removed after every request, accepted or not (and by the sweep after a crash).
 */
export function stagingStorage(stagingDir: string): StorageEngine {
  return {
    _handleFile(req, file, callback) {
      const target = path.join(stagingDir, randomUUID());
      const write = mkdir(stagingDir, { recursive: true })
        .then(() => stageOne(file.stream, target))
        .then(
          ({ size, sha256 }) => callback(null, { path: target, size, sha256 } as Partial<Express.Multer.File>),
          (error: unknown) => callback(error instanceof StagingWriteError ? error : new StagingWriteError(error)),
        );
      track(req, write);
    },
    _removeFile(req, file, callback) {
      track(req, rm(file.path, { force: true }).then(() => callback(null), callback));
    },
  };
}

export async function removeStagedFiles(files: readonly { path: string }[]): Promise<void> {
  await Promise.all(files.map((file) => rm(file.path, { force: true })));
}
