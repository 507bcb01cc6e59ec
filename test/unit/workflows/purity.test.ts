import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const WORKFLOWS = join(__dirname, '..', '..', '..', 'workflows');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Machines must replay the event log identically: no clock, no timers, nothing from the I/O side. */
const FORBIDDEN: [string, RegExp][] = [
  ['Date.now', /Date\.now\s*\(/],
  ['new Date() without arguments', /new\s+Date\s*\(\s*\)/],
  ['setTimeout / setInterval', /\bset(Timeout|Interval|Immediate)\s*\(/],
  ['an import from src/', /from\s+['"](\.\.\/)+src\b/],
  ['an XState delayed transition', /\bafter\s*:/],
  ['Math.random', /Math\.random\s*\(/],
];

describe('workflow purity', () => {
  it('when the workflow sources are scanned, then none reads the clock, starts a timer or imports src/', () => {
    const files = sources(WORKFLOWS);
    expect(files.length).toBeGreaterThan(0);
    const offences = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.filter(([, pattern]) => pattern.test(text)).map(
        ([what]) => `${relative(WORKFLOWS, file)}: ${what}`,
      );
    });
    expect(offences).toEqual([]);
  });
});
