import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../paths';

const SOURCE_DIR = fromRoot('scripts', 'ferretdb');
const CACHE_DIR = fromRoot('.cache', 'ferretdb');

export class GoMissingError extends Error {
  constructor() {
    super(
      [
        'The embedded database needs Go (1.24 or newer) to build FerretDB once, and `go` was not found.',
        'Choose one:',
        '  1. install Go from https://go.dev/dl/ (or your package manager) and run the command again;',
        '  2. point the app at a MongoDB you already have: MONGODB_URI=mongodb://localhost:27017/hp-green npm start;',
        '  3. run everything in containers: docker compose up.',
      ].join('\n'),
    );
    this.name = 'GoMissingError';
  }
}

/** The binary name carries a hash of our Go sources, so editing them triggers a rebuild. */
function binaryPath(): string {
  const hash = createHash('sha256');
  const sources = readdirSync(SOURCE_DIR).filter((file) => file.endsWith('.go') || file === 'go.mod' || file === 'go.sum').sort();
  for (const file of sources) hash.update(file).update(readFileSync(path.join(SOURCE_DIR, file)));
  return path.join(CACHE_DIR, `ferretdb-${hash.digest('hex').slice(0, 12)}`);
}

function run(command: string, args: string[], onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    // GOTOOLCHAIN=local: never try to download a toolchain (no internet but the module proxy).
    const child = spawn(command, args, {
      cwd: SOURCE_DIR,
      env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=readonly' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        tail.push(line);
        if (tail.length > 30) tail.shift();
        onLine(line);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new GoMissingError() : error));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${tail.join('\n')}`)),
    );
  });
}

/**
 * Returns the path of our FerretDB wrapper, building it with Go on first use (a few minutes; progress is
 * reported through `log`). Concurrent builders are safe: each writes a temporary file and renames it.
 */
export async function ensureFerretDbBinary(log: (message: string) => void = () => {}): Promise<string> {
  const target = binaryPath();
  if (existsSync(target)) return target;

  mkdirSync(CACHE_DIR, { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  log('Building the embedded database (FerretDB 1.24 on SQLite) with Go; the first build takes a few minutes…');
  let packages = 0;
  const started = Date.now();
  await run('go', ['build', '-v', '-trimpath', '-o', temporary, '.'], (line) => {
    if (line.startsWith('go: downloading')) {
      log(`  ${line}`);
    } else if (++packages % 50 === 0) {
      log(`  compiled ${packages} packages (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  });
  renameSync(temporary, target);
  log(`Embedded database built in ${Math.round((Date.now() - started) / 1000)} s: ${path.relative(process.cwd(), target)}`);
  return target;
}
