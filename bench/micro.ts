/** The vitest micro-benchmarks, run in a child process and read back from vitest's JSON output. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR, REPO_ROOT } from './build-children.js';
import { track } from './children.js';
import type { MicroResult } from './report.js';

interface VitestBenchJson {
  files: Array<{
    groups: Array<{
      fullName: string;
      benchmarks: Array<{ name: string; mean: number; p99: number; hz: number; sampleCount: number }>;
    }>;
  }>;
}

/** vitest bench in a child process (tracked, so Ctrl-C stops it too), read back from its JSON output. */
export async function runMicroBenchmarks(problems: string[]): Promise<MicroResult[]> {
  const output = join(BUILD_DIR, 'micro-bench.json');
  const vitest = track(
    spawn(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
        'bench',
        '--run',
        '--config',
        'bench/vitest.bench.config.ts',
        '--outputJson',
        output,
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    ),
  );
  let log = '';
  vitest.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  vitest.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const code = await new Promise<number | null>((resolve) => vitest.once('exit', resolve));
  if (code !== 0 || !existsSync(output)) {
    problems.push(`micro-benchmarks: vitest bench exited ${code}`);
    console.error(log);
    return [];
  }
  const json = JSON.parse(readFileSync(output, 'utf8')) as VitestBenchJson;
  return json.files.flatMap((file) =>
    file.groups.flatMap((group) =>
      group.benchmarks.map((b) => ({
        group: group.fullName.split(' > ').slice(1).join(' > '),
        name: b.name,
        meanMs: b.mean,
        p99Ms: b.p99,
        hz: b.hz,
        samples: b.sampleCount,
      })),
    ),
  );
}
