import type { Logger } from '../logging/logger';
import { connectDatabase, type DatabaseConnection } from './connection';
import { superviseEmbeddedFerretDb, type SupervisedFerretDb } from './embedded-supervisor';

/** The database the app uses inside the embedded server (the copy command reads it too). */
export const EMBEDDED_DB_NAME = 'hp-green';

export interface OpenDatabaseOptions {
  /** A MongoDB to use; unset: the embedded FerretDB, supervised, in `<dataDir>/ferretdb`. */
  mongodbUri: string | undefined;
  dataDir: string;
  embeddedPort: number;
  logger: Logger;
}

export interface OpenDatabase {
  database: DatabaseConnection;
  embedded?: SupervisedFerretDb;
  close(): Promise<void>;
}

/** Connects to MONGODB_URI, or starts the embedded database under supervision and connects to it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  let embedded: SupervisedFerretDb | undefined;
  let uri = options.mongodbUri;
  if (!uri) {
    embedded = await superviseEmbeddedFerretDb({ dataDir: options.dataDir, port: options.embeddedPort, logger: options.logger });
    uri = `${embedded.uri}${EMBEDDED_DB_NAME}`;
  }
  const connected = await connectDatabase(uri, { singleNode: Boolean(embedded) });
  // The supervisor sees the child's exit before the driver does: requests are refused from that moment on.
  const database: DatabaseConnection = { ...connected, isAvailable: () => connected.isAvailable() && (embedded?.isUp() ?? true) };
  return {
    database,
    embedded,
    async close() {
      await database.close();
      await embedded?.stop();
    },
  };
}
