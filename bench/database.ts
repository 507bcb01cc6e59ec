import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedFerretDb } from '../src/db';

export interface BenchServer {
  uri: string;
  /** A fresh database name, so a run never measures (or pollutes) existing data. */
  freshName(prefix: string): string;
  stop(): Promise<void>;
}

/**
 * One database server for both halves of the run, so baseline and full path pay the same storage costs:
 * MONGODB_URI when set, otherwise an embedded FerretDB in a temporary folder removed afterwards.
 */
export async function startBenchServer(): Promise<BenchServer> {
  const freshName = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const external = process.env.MONGODB_URI;
  // Every connection here passes dbName, which overrides a database named in the URI.
  if (external) return { uri: external, freshName, stop: async () => {} };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-bench-'));
  try {
    const embedded = await startEmbeddedFerretDb({ dataDir, log: (message) => console.error(message) });
    return {
      uri: embedded.uri,
      freshName,
      async stop() {
        await embedded.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
