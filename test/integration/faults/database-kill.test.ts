import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { ensureIndexes, openDatabase, type OpenDatabase } from '../../../src/db';
import { startHttpServer } from '../../../src/http';
import { createLogger } from '../../../src/logging/logger';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { EPR_DATA } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { eventually, timedFetch } from './server-process';

interface Probe {
  status: number;
  ms: number;
  type: string;
  body: string;
}

const KILLS = 3;

/**
 * kill -9 of the embedded database under a running app, three times in a row (a crash loop, so the
 * supervisor's backoff holds the database down long enough to be seen): the app itself is never restarted.
 * The app is assembled as src/server.ts does it (openDatabase), in this process; FerretDB is a real child.
 */
const describeEmbedded = process.env.MONGODB_URI ? describe.skip : describe;

describeEmbedded('fault: the embedded database is killed under the running app', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-dbkill-'));
  const logLines: Record<string, unknown>[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    }),
  );
  let opened: OpenDatabase;
  let http: Awaited<ReturnType<typeof startHttpServer>>;
  let base: string;
  let business: TestUser;

  beforeAll(async () => {
    opened = await openDatabase({ mongodbUri: undefined, dataDir, embeddedPort: 0, logger });
    await ensureIndexes();
    // NODE_ENV=development: the mode that showed stacks before; an outage must not show one in any mode.
    const app = buildTestApp(opened.database, { env: { NODE_ENV: 'development' } });
    business = await createUser(app, 'business', await createOrganization());
    http = await startHttpServer(app, 0, '127.0.0.1');
    base = `http://127.0.0.1:${http.port}`;
  });

  afterAll(async () => {
    await http?.close(1000);
    await opened?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when FerretDB is killed with SIGKILL three times in a row, then requests answer 503 within 1 s without a stack, and the app recovers by itself', async () => {
    const auth = { authorization: `Bearer ${business.token}` };
    expect((await timedFetch(`${base}/readyz`)).status).toBe(200);
    const embedded = opened.embedded!;

    // Requests keep coming during the whole outage: API calls, and now and then a browser page.
    const probes: Probe[] = [];
    const pages: Probe[] = [];
    let probing = true;
    const prober = (async () => {
      for (let i = 0; probing; i++) {
        probes.push(await timedFetch(`${base}/api/v1/applications${i % 2 ? '?lang=en' : ''}`, { headers: auth }));
        if (i % 5 === 0) pages.push(await timedFetch(`${base}/lookup`, { headers: { accept: 'text/html' } }));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    const firstKill = performance.now();
    for (let kill = 0; kill < KILLS; kill++) {
      const pid = embedded.pid()!;
      process.kill(pid, 'SIGKILL');
      if (kill < KILLS - 1) await eventually(async () => embedded.isUp() && embedded.pid() !== pid, 10_000, 10);
    }
    await eventually(async () => (await timedFetch(`${base}/readyz`)).status === 200, 10_000);
    const recoveredMs = performance.now() - firstKill;
    probing = false;
    await prober;

    const unavailable = probes.filter((p) => p.status === 503);
    const failed = probes.filter((p) => p.status >= 500 && p.status !== 503);
    const unavailablePages = pages.filter((p) => p.status === 503);
    const write = await timedFetch(`${base}/api/v1/applications`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'epr', title: 'Sau sự cố', data: EPR_DATA }),
    });
    const exits = logLines.filter((line) => line.msg === 'embedded database exited; restarting it');
    const figures = {
      recoveredS: Math.round(recoveredMs / 100) / 10,
      requests: probes.length,
      answered503: unavailable.length,
      answered5xxOther: failed.length,
      max503Ms: Math.round(Math.max(0, ...unavailable.map((p) => p.ms))),
      pages503: unavailablePages.length,
      exitsLogged: exits.length,
      backoffMs: exits.map((line) => line.restartInMs),
    };
    console.log(
      `db kill -9 x${KILLS}: readyz back after ${figures.recoveredS} s, ${figures.answered503}/${figures.requests} API requests answered 503 (max ${figures.max503Ms} ms), ${figures.answered5xxOther} other 5xx, ${figures.pages503} HTML pages 503, exits logged ${figures.exitsLogged} with restart delays ${JSON.stringify(figures.backoffMs)} ms`,
    );

    expect(recoveredMs).toBeLessThan(10_000);
    expect(failed).toEqual([]);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const probe of unavailable) {
      expect(probe.ms).toBeLessThan(1000);
      expect(probe.type).toMatch(/^application\/problem\+json/);
      const problem = JSON.parse(probe.body) as Record<string, unknown>;
      expect(problem).toMatchObject({ status: 503, code: 'unavailable' });
      expect(problem.stack).toBeUndefined();
      expect(['Dịch vụ tạm thời gián đoạn', 'Service unavailable']).toContain(problem.title);
    }
    expect(unavailable.some((p) => p.body.includes('Dịch vụ tạm thời gián đoạn'))).toBe(true);
    for (const page of unavailablePages) {
      expect(page.type).toMatch(/^text\/html/);
      expect(page.body).toContain('Dịch vụ tạm thời gián đoạn');
      expect(page.body).not.toMatch(/\n\s+at /);
    }
    expect(exits).toHaveLength(KILLS);
    expect(exits[0]).toMatchObject({ signal: 'SIGKILL', level: 50 });
    expect(write.status).toBe(201);
  }, 40_000);
});
