import mongoose from 'mongoose';

/** Filters from user input can never smuggle in operators ($where, $ne …); unknown query paths are errors. */
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);

export interface DatabaseConnection {
  readonly connection: mongoose.Connection;
  /** False when the database is known to be down, so requests are refused at once (503) instead of waiting. */
  isAvailable(): boolean;
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects the process-wide mongoose connection (models are registered on it). `dbName` overrides the
 * database named in the URI, which lets each test suite use a database of its own.
 */
export async function connectDatabase(uri: string, options: { dbName?: string; startTimeoutMs?: number; singleNode?: boolean } = {}): Promise<DatabaseConnection> {
  await connectWithRetry(uri, options, options.startTimeoutMs ?? 30_000);
  const connection = mongoose.connection;
  return {
    connection,
    // The driver's own view flickers under load (a slow heartbeat marks the server unknown for a moment), so it
    // refuses nothing here; the embedded database's supervisor knows for certain and refines this.
    isAvailable: () => true,
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
 * While the database is down a request must fail fast (503), not wait: commands are not buffered, and on a
 * single node (the embedded database) a read in flight when the server died is not retried, since there is no
 * other server to retry on, only a wait. Server selection waits up to 5 s, so a busy machine or a replica-set
 * election does not turn into errors; the driver checks the server every second, so a restarted database is
 * seen again within about a second. Only the first connection waits longer (a database starting with the app).
 */
async function connectWithRetry(uri: string, options: { dbName?: string; singleNode?: boolean }, startTimeoutMs: number): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    try {
      await mongoose.connect(uri, {
        dbName: options.dbName,
        bufferCommands: false,
        serverSelectionTimeoutMS: 5000,
        heartbeatFrequencyMS: 1000,
        ...(options.singleNode ? { retryReads: false, retryWrites: false } : {}),
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
