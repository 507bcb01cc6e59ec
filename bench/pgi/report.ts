import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';

const DOC = path.join(__dirname, '..', '..', 'docs', 'PERFORMANCE.md');
const HEADING = '## PGI full recompute (bench/pgi-recompute.ts)';

const EXPLANATION = `
\`npx tsx bench/pgi-recompute.ts\` writes N decided dossiers of 2025 (one decision entry each, 200 organizations)
into a fresh database and times, in the same run on the same server: the **bare aggregation** (one \`$match\` +
\`$group\`/\`$sum\` over the same log entries, the floor for touching that data), the **full recompute** of the
year (\`recomputePeriod\`: read entries, dossiers and organizations, run every formula, sum in memory) and the
**projected read** (what \`GET /api/v1/pgi/periods/:id\` costs: \`$group\`/\`$sum\` over the contribution
documents, one pipeline per sum because FerretDB 1.24 computes only the first accumulator of a \`$group\`).
Goal: full recompute ≤ 1 s for 100k. Times are the median of 3.

| date (UTC) | commit | dossiers | contributions | bare aggregation ms | full recompute ms | projected read ms | recompute / bare |
|---|---|---:|---:|---:|---:|---:|---:|
`;

export interface PgiBenchRow {
  dossiers: number;
  contributions: number;
  bareMs: number;
  recomputeMs: number;
  projectedMs: number;
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * Append only, after a fresh read: another bench may be writing the same file. The heading and explanation are
 * written once; each run adds its row at the end (so a row lands under our table only while ours is last).
 */
export function appendPgiRow(row: PgiBenchRow): void {
  const current = readFileSync(DOC, 'utf8');
  const ownTableIsLast = current.includes(HEADING) && current.lastIndexOf(HEADING) >= current.lastIndexOf('\n## ') + 1;
  const prefix = ownTableIsLast ? '' : `\n${HEADING}\n${EXPLANATION}`;
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const line = `| ${when} | ${commit()} | ${row.dossiers} | ${row.contributions} | ${row.bareMs.toFixed(0)} | ${row.recomputeMs.toFixed(0)} | ${Number.isNaN(row.projectedMs) ? 'not run' : row.projectedMs.toFixed(0)} | ${(row.recomputeMs / row.bareMs).toFixed(1)} × |\n`;
  appendFileSync(DOC, `${current.endsWith('\n') ? '' : '\n'}${prefix}${line}`);
}
