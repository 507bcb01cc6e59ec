import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_WORKING_CALENDAR } from '../src/calendar';
import { connectDatabase, ensureIndexes } from '../src/db';
import { dialogueExportJobHandler } from '../src/dialogue';
import { requestExport } from '../src/dialogue/export/export.service';
import { ExportModel } from '../src/dialogue/export/export.model';
import { reportScope } from '../src/dialogue/report-scope';
import { startBenchServer } from './database';
import { writeBareWorkbook } from './dialogue/bare-writer';
import { generateConferenceData } from './dialogue/generate';
import { appendDialogueRow } from './dialogue/report';

/** Runs `work` and reports its wall time and the peak RSS growth over the RSS before it. */
async function measure(work: () => Promise<unknown>): Promise<{ ms: number; rssMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, rssMb: (peak - before) / 2 ** 20 };
}

async function main(): Promise<void> {
  const dossiers = Number(process.env.DIALOGUE_BENCH_DOSSIERS ?? 10_000);
  const petitions = Number(process.env.DIALOGUE_BENCH_PETITIONS ?? 10_000);
  const server = await startBenchServer();
  const database = await connectDatabase(server.uri, { dbName: server.freshName('dialogue_bench') });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hp-dialogue-bench-'));
  try {
    await ensureIndexes();
    console.log(`writing ${dossiers} dossiers and ${petitions} petitions …`);
    const conferenceId = await generateConferenceData(dossiers, petitions);
    const scope = reportScope({ from: '2026-01-01', to: '2026-06-30' });
    const now = () => new Date('2026-07-15T03:00:00Z');

    // The bare writer runs first, so it starts from the smaller heap; ours is measured after it.
    const bareFile = path.join(dataDir, 'bare.xlsx');
    const bare = await measure(() => writeBareWorkbook(conferenceId, scope.startsAt, scope.endsAt, bareFile));

    const actor = { kind: 'user', userId: 'bench', role: 'officer', name: 'bench' } as const;
    const requested = await requestExport(actor, conferenceId, { format: 'xlsx', locale: 'vi' }, now());
    const handler = dialogueExportJobHandler({ now, calendar: DEFAULT_WORKING_CALENDAR, dataDir });
    const job = { key: requested.id, name: 'dialogue_export', payload: { exportId: requested.id }, attempt: 1, signal: new AbortController().signal };
    const ours = await measure(() => handler(job));
    const record = await ExportModel.findById(requested.id).lean();
    if (record?.status !== 'done') throw new Error(`export ended ${record?.status}: ${record?.error}`);

    const row = { dossiers, petitions, bareMs: bare.ms, bareRssMb: bare.rssMb, exportMs: ours.ms, exportRssMb: ours.rssMb, fileMb: (record.sizeBytes ?? 0) / 2 ** 20 };
    console.log({ ...row, bareFileMb: statSync(bareFile).size / 2 ** 20, progress: record.progress });
    appendDialogueRow(row);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await database.connection.dropDatabase().catch(() => undefined);
    await database.close();
    await server.stop();
  }
}

void main();
