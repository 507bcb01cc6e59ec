import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fromRoot } from '../src/paths';

export const PERFORMANCE_DOC = fromRoot('docs', 'PERFORMANCE.md');

/** HEAD's short hash, marked when the source tree differs from it (others edit it while we measure). */
export function benchCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'workflows', 'bench'], { encoding: 'utf8' }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

/**
 * Adds `row` after the last table row of the section headed `heading`, leaving the prose and the other
 * benchmarks' sections alone; a missing section is written at the end with its `intro` (prose and table
 * header). The file is read right before writing: other benchmarks add rows to it too.
 */
export function addBenchRow(heading: string, intro: string, row: string): void {
  const text = existsSync(PERFORMANCE_DOC) ? readFileSync(PERFORMANCE_DOC, 'utf8') : '# Performance\n';
  const lines = text.replace(/\n+$/, '').split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start < 0) {
    writeFileSync(PERFORMANCE_DOC, `${lines.join('\n')}\n\n${heading}\n\n${intro.trim()}\n${row}\n`);
    return;
  }
  let end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  if (end < 0) end = lines.length;
  let lastRow = -1;
  for (let i = start; i < end; i++) if (lines[i]!.startsWith('|')) lastRow = i;
  if (lastRow < 0) lines.splice(end, 0, ...intro.trim().split('\n').filter((line) => line.startsWith('|')), row, '');
  else lines.splice(lastRow + 1, 0, row);
  writeFileSync(PERFORMANCE_DOC, `${lines.join('\n')}\n`);
}
