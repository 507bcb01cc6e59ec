import mongoose from 'mongoose';

/** Filters from user input can never smuggle in operators ($where, $ne …); unknown query paths are errors. */
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);

export interface DatabaseConnection {
  readonly connection: mongoose.Connection;
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects the process-wide mongoose connection (models are registered on it). `dbName` overrides the
 * database named in the URI, which lets each test suite use a database of its own.
 */
export async function connectDatabase(uri: string, options: { dbName?: string } = {}): Promise<DatabaseConnection> {
  await mongoose.connect(uri, {
    dbName: options.dbName,
    serverSelectionTimeoutMS: 5000,
    // Indexes are created explicitly by ensureIndexes() at start, not lazily at first use.
    autoIndex: false,
  });
  const connection = mongoose.connection;
  return {
    connection,
    async ping(timeoutMs = 1000) {
      const db = connection.db;
      if (!db || connection.readyState !== mongoose.ConnectionStates.connected) {
        throw new Error('database not connected');
      }
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`database ping timed out after ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([db.command({ ping: 1 }), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await mongoose.disconnect();
    },
  };
}

/** Creates every index declared on the registered schemas (unique keys are our locks, so they must exist). */
export async function ensureIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) await model.createIndexes();
}
