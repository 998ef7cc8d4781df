/**
 * Children run as plain JavaScript, the way `npm start` runs the app (`node dist/src/main.js`): under tsx every
 * start would also pay for transpiling ~60 files, which production does not. Type-stripping with TypeScript's
 * transpileModule takes a second, needs no type check (other people's work in progress in src/ cannot stop the
 * bench) and writes to bench/.build, which is git-ignored. From there projectRoot() still finds the repo root.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_DIR = join(REPO_ROOT, 'bench', '.build');

export interface ChildScripts {
  allycomp: string;
  baseline: string;
  naive: string;
  /** The Web API stub's own process (bench/stub-child.ts). */
  stub: string;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

export function buildChildren(): ChildScripts {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  const benchDir = join(REPO_ROOT, 'bench');
  const sources = [
    ...typeScriptFiles(join(REPO_ROOT, 'src')),
    ...[
      'child-allycomp.ts',
      'child-baseline.ts',
      'child-naive.ts',
      'child-control.ts',
      'slack-stub.ts',
      'stub-child.ts',
    ].map((name) => join(benchDir, name)),
  ];
  for (const source of sources) {
    const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
      fileName: source,
      compilerOptions: {
        module: ts.ModuleKind.ES2022,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
        esModuleInterop: true,
      },
    });
    const target = join(BUILD_DIR, relative(REPO_ROOT, source)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return {
    allycomp: join(BUILD_DIR, 'bench', 'child-allycomp.js'),
    baseline: join(BUILD_DIR, 'bench', 'child-baseline.js'),
    naive: join(BUILD_DIR, 'bench', 'child-naive.js'),
    stub: join(BUILD_DIR, 'bench', 'stub-child.js'),
  };
}
