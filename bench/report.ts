import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CommandTrace } from './db-trace';
import type { LoadResult } from './load';
import { addBenchRow, benchCommit, PERFORMANCE_DOC } from './performance-doc';

export interface BenchRun {
  seconds: number;
  connections: number;
  dossiers: number;
  baseline: LoadResult;
  full: LoadResult;
  baselineEntryBytes: number;
  fullEntryBytes: number;
  /** Database commands per accepted event on the full path, by collection and command. */
  trace: CommandTrace;
}

const INTRO = `# Performance

\`npm run bench\` (bench/run.ts) measures the one event path against a floor, in one run on one database server
(an embedded FerretDB 1.24 on SQLite in a temporary folder, or \`MONGODB_URI\` with fresh database names):

- **baseline**: a bare Express 5 app with mongoose whose only route inserts a log entry of the same shape and
  size as a real one (\`_id\` "<dossier>:<seq>", sequence from memory) and \`$set\`s one dossier-sized cache
  document: the two writes the event path cannot avoid.
- **full path**: the real app (\`createApp\`, bearer tokens, authorization, catch-up with the log, XState
  transition, deadlines, hash chain, insert-as-lock, cache sync) answering
  \`POST /api/v1/applications/:id/events\` with \`SCHEDULE_INSPECTION\` as an officer, on EPR dossiers that are in
  \`inspection\` (where the event reschedules and is accepted again).

Both are loaded by autocannon from a separate process for the same duration and number of connections, after a
short warm-up, spread round-robin over the same number of dossiers so that 409 conflicts stay rare. The goal
is full/baseline ≥ 50 %. The machines are small (2 cores) and shared, so absolute figures wander from run to
run; compare the ratio, not the req/s.

"DB calls per event" counts the commands one accepted event sends (traced on a short sequential run after the
load): it is what the full path pays beyond the baseline's one insert and one update.

## Results

| date (UTC) | commit | load | baseline req/s | p50 / p99 ms | full req/s | p50 / p99 ms | full / baseline | full 2xx / 409 / other | entry bytes (base / full) | DB calls per event |
|---|---|---|---:|---|---:|---|---:|---|---|---|
`;

const fixed = (n: number, digits = 0) => n.toFixed(digits);

export function ratio(run: BenchRun): number {
  return run.full.requestsPerSecond / run.baseline.requestsPerSecond;
}

export function printRun(run: BenchRun): void {
  const line = (name: string, r: LoadResult) =>
    `${name.padEnd(10)} ${fixed(r.requestsPerSecond, 1).padStart(8)} req/s   p50 ${fixed(r.p50Ms, 1)} ms   p99 ${fixed(r.p99Ms, 1)} ms   2xx ${r.ok}  409 ${r.conflicts}  other ${r.other}  ${JSON.stringify(r.statusCodes)}`;
  console.log(`\n${run.seconds} s × ${run.connections} connections over ${run.dossiers} dossiers`);
  console.log(line('baseline', run.baseline));
  console.log(line('full path', run.full));
  console.log(`full / baseline = ${fixed(ratio(run) * 100)} % (goal ≥ 50 %)`);
  console.log(`log entry bytes: baseline ${run.baselineEntryBytes}, full ${run.fullEntryBytes}`);
  console.log('database commands per accepted event on the full path (sequential, monitored run):');
  for (const [name, count] of Object.entries(run.trace.calls)) console.log(`  ${name.padEnd(40)} ${count} × , ${fixed(run.trace.ms[name] ?? 0, 2)} ms`);
}

export function appendRun(run: BenchRun): void {
  if (!existsSync(PERFORMANCE_DOC)) writeFileSync(PERFORMANCE_DOC, INTRO);
  const calls = Object.entries(run.trace.calls).map(([name, n]) => `${name} ${n}`).join(', ');
  const total = Object.values(run.trace.calls).reduce((a, b) => a + b, 0);
  const cells = [
    new Date().toISOString().slice(0, 16).replace('T', ' '),
    benchCommit(),
    `${run.seconds} s × ${run.connections} conn, ${run.dossiers} dossiers`,
    fixed(run.baseline.requestsPerSecond),
    `${fixed(run.baseline.p50Ms)} / ${fixed(run.baseline.p99Ms)}`,
    fixed(run.full.requestsPerSecond),
    `${fixed(run.full.p50Ms)} / ${fixed(run.full.p99Ms)}`,
    `${fixed(ratio(run) * 100)} %`,
    `${run.full.ok} / ${run.full.conflicts} / ${run.full.other}`,
    `${run.baselineEntryBytes} / ${run.fullEntryBytes}`,
    `${fixed(total, 1)}: ${calls}`,
  ];
  addBenchRow('## Results', INTRO.slice(INTRO.indexOf('| date')), `| ${cells.join(' | ')} |`);
  console.log(`appended to ${path.relative(process.cwd(), PERFORMANCE_DOC)}`);
}
