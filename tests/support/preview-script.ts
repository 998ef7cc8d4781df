import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/guide/load.js';

const run = promisify(execFile);
const ROOT = projectRoot();

/**
 * `npm run preview -- …` as a person runs it: the real script in its own process. tsx is loaded as Node's loader in
 * that one process rather than through `npx tsx` (npm's start-up and a second process cost about a second of CPU
 * each time, on a machine the whole test run shares).
 */
export function runPreviewScript(words: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  const loader = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  return run(process.execPath, ['--import', loader, join(ROOT, 'src', 'preview', 'cli.ts'), ...words], {
    cwd: ROOT,
    timeout: 30_000,
  });
}
