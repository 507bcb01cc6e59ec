export interface ScaleOptions {
  sizes: number[];
  repetitions: number;
  budgetMs: number;
  timeoutMs: number;
  rebuild: boolean;
  /** Print only; leave docs/PERFORMANCE.md alone (trial runs). */
  dryRun: boolean;
}

class OptionError extends Error {}

/**
 * `--sizes=1000,10000 --repetitions=5 --budget=60 --timeout=300 --rebuild --dry-run`, or BENCH_SCALE_SIZES,
 * BENCH_SCALE_REPETITIONS, BENCH_SCALE_BUDGET_S, BENCH_SCALE_TIMEOUT_S, BENCH_SCALE_REBUILD=1, BENCH_SCALE_DRY_RUN=1.
 */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ScaleOptions {
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const positive = (name: string, raw: string | undefined, fallback: number) => {
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new OptionError(`${name} must be a positive integer, got "${raw}"`);
    return value;
  };
  const sizes = (flag('sizes') ?? env.BENCH_SCALE_SIZES ?? '1000,10000,50000').split(',').map((s) => positive('sizes', s.trim(), 0));
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    repetitions: positive('repetitions', flag('repetitions') ?? env.BENCH_SCALE_REPETITIONS, 5),
    budgetMs: positive('budget', flag('budget') ?? env.BENCH_SCALE_BUDGET_S, 60) * 1000,
    timeoutMs: positive('timeout', flag('timeout') ?? env.BENCH_SCALE_TIMEOUT_S, 300) * 1000,
    rebuild: argv.includes('--rebuild') || env.BENCH_SCALE_REBUILD === '1',
    dryRun: argv.includes('--dry-run') || env.BENCH_SCALE_DRY_RUN === '1',
  };
}
