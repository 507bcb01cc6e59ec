import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project root, found from this file whether it runs from src/ (tsx, jest) or dist/src/ (built). */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot(__dirname);
export const fromRoot = (...segments: string[]): string => path.resolve(projectRoot, ...segments);
