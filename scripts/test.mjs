/**
 * `npm test` after the lint: the type check and the test run side by side. Most of the test run waits on real timers
 * (Retry-After, paced posts, a drain), so the type check fits in those waits instead of adding its ~12 s in front.
 * The type check's output is printed after the tests; the exit code is the first failure's.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const node = process.execPath;
const modules = join(import.meta.dirname, '..', 'node_modules');

function run(args, options) {
  return new Promise((resolve) => {
    const child = spawn(node, args, options);
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const typecheck = run([join(modules, 'typescript', 'bin', 'tsc'), '--noEmit'], { stdio: ['ignore', 'pipe', 'pipe'] });
const tests = run([join(modules, 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
const [types, vitest] = await Promise.all([typecheck, tests]);
if (types.code !== 0) process.stderr.write(`\nType check (tsc --noEmit) failed:\n${types.output}`);
process.exit(types.code || vitest.code);
