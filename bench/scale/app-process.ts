import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from '../../src/db';
import { fromRoot } from '../../src/paths';
import { DB_NAME } from './build';
import { BENCH_DEMO_PASSWORD } from './templates';

export interface RunningApp {
  baseUrl: string;
  /** The database the app uses, for the driver floor and the maintenance sweep. */
  databaseUri: string;
  /** From spawning the server to its first 200 on /readyz (it repairs caches and re-dispatches the outbox first). */
  startMs: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (Date.now() < giveUpAt) {
    if (child.exitCode !== null) throw new Error(`the server exited during start (code ${child.exitCode}):\n${output()}`);
    const ready = await fetch(`${baseUrl}/readyz`).then((res) => res.status === 200, () => false);
    if (ready) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000} s:\n${output()}`);
}

/**
 * The real server (src/server.ts, as `npm run dev` runs it, scheduler included) in a process of its own, on a
 * FerretDB this process starts on the installation's scratch copy. Only HTTP passes between the bench and it.
 */
export async function startApp(scratchDir: string, log: (line: string) => void): Promise<RunningApp> {
  const database: EmbeddedFerretDb = await startEmbeddedFerretDb({ dataDir: path.join(scratchDir, 'ferretdb'), log });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const databaseUri = `${database.uri}${DB_NAME}`;
  let output = '';
  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (NODE_OPTIONS refuses --cpu-prof).
  const child = spawn(fromRoot('node_modules', '.bin', 'tsx'), [...(process.env.BENCH_SERVER_NODE_ARGS ? process.env.BENCH_SERVER_NODE_ARGS.split(' ') : []), 'src/server.ts'], {
    cwd: fromRoot(),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      MONGODB_URI: databaseUri,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATA_DIR: path.join(scratchDir, 'data'),
      UPLOAD_DIR: path.join(scratchDir, 'uploads'),
      DEMO_PASSWORD: BENCH_DEMO_PASSWORD,
      // The public lookups share one limit per address (60 a minute); the bench names a fresh address per request.
      TRUST_PROXY: 'loopback',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await database.stop();
  };
  try {
    await waitUntilReady(baseUrl, child, () => output, 30 * 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const startMs = performance.now() - started;
  log(`server ready in ${(startMs / 1000).toFixed(1)} s at ${baseUrl}`);
  return { baseUrl, databaseUri, startMs, stop };
}
