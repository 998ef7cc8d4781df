import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAskPackage } from '../../src/engine/ask/index.js';
import { samePlaceInBand } from '../../src/engine/ask/same-place.js';
import { compareRegions, positionIn, regionBand } from '../../src/engine/bands.js';
import { mapLevel } from '../../src/engine/levels.js';
import { normaliseOffer, type OfferInput } from '../../src/engine/offer/index.js';
import { parseCommand } from '../../src/engine/parse-command.js';
import { claimPremiums } from '../../src/engine/premiums.js';
import { findRegion, regionById } from '../../src/engine/regions.js';
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
    // No sign-on given: nothing left out to say.
    const none = normaliseOffer({ company: 'SoFi', base: 170_000 });
    expect(none.ok && none.offer.annualTc.math).not.toContain('sign-on');
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
  const script = (pkg: ReturnType<typeof buildAskPackage>, lever: number) =>
    pkg.scripts.find((s) => s.number === lever)?.text;

  it('without an offer, the TC ask is the negotiate-up target', () => {
    const ask = buildAskPackage(guide, newYork).ask;
    expect(ask?.tc.value).toEqual({ low: 285_000, high: 309_000 });
    expect(ask?.tc.source).toBe('guide');
  });

  it("golden: Detroit with a $245K competing offer gives the guide's own TC ask, said in the scripts", () => {
    const pkg = buildAskPackage(guide, detroit, offer({ company: 'Capital One', totalComp: 245_000 }));
    expect(pkg.ask?.tc.value).toEqual({ low: 255_000, high: 262_000 });
    expect(script(pkg, 3)).toContain('I have a competing offer from Capital One at $245K TC.');
    // Each script says one figure, the opening (the top end and its parts); the floor is never said.
    expect(script(pkg, 3)).toContain("bringing Ally's total comp to $262K to");
    expect(script(pkg, 1)).toContain('base salary at $168K to');
    expect(script(pkg, 2)).toContain('$52K a year');
    expect(script(pkg, 4)).toContain('bonus target increased to 25%');
    expect(pkg.scripts.map((s) => s.text).join(' ')).not.toMatch(/\$255K|\$165K|\$49K/);
  });

  it('the uplift rule alone (not the quoted figure) gives $256K–$263K for $245,001 in Detroit', () => {
    const ask = buildAskPackage(guide, detroit, offer({ company: 'Capital One', totalComp: 245_001 })).ask;
    expect(ask?.tc.value).toEqual({ low: 256_000, high: 263_000 });
    expect(ask?.tc.math).toContain('rounded up to $246K');
    expect(ask?.tc.math).toContain('uplift $10K');
  });

  it("Detroit's scripts without an offer are the guide's words: only figures, 'a year', claim marks and lever 3's offer sentence differ", () => {
    const source = readFileSync(join(projectRoot(), 'data', 'sources', 'ally-pm.guide.md'), 'utf8');
    const quoted = [...source.matchAll(/^> "(.+)"$/gm)].map((match) => match[1] ?? '');
    const words = (text: string) =>
      text
        .replace(/\[only if true: ([^\]]*)\]/g, '$1')
        // Lever 3 says the offer in its own sentence, so the claim after it can be left out and a sentence remains.
        .replace(/I have a competing offer from (.+?) TC\. It /, 'My competing offer from $1 TC ')
        .replace('[company]', guide.example.company)
        .replace(/over four years|a year/, 'per year')
        .replace(/\[their TC\]|\$\d+K(?:–\$\d+K)?/g, '$…')
        .replace(/\d+(?:–\d+)?%/g, '…%');
    const scripts = buildAskPackage(guide, detroit).scripts.map((s) => s.text);
    expect(quoted).toHaveLength(4);
    expect(scripts.map(words)).toEqual(quoted.map(words));
  });

  it.each([
    ['new-york', 194_000, { low: 56_000, high: 61_000 }, 289_000],
    ['charlotte', 173_000, { low: 51_000, high: 55_000 }, 257_000],
  ])("%s: the guide's lever figures carry over by the stated position rule, inside the band", (id, base, stock, tc) => {
    const region = regionById(guide, id);
    const { example } = guide;
    const at = (component: 'base' | 'stock' | 'totalComp', value: number) =>
      samePlaceInBand(guide, region, component, value, 'figure', 'the guide');
    const rule = at('base', example.baseAsk);
    expect(rule.value).toBe(base);
    expect(rule.source).toBe('rule');
    expect(rule.math).toMatch(/92\.5% of the way up/);
    expect({ low: at('stock', example.stockAsk.low).value, high: at('stock', example.stockAsk.high).value }).toEqual(
      stock,
    );
    expect(at('totalComp', example.competingTc).value).toBe(tc);
    expect(base).toBeLessThanOrEqual(region.band.base.high);
    expect(stock.high).toBeLessThanOrEqual(region.band.stock.high);
    // The ask without an offer starts from them: base at the rule's figure, RSU up to the rule's high end.
    const ask = buildAskPackage(guide, region).ask;
    expect(ask?.base.value.low).toBe(base);
    expect(ask?.rsuPerYear.value.high).toBe(stock.high);
    expect(samePlaceInBand(guide, detroit, 'base', example.baseAsk, 'figure', 'the guide').source).toBe('guide');
  });

  it('a low offer does not pull the ask below the target', () => {
    expect(buildAskPackage(guide, detroit, offer({ totalComp: 200_000 })).ask?.tc.value).toEqual({
      low: 240_000,
      high: 262_000,
    });
  });

  it('an offer above the published band is said plainly, with what the guide suggests', () => {
    const pkg = buildAskPackage(guide, detroit, offer({ company: 'Acme', totalComp: 270_000 }));
    const above = pkg.warnings.find((warning) => warning.code === 'above-band')?.text;
    expect(above).toContain("$8K above Detroit's published band top $262K");
    expect(pkg.ask?.tc.value).toEqual({ low: 280_000, high: 287_000 });
    // Not the guide's target ($240K–$262K) under a higher ask: it ends at the band top.
    expect(above).toContain("The guide's target for Detroit ends at the band top $262K");
    expect(above).not.toContain('$240K');
  });

  it('every figure can show its math, and says whether it is the guide or a rule', () => {
    const ask = buildAskPackage(guide, newYork, offer({ company: 'SoFi', totalComp: 280_000 })).ask;
    if (!ask) throw new Error('no ask');
    for (const figure of [ask.tc, ask.base, ask.rsuPerYear, ask.bonus, ask.bonusTargetPercent, ask.openAt]) {
      expect(figure.math.length).toBeGreaterThan(10);
      expect(['guide', 'rule', 'you']).toContain(figure.source);
    }
    expect(ask.bonusTargetPercent.math).toContain('lever 4');
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

  it('the 15–25% branchless premium applies to a traditional bank only, as a reason in the one premium story', () => {
    const chase = offer({ company: 'Chase', companyKind: 'traditional-bank', totalComp: 200_000 });
    expect(buildAskPackage(guide, detroit, chase).premiumStory.branchless?.value).toEqual({
      low: 30_000,
      high: 50_000,
    });
    const google = offer({ company: 'Google', companyKind: 'big-tech', totalComp: 200_000 });
    expect(buildAskPackage(guide, detroit, google).premiumStory.branchless).toBeUndefined();
  });

  it('maps a peer title to the Ally level, and says the bands are for Product Manager only', () => {
    const vp = mapLevel(guide, 'Capital One', 'VP, Product Management');
    expect(vp).toMatchObject({ allyLevel: 'Director of Product', peer: 'Capital One', bandsApply: false });
    expect(vp.caveat).toContain('Product Manager only');
    expect(mapLevel(guide, 'SoFi', 'senior product manager').allyLevel).toBe('Senior Product Manager');
    const director = mapLevel(guide, undefined, 'Director, Product');
    expect(director).toMatchObject({ allyLevel: 'Director of Product', peer: undefined });
    expect(director.mapping).toContain('where Discover, SoFi and Chime use that title');
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
    // The nearest command, not the first within two edits: "levls" is one from levels, two from levers.
    expect(parseCommand(guide, 'levls').intent).toMatchObject({ kind: 'error', error: { suggestion: 'levels' } });
    expect(parseCommand(guide, 'levrs').intent).toMatchObject({ kind: 'error', error: { suggestion: 'levers' } });
    for (const text of ['--help', '-h', '?', 'HELP']) expect(parseCommand(guide, text).intent.kind).toBe('help');
  });
});

describe('a second guide is a data change, with no code change', () => {
  const second = loadGuide(join(projectRoot(), 'tests', 'fixtures', 'guides', 'second-company.guide.yml'));
  it('loads, finds its regions, and renders its own scripts by the same rules', () => {
    expect(second.guide.company).toBe('Northwind Bank');
    const austin = findRegion(second.guide, 'ATX');
    expect(austin.ok).toBe(true);
    const denver = regionById(second.guide, 'denver');
    const pkg = buildAskPackage(second.guide, denver);
    expect(pkg.scripts[0]?.text).toBe(`I'd like a base of ${'$150K'} in Denver.`);
    expect(pkg.ask?.base.source).toBe('rule');
    expect(compareRegions(second.guide).lowest.id).toBe('denver');
    expect(parseCommand(second.guide, 'atx').intent.kind).toBe('region');
    expect(parseCommand(second.guide, 'ny').intent.kind).toBe('error');
  });

  it('says the competing number is left out only where the script really leaves it out', () => {
    // Its TC lever says "{company} offered {competingTc}; …", which lever 3's sentence rule does not match: a $100K
    // offer (under the target, so the number would be hidden) stays in the script, and nothing may claim otherwise.
    const pkg = buildAskPackage(second.guide, 'austin', offer({ company: 'Acme', totalComp: 100_000 }));
    const total = pkg.scripts.find((script) => script.number === 2);
    expect(total?.text).toBe("Acme offered $100K; I'd like $220K.");
    expect(total?.ifAsked).toBeUndefined();
    expect(total?.changes.join(' ')).not.toContain('without its number');
    // The below-band warning does not claim the script leaves it out either: it tells the person to.
    const below = pkg.warnings.find((warning) => warning.code === 'below-band')?.text;
    expect(below).not.toContain('the TC script says you have a competing offer without quoting it');
    expect(below).toContain('say you have a competing offer without quoting it');
    // In the main guide the sentence matches, the number goes, and the note and the line for if asked are said.
    const main = buildAskPackage(guide, 'detroit', offer({ company: 'SoFi', totalComp: 150_000 }));
    const lever3 = main.scripts.find((script) => script.number === 3);
    expect(lever3?.text).not.toContain('$150K');
    expect(lever3?.ifAsked).toContain("I'd rather keep the other offer's details confidential");
    expect(main.warnings.find((warning) => warning.code === 'below-band')?.text).toContain(
      'the TC script says you have a competing offer without quoting it',
    );
  });
});
