import { describe, expect, it } from 'vitest';
import { prepareOffer, shareCopy } from '../../src/answers/offer-prep.js';
import { describeBandChart } from '../../src/chart/alt-text.js';
import { normaliseOffer, type OfferInput } from '../../src/engine/offer/index.js';
import { loadGuide } from '../../src/guide/load.js';
import type { CompanyKind } from '../../src/guide/schema.js';

/**
 * "Sharing without figures leaks no figure" (issue 15), proved the way a reader would attack it: for each shared
 * copy, the offers a reader cannot tell apart are every offer of the grid that produces exactly the same copy (text,
 * blocks, chart input and alt text). The tightest range they can infer for TC and for each part is the spread of
 * those offers; it must be at least $25K wide. The grid spans every region, every company kind, offers below,
 * inside and above each band, in parts and as a total.
 */
const loaded = loadGuide();
const { guide } = loaded;
const MIN_WIDTH = 25_000;
const KINDS: CompanyKind[] = ['traditional-bank', 'digital-bank-or-fintech', 'big-tech', 'other'];
const COMPANIES = ['SoFi', 'JPMorgan Chase', 'Google', 'Acme Lending'];

interface GridOffer {
  input: OfferInput;
  tc: number;
  base?: number;
  rsu?: number;
  bonus?: number;
}

function grid(): GridOffer[] {
  const offers: GridOffer[] = [];
  for (const [index, kind] of KINDS.entries()) {
    const company = COMPANIES[index] ?? 'Acme';
    for (let tc = 150_000; tc <= 400_000; tc += 12_500) {
      offers.push({ input: { company, companyKind: kind, totalComp: tc }, tc });
    }
    for (let base = 120_000; base <= 230_000; base += 22_000) {
      for (const rsu of [20_000, 45_000, 80_000]) {
        for (const percent of [10, 20]) {
          const bonus = Math.round((base * percent) / 100);
          offers.push({
            input: {
              company,
              companyKind: kind,
              base,
              equity: { kind: 'annual', dollars: rsu },
              bonus: { kind: 'percent', percent },
              signOn: rsu > 50_000 ? 30_000 : undefined,
            },
            tc: base + rsu + bonus,
            base,
            rsu,
            bonus,
          });
        }
      }
    }
  }
  return offers;
}

function everythingShown(copy: ReturnType<typeof shareCopy>): string {
  return JSON.stringify({ ...copy, altText: describeBandChart(copy.chart) });
}

function spread(values: Array<number | undefined>): number {
  const known = values.filter((value): value is number => value !== undefined);
  // A part the reader cannot tie to any offer of the set is as wide as the set's TC: unknown.
  if (known.length === 0) return Number.POSITIVE_INFINITY;
  return Math.max(...known) - Math.min(...known);
}

describe('the copy shared without figures', () => {
  for (const region of guide.regions) {
    it(`${region.shortName}: a reader can narrow no offer to under $25K, for TC or any part`, () => {
      const seen = new Map<string, GridOffer[]>();
      for (const offer of grid()) {
        const normalised = normaliseOffer(offer.input);
        if (!normalised.ok) throw new Error(JSON.stringify(normalised.problems));
        const prep = prepareOffer(guide, region, { ...offer.input, regionId: region.id }, normalised.offer);
        const shown = everythingShown(shareCopy(loaded, prep, false, 'U0PERSON'));
        for (const company of COMPANIES.filter((name) => !`${region.strategy.text}`.includes(name))) {
          expect(shown, 'the company is left out of the figure-free copy').not.toContain(company);
        }
        seen.set(shown, [...(seen.get(shown) ?? []), offer]);
      }
      for (const [, alike] of seen) {
        expect(spread(alike.map((o) => o.tc))).toBeGreaterThanOrEqual(MIN_WIDTH);
        expect(spread(alike.map((o) => o.base))).toBeGreaterThanOrEqual(MIN_WIDTH);
        expect(spread(alike.map((o) => o.rsu))).toBeGreaterThanOrEqual(MIN_WIDTH);
        expect(spread(alike.map((o) => o.bonus))).toBeGreaterThanOrEqual(MIN_WIDTH);
      }
      // In fact the copy depends on the region alone: one copy for every offer of the grid.
      expect(seen.size).toBe(1);
    });
  }

  it('the copy with figures does tell offers apart (the test can see a leak when there is one)', () => {
    const region = guide.regions[0];
    if (!region) throw new Error('no region');
    const copies = new Set(
      [240_000, 241_000].map((tc) => {
        const input: OfferInput = { company: 'SoFi', totalComp: tc };
        const normalised = normaliseOffer(input);
        if (!normalised.ok) throw new Error('offer');
        const prep = prepareOffer(guide, region, { ...input, regionId: region.id }, normalised.offer);
        return everythingShown(shareCopy(loaded, prep, true, 'U0PERSON'));
      }),
    );
    expect(copies.size).toBe(2);
  });
});
