import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from '../../src/db';

declare global {
  var __embeddedFerretDb: EmbeddedFerretDb | undefined;
}

/**
 * Integration suites talk to a real MongoDB-wire server: MONGODB_URI when set, otherwise one embedded
 * FerretDB (SQLite) in a temporary folder, started once for the whole run. Each suite then uses a database
 * of its own on it (see test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-test-db-'));
  const embedded = await startEmbeddedFerretDb({ dataDir, log: (message) => process.stderr.write(`${message}\n`) });
  globalThis.__embeddedFerretDb = embedded;
  process.env.TEST_MONGODB_URI = embedded.uri;
}
