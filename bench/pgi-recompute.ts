import { connectDatabase, ensureIndexes } from '../src/db';
import { DEFAULT_WORKING_CALENDAR } from '../src/calendar';
import { DossierEventModel } from '../src/applications/dossier-event.model';
import { parsePeriodId, recomputePeriod } from '../src/pgi';
import { indicatorSetForPeriod } from '../src/pgi/indicators';
import { aggregatePeriod } from '../src/pgi/period-aggregate';
import { assemblePeriodView } from '../src/pgi/period-view';
import { PgiContributionModel } from '../src/pgi/pgi-contribution.model';
import { startBenchServer } from './database';
import { generateDecidedDossiers } from './pgi/generate';
import { appendPgiRow } from './pgi/report';

/** Full PGI recompute of a year over N generated decisions, beside a bare aggregation of the same entries. */
async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

async function main(): Promise<void> {
  const dossiers = Number(process.env.PGI_BENCH_DOSSIERS ?? 100_000);
  const server = await startBenchServer();
  const database = await connectDatabase(server.uri, { dbName: server.freshName('pgi_bench') });
  try {
    await ensureIndexes();
    console.log(`writing ${dossiers} decided dossiers …`);
    await generateDecidedDossiers(dossiers);
    const period = parsePeriodId('2025')!;
    const deps = { calendar: DEFAULT_WORKING_CALENDAR };

    const bareMs = await median(3, () =>
      DossierEventModel.aggregate([{ $match: { at: { $gte: period.startsAt, $lt: period.endsAt } } }, { $group: { _id: '$to', n: { $sum: 1 } } }]),
    );
    let contributions = 0;
    const recomputeMs = await median(3, async () => {
      contributions = (await recomputePeriod(period, deps)).contributions;
    });
    console.log({ bareMs, recomputeMs, contributions });
    // The back-fill inserts one contribution at a time (the idempotent path), minutes for 100k: opt-in there.
    let projectedMs = Number.NaN;
    if (dossiers <= 20_000 || process.env.PGI_BENCH_PROJECTED === '1') {
      const started = performance.now();
      await recomputePeriod(period, deps, { repair: true });
      console.log(`back-filled ${await PgiContributionModel.countDocuments()} contributions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      projectedMs = await median(3, async () => assemblePeriodView(period, indicatorSetForPeriod(period), await aggregatePeriod(period)));
    }

    const row = { dossiers, contributions, bareMs, recomputeMs, projectedMs };
    console.log(row);
    appendPgiRow(row);
  } finally {
    await database.connection.dropDatabase().catch(() => undefined);
    await database.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
