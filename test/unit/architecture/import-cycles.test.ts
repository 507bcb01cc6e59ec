import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

interface Violation {
  rule: { name: string };
  from: string;
  cycle?: { name: string }[];
}

/** dependency-cruiser over src/ and workflows/ as they run (type-only imports left out: .dependency-cruiser.cjs). */
function runtimeCycles(): string[] {
  let output: string;
  try {
    output = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'src', 'workflows'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // It exits non-zero when it finds violations; the JSON is still on stdout.
    output = String((error as { stdout?: string }).stdout ?? '');
    if (!output) throw error;
  }
  const { summary } = JSON.parse(output) as { summary: { violations: Violation[] } };
  return summary.violations.filter((v) => v.rule.name === 'no-circular').map((v) => [v.from, ...(v.cycle ?? []).map((step) => step.name)].join(' → '));
}

describe('the import graph', () => {
  it('when src/ and workflows/ are loaded, then no module imports itself through others (a cycle is named)', () => {
    expect(runtimeCycles()).toEqual([]);
  });
});
