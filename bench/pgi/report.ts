import { addBenchRow, benchCommit } from '../performance-doc';

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

/** One row in this bench's own table of docs/PERFORMANCE.md. */
export function appendPgiRow(row: PgiBenchRow): void {
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const projected = Number.isNaN(row.projectedMs) ? 'not run' : row.projectedMs.toFixed(0);
  const line = `| ${when} | ${benchCommit()} | ${row.dossiers} | ${row.contributions} | ${row.bareMs.toFixed(0)} | ${row.recomputeMs.toFixed(0)} | ${projected} | ${(row.recomputeMs / row.bareMs).toFixed(1)} × |`;
  addBenchRow(HEADING, EXPLANATION, line);
}
