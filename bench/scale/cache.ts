import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../src/paths';
import { buildInstallation, type BuildReport } from './build';

/** The files of this folder that shape a build (the others only run and report it). */
const GENERATOR = ['build', 'copy', 'manifest', 'numbering', 'open-stories', 'organizations', 'random', 'templates', 'units', 'verify'].map((name) => `bench/scale/${name}.ts`);

/** What a built installation depends on: the generator, the demo seed it copies, and every schema the records follow. */
function generatorFiles(): string[] {
  const under = (dir: string, keep: (name: string) => boolean): string[] =>
    readdirSync(fromRoot(dir), { recursive: true, encoding: 'utf8' }).filter(keep).map((name) => path.join(dir, name));
  return [...GENERATOR, ...under('src/seed', (n) => n.endsWith('.ts')), ...under('src', (n) => n.endsWith('.model.ts'))].sort();
}

export function generatorHash(): string {
  const hash = createHash('sha256');
  for (const file of generatorFiles()) hash.update(file).update(readFileSync(fromRoot(file)));
  return hash.digest('hex').slice(0, 12);
}

export interface Installation {
  dir: string;
  report: BuildReport;
  built: boolean;
}

/**
 * The installation of `size` dossiers, from .cache/bench-scale/<size>-<hash> when one was built by the same
 * generator, otherwise built there (in a `.partial` folder renamed at the end, so a failed build is never reused).
 */
export async function installationOf(size: number, options: { rebuild: boolean; log: (line: string) => void }): Promise<Installation> {
  const dir = fromRoot('.cache', 'bench-scale', `${size}-${generatorHash()}`);
  if (existsSync(path.join(dir, 'build.json')) && !options.rebuild) {
    return { dir, report: JSON.parse(readFileSync(path.join(dir, 'build.json'), 'utf8')) as BuildReport, built: false };
  }
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const report = await buildInstallation(size, partial, options.log);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return { dir, report, built: true };
}

/** A scratch copy of an installation for one run, so the app's writes (sessions, tokens, jobs) never reach the cache. */
export function scratchCopy(dir: string): string {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'hp-green-scale-'));
  cpSync(dir, scratch, { recursive: true });
  return scratch;
}
