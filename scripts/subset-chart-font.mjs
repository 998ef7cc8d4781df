// Builds the chart's fonts: DejaVu Sans (regular and bold) cut down to the characters a chart can show.
// resvg parses the whole font on every render; the full files (~730 KB each) cost ~25 ms a chart, the subsets ~5 ms.
// Run after changing the character set or the dejavu-fonts-ttf version: `node scripts/subset-chart-font.mjs`.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');
// ASCII, Latin-1 and Latin Extended-A (company names such as "Société Générale"), and the punctuation charts use.
const characters = `${range(0x20, 0x7e)}${range(0xa0, 0x17f)}–—‘’“”…•·×−→▾▼`;

const require = createRequire(import.meta.url);
const source = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'fonts');
for (const [from, to] of [
  ['DejaVuSans.ttf', 'DejaVuSans-chart.ttf'],
  ['DejaVuSans-Bold.ttf', 'DejaVuSans-Bold-chart.ttf'],
]) {
  const subset = await subsetFont(readFileSync(join(source, from)), characters, { targetFormat: 'truetype' });
  writeFileSync(join(target, to), subset);
  console.log(`${to}: ${subset.length} bytes`);
}
copyFileSync(join(source, '..', 'LICENSE'), join(target, 'DejaVu-LICENSE.txt'));
