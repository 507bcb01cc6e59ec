import { rmSync } from 'node:fs';
import { DEMO_USERS } from '../../src/seed/hai-phong.data';
import { startApp } from './app-process';
import { installationOf, scratchCopy } from './cache';
import { readContext } from './context';
import { driverFloor } from './floor';
import { readManifest } from './manifest';
import { measureRead, type MeasureOptions, type Timing } from './measure';
import { BENCH_USER_PASSWORD } from './organizations';
import { readsOf, type Reader } from './reads';
import { signIn, type Credentials } from './sign-in';
import { timeMaintenanceSweep } from './sweep';
import { BENCH_DEMO_PASSWORD } from './templates';

export interface SizeResult {
  size: number;
  /** Build time when this run built the installation; undefined when it came from the cache. */
  buildMs?: number;
  records: Record<string, number>;
  startMs: number;
  /** Restarts after a read that did not answer in time (the server would have kept working on it). */
  restarts: number;
  sweepMs: number;
  floors: Timing[];
  reads: (Timing & { who: Reader; via: 'page' | 'api' })[];
}

const demoEmail = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;
const line = (t: Timing) =>
  `  ${t.name.padEnd(34)} ${t.problem ? `FAILED: ${t.problem}` : `p50 ${t.p50.toFixed(0).padStart(6)}  p95 ${t.p95.toFixed(0).padStart(6)}  max ${t.max.toFixed(0).padStart(6)} ms  (n=${t.samples.length}${t.cold ? ', cold' : ''}${t.capped ? ', capped' : ''})`}`;

/** Builds (or reuses) the installation of `size` dossiers, starts the app on a scratch copy and times every read. */
export async function runSize(size: number, options: MeasureOptions & { rebuild: boolean }, log: (line: string) => void): Promise<SizeResult> {
  const buildStarted = performance.now();
  const installation = await installationOf(size, { rebuild: options.rebuild, log });
  const buildMs = installation.built ? performance.now() - buildStarted : undefined;
  log(installation.built ? `built ${size} dossiers in ${((buildMs ?? 0) / 1000).toFixed(0)} s` : `reusing ${installation.dir}`);
  const manifest = readManifest(installation.dir);
  const scratch = scratchCopy(installation.dir);
  try {
    let app = await startApp(scratch, log);
    // The first start is the one that pays for what the server does before /readyz; restarts find it done.
    const startMs = app.startMs;
    let restarts = 0;
    try {
      const credentials: Partial<Record<Reader, Credentials>> = {
        officer: await signIn(app.baseUrl, demoEmail('officer'), BENCH_DEMO_PASSWORD),
        leader: await signIn(app.baseUrl, demoEmail('leader'), BENCH_DEMO_PASSWORD),
        business: await signIn(app.baseUrl, manifest.business.email, BENCH_USER_PASSWORD),
      };
      const context = await readContext(app.baseUrl, manifest, installation.report.dossiers, credentials.officer!);
      const floors = [
        await driverFloor(app.databaseUri, manifest.openDossier.id, options),
        await measureRead(app.baseUrl, { name: 'floor: GET /healthz', who: 'public', via: 'page', path: '/healthz' }, credentials, options),
        await measureRead(app.baseUrl, { name: 'floor: public home page', who: 'public', via: 'page', path: '/' }, credentials, options),
      ];
      floors.forEach((t) => log(line(t)));
      const reads: SizeResult['reads'] = [];
      for (const read of readsOf(context)) {
        const timing = await measureRead(app.baseUrl, read, credentials, options);
        log(line(timing));
        reads.push({ ...timing, who: read.who, via: read.via });
        if (timing.timedOut) {
          // The abandoned request would keep the database busy under every read after it.
          await app.stop();
          app = await startApp(scratch, log);
          restarts++;
        }
      }
      const sweepMs = await timeMaintenanceSweep(app.databaseUri, scratch);
      log(`  maintenance sweep: ${sweepMs.toFixed(0)} ms`);
      return { size, buildMs, records: installation.report.records, startMs, restarts, sweepMs, floors, reads };
    } finally {
      await app.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
