import { fork } from 'node:child_process';
import path from 'node:path';

export interface LoadSpec {
  /** Origin of the server, e.g. http://127.0.0.1:1234 */
  url: string;
  /** Request paths, used round-robin. */
  paths: string[];
  headers: Record<string, string>;
  body: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  conflicts: number;
  other: number;
  statusCodes: Record<string, number>;
}

/** Drives POST load at `spec.url` from a child process and resolves with its summary. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'load-worker.ts'), [JSON.stringify(spec)], { execArgv: ['--import', 'tsx'] });
    let result: LoadResult | undefined;
    child.once('message', (message) => {
      result = message as LoadResult;
    });
    child.once('error', reject);
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`load generator exited with code ${code} and no result`))));
  });
}
