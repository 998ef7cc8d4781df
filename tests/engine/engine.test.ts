import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askFor, asksEverywhere } from '../../src/engine/asks.js';
import { compareRegions, positionIn, regionBand } from '../../src/engine/bands.js';
import { mapLevel } from '../../src/engine/levels.js';
import { analyseOffer } from '../../src/engine/offer-analysis.js';
import { normaliseOffer, type OfferInput } from '../../src/engine/offers.js';
import { parseCommand } from '../../src/engine/parse-command.js';
import { branchlessPremium, claimPremiums } from '../../src/engine/premiums.js';
import { findRegion, regionById } from '../../src/engine/regions.js';
import { renderLevers } from '../../src/engine/scripts.js';
import { loadGuide, projectRoot } from '../../src/guide/load.js';

const loaded = loadGuide();
const { guide } = loaded;
const detroit = regionById(guide, 'detroit');
const charlotte = regionById(guide, 'charlotte');
const newYork = regionById(guide, 'new-york');

function offer(input: OfferInput) {
  const result = normaliseOffer(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.offer;
}

describe('regions', () => {
  it.each([
    ['ny', 'new-york'],
    ['NYC', 'new-york'],
    ['  New   York ', 'new-york'],
    ['manhattan', 'new-york'],
    ['Detroit', 'detroit'],
    ['det', 'detroit'],
    ['MI', 'detroit'],
    ['hq', 'detroit'],
    ['charlotte', 'charlotte'],
    ['CLT', 'charlotte'],
    ['nc', 'charlotte'],
  ])('%s → %s', (input, id) => {
    const found = findRegion(guide, input);
    expect(found.ok && found.region.id).toBe(id);
  });

  it('an unknown region lists the valid ones and the closest match', () => {
    const typo = findRegion(guide, 'charlote');
    expect(typo.ok).toBe(false);
    if (!typo.ok) {
      expect(typo.error.suggestion?.id).toBe('charlotte');
      expect(typo.error.valid).toEqual(['detroit', 'charlotte', 'ny']);
    }
    const far = findRegion(guide, 'atlanta');
    expect(!far.ok && far.error.suggestion).toBeUndefined();
  });

  it("compares every region with the lowest: New York's top is 18% above Detroit's", () => {
    const comparison = compareRegions(guide);
    expect(comparison.lowest.id).toBe('detroit');
    const ny = comparison.rows.find((row) => row.region.id === 'new-york');
    expect(Math.round(ny?.highAboveLowest.value ?? 0)).toBe(18);
    expect(ny?.highAboveLowest.math).toContain('($309K − $262K) ÷ $262K');
    const clt = comparison.rows.find((row) => row.region.id === 'charlotte');
    expect(Math.round(clt?.lowAboveLowest.value ?? 0)).toBe(5);
  });

  it("shows Charlotte's band with the guide's $191K and a footnote on the total-comp row", () => {
    const band = regionBand(loaded, charlotte);
    const tc = band.rows.find((row) => row.component === 'totalComp');
    expect(tc?.figure.value.low).toBe(191_000);
    expect(tc?.figure.source).toBe('guide');
    expect(tc?.notes.map((n) => n.id)).toEqual(['tc-sum-charlotte-low']);
    // New York's figures all add up; only the guide-wide reading of the RSU column is footnoted, on the RSU row.
    const ny = regionBand(loaded, newYork);
    expect(ny.notes.map((n) => n.id)).toEqual(['stock-unit']);
    expect(ny.rows.find((row) => row.component === 'stock')?.notes.map((n) => n.id)).toEqual(['stock-unit']);
  });
});

describe('band position', () => {
  it('says below, above, or how far up', () => {
    expect(positionIn({ low: 182_000, high: 262_000 }, 170_000)).toEqual({ where: 'below', by: 12_000 });
    expect(positionIn({ low: 182_000, high: 262_000 }, 300_000)).toEqual({ where: 'above', by: 38_000 });
    expect(positionIn({ low: 182_000, high: 262_000 }, 245_000)).toEqual({ where: 'within', percentUp: 78.75 });
  });
});

describe('offers', () => {
  it('annual TC averages the vest and leaves the sign-on to first-year TC', () => {
    const o = offer({
      company: 'SoFi',
      base: 170_000,
      equity: { kind: 'annual', dollars: 40_000 },
      bonus: { kind: 'percent', percent: 15 },
      signOn: 20_000,
    });
    expect(o.bonus?.value).toBe(25_500);
    expect(o.annualTc.value).toBe(235_500);
    expect(o.firstYearTc.value).toBe(255_500);
    expect(o.annualTc.math).toContain('sign-on is left out');
  });

  it('a front-loaded 5/15/40/40 grant: 4-year average and a small first year', () => {
    const o = offer({
      base: 160_000,
      equity: { kind: 'grant', dollars: 200_000, vesting: { kind: 'front-loaded-5-15-40-40' } },
    });
    expect(o.equityPerYear?.value).toBe(50_000);
    expect(o.equityFirstYear?.value).toBe(10_000);
    expect(o.annualTc.value).toBe(210_000);
    expect(o.firstYearTc.value).toBe(170_000);
  });

  it('custom vesting must add up to 100', () => {
    const result = normaliseOffer({
      base: 160_000,
      equity: { kind: 'grant', dollars: 100_000, vesting: { kind: 'custom', percents: [10, 20, 30] } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]).toMatchObject({ field: 'vesting', message: expect.stringContaining('60%') });
  });

  it('needs a base or a total', () => {
    const result = normaliseOffer({ company: 'SoFi' });
    expect(!result.ok && result.problems[0]?.field).toBe('base');
  });
});

describe('the ask and the lever scripts', () => {
  it('without an offer, the ask is the negotiate-up target', () => {
    expect(askFor(guide, newYork).tc.value).toEqual({ low: 285_000, high: 309_000 });
    expect(askFor(guide, newYork).tc.source).toBe('guide');
  });

  it("golden: Detroit with a $245K competing offer reproduces the guide's own figures", () => {
    const ask = askFor(guide, detroit, offer({ company: 'Capital One', totalComp: 245_000 }));
    expect(ask.tc.value).toEqual({ low: 255_000, high: 262_000 });
    expect(ask.base.value).toBe(165_000);
    expect(ask.stock.value).toEqual({ low: 48_000, high: 52_000 });
    expect(ask.bonusPercent.value).toBe(20);
    const levers = renderLevers(guide, ask);
    expect(levers[2]?.script).toContain('My competing offer from Capital One at $245K TC');
    expect(levers[2]?.script).toContain("bringing Ally's total comp to $255K–$262K");
    expect(levers[0]?.script).toContain('base salary at $165K');
    expect(levers[1]?.script).toContain('$48K–$52K over four years');
    expect(levers[3]?.script).toContain('bonus target increased to 20%');
  });

  it('the uplift rule alone (not the quoted figure) also gives $255K–$262K for $245K in Detroit', () => {
    const ask = askFor(guide, detroit, offer({ company: 'Capital One', totalComp: 245_001 }));
    expect(ask.tc.value).toEqual({ low: 256_000, high: 262_000 });
    expect(ask.tc.math).toContain('rounded up to the next $1K');
    expect(ask.tc.math).toContain('$10K');
  });

  it("Detroit's scripts without an offer are the guide's scripts, word for word", () => {
    const source = readFileSync(join(projectRoot(), 'data', 'sources', 'ally-pm.guide.md'), 'utf8');
    const quoted = [...source.matchAll(/^> "(.+)"$/gm)].map((match) => match[1]);
    const scripts = renderLevers(guide, askFor(guide, detroit)).map((l) => l.script);
    expect(quoted).toHaveLength(4);
    expect(scripts).toEqual(quoted);
  });

  it.each([
    ['new-york', 194_000, { low: 56_000, high: 61_000 }, 289_000, { low: 299_000, high: 309_000 }],
    ['charlotte', 173_000, { low: 51_000, high: 55_000 }, 257_000, { low: 267_000, high: 275_000 }],
  ])(
    '%s: the same scripts carry numbers by the stated position rule, inside the band',
    (id, base, stock, competing, tcAsk) => {
      const region = regionById(guide, id);
      const ask = askFor(guide, region);
      expect(ask.base.value).toBe(base);
      expect(ask.stock.value).toEqual(stock);
      expect(ask.competingTc.value).toBe(competing);
      expect(ask.leverTc.value).toEqual(tcAsk);
      expect(ask.base.source).toBe('rule');
      expect(ask.base.math).toMatch(/92\.5% of the way up/);
      expect(ask.base.value).toBeLessThanOrEqual(region.band.base.high);
      expect(ask.stock.value.high).toBeLessThanOrEqual(region.band.stock.high);
      expect(ask.leverTc.value.high).toBeLessThanOrEqual(region.band.totalComp.high);
      expect(ask.bonusDollars.value).toBeGreaterThanOrEqual(region.band.bonus.low);
      expect(ask.bonusDollars.value).toBeLessThanOrEqual(region.band.bonus.high);
    },
  );

  it('a low offer does not pull the ask below the target; a high one never lifts it past the band top', () => {
    expect(askFor(guide, detroit, offer({ totalComp: 200_000 })).tc.value).toEqual({ low: 240_000, high: 262_000 });
    expect(askFor(guide, detroit, offer({ totalComp: 258_000 })).tc.value).toEqual({ low: 262_000, high: 262_000 });
  });

  it('an offer above the published band is said plainly, with what the guide suggests', () => {
    const ask = askFor(guide, detroit, offer({ totalComp: 300_000 }));
    expect(ask.aboveBand).toMatchObject({ by: 38_000, bandTop: 262_000 });
    expect(ask.aboveBand?.strategy).toContain('Capital One');
    expect(ask.tc.value).toEqual({ low: 300_000, high: 310_000 });
  });

  it('a competing base above the lever figure lifts the base ask, capped at the band top', () => {
    const ask = askFor(guide, detroit, offer({ base: 175_000 }));
    expect(ask.base.value).toBe(168_000);
    expect(ask.base.personal).toBe(true);
  });

  it('every figure can show its math, and says whether it is the guide or a rule', () => {
    const ask = askFor(guide, newYork, offer({ company: 'SoFi', totalComp: 280_000 }));
    for (const figure of [ask.tc, ask.base, ask.stock, ask.bonusPercent, ask.bonusDollars, ask.competingTc]) {
      expect(figure.math.length).toBeGreaterThan(10);
      expect(['guide', 'rule', 'you']).toContain(figure.source);
    }
    expect(ask.bonusPercent.math).toContain('lever 4');
    expect(asksEverywhere(guide, newYork).map((a) => a.region.id)).toEqual(['new-york', 'detroit', 'charlotte']);
  });

  it('hides the person’s own figures in scripts shared without them', () => {
    const ask = askFor(guide, detroit, offer({ company: 'SoFi', totalComp: 250_000 }));
    const [, , lever3] = renderLevers(guide, ask, { hidePersonal: true });
    expect(lever3?.script).toContain('[their TC]');
    expect(lever3?.script).toContain('[my total-comp ask]');
    expect(lever3?.script).not.toContain('$250K');
  });
});

describe('premiums and levels', () => {
  it('sums the premiums a person qualifies for', () => {
    const claimed = claimPremiums(guide, ['responsible-ai', 'career-differentiator']);
    expect(claimed.total.value).toEqual({ low: 15_000, high: 28_000 });
    expect(
      claimPremiums(
        guide,
        guide.premiums.map((p) => p.id),
      ).total.value,
    ).toEqual({ low: 31_000, high: 57_000 });
  });

  it('the 15–25% branchless premium applies to a traditional bank only', () => {
    const premium = branchlessPremium(guide, 200_000, 'traditional-bank');
    expect(premium?.premium.value).toEqual({ low: 30_000, high: 50_000 });
    expect(premium?.impliedTc.value).toEqual({ low: 230_000, high: 250_000 });
    expect(branchlessPremium(guide, 200_000, 'big-tech')).toBeUndefined();
  });

  it('maps a peer title to the Ally level, and says the bands are for Product Manager only', () => {
    const vp = mapLevel(guide, 'Capital One', 'VP, Product Management');
    expect(vp).toMatchObject({ allyLevel: 'Director of Product', peer: 'Capital One', bandsApply: false });
    expect(vp.caveat).toContain('Product Manager only');
    expect(mapLevel(guide, 'SoFi', 'senior product manager').allyLevel).toBe('Senior Product Manager');
    expect(mapLevel(guide, undefined, 'Director, Product').peer).toBe('Discover');
  });

  it('analyses an offer in every region at once', () => {
    const analysis = analyseOffer(
      guide,
      offer({ company: 'Chase', companyKind: 'traditional-bank', totalComp: 245_000 }),
      detroit,
      ['branchless'],
    );
    expect(analysis.positions.map((p) => p.region.id)).toEqual(['detroit', 'charlotte', 'new-york']);
    expect(analysis.positions[2]?.tc).toMatchObject({ where: 'within' });
    expect(analysis.branchless?.percent).toEqual({ low: 15, high: 25 });
    expect(analysis.levers).toHaveLength(4);
  });
});

describe('command words', () => {
  it.each([
    ['', 'help'],
    ['help', 'help'],
    ['ny', 'region'],
    ['new york', 'region'],
    ['all', 'compare'],
    ['compare', 'compare'],
    ['levers', 'levers'],
    ['levers charlotte', 'levers'],
    ['levels', 'levels'],
    ['premiums', 'premiums'],
    ['sources', 'sources'],
    ['offer SoFi 245k detroit', 'offer'],
    ['atlanta', 'error'],
    ['levers atlanta', 'error'],
  ])('%j → %s', (text, kind) => {
    expect(parseCommand(guide, text).intent.kind).toBe(kind);
  });

  it('private or me anywhere makes the answer private', () => {
    expect(parseCommand(guide, 'ny private')).toMatchObject({ private: true, intent: { kind: 'region' } });
    expect(parseCommand(guide, 'me all')).toMatchObject({ private: true, intent: { kind: 'compare' } });
    expect(parseCommand(guide, 'ny').private).toBe(false);
  });
});

describe('a second guide is a data change, with no code change', () => {
  const second = loadGuide(join(projectRoot(), 'tests', 'fixtures', 'guides', 'second-company.guide.yml'));
  it('loads, finds its regions, and renders its own scripts by the same rules', () => {
    expect(second.guide.company).toBe('Northwind Bank');
    const austin = findRegion(second.guide, 'ATX');
    expect(austin.ok).toBe(true);
    const denver = regionById(second.guide, 'denver');
    const ask = askFor(second.guide, denver);
    const levers = renderLevers(second.guide, ask);
    expect(levers[0]?.script).toBe(`I'd like a base of ${'$140K'} in Denver.`);
    expect(ask.base.source).toBe('rule');
    expect(compareRegions(second.guide).lowest.id).toBe('denver');
    expect(parseCommand(second.guide, 'atx').intent.kind).toBe('region');
    expect(parseCommand(second.guide, 'ny').intent.kind).toBe('error');
  });
});
