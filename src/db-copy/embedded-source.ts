import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Config } from '../config';
import { EMBEDDED_DB_NAME, startEmbeddedFerretDb } from '../db';
import { fromRoot } from '../paths';
import { CopyRefusedError } from './endpoints';

export interface EmbeddedSource {
  uri: string;
  stop(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Starts the embedded database on DATA_DIR as the app does, on its fixed port. A taken port means the app (or
 * its database) is running on this data: a copy taken under its writes would not be consistent, so refuse.
 * Holding the port while copying also keeps the app from starting until the copy is done.
 */
export async function startEmbeddedSource(config: Config, log: (line: string) => void): Promise<EmbeddedSource> {
  if (config.mongodbUri) {
    throw new CopyRefusedError('MONGODB_URI is set, so the app does not use the embedded database: name the database to copy with --from <uri>.');
  }
  const dataDir = path.join(fromRoot(config.dataDir), 'ferretdb');
  if (!existsSync(dataDir)) throw new CopyRefusedError(`No embedded installation in ${dataDir} (DATA_DIR=${config.dataDir}).`);
  const port = config.embeddedDbPort;
  if (port !== 0 && !(await portIsFree(port))) {
    throw new CopyRefusedError(
      `Port ${port} (EMBEDDED_DB_PORT) is in use: the app or its embedded database is running on this data. Stop the app first, then run the copy again.`,
    );
  }
  const embedded = await startEmbeddedFerretDb({ dataDir, port, log });
  log(`source: the embedded database in ${dataDir} (port ${embedded.port})`);
  return { uri: `${embedded.uri}${EMBEDDED_DB_NAME}`, stop: () => embedded.stop() };
}
