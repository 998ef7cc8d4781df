import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { askDataFromWords, buildAskPackage, plausibleTc, sayBonusTarget } from '../../../src/engine/ask/index.js';
import {
  DEFAULT_VEST_YEARS,
  type NormalisedOffer,
  normaliseOffer,
  type OfferInput,
} from '../../../src/engine/offer/index.js';
import { loadGuide } from '../../../src/guide/load.js';
import { type CompanyKind, companyKinds } from '../../../src/guide/schema.js';

const { guide } = loadGuide();
const regionIds = guide.regions.map((region) => region.id);

function offer(input: OfferInput): NormalisedOffer {
  const result = normaliseOffer(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.offer;
}

const bounds = plausibleTc(guide);
const sane = fc.integer({ min: bounds.low, max: bounds.high });
const region = fc.constantFrom(...regionIds);
const kind = fc.constantFrom(...companyKinds);
/** An offer in parts, inside rule 5's bounds, with equity inside every region's RSU band (so nothing is held back). */
const partsOffer = fc
  .record({
    base: fc.integer({ min: 90_000, max: 260_000 }),
    equity: fc.integer({ min: 0, max: 120_000 }),
    bonusPercent: fc.integer({ min: 0, max: 40 }),
    signOn: fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined }),
  })
  .map(
    ({ base, equity, bonusPercent, signOn }): OfferInput => ({
      company: 'Acme',
      base,
      equity: { kind: 'annual', dollars: equity },
      bonus: { kind: 'percent', percent: bonusPercent },
      signOn,
    }),
  );

describe("the guide's golden example stays exact", () => {
  it('Detroit, competing $245K → TC $255K–$262K, parts adding up, the guide figures kept as the guide’s', () => {
    const pkg = buildAskPackage(guide, 'detroit', offer({ company: 'SoFi', totalComp: 245_000 }));
    const ask = pkg.ask;
    expect(ask?.tc.value).toEqual({ low: 255_000, high: 262_000 });
    expect(ask?.base.value).toEqual({ low: 165_000, high: 168_000 });
    // A whole 25% target at both ends: 25% of $165K is $41,250, RSU takes the rounding ($48,750 → $49K).
    expect(ask?.rsuPerYear.value).toEqual({ low: 49_000, high: 52_000 });
    expect(ask?.bonus.value).toEqual({ low: 41_250, high: 42_000 });
    expect(ask?.bonusTargetPercent.value).toEqual({ low: 25, high: 25 });
    expect(ask?.signOn).toBeUndefined();
    expect(pkg.footnotes.map((note) => note.id)).toContain('lever-figures-sum');
    expect(pkg.guideFigures.map((figure) => figure.value)).toEqual(
      expect.arrayContaining([165_000, { low: 48_000, high: 52_000 }, 20, { low: 255_000, high: 262_000 }]),
    );
    expect(pkg.leadLever).toBe(3);
    expect(pkg.walkAway?.value).toBe(245_000);
    expect(ask?.base.math).toContain('Bonus up to 25% of base = $41.3K');
  });

  it('the --data object, exactly', () => {
    expect(askDataFromWords(guide, 'offer', ['SoFi', '245k', 'detroit'])).toEqual({
      region: 'detroit',
      offer: {
        company: 'SoFi',
        kind: 'digital-bank-or-fintech',
        annualTc: 245_000,
        firstYearTc: 245_000,
        base: null,
        equityPerYear: null,
        bonus: null,
        signOn: null,
      },
      ask: {
        tc: { low: 255_000, high: 262_000 },
        base: { low: 165_000, high: 168_000 },
        rsuPerYear: { low: 49_000, high: 52_000 },
        bonus: { low: 41_250, high: 42_000 },
        bonusTargetPercent: { low: 25, high: 25 },
        openAt: 262_000,
      },
      warnings: [],
      leadLever: 3,
      leverOrder: [3, 1, 2, 4],
      walkAway: 245_000,
      needsConfirmation: false,
      confirmations: [],
    });
  });

  it('errors are an { error } object naming the field', () => {
    const bad = askDataFromWords(guide, 'offer', ['SoFi', '245k']);
    expect(bad).toMatchObject({ error: { problems: [{ field: 'region' }] } });
    expect(askDataFromWords(guide, 'region', ['atlanta'])).toMatchObject({
      error: { problems: [{ field: 'region' }] },
    });
    const region = askDataFromWords(guide, 'region', ['ny']);
    expect('error' in region ? undefined : region.ask?.tc).toEqual({ low: 285_000, high: 309_000 });
  });
});

describe('rules 1–3 and 5 hold for random offers in every region and every company kind', () => {
  it('rule 1: the parts add up to each TC end (within $1K)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          partsOffer,
          sane.map((tc): OfferInput => ({ totalComp: tc })),
        ),
        region,
        kind,
        (input, id, k) => {
          const ask = buildAskPackage(guide, id, offer(input), { kind: k }).ask;
          if (!ask) return;
          for (const end of ['low', 'high'] as const) {
            const sum = ask.base.value[end] + ask.rsuPerYear.value[end] + ask.bonus.value[end];
            expect(Math.abs(sum - ask.tc.value[end])).toBeLessThanOrEqual(1000);
          }
          expect(ask.tc.value.low).toBeLessThanOrEqual(ask.tc.value.high);
        },
      ),
    );
  });

  it('the bonus target is named as a whole percent of base at each end, within the $1K rounding of its bonus', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          partsOffer,
          sane.map((tc): OfferInput => ({ totalComp: tc })),
        ),
        region,
        kind,
        (input, id, k) => {
          const ask = buildAskPackage(guide, id, offer(input), { kind: k }).ask;
          if (!ask) return;
          for (const end of ['low', 'high'] as const) {
            const named = ask.bonusTargetPercent.value[end];
            const { base, bonus } = ask.ends[end];
            expect(Number.isInteger(named)).toBe(true);
            expect(Math.abs((base * named) / 100 - bonus)).toBeLessThan(1000);
            // The split itself makes the bonus a whole percent of base, except at the bonus band top.
            const percent = (bonus / base) * 100;
            const whole = Math.abs(percent - Math.round(percent)) * base < 100 * 1;
            expect(whole || bonus === guide.regions.find((r) => r.id === id)?.band.bonus.high).toBe(true);
          }
        },
      ),
    );
  });

  it('every part reads low to high: no part of the ask is smaller at its top end than at its bottom end', () => {
    // Equity up to just under the hold-back line (twice the highest RSU top), so RSU is often pinned above its band.
    const wideParts = fc
      .record({
        base: fc.integer({ min: 90_000, max: 260_000 }),
        equity: fc.integer({ min: 0, max: 120_000 }),
        bonusPercent: fc.integer({ min: 0, max: 40 }),
        signOn: fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined }),
      })
      .map(
        ({ base, equity, bonusPercent, signOn }): OfferInput => ({
          company: 'Acme',
          base,
          equity: { kind: 'annual', dollars: equity },
          bonus: { kind: 'percent', percent: bonusPercent },
          signOn,
        }),
      );
    fc.assert(
      fc.property(fc.oneof(wideParts, partsOffer), region, kind, (input, id, k) => {
        const ask = buildAskPackage(guide, id, offer(input), { kind: k }).ask;
        if (!ask) return;
        for (const part of [ask.tc, ask.base, ask.rsuPerYear, ask.bonus]) {
          expect(part.value.low).toBeLessThanOrEqual(part.value.high);
        }
      }),
    );
  });

  it('a competing RSU above the band is matched up to the band, the rest a named trade carried by base and bonus (Stripe, Charlotte: $160K + $90K + 10%)', () => {
    const pkg = buildAskPackage(
      guide,
      'charlotte',
      offer({
        company: 'Stripe',
        base: 160_000,
        equity: { kind: 'annual', dollars: 90_000 },
        bonus: { kind: 'percent', percent: 10 },
        signOn: 40_000,
      }),
    );
    const ask = pkg.ask;
    // TC from the offer ($266K + $10K): base and bonus at their band tops, RSU carrying the rest above its band top
    // $55K, still under their $90K: the $27K at the opening is carried by base (+$16K) and bonus (+$28K).
    expect(ask?.tc.value).toEqual({ low: 276_000, high: 283_000 });
    expect(ask?.base.value).toEqual({ low: 176_000, high: 176_000 });
    expect(ask?.bonus.value).toEqual({ low: 44_000, high: 44_000 });
    expect(ask?.rsuPerYear.value).toEqual({ low: 56_000, high: 63_000 });
    const rsuTrade = pkg.trades.find((trade) => trade.part === 'rsu');
    expect(rsuTrade).toMatchObject({ competing: 90_000, short: 27_000, asked: 63_000 });
    expect(pkg.scripts.find((script) => script.number === 2)?.text).toContain(
      '$63K a year. That is still under the $90K RSU in my Stripe offer, so the rest of my ask (base and bonus) makes up the $27K a year',
    );
    expect(pkg.scripts.find((script) => script.number === 4)?.text).toContain('bonus target increased to 25%');
  });

  it('the bonus target is said one way: one percent, a rising range, or each end with its base', () => {
    expect(sayBonusTarget({ low: 25, high: 25 }, { low: 165_000, high: 168_000 }).words).toBe('25%');
    expect(sayBonusTarget({ low: 20, high: 25 }, { low: 194_000, high: 198_000 }).words).toBe('20–25%');
    const ny = buildAskPackage(guide, 'new-york').ask;
    expect(ny?.bonusTargetPercent.value).toEqual({ low: 20, high: 25 });
    const lever4 = buildAskPackage(guide, 'new-york').scripts.find((script) => script.number === 4);
    expect(lever4?.text).toContain('bonus target increased to 25% to reflect');
  });

  it('rule 2: never below what the person has, or a named trade; a first-year gap gets a sign-on', () => {
    fc.assert(
      fc.property(partsOffer, region, kind, (input, id, k) => {
        const o = offer(input);
        const pkg = buildAskPackage(guide, id, o, { kind: k });
        const ask = pkg.ask;
        if (!ask) return;
        expect(ask.tc.value.low).toBeGreaterThanOrEqual(o.annualTc.value);
        const parts = [
          { part: 'base', asked: ask.base.value.low, competing: o.base?.value ?? 0, word: 'base' },
          { part: 'bonus', asked: ask.bonus.value.low, competing: o.bonus?.value ?? 0, word: 'bonus' },
          { part: 'rsu', asked: ask.rsuPerYear.value.low, competing: o.equityPerYear?.value ?? 0, word: 'RSU' },
        ] as const;
        for (const { part, asked, competing, word } of parts) {
          if (asked < competing) {
            expect(pkg.trades.some((trade) => trade.part === part)).toBe(true);
            expect(pkg.warnings.some((w) => w.code === 'part-capped' && w.text.includes(word))).toBe(true);
          }
        }
        // The sign-on per end: the first-year gap at that end, asked from $5K; none where the TC covers it.
        const gap = (end: number) => o.firstYearTc.value - end;
        const expected = (end: number) => (gap(end) >= 5000 ? Math.ceil(gap(end) / 1000) * 1000 : 0);
        if (gap(ask.tc.value.low) >= 5000) {
          expect(ask.signOn?.value).toEqual({ low: expected(ask.tc.value.low), high: expected(ask.tc.value.high) });
          expect(pkg.warnings.map((w) => w.code)).toContain('first-year-gap');
        } else {
          expect(ask.signOn).toBeUndefined();
          expect(pkg.warnings.map((w) => w.code)).not.toContain('first-year-gap');
          expect(ask.firstYearGap?.value).toBe(gap(ask.tc.value.low) > 0 ? gap(ask.tc.value.low) : undefined);
        }
      }),
    );
  });

  it('rule 3: $1K more offered never lowers an end and raises it by at most $1K', () => {
    fc.assert(
      fc.property(fc.integer({ min: bounds.low, max: bounds.high - 1000 }), region, kind, (tc, id, k) => {
        const a = buildAskPackage(guide, id, offer({ totalComp: tc }), { kind: k }).ask;
        const b = buildAskPackage(guide, id, offer({ totalComp: tc + 1000 }), { kind: k }).ask;
        if (!a || !b) return;
        for (const end of ['low', 'high'] as const) {
          expect(b.tc.value[end]).toBeGreaterThanOrEqual(a.tc.value[end]);
          expect(b.tc.value[end] - a.tc.value[end]).toBeLessThanOrEqual(1000);
        }
      }),
    );
    fc.assert(
      fc.property(partsOffer, region, (input, id) => {
        const more = {
          ...input,
          equity: {
            kind: 'annual' as const,
            dollars: (input.equity?.kind === 'annual' ? input.equity.dollars : 0) + 1000,
          },
        };
        const a = buildAskPackage(guide, id, offer(input)).ask;
        const b = buildAskPackage(guide, id, offer(more)).ask;
        if (!a || !b) return;
        for (const end of ['low', 'high'] as const) {
          expect(b.tc.value[end]).toBeGreaterThanOrEqual(a.tc.value[end]);
          expect(b.tc.value[end] - a.tc.value[end]).toBeLessThanOrEqual(1000);
        }
      }),
    );
  });

  it('rule 3: no jump at the band top (New York, $309K → $310K)', () => {
    const at = buildAskPackage(guide, 'new-york', offer({ totalComp: 309_000 })).ask?.tc.value;
    const over = buildAskPackage(guide, 'new-york', offer({ totalComp: 310_000 })).ask?.tc.value;
    expect(at).toEqual({ low: 319_000, high: 326_000 });
    expect(over).toEqual({ low: 320_000, high: 327_000 });
    const above = buildAskPackage(guide, 'new-york', offer({ totalComp: 310_000 }));
    const text = above.warnings.find((w) => w.code === 'above-band')?.text;
    expect(text).toContain("The guide's target for New York ends at the band top $309K");
    expect(text).not.toContain(guide.regions[2]?.strategy.text);
  });

  it('rule 5: implausible TCs hold the ask back with "did you mean"; plausible ones never do', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1000, max: bounds.low - 1 }), fc.integer({ min: bounds.high + 1, max: 50_000_000 })),
        region,
        kind,
        (tc, id, k) => {
          const pkg = buildAskPackage(guide, id, offer({ totalComp: tc }), { kind: k });
          expect(pkg.needsConfirmation).toBe(true);
          expect(pkg.ask).toBeUndefined();
          expect(pkg.warnings.map((w) => w.code)).toContain('implausible-tc');
          for (const candidate of pkg.confirmations[0]?.candidates ?? []) {
            expect(candidate.value).toBeGreaterThanOrEqual(bounds.low);
            expect(candidate.value).toBeLessThanOrEqual(bounds.high);
          }
        },
      ),
    );
    fc.assert(
      fc.property(sane, region, kind, (tc, id, k) => {
        expect(buildAskPackage(guide, id, offer({ totalComp: tc }), { kind: k }).needsConfirmation).toBe(false);
      }),
    );
    const typo = buildAskPackage(guide, 'detroit', offer({ totalComp: 24_500 }));
    expect(typo.confirmations[0]?.candidates.map((c) => c.value)).toEqual([245_000]);
    const big = buildAskPackage(guide, 'detroit', offer({ totalComp: 1_200_000 }));
    // The 4-year package reading first (inside the bands), then the slipped digit.
    expect(big.confirmations[0]?.candidates.map((c) => c.value)).toEqual([300_000, 120_000]);
  });

  it('rule 5: a yearly equity above the band asks whether it is a grant; far above, it holds the ask back', () => {
    const above = buildAskPackage(
      guide,
      'detroit',
      offer({ base: 150_000, equity: { kind: 'annual', dollars: 70_000 } }),
    );
    expect(above.warnings.map((w) => w.code)).toContain('equity-maybe-grant');
    expect(above.needsConfirmation).toBe(false);
    // Matched up to Detroit's RSU band top $52K; the $18K beyond it is a named trade carried by base and bonus.
    expect(above.ask?.rsuPerYear.value.low).toBe(52_000);
    expect(above.trades.find((trade) => trade.part === 'rsu')?.short).toBe(18_000);
    const grant = buildAskPackage(
      guide,
      'detroit',
      offer({ base: 170_000, equity: { kind: 'annual', dollars: 160_000 } }),
    );
    expect(grant.needsConfirmation).toBe(true);
    expect(grant.confirmations[0]?.question).toContain('whole grant');
  });
});

describe('the rest of issue 12', () => {
  it('rule 4: one premium story — the branchless premium decides where to open, never a second TC figure', () => {
    const chase = buildAskPackage(
      guide,
      'charlotte',
      offer({ company: 'Chase', companyKind: 'traditional-bank', totalComp: 245_000 }),
    );
    expect(chase.ask?.tc.value).toEqual({ low: 255_000, high: 275_000 });
    expect(chase.ask?.openAt.value).toBe(275_000);
    expect(JSON.stringify(chase)).not.toContain('281,750');
    // The 15–25% is the reason to hold at the top; its dollars on the offer would read as another Ally figure.
    expect(chase.premiumStory.reasons.join(' ')).toContain('15%–25%, so hold at the top of the range');
    expect(chase.premiumStory.reasons.join(' ')).not.toMatch(/\$36\.8K|on your offer/);
    // Without a premium the opening is the top too; the story says what may be conceded, and for what.
    const sofi = buildAskPackage(guide, 'detroit', offer({ company: 'SoFi', totalComp: 222_000 }));
    expect(sofi.ask?.openAt.value).toBe(262_000);
    expect(sofi.ask?.openAt.math).toContain('concede toward the floor $240K, only for something in return');
    expect(sofi.ask?.openAt.math).not.toContain('mid-range');
    expect(chase.footnotes.map((n) => n.id)).toContain('branchless-two-prices');
    const ticked = buildAskPackage(guide, 'detroit', undefined, { premiumIds: ['responsible-ai'] });
    expect(ticked.ask?.openAt.value).toBe(262_000);
    expect(ticked.leadLever).toBe(2);
  });

  it('rule 10: Capital One is not a branch bank unless the person says so', () => {
    const capOne = buildAskPackage(
      guide,
      'detroit',
      offer({ company: 'Capital One', companyKind: 'other', totalComp: 245_000 }),
    );
    expect(capOne.premiumStory.branchless).toBeUndefined();
    expect(capOne.companyKind?.reason).toContain('peer benchmark');
    const overridden = buildAskPackage(guide, 'detroit', offer({ company: 'Capital One', totalComp: 245_000 }), {
      kind: 'traditional-bank',
    });
    expect(overridden.premiumStory.branchless).toBeDefined();
  });

  it('rule 6: a below-band offer is said, and lever 3 does not quote it', () => {
    const pkg = buildAskPackage(guide, 'detroit', offer({ company: 'SoFi', totalComp: 150_000 }));
    expect(pkg.warnings.map((w) => w.code)).toContain('below-band');
    const lever3 = pkg.scripts.find((s) => s.number === 3);
    expect(lever3?.text).not.toContain('$150K');
    expect(lever3?.text).toContain('I have a competing offer from SoFi. [only if true: It is for a product');
    expect(lever3?.ifAsked).toContain(
      "I'd rather keep the other offer's details confidential; for this role I'm looking for $262K TC.",
    );
    expect(pkg.leverOrder.at(-1)).toBe(3);
    expect(pkg.warnings.find((w) => w.code === 'below-band')?.text).toContain(
      'The ask is 60% above your offer (its floor $240K against $150K); check the level (an APM offer?).',
    );
    // "Check the level" is about a lower level: the fallback does not send them to ask for a higher one.
    expect(pkg.fallbacks.at(-1)).toBe(
      'If TC stops below $240K: your competing offer is below the band, so it is no case for a level review; ask for an early pay review, in writing, and weigh what Ally offers against your walk-away $150K.',
    );
    expect(pkg.fallbacks.join(' ')).not.toContain('Senior Product Manager');
  });

  it.each([
    ['detroit', 'SoFi', 181_000, true],
    ['detroit', 'SoFi', 182_000, true],
    ['detroit', 'SoFi', 230_000, true],
    ['detroit', 'SoFi', 231_000, false],
    ['new-york', 'Truist', 214_000, true],
    ['new-york', 'Truist', 215_000, true],
    ['new-york', 'Truist', 275_000, true],
    ['new-york', 'Truist', 276_000, false],
  ])(
    'rule 6: %s %s $%i: the number hidden and lever 3 last exactly while the offer does not set the ask',
    (id, company, tc, hidden) => {
      const pkg = buildAskPackage(guide, id, offer({ company, totalComp: tc }));
      const lever3 = pkg.scripts.find((s) => s.number === 3);
      expect(lever3?.text.includes(`at $${tc / 1000}K TC`)).toBe(!hidden);
      expect(lever3?.ifAsked !== undefined).toBe(hidden);
      expect(pkg.leverOrder.at(-1) === 3).toBe(hidden);
      expect(pkg.leadLever === 3).toBe(!hidden);
      if (hidden) expect(lever3?.changes.join(' ')).toContain('does not set the ask');
    },
  );

  it('rule 7: scripts say RSU a year, claims are marked', () => {
    const pkg = buildAskPackage(guide, 'new-york');
    const all = pkg.scripts.map((s) => s.text).join(' ');
    expect(all).not.toContain('over four years');
    expect(pkg.scripts.find((s) => s.number === 2)?.text).toContain('RSU component increased to $61K a year.');
    // One figure per script, never a range: a recruiter takes the bottom of a range said aloud as agreed.
    expect(all).not.toMatch(/\$\d+(?:\.\d)?K–|\d+–\d+%/);
    expect(all).toContain("[only if true: I've shipped ML-powered products");
    // A whole sentence: left out, the script still reads (it left "aligns directly…" without a subject).
    expect(all).toContain(
      "[only if true: My experience defining product requirements for AI-powered features aligns directly with Ally.ai's 'Empathetic Automation' vision.]",
    );
    expect(all).toContain("[only if true: It is for a product with 10% of Ally Auto's transaction volume.]");
  });

  it('rule 8: other levels get no PM-band figures', () => {
    const pkg = buildAskPackage(
      guide,
      'detroit',
      offer({ company: 'Capital One', title: 'VP, Product Management', totalComp: 300_000 }),
    );
    expect(pkg.ask).toBeUndefined();
    expect(pkg.warnings.find((w) => w.code === 'other-level')?.text).toContain('Director of Product');
    const scripts = pkg.scripts.map((s) => s.text).join(' ');
    for (const figure of ['$165K', '$168K', '$262K', '$52K']) expect(scripts).not.toContain(figure);
  });

  it('where a premium holds the ask at the top, the base fallback does not tell the person to settle at the floor', () => {
    const bank = buildAskPackage(
      guide,
      'charlotte',
      offer({ company: 'Acme', companyKind: 'traditional-bank', totalComp: 230_000 }),
    );
    expect(bank.ask?.openAt.math).toContain('A premium applies: hold at the top.');
    // It said "hold the TC at your floor $252K at least" beside "a premium applies, so hold there" ($275K).
    expect(bank.fallbacks[0]).toBe(
      'If base stops below $176K: RSU and bonus are already at or above their band tops at your opening, so a lower base takes the TC under the $275K you hold at: give base only for something in return, and never go under your floor $252K (a sign-on covers year one only).',
    );
    const fintech = buildAskPackage(guide, 'charlotte', offer({ company: 'SoFi', totalComp: 230_000 }));
    expect(fintech.fallbacks[0]).toContain('hold the TC at your floor $252K at least');
  });

  it('RSU short of the competing RSU and above its band: one account of who carries what', () => {
    const stripe = buildAskPackage(
      guide,
      'detroit',
      offer({ company: 'Stripe', base: 120_000, equity: { kind: 'annual', dollars: 150_000, statedYearly: true } }),
    );
    const above = stripe.warnings.find((w) => w.code === 'part-above-band')?.text;
    // "RSU carries the rest" beside "the $73K a year is carried by base and bonus" contradicted itself.
    expect(above).toContain(
      "Base and bonus are at their band tops, so the RSU ask goes up to $25K a year above Detroit's RSU band top $52K.",
    );
    expect(above).not.toContain('carries the rest');
  });

  it('a lever whose part is capped under the offer is not the lead: the first ask is never for less than they have', () => {
    // Acme's $230K base: "Lead with lever 1 (base)" opened by asking for $176K.
    const acme = buildAskPackage(guide, 'charlotte', offer({ company: 'Acme', base: 230_000 }));
    expect(acme.leverOrder).toEqual([2, 4, 1, 3]);
    const robinhood = buildAskPackage(
      guide,
      'detroit',
      offer({
        company: 'Robinhood',
        base: 190_000,
        bonus: { kind: 'percent', percent: 10 },
        equity: { kind: 'annual', dollars: 60_000 },
      }),
    );
    expect(robinhood.leverOrder.at(-1)).toBe(1);
    expect(robinhood.leadLever).toBe(3);
  });

  it("lever 4 says why its target is above the guide's 20%", () => {
    const lever4 = buildAskPackage(guide, 'detroit').scripts.find((s) => s.number === 4);
    expect(lever4?.text).toContain('bonus target increased to 25%');
    expect(lever4?.changes).toContain(
      "The guide's script asks 20%; the opening needs 25% of base ($42K) for its parts to add up to $262K.",
    );
  });

  it("lever 3's why-it-works speaks of the competing offer's anchor only where the script says the number", () => {
    const rationale = (totalComp: number, company = 'SoFi') =>
      buildAskPackage(guide, 'new-york', offer({ company, totalComp })).scripts.find((s) => s.number === 3)?.rationale;
    const anchor = 'a competing offer anchors the total-comp ask';
    expect(rationale(280_000)).toContain(anchor);
    // The number kept out, or Ally's own offer: no anchor to speak of.
    expect(rationale(210_000)).toBe('Ally Auto is the largest prime auto lender in the US.');
    expect(rationale(250_000, 'Ally')).toBe('Ally Auto is the largest prime auto lender in the US.');
    expect(buildAskPackage(guide, 'new-york').scripts.find((s) => s.number === 3)?.rationale).toContain(anchor);
  });

  it('a level above PM: an offer no higher than the PM band top keeps its number out of lever 3', () => {
    const senior = (totalComp: number) =>
      buildAskPackage(guide, 'new-york', offer({ company: 'Google', title: 'Senior Product Manager', totalComp }));
    // $200K is under New York's PM band: said aloud, it anchored a Senior PM talk lower still.
    const low = senior(200_000);
    const lever3 = low.scripts.find((s) => s.number === 3);
    expect(lever3?.text).toContain('I have a competing offer from Google.');
    expect(lever3?.text).not.toContain('$200K');
    expect(lever3?.changes.join(' ')).toContain('it would anchor it at Product Manager pay');
    expect(low.leverOrder.at(-1)).toBe(3);
    // Inside the PM band ($300K, under New York's $309K top) it would anchor a Senior PM talk at PM pay too.
    expect(senior(300_000).scripts.find((s) => s.number === 3)?.text).toContain(
      'I have a competing offer from Google.',
    );
    // Above the PM band it is quoted, the strongest fact.
    expect(senior(330_000).scripts.find((s) => s.number === 3)?.text).toContain('from Google at $330K TC');
  });

  it('rule 2: a base capped under what the person has is said in the base script too, not only in a warning', () => {
    const pkg = buildAskPackage(
      guide,
      'detroit',
      offer({
        company: 'Chime',
        base: 175_000,
        equity: { kind: 'annual', dollars: 45_000 },
        bonus: { kind: 'percent', percent: 12 },
        signOn: 25_000,
      }),
    );
    const baseScript = pkg.scripts.find((script) => script.text.includes('base salary at'));
    expect(baseScript?.text).toContain('base salary at $168K');
    expect(baseScript?.text).toContain(
      "I understand Ally's base band tops out at $168K, under the $175K base in my Chime offer",
    );
    // The shortfall is yearly: the other parts carry it, never a one-time sign-on.
    expect(baseScript?.text).toContain('so the rest of my ask (RSU and bonus) makes up the $7K a year.');
    expect(baseScript?.text).not.toContain('sign-on');
    expect(pkg.fallbacks.join(' ')).toContain('that $7K is yearly');
    // A base inside the band gets the guide's script unchanged.
    const inside = buildAskPackage(guide, 'detroit', offer({ company: 'Chime', totalComp: 245_000 }));
    expect(inside.scripts.some((script) => script.text.includes('tops out at'))).toBe(false);
  });

  it('rule 2: the script says a shortfall only where the opening it names is short (Meta, Charlotte: RSU $120K)', () => {
    const pkg = buildAskPackage(
      guide,
      'charlotte',
      offer({
        company: 'Meta',
        base: 185_000,
        bonus: { kind: 'dollars', dollars: 20_000 },
        // Said as a year: over twice Charlotte's RSU top, unsaid it would wait for "a year or the grant?".
        equity: { kind: 'annual', dollars: 120_000, statedYearly: true },
        signOn: 40_000,
      }),
    );
    // RSU $115K at the floor (under their $120K), $122K at the opening (above it).
    expect(pkg.ask?.rsuPerYear.value).toEqual({ low: 115_000, high: 122_000 });
    const lever2 = pkg.scripts.find((script) => script.number === 2);
    expect(lever2?.text).toContain('RSU component increased to $122K a year.');
    expect(lever2?.text).not.toContain('under the $120K RSU in my Meta offer');
    expect(lever2?.changes.join(' ')).not.toContain('Your RSU is above');
    // The total over the years an RSU grant is read as vesting, the offer reader's default.
    expect(lever2?.changes.join(' ')).toContain(`($${122 * DEFAULT_VEST_YEARS}K over ${DEFAULT_VEST_YEARS} years)`);
    // The floor's shortfall is still said, as the floor's, where the floor is shown.
    const rsuTrade = pkg.trades.find((trade) => trade.part === 'rsu');
    expect(rsuTrade).toMatchObject({ end: 'low', asked: 115_000, short: 5_000 });
    expect(rsuTrade?.text).toMatch(/^At your floor, the RSU ask \$115K a year/);
    expect(pkg.fallbacks.join(' ')).toContain('At your floor, the RSU ask $115K');
    // The base is short at the opening too: its script still names it.
    expect(pkg.scripts.find((script) => script.number === 1)?.text).toContain('under the $185K base in my Meta offer');
  });

  it('rule 2: a shortfall is carried only by parts above the person’s own, the same parts in warning and script', () => {
    // Robinhood, Detroit: base $190K (band top $168K) and RSU $100K, no bonus: only the bonus is above theirs.
    const robinhood = buildAskPackage(
      guide,
      'detroit',
      offer({ company: 'Robinhood', base: 190_000, equity: { kind: 'annual', dollars: 100_000 } }),
    );
    expect(robinhood.ask?.base.value.high).toBe(168_000);
    const rsu = robinhood.trades.find((trade) => trade.part === 'rsu');
    expect(rsu).toMatchObject({ end: 'high', carriedBy: ['bonus'] });
    expect(rsu?.text).toContain('the $3K a year is carried by bonus (');
    expect(rsu?.text).not.toContain('base and bonus');
    expect(robinhood.trades.find((trade) => trade.part === 'base')?.text).toContain('is carried by bonus (');
    expect(robinhood.scripts.find((script) => script.number === 2)?.text).toContain(
      'so the rest of my ask (bonus) makes up the $3K a year.',
    );
    // Base's $22K and RSU's $3K, both carried by the bonus: one sentence, not two word-for-word tails.
    expect(robinhood.fallbacks.join(' ')).toContain(
      "Detroit's base band tops out at $168K, $22K under your $190K; the RSU ask $97K is above Detroit's band top and still $3K under your $100K: together $25K a year, which stays in the bonus ask every year",
    );
    expect(robinhood.fallbacks.join(' ')).toContain("the RSU ask $97K is above Detroit's band top and still $3K under");
    // RSU above its band is a yearly gap too: a sign-on is never offered as the way to close it.
    const aboveBand = robinhood.warnings.find((warning) => warning.code === 'part-above-band')?.text;
    expect(aboveBand).toContain('ask for a level review. A sign-on covers year one only');
    expect(aboveBand).not.toContain('a sign-on is the other way');
    // The floor's RSU is shorter still ($90K, $10K under theirs): said beside the opening's, never only the $3K.
    const floorRsu = robinhood.trades.filter((trade) => trade.part === 'rsu' && trade.end === 'low');
    expect(floorRsu).toEqual([expect.objectContaining({ asked: 90_000, short: 10_000, carriedBy: ['bonus'] })]);
    expect(robinhood.warnings.map((warning) => warning.text)).toContain(floorRsu[0]?.text);
    expect(floorRsu[0]?.text).toMatch(/^At your floor, the RSU ask \$90K a year.*the \$10K a year is carried by bonus/);
    expect(robinhood.fallbacks.join(' ')).toContain(
      'At your floor that RSU gap is $10K ($90K against your $100K), and it stays in the bonus ask too.',
    );
    // The script says the opening's figure, so only the opening's $3K is in it.
    expect(robinhood.scripts.find((script) => script.number === 2)?.text).not.toContain('$10K');
    // The base is short by the same $22K at both ends: said once.
    expect(robinhood.trades.filter((trade) => trade.part === 'base')).toHaveLength(1);
    // Affirm, New York: base $200K (band top $198K), bonus $20K, RSU $80K: again only the bonus carries the RSU's.
    const affirm = buildAskPackage(
      guide,
      'new-york',
      offer({
        company: 'Affirm',
        base: 200_000,
        bonus: { kind: 'dollars', dollars: 20_000 },
        equity: { kind: 'annual', dollars: 80_000 },
      }),
    );
    const affirmRsu = affirm.trades.find((trade) => trade.part === 'rsu');
    expect(affirmRsu?.carriedBy).toEqual(['bonus']);
    expect(affirmRsu?.text).toContain('is carried by bonus (');
    expect(affirm.scripts.find((script) => script.number === 2)?.text).toContain('(bonus) makes up the $11K a year.');
  });

  it('scripts speak of the competing offer as an offer, never as pay the person has now', () => {
    // No company given: "a competing offer", "my other offer", never "your competing company" said aloud.
    const unnamed = buildAskPackage(
      guide,
      'detroit',
      offer({ base: 190_000, equity: { kind: 'annual', dollars: 100_000 } }),
    );
    const said = unnamed.scripts.map((script) => script.text).join(' ');
    expect(said).toContain('I have a competing offer at $290K TC.');
    expect(said).toContain('under the $190K base in my other offer');
    expect(said).not.toMatch(/your competing company|I have now|leave behind/);
    // Amazon, New York ($275K): the offer does not set the ask, so lever 3 keeps its number out, and so does the RSU
    // shortfall in lever 2 (its $90K would give the number away); the sign-on matches the offer's first year.
    const amazon = buildAskPackage(
      guide,
      'new-york',
      offer({ company: 'Amazon', base: 185_000, equity: { kind: 'annual', dollars: 90_000 }, signOn: 60_000 }),
    );
    const lever2 = amazon.scripts.find((script) => script.number === 2)?.text ?? '';
    expect(lever2).toContain(
      'under the RSU in my Amazon offer, so the rest of my ask (base and bonus) makes up the difference every year.',
    );
    expect(lever2).not.toContain('$90K');
    // RSU and bonus are at their band tops in the ask: a base cut is not "moved to RSU or bonus".
    expect(amazon.fallbacks.join(' ')).toContain(
      'If base stops below $198K: RSU and bonus are already at or above their band tops at your opening, so a lower base lowers the TC',
    );
    expect(amazon.fallbacks.join(' ')).not.toContain('move the difference to');
    // Under the guide's target there is no case for a level review, first-year gap or not.
    expect(amazon.fallbacks.at(-1)).toBe(
      "If TC stops below $294K: ask a sign-on for the first-year gap, at least $41K (your $335K first year − $294K, more by what the TC falls under it), then an early pay review, in writing, and weigh Ally Financial's yearly TC against your walk-away $275K.",
    );
    // The sign-on is said without "to match my offer's first year": with the ask, that would give the number away.
    expect(amazon.scripts.find((script) => script.number === 3)?.text).toMatch(
      /I have a competing offer from Amazon\. .*For the first year I'd also need a \$26K sign-on\.$/,
    );
  });

  it('lever 1 drops its argument for more than the band when the base it asks is capped under the offer’s', () => {
    const argument = "which is closer to what I'd expect for a VP-level PM at a traditional bank";
    const lever1 = (base: number) =>
      buildAskPackage(
        guide,
        'detroit',
        offer({ company: 'Robinhood', base, equity: { kind: 'annual', dollars: 40_000 } }),
      ).scripts.find((script) => script.number === 1);
    const capped = lever1(190_000);
    expect(capped?.text).toContain(
      "to reflect this branchless product ownership. I understand Ally's base band tops out",
    );
    expect(capped?.text).not.toContain(argument);
    expect(capped?.changes.join(' ')).toContain(`Left out: "${argument}"`);
    // A base inside the band keeps the guide's argument.
    expect(lever1(150_000)?.text).toContain(argument);
  });

  it('rule 2: every part named as carrying a shortfall is above the person’s own part at that end', () => {
    fc.assert(
      fc.property(partsOffer, region, (input, id) => {
        const o = offer(input);
        const pkg = buildAskPackage(guide, id, o);
        const ends = pkg.ask?.ends;
        if (!ends) return;
        const theirs = {
          base: Math.ceil((o.base?.value ?? 0) / 1000) * 1000,
          rsu: Math.ceil((o.equityPerYear?.value ?? 0) / 1000) * 1000,
          bonus: Math.ceil((o.bonus?.value ?? 0) / 1000) * 1000,
        };
        for (const trade of pkg.trades) {
          const at = ends[trade.end];
          const asked = { base: at.base, rsu: at.rsuPerYear, bonus: at.bonus };
          expect(trade.carriedBy.length).toBeGreaterThan(0);
          expect(trade.carriedBy).not.toContain(trade.part);
          for (const part of trade.carriedBy) expect(asked[part]).toBeGreaterThan(theirs[part]);
        }
      }),
    );
  });

  it('rule 2: a competing base above the band is a named trade', () => {
    const pkg = buildAskPackage(
      guide,
      'detroit',
      offer({
        company: 'SoFi',
        base: 170_000,
        equity: { kind: 'annual', dollars: 40_000 },
        bonus: { kind: 'percent', percent: 15 },
      }),
    );
    expect(pkg.trades[0]?.text).toBe(
      "Detroit's base band tops out at $168K, under your $170K: the $2K a year is carried by the other parts (the TC ask stays above your offer); a sign-on can cover year one only, never the yearly gap.",
    );
    expect(pkg.ask?.rsuPerYear.value.low).toBeGreaterThanOrEqual(40_000);
  });
});

describe('a total comp alone with a part beside it', () => {
  it('says the bonus % is taken as inside the total, never drops it silently', () => {
    const data = askDataFromWords(guide, 'offer', ['SoFi', '245k', '--bonus', '15%', 'detroit']);
    expect('error' in data).toBe(false);
    if ('error' in data) return;
    expect(data.warnings.find((w) => w.code === 'parts-set-aside')?.text).toContain('Your bonus (15%)');
    expect(data.ask?.tc).toEqual({ low: 255_000, high: 262_000 });
  });
});

describe('the sign-on, per end of the ask (rule 2)', () => {
  const signOn = (input: OfferInput) => buildAskPackage(guide, 'detroit', offer({ company: 'SoFi', ...input }));

  it('at each end the first-year gap at that end: Google $170K + $55K + 15% + $30K sign-on', () => {
    const pkg = buildAskPackage(
      guide,
      'detroit',
      offer({
        company: 'Google',
        base: 170_000,
        equity: { kind: 'annual', dollars: 55_000 },
        bonus: { kind: 'percent', percent: 15 },
        signOn: 30_000,
      }),
    );
    expect(pkg.ask?.tc.value).toEqual({ low: 261_000, high: 268_000 });
    // $280.5K first year: $19.5K over the floor → $20K, $12.5K over the opening → $13K.
    expect(pkg.ask?.signOn?.value).toEqual({ low: 20_000, high: 13_000 });
    expect(pkg.scripts.find((s) => s.number === 3)?.text).toContain("For the first year I'd also need a $13K sign-on");
    expect(pkg.walkAway?.math).toContain('$280.5K in its first year');
    // The fallback names the sign-on's figure too: the floor's, and more by what the TC falls under it.
    expect(pkg.fallbacks.join(' ')).toContain(
      'If TC stops below $261K: ask a sign-on for the first-year gap, at least $20K (your $280.5K first year − $261K',
    );
  });

  it('none at an end whose TC covers the first year; none under $5K; the fallback only with a gap', () => {
    const covered = signOn({ totalComp: 232_000, signOn: 30_000 }).ask;
    expect(covered?.signOn?.value).toEqual({ low: 20_000, high: 0 });
    expect(covered?.openingFirstYearGap).toBe(0);
    // $1K more offered: the floor rises $1K, the sign-on there stays $20K, the opening's $1K gap is no ask.
    const under = signOn({ totalComp: 233_000, signOn: 30_000 }).ask;
    expect(under?.signOn?.value).toEqual({ low: 20_000, high: 0 });
    expect(under?.openingFirstYearGap).toBe(1_000);
    const small = signOn({ totalComp: 211_000, signOn: 30_000 });
    expect(small.ask?.signOn).toBeUndefined();
    expect(small.ask?.firstYearGap?.value).toBe(1_000);
    expect(small.scripts.find((s) => s.number === 3)?.text).not.toContain('sign-on');
    const none = signOn({ totalComp: 200_000 });
    expect(none.ask?.firstYearGap).toBeUndefined();
    expect(none.fallbacks.join(' ')).not.toContain('first-year gap');
    // $200K is under Detroit's target: no case for a level review.
    expect(none.fallbacks.join(' ')).toContain(
      "If TC stops below $240K: your competing offer is under the guide's target, so it is no case for a level review; ask for an early pay review, in writing, and weigh what Ally offers against your walk-away $200K.",
    );
  });

  it('a base at their own base is not offered to move elsewhere', () => {
    // Their base is Detroit's base band top: the base ask is their own base.
    const pkg = signOn({
      base: 168_000,
      equity: { kind: 'annual', dollars: 45_000 },
      bonus: { kind: 'percent', percent: 10 },
      signOn: 30_000,
    });
    expect(pkg.ask?.base.value.high).toBe(168_000);
    expect(pkg.fallbacks.join(' ')).not.toContain('If base stops below $168K');
    expect(pkg.fallbacks.join(' ')).toContain("Base $168K is your competing offer's base: don't go under it");
  });
});

describe('an offer from Ally itself', () => {
  const ally = (totalComp: number, regionId = 'detroit') =>
    buildAskPackage(guide, regionId, offer({ company: 'Ally', totalComp }));

  it('is not a competing offer: the region’s target, never under what Ally already offers', () => {
    const pkg = ally(250_000);
    expect(pkg.warnings.map((w) => w.code)).toContain('same-company');
    // Detroit's target is $240K–$262K: its low rises to the $250K Ally offers.
    expect(pkg.ask?.tc.value).toEqual({ low: 250_000, high: 262_000 });
    expect(ally(270_000).ask?.tc.value).toEqual({ low: 270_000, high: 277_000 });
    expect(ally(200_000, 'new-york').ask?.tc.value).toEqual({ low: 285_000, high: 309_000 });
    expect(pkg.walkAway).toBeUndefined();
  });

  it('no script says "a competing offer from Ally", and none is left blank for one', () => {
    const said = ally(250_000)
      .scripts.map((script) => script.text)
      .join(' ');
    expect(said).not.toContain('competing offer');
    expect(said).not.toContain('[their TC]');
    expect(said).toContain("I'd like to discuss bringing Ally's total comp to $262K");
    expect(
      ally(250_000)
        .scripts.find((script) => script.number === 3)
        ?.changes.join(' '),
    ).toContain('Left out: the competing-offer sentence.');
    // Ally's kind says nothing about the person's current company: the branch line stays, for them to judge.
    expect(said).toContain(
      '[only if true: At my current company, digital products exist alongside physical channels.]',
    );
  });

  it('the fallback starts from what Ally offers; over the band it asks whether the role is slotted higher', () => {
    expect(ally(250_000).fallbacks.at(-1)).toBe(
      'If Ally Financial holds at its $250K: ask for a sign-on, a level review (Senior Product Manager) or an early pay review, in writing.',
    );
    const over = ally(270_000).warnings.find((w) => w.code === 'same-company')?.text;
    expect(over).toContain(
      "It is already $8K over Detroit's published band top $262K: ask whether the role is slotted as Senior Product Manager.",
    );
    expect(over).not.toContain('negotiate-up target');
  });
});

describe('an offer from Ally itself, in parts', () => {
  const allyParts = (input: Omit<OfferInput, 'company'>, regionId = 'detroit') =>
    buildAskPackage(guide, regionId, offer({ company: 'Ally', ...input }));
  // Ally's base $175K and RSU $60K a year are above Detroit's band tops ($168K, $52K); its 15% bonus is under the band.
  const aboveBand = () =>
    allyParts({ base: 175_000, bonus: { kind: 'percent', percent: 15 }, equity: { kind: 'annual', dollars: 60_000 } });

  it('never asks for a part under what Ally already offers, even above the band', () => {
    const pkg = aboveBand();
    // It asked for base $168K and RSU $52K–$59K: less than Ally's own $175K and $60K, said aloud.
    expect(pkg.ask?.ends.low).toMatchObject({ tc: 270_000, base: 175_000, rsuPerYear: 60_000, bonus: 35_000 });
    expect(pkg.ask?.ends.high).toMatchObject({ tc: 277_000, base: 175_000, rsuPerYear: 60_000, bonus: 42_000 });
    expect(pkg.warnings.find((w) => w.code === 'same-company')?.text).toContain(
      "its base $175K and RSU $60K a year are already above Detroit's band, and the ask keeps them",
    );
    expect(pkg.fallbacks[0]).toBe(
      "Base $175K is what Ally Financial already offers: don't go under it; a lower base costs you every year, and the bonus is a percent of it.",
    );
  });

  it('leads with the levers that raise the pay; a part it only keeps is asked to be kept, not "increased"', () => {
    const pkg = aboveBand();
    expect(pkg.leverOrder).toEqual([3, 4, 1, 2]);
    const lever2 = pkg.scripts.find((script) => script.number === 2);
    expect(lever2?.text).toContain("I'd like the RSU component kept at $60K a year.");
    expect(lever2?.changes.join(' ')).toContain(
      'Ally Financial already offers $60K a year: the script asks to keep it',
    );
    expect(pkg.scripts.find((script) => script.number === 4)?.text).toContain('bonus target increased to 24%');
  });

  it('for any offer in parts from Ally, each part at each end is at least what Ally offers', () => {
    fc.assert(
      fc.property(partsOffer, region, (input, regionId) => {
        const pkg = buildAskPackage(guide, regionId, offer({ ...input, company: 'Ally' }));
        if (!pkg.ask) return;
        const own = offer({ ...input, company: 'Ally' });
        for (const end of [pkg.ask.ends.low, pkg.ask.ends.high]) {
          expect(end.base).toBeGreaterThanOrEqual(own.base?.value ?? 0);
          expect(end.rsuPerYear).toBeGreaterThanOrEqual(own.equityPerYear?.value ?? 0);
          expect(end.bonus).toBeGreaterThanOrEqual((own.bonus?.value ?? 0) - 500);
          expect(Math.abs(end.base + end.rsuPerYear + end.bonus - end.tc)).toBeLessThanOrEqual(1_000);
        }
        expect(pkg.ask.tc.value.low).toBeGreaterThanOrEqual(Math.floor(own.annualTc.value / 1_000) * 1_000);
      }),
      { numRuns: 300 },
    );
  });

  it("never asks a bonus target under Ally's own percent; a target only kept says 'kept at'", () => {
    // Ally's 30% of a $160K base: the ask's base is higher, and keeping the dollars said "kept at 29%".
    const pkg = allyParts({
      base: 160_000,
      bonus: { kind: 'percent', percent: 30 },
      equity: { kind: 'annual', dollars: 70_000 },
    });
    expect(pkg.ask?.bonusTargetPercent.value).toEqual({ low: 30, high: 30 });
    expect(pkg.scripts.find((s) => s.number === 4)?.text).toContain('bonus target kept at 30%');
    const charlotte = allyParts(
      { base: 170_000, bonus: { kind: 'percent', percent: 25 }, equity: { kind: 'annual', dollars: 55_000 } },
      'charlotte',
    );
    expect(charlotte.scripts.find((s) => s.number === 4)?.text).toContain('bonus target kept at 25%');
  });

  it('a base only kept says "kept at"; the levers go by what the ask adds most', () => {
    const pkg = aboveBand();
    expect(pkg.scripts.find((s) => s.number === 1)?.text).toContain("I'd like to see the base salary kept at $175K");
    // Ally's $180K base, 20% bonus and $60K RSU: the bonus rises to 23% (+$5.4K), RSU by $1K, the base is kept.
    const more = allyParts({
      base: 180_000,
      bonus: { kind: 'percent', percent: 20 },
      equity: { kind: 'annual', dollars: 60_000 },
    });
    expect(more.leverOrder).toEqual([3, 4, 2, 1]);
  });

  it("Ally's own sign-on is kept, not beaten: the fallback asks for a larger one", () => {
    const pkg = allyParts({
      base: 165_000,
      bonus: { kind: 'percent', percent: 20 },
      equity: { kind: 'annual', dollars: 48_000 },
      signOn: 20_000,
    });
    expect(pkg.ownOffer).toBe(true);
    expect(pkg.ask?.signOn).toBeUndefined();
    expect(pkg.fallbacks.at(-1)).toContain(
      'If Ally Financial holds at its $246K: ask for a larger sign-on than its $20K',
    );
  });

  it('a total alone says the parts are the guide’s split; another level keeps only "never under it"', () => {
    expect(
      buildAskPackage(guide, 'detroit', offer({ company: 'Ally', totalComp: 300_000 })).warnings.find(
        (w) => w.code === 'same-company',
      )?.text,
    ).toContain("The parts below are the guide's split, not Ally Financial's");
    const senior = buildAskPackage(
      guide,
      'detroit',
      offer({ company: 'Ally', title: 'Senior Product Manager', totalComp: 240_000 }),
    );
    const warning = senior.warnings.find((w) => w.code === 'same-company')?.text;
    expect(warning).toContain('Never go under the $240K it already offers');
    expect(warning).not.toContain('The ask below');
    expect(senior.warnings.find((w) => w.code === 'other-level')?.text).not.toContain('Ally is not in it');
    expect(senior.fallbacks).toEqual([
      'Ask for the Senior Product Manager band in writing; if Ally offers Product Manager, ask for the level again, never under the $240K it already offers; a sign-on covers year one only.',
    ]);
  });

  it('under the band it asks which level the offer was built on, not for a review a level up', () => {
    const pkg = buildAskPackage(guide, 'new-york', offer({ company: 'Ally', totalComp: 200_000 }));
    expect(pkg.warnings.find((w) => w.code === 'same-company')?.text).toContain(
      "It is $15K under New York's band ($215K–$309K) for Product Manager: ask which level and band it was built on (an APM offer?). The ask below is New York's negotiate-up target, 43% above it ($285K against $200K)",
    );
    expect(pkg.fallbacks.at(-1)).toBe(
      'If Ally Financial holds at its $200K: ask for the Product Manager level and band in writing, or a sign-on.',
    );
  });
});

describe('claims that fit the competing company', () => {
  it('the branch-bank line is left out for a company known to have no branches, kept for a bank', () => {
    const line = 'At my current company, digital products exist alongside physical channels.';
    const lever1 = (company: string, companyKind?: CompanyKind) =>
      buildAskPackage(guide, 'detroit', offer({ company, companyKind, totalComp: 245_000 })).scripts.find(
        (s) => s.number === 1,
      );
    expect(lever1('Google', 'big-tech')?.text).not.toContain(line);
    expect(lever1('Google', 'big-tech')?.text).toContain('11 million people. The accountability at Ally');
    expect(lever1('Google', 'big-tech')?.changes.join(' ')).toContain('Left out');
    // Why, in the kind it was read as: Capital One has a few branches, so "is not one" would contradict its kind note.
    expect(lever1('Capital One', 'other')?.changes.join(' ')).toContain(
      'Capital One is read as another kind of company, not a traditional bank. If your current company does have branches',
    );
    expect(lever1('Wells Fargo', 'traditional-bank')?.text).toContain(`[only if true: ${line}]`);
    // Kind unknown: the line stays, marked.
    expect(lever1('Acme Unknown Co')?.text).toContain(`[only if true: ${line}]`);
  });
});
