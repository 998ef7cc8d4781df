/** Titles (from the guide's level map) and regions named in prose. */
import { type Guide, normaliseName, type Region } from '../../guide/schema.js';
import { type Collector, shown } from './collector.js';
import { exactPattern, loosePattern } from './patterns.js';

export function titleIn(guide: Guide, text: string): string | undefined {
  const titles = new Set<string>();
  for (const row of guide.levels.rows) {
    titles.add(row.ally);
    for (const title of Object.values(row.peers)) titles.add(title);
  }
  let best: { title: string; start: number; length: number } | undefined;
  for (const title of titles) {
    const pattern = loosePattern(title);
    if (!pattern) continue;
    for (const match of text.matchAll(pattern)) {
      if (!best || match.index < best.start || (match.index === best.start && match[0].length > best.length)) {
        best = { title, start: match.index, length: match[0].length };
      }
    }
  }
  return best?.title;
}

/** Aliases that are not places ("HQ" is the guide's Detroit, but every company has an HQ). */
export const NOT_A_PLACE = new Set(['hq']);

export function regionsIn(guide: Guide, text: string, anyCase = false): { region: Region; typed: string }[] {
  const found: { region: Region; typed: string; start: number }[] = [];
  for (const region of guide.regions) {
    let first: { typed: string; start: number } | undefined;
    for (const name of new Set([region.name, region.shortName, ...region.aliases])) {
      const normal = normaliseName(name);
      if (!normal || NOT_A_PLACE.has(normal)) continue;
      // Short aliases (ny, nc, mi, clt) only count in capitals: "NY", not the "ny" in a sentence.
      const pattern =
        !anyCase && normal.length <= 3 && !normal.includes(' ')
          ? exactPattern(normal.toUpperCase())
          : loosePattern(normal);
      if (!pattern) continue;
      const match = pattern.exec(text);
      if (match && (!first || match.index < first.start)) first = { typed: match[0], start: match.index };
    }
    if (first) found.push({ region, ...first });
  }
  return found.sort((a, b) => a.start - b.start);
}

export function setRegionFromText(c: Collector, text: string, anyCase = false): void {
  const regions = regionsIn(c.guide, text, anyCase);
  const [only, second] = regions;
  if (!only) return;
  if (second) {
    c.problem(
      'region',
      `Region: the message names both ${only.region.shortName} and ${second.region.shortName}; say which one the offer is for.`,
    );
    return;
  }
  c.draft.regionId = only.region.id;
  c.note(`${shown(only.typed)} read as the ${only.region.name} region`);
}
