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
  readonly pid: number | undefined;
  /** Settles when the child exits, whoever ended it (stop(), a crash, kill -9). */
  readonly exited: Promise<ChildExit>;
  stop(): Promise<void>;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
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
  // Listened for before the ping, so an exit during it is not missed.
  const exited = new Promise<ChildExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    await ping(uri);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  return {
    uri,
    port: Number(new URL(uri).port),
    dataDir,
    pid: child.pid,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killTimer);
    },
  };
}
