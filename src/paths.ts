import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repo root, found from this file whether it runs from src/ (tsx, vitest) or dist/src/ (npm start). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('allycomp: cannot find package.json above the running code');
    dir = parent;
  }
  return dir;
}
