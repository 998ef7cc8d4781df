/** `npm run layers`: fails (exit 1) with one line per broken layer rule in src/; silent when all hold. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkLayers, formatViolation, readImportGraph } from './layers.js';

const root = join(import.meta.dirname, '..');
const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => relative(root, join(root, 'src', file)));
const violations = checkLayers(readImportGraph(root, files, (file) => readFileSync(join(root, file), 'utf8')));
for (const violation of violations) process.stderr.write(`${formatViolation(violation)}\n`);
if (violations.length > 0) {
  process.stderr.write(`${violations.length} layer rule(s) broken: see scripts/layers.ts and the README's layout.\n`);
  process.exit(1);
}
