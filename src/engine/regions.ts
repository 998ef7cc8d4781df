import { type Guide, normaliseName, type Region } from '../guide/schema.js';

export interface UnknownRegion {
  kind: 'unknown_region';
  input: string;
  /** The first alias of each region, in guide order: what to type. */
  valid: string[];
  suggestion?: Region;
}

export type RegionLookup = { ok: true; region: Region } | { ok: false; error: UnknownRegion };

/** Levenshtein distance; the inputs are short region names, so the plain O(n·m) table is fine. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Whether two words are within `max` edits: the same answer as `editDistance(a, b) <= max`, but two words whose
 * lengths differ by more than `max` are told apart without the table (its cost grows with the long word's length).
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  return Math.abs(a.length - b.length) <= max && editDistance(a, b) <= max;
}

function namesOf(region: Region): string[] {
  return [region.id, region.name, region.shortName, ...region.aliases].map(normaliseName);
}

/** The word the guide lists first for a region: the one to suggest typing. */
export function primaryAlias(region: Region): string {
  return region.aliases[0] ?? region.id;
}

/**
 * The longest text worth comparing with region names: the guide's longest name is 14 characters ("north carolina"),
 * and a typo within tolerance (a third of the length) is at most ~21. Anything longer is not a region typo, and the
 * comparison costs time per character on the event loop everyone shares (58 ms at 40,000 characters, uncapped).
 */
export const REGION_INPUT_MAX = 64;

export function matchRegion(guide: Guide, input: string): Region | undefined {
  // No region name is anywhere near this long: not worth normalising.
  if (input.length > REGION_INPUT_MAX * 4) return undefined;
  const wanted = normaliseName(input);
  if (!wanted) return undefined;
  return guide.regions.find((region) => namesOf(region).includes(wanted));
}

/** The closest region name to a typo, if it is close enough to be a plausible intent. */
export function closestRegion(guide: Guide, input: string): Region | undefined {
  // Checked before normalising, so a megabyte of text costs nothing here.
  if (input.length > REGION_INPUT_MAX * 4) return undefined;
  const wanted = normaliseName(input);
  if (!wanted || wanted.length > REGION_INPUT_MAX) return undefined;
  let best: { region: Region; score: number } | undefined;
  for (const region of guide.regions) {
    for (const name of namesOf(region)) {
      const distance = editDistance(wanted, name);
      const tolerance = Math.max(1, Math.floor(Math.max(wanted.length, name.length) / 3));
      const prefix = name.length >= 3 && wanted.length >= 3 && (name.startsWith(wanted) || wanted.startsWith(name));
      // Two- and three-letter words ("hi", "ok") are a typo of too many short aliases (mi, nc, ny) to guess from.
      if (!prefix && Math.min(wanted.length, name.length) < 4) continue;
      const score = prefix ? 0.5 : distance;
      if (score <= tolerance && (!best || score < best.score)) best = { region, score };
    }
  }
  return best?.region;
}

export function findRegion(guide: Guide, input: string): RegionLookup {
  const region = matchRegion(guide, input);
  if (region) return { ok: true, region };
  return {
    ok: false,
    error: {
      kind: 'unknown_region',
      input: input.trim(),
      valid: guide.regions.map(primaryAlias),
      suggestion: closestRegion(guide, input),
    },
  };
}

/** The region a button value or stored id names, if it is one of the guide's. */
export function regionIfKnown(guide: Guide, id: string | undefined): Region | undefined {
  return guide.regions.find((region) => region.id === id);
}

export function regionById(guide: Guide, id: string): Region {
  const region = guide.regions.find((candidate) => candidate.id === id);
  if (!region) throw new Error(`no region with id ${id}`);
  return region;
}
