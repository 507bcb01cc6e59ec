import { randomUUID } from 'node:crypto';
import { connectDatabase, ensureIndexes, type DatabaseConnection } from '../../src/db';

export function testDatabaseUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is unset: integration tests must run through jest\'s global setup');
  return uri;
}

/**
 * Gives the calling suite a database of its own (so suites run in parallel without wiping each other's
 * data) and drops it afterwards. Call at the top level of a test file.
 */
export function useTestDatabase(): () => DatabaseConnection {
  let database: DatabaseConnection | undefined;
  beforeAll(async () => {
    database = await connectDatabase(testDatabaseUri(), { dbName: `test_${randomUUID().replace(/-/g, '').slice(0, 16)}` });
    await ensureIndexes();
  });
  afterAll(async () => {
    await database?.connection.dropDatabase();
    await database?.close();
  });
  return () => {
    if (!database) throw new Error('the test database is not ready yet (use it inside a test or hook)');
    return database;
  };
}
