import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASK_WARNING_CODES } from '../../../src/engine/ask/index.js';
import { projectRoot } from '../../../src/guide/load.js';

const root = projectRoot();
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The codes the README lists, one bullet each, under "Where the numbers come from" → "Warnings." */
function documentedCodes(): string[] {
  const start = readme.indexOf('\n## Where the numbers come from');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 4));
  const list = section.slice(section.indexOf('**Warnings.**'));
  return [...list.matchAll(/^- `([a-z-]+)`: \S.*$/gm)].map((match) => match[1] ?? '');
}

/** The codes the ask package's source emits: every `code: '…'` literal in src/engine/ask. */
function emittedCodes(): string[] {
  const dir = join(root, 'src', 'engine', 'ask');
  const codes = readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/\bcode: '([a-z-]+)'/g)])
    .map((match) => match[1] ?? '');
  return [...new Set(codes)];
}

const sorted = (codes: readonly string[]) => [...codes].sort();

describe('every warning code of --data is documented', () => {
  it('the README lists each code once, with one line, and no code the package lacks', () => {
    const documented = documentedCodes();
    expect(new Set(documented).size).toBe(documented.length);
    expect(sorted(documented)).toEqual(sorted(ASK_WARNING_CODES));
  });

  it('every code the package can emit is in the list (and every listed code is emitted somewhere)', () => {
    expect(sorted(emittedCodes())).toEqual(sorted(ASK_WARNING_CODES));
  });
});
