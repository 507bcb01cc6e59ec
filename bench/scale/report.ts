import { addBenchRow, benchCommit } from '../performance-doc';
import type { Timing } from './measure';
import type { ScaleOptions } from './options';
import type { SizeResult } from './run-size';

const HEADING = '## Reads at scale (bench/scale.ts, issue 13)';

const INTRO = `
\`npm run bench:scale\` (sizes with \`BENCH_SCALE_SIZES=1000,10000\`) builds installations of N dossiers of all four
types in every state (about 300 open, the rest closed and spread over five years), with their log entries, documents,
certificates, PGI contributions, jobs, mails and petitions, over hundreds of organizations: templates go through the
real event path (the demo seed, the demo history and one dossier per type and state), then faithful copies are
written in bulk (new ids, codes and certificate numbers, another organization, dates moved back by whole weeks, the
audit chain recomputed and checked on a sample). Builds are cached in \`.cache/bench-scale/<size>-<generator hash>\`.
The real server (\`src/server.ts\`, scheduler included) runs on a scratch copy; every read goes through HTTP, signed
in through the real /login form (pages) or a bearer token (API), once to warm up and then N times one after another
(stopping early when one read has used its time budget: "capped"). Cells are p50 / p95 / max in ms (n samples).
Floors in the same run: \`findOne\` by \`_id\` through the driver, \`/healthz\` and the public home page.
Goals: at 10,000 dossiers every read p50 ≤ 150 ms and p95 ≤ 400 ms; at 50,000 p50 ≤ 300 ms; p50 growing at most
3× from the smallest to the largest size; the maintenance sweep ≤ 1 s at 50,000.

| date (UTC) | commit | read | who | by size: p50 / p95 / max ms (n) | growth of p50 | goals |
|---|---|---|---|---|---|---|
`;

type Row = Timing & { who?: string };

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–');
const cell = (t: Timing | undefined) =>
  !t ? '–' : t.timedOut ? `> ${t.problem?.match(/\d+ s/)?.[0] ?? 'timeout'} (timed out)` : t.problem ? `failed: ${t.problem.replace(/\|/g, '/').slice(0, 120)}` : `${ms(t.p50)} / ${ms(t.p95)} / ${ms(t.max)} (${t.samples.length}${t.cold ? ', cold' : ''}${t.capped ? ', capped' : ''})`;

/** The goals of issue 13 for one read across the sizes of this run: what passed, what missed, what was not measured. */
export function goalsOf(bySize: Map<number, Row>, sizes: readonly number[]): { growth?: number; verdicts: string[] } {
  const verdicts: string[] = [];
  const at = (size: number) => bySize.get(size);
  // A read that did not answer within the timeout missed every time goal.
  const tenK = at(10_000);
  if (tenK?.timedOut) verdicts.push('10k MISS (timeout)');
  else if (tenK && !tenK.problem) verdicts.push(tenK.p50 <= 150 && tenK.p95 <= 400 ? '10k pass' : `10k MISS`);
  const fiftyK = at(50_000);
  if (fiftyK?.timedOut) verdicts.push('50k MISS (timeout)');
  else if (fiftyK && !fiftyK.problem) verdicts.push(fiftyK.p50 <= 300 ? '50k pass' : '50k MISS');
  const smallest = at(sizes[0]!);
  const largest = at(sizes.at(-1)!);
  let growth: number | undefined;
  if (sizes.length > 1 && smallest && largest && !smallest.problem && !largest.problem) {
    growth = largest.p50 / smallest.p50;
    verdicts.push(growth <= 3 ? 'growth pass' : 'growth MISS');
  }
  if (largest?.timedOut && smallest && !smallest.problem) verdicts.push('growth MISS (timeout)');
  if ([...bySize.values()].some((t) => t.problem && !t.timedOut)) verdicts.push('FAILED');
  return { growth, verdicts };
}

/** Reads answer to the read goals; the sweep to its own (≤ 1 s at 50,000); floors, start and build to none. */
function verdictsOf(row: { name: string; who: string; bySize: Map<number, Row> }, sizes: readonly number[]): { growth?: number; verdicts: string[] } {
  if (row.who === 'scheduler') {
    const at50k = row.bySize.get(50_000);
    return { verdicts: at50k ? [at50k.p50 <= 1000 ? '50k pass' : '50k MISS'] : [] };
  }
  if (['floor', 'bench', 'server'].includes(row.who)) return { verdicts: [] };
  return goalsOf(row.bySize, sizes);
}

/** Every row of the run: the floors, then each read, then start, sweep and build, each with its figures by size. */
function rowsOf(results: readonly SizeResult[]): { name: string; who: string; bySize: Map<number, Row> }[] {
  const byName = new Map<string, { name: string; who: string; bySize: Map<number, Row> }>();
  const add = (name: string, who: string, size: number, timing: Row) => {
    const row = byName.get(name) ?? { name, who, bySize: new Map<number, Row>() };
    byName.set(name, row);
    row.bySize.set(size, timing);
  };
  const single = (name: string, value: number): Timing => ({ name, samples: [value], p50: value, p95: value, max: value, capped: false });
  for (const result of results) {
    for (const floor of result.floors) add(floor.name, 'floor', result.size, floor);
    for (const read of result.reads) add(read.name, `${read.who} ${read.via}`, result.size, read);
    add('server start (to /readyz)', 'server', result.size, single('start', result.startMs));
    add('maintenance sweep', 'scheduler', result.size, single('sweep', result.sweepMs));
    if (result.buildMs !== undefined) add('build (templates + copies)', 'bench', result.size, single('build', result.buildMs));
  }
  return [...byName.values()];
}

export function printScaleReport(results: readonly SizeResult[], log: (line: string) => void): void {
  const sizes = results.map((r) => r.size);
  log(`\n${'read'.padEnd(34)} ${sizes.map((s) => `${s} dossiers: p50 / p95 / max ms (n)`.padEnd(38)).join(' ')} growth  goals`);
  const misses: string[] = [];
  for (const row of rowsOf(results)) {
    const { growth, verdicts } = verdictsOf(row, sizes);
    log(`${row.name.padEnd(34)} ${sizes.map((s) => cell(row.bySize.get(s)).padEnd(38)).join(' ')} ${growth === undefined ? '   ' : `${growth.toFixed(1)}×`.padStart(6)}  ${verdicts.join(', ')}`);
    if (verdicts.some((v) => v.includes('MISS') || v === 'FAILED')) misses.push(row.name);
  }
  log(`\n${misses.length} of ${rowsOf(results).length} rows miss a goal or failed: ${misses.join('; ')}`);
}

/** One row per read in this bench's table of docs/PERFORMANCE.md, all marked with the run's date and commit. */
export function appendScaleRows(results: readonly SizeResult[], options: ScaleOptions): void {
  const sizes = results.map((r) => r.size);
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const commit = benchCommit();
  const restarts = results.map((r) => `${r.size}: ${r.restarts}`).join(', ');
  const settings = `${options.repetitions} reps, ${options.budgetMs / 1000} s budget per read, ${options.timeoutMs / 1000} s timeout per request; server restarts after a timeout: ${restarts}`;
  for (const row of rowsOf(results)) {
    const { growth, verdicts } = verdictsOf(row, sizes);
    const bySize = sizes.map((s) => `${s}: ${cell(row.bySize.get(s))}`).join('<br>');
    const growthCell = growth === undefined ? '–' : `${growth.toFixed(1)} × (${sizes[0]} → ${sizes.at(-1)})`;
    addBenchRow(HEADING, INTRO, `| ${when} | ${commit} | ${row.name} | ${row.who} | ${bySize} | ${growthCell} | ${verdicts.join(', ') || '–'} |`);
  }
  addBenchRow(HEADING, INTRO, `| ${when} | ${commit} | (run settings) | – | ${settings} | – | – |`);
}
