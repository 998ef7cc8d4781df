import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAskPackage, plausibleTc } from '../../../src/engine/ask/index.js';
import { leverFigures } from '../../../src/engine/ask/parts.js';
import { type NormalisedOffer, normaliseOffer, type OfferInput } from '../../../src/engine/offer/index.js';
import { loadGuide } from '../../../src/guide/load.js';
import { companyKinds } from '../../../src/guide/schema.js';

const { guide } = loadGuide();
const regionIds = guide.regions.map((region) => region.id);
const region = fc.constantFrom(...regionIds);
const kind = fc.constantFrom(...companyKinds);
const ends = ['low', 'high'] as const;

function offer(input: OfferInput): NormalisedOffer {
  const result = normaliseOffer(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.offer;
}

/** Offers in parts as people get them from fintech and big tech: heavy RSU (up to the hold-back line), high bonus. */
const heavyParts = fc
  .record({
    base: fc.integer({ min: 90_000, max: 260_000 }),
    equity: fc.integer({ min: 0, max: 120_000 }),
    bonus: fc.oneof(
      fc.integer({ min: 0, max: 60 }).map((percent) => ({ kind: 'percent' as const, percent })),
      fc.integer({ min: 0, max: 90_000 }).map((dollars) => ({ kind: 'dollars' as const, dollars })),
    ),
    signOn: fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined }),
  })
  .map(
    ({ base, equity, bonus, signOn }): OfferInput => ({
      company: 'Acme',
      base,
      equity: { kind: 'annual', dollars: equity },
      bonus,
      signOn,
    }),
  );

describe('the parts keep the guide’s own lever figures as floors (a heavy competing RSU never costs base or bonus)', () => {
  it('base ≥ lever 1 at that end, bonus ≥ lever 4’s 20% unless its band top forbids, no part smaller at the top end', () => {
    fc.assert(
      fc.property(heavyParts, region, kind, (input, id, k) => {
        const pkg = buildAskPackage(guide, id, offer(input), { kind: k });
        const ask = pkg.ask;
        if (!ask) return;
        const band = pkg.region.band;
        const lever = leverFigures(guide, pkg.region);
        for (const end of ends) {
          const { base, bonus, rsuPerYear, tc } = ask.ends[end];
          expect(base).toBeGreaterThanOrEqual(lever.baseAt[end]);
          const twenty = (base * guide.example.bonusTargetPercent) / 100;
          expect(bonus >= twenty || bonus === band.bonus.high).toBe(true);
          expect(bonus).toBeGreaterThanOrEqual(band.bonus.low);
          expect(Math.abs(base + rsuPerYear + bonus - tc)).toBeLessThanOrEqual(1000);
        }
        for (const part of [ask.tc, ask.base, ask.rsuPerYear, ask.bonus, ask.bonusTargetPercent]) {
          expect(part.value.low).toBeLessThanOrEqual(part.value.high);
        }
      }),
    );
  });

  it('the bonus target rises or stays, a whole percent naming each end’s bonus to the $1K rounding', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          heavyParts,
          fc.integer({ min: 91_000, max: 618_000 }).map((tc) => ({ totalComp: tc })),
        ),
        region,
        kind,
        (input, id, k) => {
          const ask = buildAskPackage(guide, id, offer(input), { kind: k }).ask;
          if (!ask) return;
          const named = ask.bonusTargetPercent.value;
          expect(named.low).toBeLessThanOrEqual(named.high);
          for (const end of ends) {
            expect(Number.isInteger(named[end])).toBe(true);
            expect(Math.abs((ask.ends[end].base * named[end]) / 100 - ask.ends[end].bonus)).toBeLessThan(1000);
          }
        },
      ),
    );
  });

  it('Stripe in Detroit ($140K + $70K RSU + 10%): lever 1’s base and lever 4’s 20%, RSU at its band top with the rest a named trade', () => {
    const pkg = buildAskPackage(
      guide,
      'detroit',
      offer({
        company: 'Stripe',
        base: 140_000,
        equity: { kind: 'annual', dollars: 70_000 },
        bonus: { kind: 'percent', percent: 10 },
      }),
    );
    const ask = pkg.ask;
    expect(ask?.base.value).toEqual({ low: 165_000, high: 168_000 });
    expect(ask?.rsuPerYear.value).toEqual({ low: 52_000, high: 52_000 });
    expect(ask?.bonus.value.low).toBe(33_000);
    expect(ask?.bonusTargetPercent.value.low).toBe(20);
    // Not the best of both offers ($268K–$272K, their RSU on top of Ally's base and bonus): inside the band.
    expect(ask?.tc.value).toEqual({ low: 250_000, high: 262_000 });
    expect(pkg.trades).toEqual([expect.objectContaining({ part: 'rsu', competing: 70_000, short: 18_000 })]);
    expect(pkg.warnings.map((w) => w.code)).not.toContain('ask-above-band');
  });

  it('a competing bonus above the band top in New York: the bonus at its band top, one percent naming both ends', () => {
    const ask = buildAskPackage(
      guide,
      'new-york',
      offer({
        company: 'Acme',
        base: 180_000,
        equity: { kind: 'annual', dollars: 40_000 },
        bonus: { kind: 'dollars', dollars: 60_000 },
      }),
    ).ask;
    expect(ask?.bonus.value).toEqual({ low: 50_000, high: 50_000 });
    expect(ask?.base.value).toEqual({ low: 197_000, high: 198_000 });
    expect(ask?.bonusTargetPercent.value).toEqual({ low: 25, high: 25 });
  });
});

describe('rule 3 for the parts: $1K more offered never lowers a part', () => {
  it('a total comp alone, every $1K step in every region: no part end decreases', () => {
    const bounds = plausibleTc(guide);
    const start = Math.ceil(bounds.low / 1000) * 1000;
    for (const id of regionIds) {
      let before = buildAskPackage(guide, id, offer({ totalComp: start })).ask;
      for (let tc = start + 1000; tc <= bounds.high; tc += 1000) {
        const after = buildAskPackage(guide, id, offer({ totalComp: tc })).ask;
        if (!before || !after) throw new Error(`no ask at ${tc} in ${id}`);
        for (const end of ends) {
          for (const part of ['tc', 'base', 'rsuPerYear', 'bonus'] as const) {
            if (after.ends[end][part] < before.ends[end][part])
              expect.fail(`${id} ${tc}: ${end} ${part} ${before.ends[end][part]} → ${after.ends[end][part]}`);
          }
          expect(after.bonusTargetPercent.value[end]).toBeGreaterThanOrEqual(before.bonusTargetPercent.value[end]);
        }
        before = after;
      }
    }
  });

  it('SoFi in Detroit, $236K → $237K: RSU stays, the bonus rises a whole percent (it fell $1K before)', () => {
    const at = buildAskPackage(guide, 'detroit', offer({ company: 'SoFi', totalComp: 236_000 })).ask;
    const next = buildAskPackage(guide, 'detroit', offer({ company: 'SoFi', totalComp: 237_000 })).ask;
    expect(at?.rsuPerYear.value).toEqual({ low: 48_000, high: 52_000 });
    expect(next?.rsuPerYear.value).toEqual({ low: 48_000, high: 52_000 });
    expect(next?.bonus.value.low).toBe(34_650);
  });
});

describe('the parts add up to what a recruiter adds', () => {
  it('New York’s top end: $198K + $61K + $50K = $309K (the bonus takes the last $500 up to its band top)', () => {
    const ask = buildAskPackage(guide, 'new-york').ask;
    expect(ask?.ends.high).toMatchObject({ tc: 309_000, base: 198_000, rsuPerYear: 61_000, bonus: 50_000 });
    expect(ask?.bonusTargetPercent.value).toEqual({ low: 20, high: 25 });
  });
});
