/** The machine and software a run measured, for the top of RESULTS.md. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './build-children.js';
import { productionNodeFlags } from './children.js';
import type { MachineInfo } from './report.js';

function packageVersion(name: string): string {
  const file = join(REPO_ROOT, 'node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
}

function describeCommit(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const changed = git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean).length;
    return `commit ${git('rev-parse', '--short', 'HEAD')}${changed ? `, ${changed} files in src/ changed since` : ''}`;
  } catch {
    return 'commit unknown';
  }
}

export function describeMachine(): MachineInfo {
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const distro = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(osRelease)?.[1];
  return {
    date: new Date().toISOString(),
    os: `${distro ?? type()} (kernel ${release()})`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    bolt: packageVersion('@slack/bolt'),
    autocannon: packageVersion('autocannon'),
    allycomp: (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    commit: describeCommit(),
    allycompNodeFlags: productionNodeFlags().join(' '),
    loadAverageBefore: loadavg(),
    loadAverageAfter: [],
  };
}
