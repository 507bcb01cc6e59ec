import { startBaseline } from './baseline';
import { startBenchServer, type BenchServer } from './database';
import { startFullPath } from './full-path';
import { runLoad, type LoadResult } from './load';
import { appendRun, printRun } from './report';
import type { Target } from './target';

/**
 * `npm run bench`: the one event path against a bare insert + update, in one run on one database server, so
 * that the ratio between them means something on a small, noisy machine. Results go to docs/PERFORMANCE.md.
 */
function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new SetupError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

class SetupError extends Error {}

const WARMUP_SECONDS = 2;
const TRACED_EVENTS = 50;

async function setUp<T>(what: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    throw new SetupError(`could not set up ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function load(name: string, target: Target, seconds: number, connections: number): Promise<LoadResult> {
  console.log(`${name}: ${WARMUP_SECONDS} s warm-up, then ${seconds} s × ${connections} connections …`);
  const { url, paths, headers, body } = target;
  return runLoad({ url, paths, headers, body, connections, seconds, warmupSeconds: WARMUP_SECONDS });
}

async function main(): Promise<void> {
  const seconds = positiveInteger('BENCH_SECONDS', 10);
  const connections = positiveInteger('BENCH_CONNECTIONS', 10);
  const dossiers = positiveInteger('BENCH_DOSSIERS', 50);

  const server: BenchServer = await setUp('the database server', startBenchServer);
  try {
    const baselineTarget = await setUp('the baseline', () => startBaseline(server.uri, server.freshName('bench_baseline'), dossiers));
    let baseline: LoadResult;
    try {
      baseline = await load('baseline', baselineTarget, seconds, connections);
    } finally {
      await baselineTarget.close();
    }

    console.log(`full path: preparing ${dossiers} dossiers in inspection …`);
    const fullTarget = await setUp('the full path', () => startFullPath(server.uri, server.freshName('bench_full'), dossiers));
    let full: LoadResult;
    let trace;
    try {
      full = await load('full path', fullTarget, seconds, connections);
      trace = await fullTarget.traceEvents(TRACED_EVENTS);
    } finally {
      await fullTarget.close();
    }

    const run = {
      seconds,
      connections,
      dossiers,
      baseline,
      full,
      baselineEntryBytes: baselineTarget.entryBytes,
      fullEntryBytes: fullTarget.entryBytes,
      trace,
    };
    printRun(run);
    appendRun(run);
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof SetupError ? `bench setup failed: ${error.message}` : error);
    process.exit(1);
  },
);
