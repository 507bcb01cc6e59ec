import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** One line of the server's pino log. */
export type LogLine = Record<string, unknown> & { msg?: string };

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  readonly logs: LogLine[];
  /** Resolves with the first log line (past or future) that matches, or rejects after `timeoutMs`. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `src/server.ts` as its own process (the composition root `npm start` runs) and resolves once it
 * logs that it listens. Its JSON log lines are kept for the test to read.
 */
export function startServerProcess(env: Record<string, string>, timeoutMs = 45_000): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        continue;
      }
    }
    for (const wake of waiters) wake();
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const waitForLog = (match: (line: LogLine) => boolean, waitMs = 20_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = logs.find(match);
        if (!found) return;
        finish();
        resolve(found);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no matching log line within ${waitMs} ms; stderr: ${stderr}`));
      }, waitMs);
      const onExit = () => {
        finish();
        reject(new Error(`the server exited (code ${child.exitCode}); stderr: ${stderr}`));
      };
      const finish = () => {
        clearTimeout(timer);
        waiters.delete(check);
        child.off('exit', onExit);
      };
      waiters.add(check);
      child.once('exit', onExit);
      check();
    });

  return waitForLog((line) => line.msg === 'listening', timeoutMs).then(
    (line) => ({
      url: String(line.url).replace('localhost', '127.0.0.1'),
      pid: child.pid!,
      logs,
      waitForLog,
      async kill(signal) {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill(signal);
        await exited;
      },
    }),
    (error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    },
  );
}

/** Polls `check` every `everyMs` until it is true; resolves with the time it took, or rejects at `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check().catch(() => false)) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A plain HTTP call with its duration; fetch keeps no connection pool state between the calls that matters here. */
export async function timedFetch(url: string, init: RequestInit = {}): Promise<{ status: number; ms: number; type: string; body: string }> {
  const started = performance.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const body = await res.text();
  return { status: res.status, ms: performance.now() - started, type: res.headers.get('content-type') ?? '', body };
}
