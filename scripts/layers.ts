/**
 * The layer rules of src/, checked over the import graph (`npm test` runs `npm run layers`). Written down here and
 * in the README:
 * 1. Layers, lowest first; a module imports only from its own layer or a lower one, never a higher one.
 * 2. The guide and the engine import no Slack package and no Node built-in (no I/O), except guide/load.ts, which
 *    reads the guide file.
 * 3. Views import no Slack client (@slack/bolt, @slack/web-api): Block Kit types come from @slack/types.
 * 4. No circular import anywhere in src/ (type-only imports count too: they show the same tangle).
 */
import { builtinModules } from 'node:module';
import { dirname, normalize, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface Layer {
  name: string;
  /** Repo-relative paths: a folder ends with '/', a file does not. */
  paths: string[];
  mayImport: string;
}

/** Lowest first. */
export const LAYERS: Layer[] = [
  { name: 'support', paths: ['src/paths.ts', 'src/version.ts'], mayImport: 'Node only' },
  { name: 'guide', paths: ['src/guide/'], mayImport: 'support, zod, yaml' },
  { name: 'engine', paths: ['src/engine/'], mayImport: 'guide (pure: no Slack, no Node I/O)' },
  { name: 'chart', paths: ['src/chart/'], mayImport: 'support, resvg (rasterise.ts only)' },
  { name: 'views', paths: ['src/views/'], mayImport: 'guide, engine, chart types, @slack/types' },
  { name: 'answers', paths: ['src/answers/'], mayImport: 'guide, engine, chart, views' },
  { name: 'process', paths: ['src/config.ts', 'src/logging.ts'], mayImport: 'support' },
  { name: 'store', paths: ['src/store/'], mayImport: 'support, process, pg, Bolt installation types' },
  { name: 'slack', paths: ['src/slack/'], mayImport: 'everything below, Bolt' },
  { name: 'middleware', paths: ['src/middleware/'], mayImport: 'slack and below' },
  { name: 'listeners', paths: ['src/listeners/'], mayImport: 'slack and below' },
  { name: 'app', paths: ['src/app.ts'], mayImport: 'everything below' },
  { name: 'entry', paths: ['src/main.ts', 'src/preview/'], mayImport: 'everything below' },
];

const SLACK_CLIENT = /^@slack\/(bolt|web-api|socket-mode|oauth)(\/|$)/;
const NODE_BUILTIN = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || NODE_BUILTIN.has(specifier.split('/')[0] ?? '');

/** Each module's imports: other modules (repo-relative paths) and packages (specifiers). */
export type ImportGraph = Map<string, { modules: string[]; packages: string[] }>;

export interface Violation {
  rule: 'layer-order' | 'unknown-layer' | 'pure-engine' | 'views-no-client' | 'no-cycle';
  from: string;
  to: string;
  why: string;
}

export function layerOf(path: string): number {
  return LAYERS.findIndex((layer) => layer.paths.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p)));
}

/** The graph of `files` (repo-relative to `root`), read with TypeScript's own import scanner. */
export function readImportGraph(root: string, files: string[], read: (path: string) => string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(read(file), true, true);
    const modules: string[] = [];
    const packages: string[] = [];
    for (const { fileName } of importedFiles) {
      if (fileName.startsWith('.')) {
        const target = normalize(relative(root, resolve(root, dirname(file), fileName))).replace(/\.js$/, '.ts');
        modules.push(target);
      } else {
        packages.push(fileName);
      }
    }
    graph.set(file, { modules, packages });
  }
  return graph;
}

function cycles(graph: ImportGraph): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file)?.modules ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}

export function checkLayers(graph: ImportGraph): Violation[] {
  const violations: Violation[] = [];
  for (const [from, { modules, packages }] of graph) {
    const fromLayer = layerOf(from);
    if (fromLayer < 0) {
      violations.push({ rule: 'unknown-layer', from, to: '', why: 'add it to a layer in scripts/layers.ts' });
      continue;
    }
    const name = LAYERS[fromLayer]?.name;
    for (const to of modules) {
      const toLayer = layerOf(to);
      if (toLayer > fromLayer) {
        const why = `${name} imports from ${LAYERS[toLayer]?.name}, a higher layer`;
        violations.push({ rule: 'layer-order', from, to, why });
      }
    }
    for (const to of packages) {
      const pure = name === 'engine' || (name === 'guide' && from !== 'src/guide/load.ts');
      if (pure && (to.startsWith('@slack/') || isNodeBuiltin(to)))
        violations.push({ rule: 'pure-engine', from, to, why: `${name} must not import Slack or Node I/O` });
      if (name === 'views' && SLACK_CLIENT.test(to))
        violations.push({ rule: 'views-no-client', from, to, why: 'views build payloads; they never call Slack' });
    }
  }
  for (const cycle of cycles(graph)) {
    violations.push({ rule: 'no-cycle', from: cycle[0] ?? '', to: cycle[1] ?? '', why: cycle.join(' -> ') });
  }
  return violations;
}

export function formatViolation(v: Violation): string {
  return `${v.rule}: ${v.from}${v.to ? ` -> ${v.to}` : ''} (${v.why})`;
}
