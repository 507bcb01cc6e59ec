import os from 'node:os';
import { addBenchRow } from '../performance-doc';

export interface DialogueBenchRow {
  dossiers: number;
  petitions: number;
  bareMs: number;
  bareRssMb: number;
  exportMs: number;
  exportRssMb: number;
  fileMb: number;
}

const HEADING = '## Dialogue conference export (XLSX, issue 8)';

const INTRO = `
\`npx tsx bench/dialogue-export.ts\`: the summary XLSX of a conference (figures pass + streamed rows) beside a bare exceljs streaming
writer of the same dossier and petition rows, in the same run on the same database. RSS growth is the peak resident set during the
step minus the resident set before it (sampled every 10 ms); goal ≤ 150 MB.

| date | machine | dossiers | petitions | bare writer ms | bare RSS growth MB | export ms | export RSS growth MB | file MB |
|---|---|---|---|---|---|---|---|---|
`;

/** One row in this bench's own table of docs/PERFORMANCE.md. */
export function appendDialogueRow(row: DialogueBenchRow): void {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`;
  addBenchRow(
    HEADING,
    INTRO,
    `| ${new Date().toISOString().slice(0, 10)} | ${machine} | ${row.dossiers} | ${row.petitions} | ${row.bareMs.toFixed(0)} | ${row.bareRssMb.toFixed(1)} | ${row.exportMs.toFixed(0)} | ${row.exportRssMb.toFixed(1)} | ${row.fileMb.toFixed(2)} |`,
  );
}
