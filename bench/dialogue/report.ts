import { appendFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fromRoot } from '../../src/paths';

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

/**
 * Appends one row under our own heading. The file is read fresh right before appending, and only appended to,
 * because other benchmarks append to it too.
 */
export function appendDialogueRow(row: DialogueBenchRow): void {
  const file = fromRoot('docs', 'PERFORMANCE.md');
  const current = readFileSync(file, 'utf8');
  const lines: string[] = [];
  if (!current.includes(HEADING)) {
    lines.push(
      '', HEADING, '',
      '`npx tsx bench/dialogue-export.ts`: the summary XLSX of a conference (figures pass + streamed rows) beside a bare exceljs streaming',
      'writer of the same dossier and petition rows, in the same run on the same database. RSS growth is the peak resident set during the',
      'step minus the resident set before it (sampled every 10 ms); goal ≤ 150 MB.', '',
      '| date | machine | dossiers | petitions | bare writer ms | bare RSS growth MB | export ms | export RSS growth MB | file MB |',
      '|---|---|---|---|---|---|---|---|---|',
    );
  } else if (!current.endsWith('\n')) lines.push('');
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`;
  lines.push(`| ${new Date().toISOString().slice(0, 10)} | ${machine} | ${row.dossiers} | ${row.petitions} | ${row.bareMs.toFixed(0)} | ${row.bareRssMb.toFixed(1)} | ${row.exportMs.toFixed(0)} | ${row.exportRssMb.toFixed(1)} | ${row.fileMb.toFixed(2)} |`);
  appendFileSync(file, `${lines.join('\n')}\n`);
}
