import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GUIDE_PATH, GuideFileError, loadGuide, parseGuide, projectRoot } from '../../src/guide/load.js';

const guideText = readFileSync(DEFAULT_GUIDE_PATH, 'utf8');

function loadBroken(edit: (text: string) => string): GuideFileError {
  try {
    parseGuide(edit(guideText), 'broken.guide.yml');
  } catch (error) {
    if (error instanceof GuideFileError) return error;
    throw error;
  }
  throw new Error('expected the broken guide to be rejected');
}

describe('the guide as data', () => {
  const { guide, notes } = loadGuide();

  it("holds the guide's three regions with their published bands, in whole dollars", () => {
    const byId = Object.fromEntries(guide.regions.map((region) => [region.id, region.band]));
    expect(byId.detroit).toEqual({
      base: { low: 128_000, high: 168_000 },
      stock: { low: 28_000, high: 52_000 },
      bonus: { low: 26_000, high: 42_000 },
      totalComp: { low: 182_000, high: 262_000 },
    });
    expect(byId.charlotte).toEqual({
      base: { low: 134_000, high: 176_000 },
      stock: { low: 29_000, high: 55_000 },
      bonus: { low: 27_000, high: 44_000 },
      totalComp: { low: 191_000, high: 275_000 },
    });
    expect(byId['new-york']).toEqual({
      base: { low: 151_000, high: 198_000 },
      stock: { low: 33_000, high: 61_000 },
      bonus: { low: 31_000, high: 50_000 },
      totalComp: { low: 215_000, high: 309_000 },
    });
  });

  it('holds the negotiate-up targets, the premiums, the levers, the level map and the seven sources', () => {
    expect(guide.regions.map((r) => r.strategy.target)).toEqual([
      { low: 240_000, high: 262_000 },
      { low: 252_000, high: 275_000 },
      { low: 285_000, high: 309_000 },
    ]);
    expect(guide.premiums.map((p) => [p.id, p.range.low, p.range.high])).toEqual([
      ['responsible-ai', 10_000, 18_000],
      ['empathetic-automation', 8_000, 15_000],
      ['branchless', 8_000, 14_000],
      ['career-differentiator', 5_000, 10_000],
    ]);
    expect(guide.branchlessPremium.percent).toEqual({ low: 15, high: 25 });
    expect(guide.levers.map((l) => l.name)).toEqual([
      'Product Accountability Lever',
      'AI Product Management Lever',
      'Auto Lending Scale Lever',
      'Digital-First Strategy Alignment Lever',
    ]);
    expect(guide.levels.rows.find((row) => row.ally === 'Director of Product')?.peers['Capital One']).toBe(
      'VP, Product Management',
    );
    expect(guide.sources).toHaveLength(7);
    expect(guide.regions[0]?.strategy.peers[0]).toEqual({
      name: 'Capital One',
      benchmark: { low: 250_000, high: 290_000 },
    });
  });

  it('every dollar figure printed in the original guide is somewhere in the data file', () => {
    const source = readFileSync(join(projectRoot(), 'data', 'sources', 'ally-pm.guide.md'), 'utf8');
    const figures = new Set([...source.matchAll(/\$(\d+)K/g)].map((match) => Number(match[1]) * 1000));
    const data = JSON.stringify(guide);
    const missing = [...figures].filter((dollars) => !data.includes(String(dollars)));
    expect(figures.size).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it("notices that Charlotte's low total comp is $1K more than its parts, and keeps the guide's figure", () => {
    const charlotte = guide.regions.find((r) => r.id === 'charlotte');
    expect(charlotte?.band.totalComp.low).toBe(191_000);
    const note = notes.find((n) => n.id === 'tc-sum-charlotte-low');
    expect(note?.regionId).toBe('charlotte');
    expect(note?.text).toContain('$191K');
    expect(note?.text).toContain('$190K');
    expect(note?.text).toContain('$1K more');
    // Every other band end adds up, so it is the only such note.
    expect(notes.filter((n) => n.id.startsWith('tc-sum-'))).toHaveLength(1);
  });

  it('notices the other inconsistencies: the RSU unit, the Capital One benchmark above the band, the two branchless prices', () => {
    expect(notes.map((n) => n.id).sort()).toEqual(
      [
        'branchless-two-prices',
        'lever-figures-sum',
        'peer-above-band-detroit',
        'stock-unit',
        'tc-sum-charlotte-low',
      ].sort(),
    );
    expect(notes.find((n) => n.id === 'lever-figures-sum')?.text).toContain('add up to $246K–$250K, $9K–$12K short');
    expect(notes.find((n) => n.id === 'stock-unit')?.text).toContain('5 of 6');
    expect(notes.find((n) => n.id === 'peer-above-band-detroit')?.text).toContain('$28K above');
    expect(notes.find((n) => n.id === 'branchless-two-prices')?.text).toMatch(/\$36\.8K–\$61\.3K/);
  });
});

describe('a malformed guide file fails at start with the file, the field and what is wrong', () => {
  it.each([
    [
      'a negative figure',
      (t: string) => t.replace('base: { low: 128000', 'base: { low: -128000'),
      /regions\[0\]\.band\.base\.low: must not be negative/,
    ],
    [
      'a figure with cents',
      (t: string) => t.replace('high: 168000', 'high: 168000.5'),
      /regions\[0\]\.band\.base\.high: must be whole dollars/,
    ],
    [
      'a low above its high',
      (t: string) => t.replace('stock: { low: 28000, high: 52000 }', 'stock: { low: 58000, high: 52000 }'),
      /regions\[0\]\.band\.stock: low must not be above high/,
    ],
    [
      'a missing field',
      (t: string) => t.replace(/ {6}bonus: \{ low: 26000, high: 42000 \}\n/, ''),
      /regions\[0\]\.band\.bonus: /,
    ],
    ['an unknown field', (t: string) => t.replace('currency: USD', 'currency: USD\ncolour: blue'), /colour/],
    [
      'an unknown script placeholder',
      (t: string) => t.replace('{baseAsk}', '{baseAks}'),
      /levers\[0\]\.script: uses an unknown \{placeholder\}/,
    ],
    [
      'an alias used twice',
      (t: string) => t.replace('aliases: [charlotte, clt, nc', 'aliases: [charlotte, det, nc'),
      /regions\[1\]\.aliases\[1\]: alias "det" is already used by region detroit/,
    ],
    [
      'an example region that does not exist',
      (t: string) => t.replace('  region: detroit', '  region: atlanta'),
      /example\.region: no region with id "atlanta"/,
    ],
    [
      "an offer phrase that is not in the lever's rationale",
      (t: string) => t.replace('offerRationale: "; a competing offer', 'offerRationale: "; an offer'),
      /levers\[2\]\.offerRationale: offerRationale must be a phrase of the rationale, word for word/,
    ],
    ['broken YAML', (t: string) => t.replace('regions:', 'regions: [unclosed'), /not valid YAML/],
  ])('%s', (_name, edit, expected) => {
    const error = loadBroken(edit);
    expect(error.message).toContain('broken.guide.yml');
    expect(error.message).toMatch(expected);
  });

  it('a missing file says which file', () => {
    expect(() => loadGuide('/nonexistent/guide.yml')).toThrow(/\/nonexistent\/guide\.yml .*cannot be read: ENOENT/s);
  });
});
