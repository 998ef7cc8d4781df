/**
 * `npm test`: the lint and the type check beside the test run. Most of the test run waits on real timers
 * (Retry-After, paced posts, a drain), so the type check fits in those waits instead of adding its ~12 s in front.
 * Their output is printed after the tests when they fail; the exit code is the first failure's.
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

const quiet = { stdio: ['ignore', 'pipe', 'pipe'] };
const lint = run([join(modules, '@biomejs', 'biome', 'bin', 'biome'), 'check', '.'], quiet);
const typecheck = run([join(modules, 'typescript', 'bin', 'tsc'), '--noEmit'], quiet);
const tests = run([join(modules, 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
const [lintResult, types, vitest] = await Promise.all([lint, typecheck, tests]);
if (lintResult.code !== 0) process.stderr.write(`\nLint (biome check .) failed:\n${lintResult.output}`);
if (types.code !== 0) process.stderr.write(`\nType check (tsc --noEmit) failed:\n${types.output}`);
process.exit(lintResult.code || types.code || vitest.code);
