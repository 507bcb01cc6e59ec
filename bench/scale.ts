import { parseOptions } from './scale/options';
import { appendScaleRows, printScaleReport } from './scale/report';
import { runSize, type SizeResult } from './scale/run-size';

/**
 * `npm run bench:scale`: every page and API read a user hits, timed through HTTP on installations of 1,000,
 * 10,000 and 50,000 dossiers (BENCH_SCALE_SIZES), beside a same-run floor, against the goals of issue 13.
 * Results go to docs/PERFORMANCE.md. A benchmark: it reports misses, it does not fail on them.
 */
async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const log = (line: string) => console.log(line);
  log(`sizes ${options.sizes.join(', ')}; ${options.repetitions} repetitions after a warm-up, at most ${options.budgetMs / 1000} s per read`);
  const results: SizeResult[] = [];
  for (const size of options.sizes) {
    log(`\n== ${size} dossiers`);
    results.push(await runSize(size, options, log));
  }
  printScaleReport(results, log);
  if (!options.dryRun) appendScaleRows(results, options);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
