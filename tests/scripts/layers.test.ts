import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers, readImportGraph } from '../../scripts/layers.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** A made-up tree: file → source. */
function check(tree: Record<string, string>) {
  return checkLayers(readImportGraph(ROOT, Object.keys(tree), (file) => tree[file] ?? ''));
}

describe('the layer check', () => {
  it('passes a tree that keeps the rules', () => {
    expect(
      check({
        'src/engine/a.ts': "import { g } from '../guide/schema.js';",
        'src/guide/schema.ts': "import { z } from 'zod';",
        'src/views/v.ts': "import type { KnownBlock } from '@slack/types';\nimport { a } from '../engine/a.js';",
        'src/slack/s.ts': "import type { App } from '@slack/bolt';\nimport { v } from '../views/v.js';",
      }),
    ).toEqual([]);
  });

  it('fails an import from a higher layer', () => {
    const found = check({ 'src/engine/a.ts': "import { x } from '../slack/x.js';", 'src/slack/x.ts': '' });
    expect(found).toEqual([
      expect.objectContaining({ rule: 'layer-order', from: 'src/engine/a.ts', to: 'src/slack/x.ts' }),
    ]);
  });

  it('fails Slack or Node I/O in the engine, and a Slack client in views', () => {
    const found = check({
      'src/engine/a.ts': "import { readFileSync } from 'node:fs';\nimport type { App } from '@slack/bolt';",
      'src/engine/b.ts': "import { join } from 'path';",
      'src/views/v.ts': "import type { WebClient } from '@slack/web-api';",
    });
    expect(found.map((v) => [v.rule, v.from, v.to])).toEqual([
      ['pure-engine', 'src/engine/a.ts', 'node:fs'],
      ['pure-engine', 'src/engine/a.ts', '@slack/bolt'],
      ['pure-engine', 'src/engine/b.ts', 'path'],
      ['views-no-client', 'src/views/v.ts', '@slack/web-api'],
    ]);
  });

  it('fails a circular import, type-only and dynamic ones included', () => {
    const found = check({
      'src/slack/delivery.ts': "import { attachChart } from './chart-upload.js';",
      'src/slack/chart-upload.ts': "import type { Code } from './errors.js';\nconst d = await import('./delivery.js');",
      'src/slack/errors.ts': '',
    });
    expect(found).toEqual([
      expect.objectContaining({
        rule: 'no-cycle',
        why: 'src/slack/chart-upload.ts -> src/slack/delivery.ts -> src/slack/chart-upload.ts',
      }),
    ]);
  });

  it('fails a module in no layer', () => {
    expect(check({ 'src/helpers/misc.ts': '' })).toEqual([expect.objectContaining({ rule: 'unknown-layer' })]);
  });

  it('holds for src/ as it is', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => relative(ROOT, join(ROOT, 'src', file)));
    expect(checkLayers(readImportGraph(ROOT, files, (file) => readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });
});
