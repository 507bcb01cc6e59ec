import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { ensureFerretDbBinary } from './ferretdb-binary';

export interface EmbeddedFerretDb {
  /** mongodb://127.0.0.1:<port>/ without a database name. */
  readonly uri: string;
  readonly port: number;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  dataDir: string;
  /** 0 (default) lets the OS pick a free port; pass the old port to restart in place. */
  port?: number;
  log?: (message: string) => void;
  readyTimeoutMs?: number;
}

/** Waits for the "READY <uri>" line our wrapper prints once its listener is bound. */
function waitForReady(child: ChildProcessWithoutNullStreams, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => fail(new Error(`FerretDB did not start within ${timeoutMs} ms`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${stderr.trim()}`));
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^READY (\S+)$/m.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`FerretDB exited during start (code ${code})`)));
  });
}

async function ping(uri: string): Promise<void> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 5000, directConnection: true });
  try {
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}

/** Starts our FerretDB wrapper as a child process and resolves once it answers `ping`. */
export async function startEmbeddedFerretDb(options: StartEmbeddedOptions): Promise<EmbeddedFerretDb> {
  const binary = await ensureFerretDbBinary(options.log);
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });

  const child = spawn(
    binary,
    ['-listen', `127.0.0.1:${options.port ?? 0}`, '-data', dataDir, '-exit-on-stdin-close'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const uri = await waitForReady(child, options.readyTimeoutMs ?? 30_000);
  child.removeAllListeners('exit');
  await ping(uri);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return {
    uri,
    port: Number(new URL(uri).port),
    dataDir,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killTimer);
    },
  };
}
