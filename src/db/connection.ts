import mongoose from 'mongoose';

/** Filters from user input can never smuggle in operators ($where, $ne …); unknown query paths are errors. */
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);

export interface DatabaseConnection {
  readonly connection: mongoose.Connection;
  /** Whether the driver currently sees a usable server; false means requests should be refused at once. */
  isAvailable(): boolean;
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects the process-wide mongoose connection (models are registered on it). `dbName` overrides the
 * database named in the URI, which lets each test suite use a database of its own.
 */
export async function connectDatabase(uri: string, options: { dbName?: string; startTimeoutMs?: number } = {}): Promise<DatabaseConnection> {
  await connectWithRetry(uri, options.dbName, options.startTimeoutMs ?? 30_000);
  const connection = mongoose.connection;
  return {
    connection,
    isAvailable: () => connection.readyState === mongoose.ConnectionStates.connected,
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

/**
 * While the database is down a request must fail within a second (503), not wait: commands are not buffered,
 * server selection gives up after 0.5 s (a read in flight when the server died is retried once, so it waits
 * that long), and the driver checks the server every second, so a restarted database is seen again within
 * about a second. Only the first connection waits longer (a database that
 * starts with the app).
 */
async function connectWithRetry(uri: string, dbName: string | undefined, startTimeoutMs: number): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    try {
      await mongoose.connect(uri, {
        dbName,
        bufferCommands: false,
        serverSelectionTimeoutMS: 500,
        heartbeatFrequencyMS: 1000,
        // Indexes are created explicitly by ensureIndexes() at start, not lazily at first use.
        autoIndex: false,
      });
      return;
    } catch (error) {
      if (!(error instanceof mongoose.mongo.MongoServerSelectionError || error instanceof mongoose.Error.MongooseServerSelectionError) || Date.now() > deadline) throw error;
    }
  }
}

/** Creates every index declared on the registered schemas (unique keys are our locks, so they must exist). */
export async function ensureIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) await model.createIndexes();
}
