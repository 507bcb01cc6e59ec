import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { connectDatabase, startEmbeddedFerretDb, type DatabaseConnection, type EmbeddedFerretDb } from '../../../src/db';
import { buildTestApp } from '../../support/test-app';

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

// This suite runs its own FerretDB, because it stops and restarts it.
const describeEmbedded = process.env.MONGODB_URI ? describe.skip : describe;

describeEmbedded('readiness against the embedded database', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-readyz-'));
  let embedded: EmbeddedFerretDb;
  let database: DatabaseConnection;

  beforeAll(async () => {
    embedded = await startEmbeddedFerretDb({ dataDir });
    database = await connectDatabase(`${embedded.uri}readiness`);
  });

  afterAll(async () => {
    await database.close();
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when the database stops and comes back, then /readyz goes 200 → 503 → 200 without a restart of the app', async () => {
    const app = buildTestApp(database);
    expect((await request(app).get('/readyz')).status).toBe(200);

    const port = embedded.port;
    await embedded.stop();
    const down = await request(app).get('/readyz');
    expect(down.status).toBe(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.body).toMatchObject({ status: 503, code: 'unavailable' });
    expect((await request(app).get('/healthz')).status).toBe(200);

    embedded = await startEmbeddedFerretDb({ dataDir, port });
    const recovered = await eventually(async () => (await request(app).get('/readyz')).status === 200, 20_000);
    expect(recovered).toBe(true);
  });

  it('when the embedded database restarts, then the data written before is still there', async () => {
    await database.connection.db!.collection('persisted').insertOne({ _id: 'kept' as never, value: 42 });
    const port = embedded.port;
    await embedded.stop();
    embedded = await startEmbeddedFerretDb({ dataDir, port });
    const found = await eventually(async () => {
      try {
        return (await database.connection.db!.collection('persisted').findOne({ _id: 'kept' as never }))?.value === 42;
      } catch {
        return false;
      }
    }, 20_000);
    expect(found).toBe(true);
  });
});
