import { describe, expect, it } from 'vitest';
import { confirmedOffer, prepareOffer } from '../../../src/answers/offer-prep.js';
import { farAboveBand } from '../../../src/engine/ask/framing.js';
import { buildAskPackage } from '../../../src/engine/ask/index.js';
import { mapLevel, titleKey } from '../../../src/engine/levels.js';
import {
  guessCompanyKind,
  type NormalisedOffer,
  normaliseOffer,
  type OfferInput,
  readOfferWords,
} from '../../../src/engine/offer/index.js';
import { regionById } from '../../../src/engine/regions.js';
import { loadGuide } from '../../../src/guide/load.js';

const { guide } = loadGuide();

function offer(input: OfferInput): NormalisedOffer {
  const result = normaliseOffer({ ...input, companyKind: input.companyKind ?? guessCompanyKind(guide, input.company) });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.offer;
}

const codes = (pkg: ReturnType<typeof buildAskPackage>) => pkg.warnings.map((w) => w.code);
const text = (pkg: ReturnType<typeof buildAskPackage>, code: string) => pkg.warnings.find((w) => w.code === code)?.text;

/** An offer typed as words, prepared in a region as Slack's answer prepares it (its "did you mean" buttons too). */
function prepFromWords(words: string, regionId: string) {
  const draft = readOfferWords(guide, words.split(' ')).draft;
  const normalised = normaliseOffer(draft);
  if (!normalised.ok) throw new Error(`not read: ${words}`);
  const region = regionById(guide, regionId);
  return { region, prep: prepareOffer(guide, region, draft, normalised.offer) };
}
describe('far above the band: a level question first, not a stretch', () => {
  it('Google $450K in New York: level review leads, the stretch line goes, the figures and walk-away stay', () => {
    const pkg = buildAskPackage(guide, 'new-york', offer({ company: 'Google', totalComp: 450_000 }));
    expect(codes(pkg)).toContain('far-above-band');
    expect(codes(pkg)).not.toContain('above-band');
    expect(text(pkg, 'far-above-band')).toContain('ask for the Senior Product Manager band in writing');
    expect(text(pkg, 'far-above-band')).toContain('level mismatch');
    expect(text(pkg, 'part-above-band')).not.toContain('most often stretch');
    expect(pkg.fallbacks[0]).toMatch(/^First a level review: ask for the Senior Product Manager band in writing/);
    expect(pkg.leadLever).toBe(3);
    expect(pkg.ask).toBeDefined();
    expect(pkg.walkAway?.value).toBe(450_000);
  });

  it('the level review names the level above the one the bands cover, wherever that row sits', () => {
    // A guide whose table starts a level lower: its bands still cover Product Manager, so the review is Senior PM.
    const [first] = guide.levels.rows;
    if (!first) throw new Error('no level rows');
    const lower = {
      ...guide,
      levels: { ...guide.levels, rows: [{ ...first, ally: 'Associate Product Manager' }, ...guide.levels.rows] },
    };
    // $250K sets Detroit's ask (over the target low less the uplift), so a level review is suggested.
    const pkg = buildAskPackage(lower, 'detroit', offer({ company: 'SoFi', totalComp: 250_000 }));
    expect(pkg.fallbacks.join(' ')).toContain('ask for a level review (Senior Product Manager)');
    expect(pkg.fallbacks.join(' ')).not.toContain('level review (Product Manager)');
  });

  it('the tier starts at TC over the band top +15%, whatever the RSU it takes (Detroit: $301.3K)', () => {
    // Detroit, TC alone: $272K puts RSU at $82K a year (over 1.5× its $52K top), yet the offer is 4% over the band.
    const near = buildAskPackage(guide, 'detroit', offer({ company: 'SoFi', totalComp: 272_000 }));
    expect(codes(near)).toContain('above-band');
    expect(codes(near)).not.toContain('far-above-band');
    expect(text(near, 'part-above-band')).toContain('most often stretch');
    const far = buildAskPackage(guide, 'detroit', offer({ company: 'SoFi', totalComp: 302_000 }));
    expect(codes(far)).toContain('far-above-band');
    // The RSU it takes is said beside the TC share.
    expect(text(far, 'far-above-band')).toContain('× Detroit');
    const detroit = regionById(guide, 'detroit');
    const rsu = { low: 40_000, high: 50_000 };
    expect(farAboveBand(guide, detroit, 301_000, rsu)).toBeUndefined();
    expect(farAboveBand(guide, detroit, 301_000, { low: 120_000, high: 130_000 })).toBeUndefined();
    expect(farAboveBand(guide, detroit, 302_000, rsu)?.text).toMatch(/^Your competing \$302K is \$40K \(15%\) above/);
  });
});

describe('titles: short forms read, unmapped ones said, no peer named for another company', () => {
  it('spells out short forms', () => {
    for (const typed of ['Senior PM', 'Sr. PM', 'SPM', 'Sr Product Manager', 'senior product manager']) {
      expect(titleKey(typed)).toBe('senior product manager');
      expect(mapLevel(guide, 'SoFi', typed).allyLevel).toBe('Senior Product Manager');
    }
    expect(mapLevel(guide, 'Capital One', 'VP, Product Management').allyLevel).toBe('Director of Product');
  });

  it('a Senior PM at SoFi gets no PM-band figures', () => {
    const pkg = buildAskPackage(guide, 'detroit', offer({ company: 'SoFi', title: 'Senior PM', totalComp: 280_000 }));
    expect(pkg.ask).toBeUndefined();
    expect(text(pkg, 'other-level')).toContain('Senior PM (read as Senior Product Manager) at SoFi maps to');
  });

  it('a Google title maps by the table without naming a peer as the company', () => {
    const level = mapLevel(guide, 'Google', 'Senior Product Manager');
    expect(level.peer).toBeUndefined();
    expect(level.mapping).not.toContain('at Capital One');
    expect(level.mapping).toContain('Google is not in it');
  });

  it('a title the table lacks is read as Product Manager and says so', () => {
    const principal = buildAskPackage(
      guide,
      'new-york',
      offer({ company: 'SoFi', title: 'Principal Product Manager', totalComp: 300_000 }),
    );
    expect(principal.ask).toBeDefined();
    expect(text(principal, 'title-not-mapped')).toContain('read as Product Manager');
    expect(text(principal, 'title-not-mapped')).toContain('above Senior Product Manager');
    const bankVp = buildAskPackage(
      guide,
      'charlotte',
      offer({ company: 'Chase', title: 'Vice President, Product', totalComp: 260_000 }),
    );
    expect(text(bankVp, 'title-not-mapped')).toContain(
      'Banks often use Vice President for Product Manager-level roles',
    );
    const plain = buildAskPackage(
      guide,
      'detroit',
      offer({ company: 'SoFi', title: 'Product Manager', totalComp: 245_000 }),
    );
    expect(codes(plain)).not.toContain('title-not-mapped');
  });
});

describe('company kinds: unknown said, chosen named', () => {
  it('Comerica and Flagstar are branch banks in the data', () => {
    expect(guessCompanyKind(guide, 'Comerica')).toBe('traditional-bank');
    expect(guessCompanyKind(guide, 'Flagstar Bank')).toBe('traditional-bank');
  });

  it('an unknown company says so and how to set its kind', () => {
    const pkg = buildAskPackage(guide, 'detroit', offer({ company: 'Acme Corp', totalComp: 230_000 }));
    expect(text(pkg, 'kind-unknown')).toContain("I don't know what kind of company Acme Corp is");
    expect(text(pkg, 'kind-unknown')).toContain('--kind traditional-bank');
    const known = buildAskPackage(guide, 'detroit', offer({ company: 'SoFi', totalComp: 230_000 }));
    expect(codes(known)).not.toContain('kind-unknown');
  });

  it('a chosen kind is named, beside what the list says', () => {
    const stripe = buildAskPackage(guide, 'detroit', offer({ company: 'Stripe', totalComp: 230_000 }), {
      kind: 'big-tech',
    });
    expect(stripe.companyKind?.reason).toBe(
      "Big tech, as you chose it (the guide's list says a digital bank or fintech).",
    );
    const acme = buildAskPackage(
      guide,
      'detroit',
      offer({ company: 'Acme', companyKind: 'other', totalComp: 230_000 }),
    );
    expect(acme.companyKind?.reason).toBe(
      "Another kind of company, as you chose it (Acme is not in the guide's company list).",
    );
  });
});

describe('did you mean: readings near the bands, and equity asked about only when a grant is plausible', () => {
  it('$1.2M offers the 4-year package reading first; the bounds are worded as what allycomp takes', () => {
    const pkg = buildAskPackage(guide, 'new-york', offer({ company: 'SoFi', totalComp: 1_200_000 }));
    const [confirmation] = pkg.confirmations;
    expect(confirmation?.candidates.map((c) => c.label)).toEqual(['$300K a year ($1.2M over 4 years)', '$120K a year']);
    expect(confirmation?.question).toContain("the guide's bands cover $182K–$309K");
    expect(confirmation?.question).not.toContain("guide's bands cover ($91K");
  });

  it('only readings within the bands ±50%; no package reading for a base', () => {
    const huge = buildAskPackage(guide, 'detroit', offer({ totalComp: 5_000_000 }));
    expect(huge.confirmations[0]?.candidates).toEqual([]);
    const base = buildAskPackage(guide, 'detroit', offer({ base: 1_200_000 }));
    expect(base.confirmations[0]?.candidates.map((c) => c.value)).toEqual([120_000]);
  });

  it('$53K of stock in Detroit is read as a year and says so; from $56K it asks', () => {
    const stock = (dollars: number) =>
      buildAskPackage(
        guide,
        'detroit',
        offer({
          company: 'SoFi',
          base: 160_000,
          equity: { kind: 'annual', dollars },
          bonus: { kind: 'percent', percent: 15 },
        }),
      );
    const read = stock(53_000);
    expect(codes(read)).toContain('equity-read-as-year');
    expect(codes(read)).not.toContain('equity-maybe-grant');
    expect(read.confirmations).toEqual([]);
    expect(text(read, 'equity-read-as-year')).toContain('$53K of equity is read as a year');
    expect(codes(stock(55_000))).not.toContain('equity-maybe-grant');
    expect(codes(stock(56_000))).toContain('equity-maybe-grant');
    expect(text(stock(56_000), 'equity-maybe-grant')).toContain("over $104K a year (twice Detroit's RSU band top)");
    // "equity 120" in Detroit: over twice its RSU top, read as a year it built a $330K ask; it waits for the answer.
    expect(stock(104_000).ask).toBeDefined();
    expect(stock(105_000).ask).toBeUndefined();
  });

  it('equity said to be a year but over four times the region’s RSU top is asked once; the "a year" click answers', () => {
    // "equity 400k/yr" on a $170K base built a $606K ask: "RSU component increased to $365K a year".
    const { region, prep } = prepFromWords('Acme base 170k bonus 15% equity 400k/yr ny', 'new-york');
    expect(prep.pkg.ask).toBeUndefined();
    expect(prep.pkg.confirmations[0]?.question).toContain('You said $400K of equity a year: that is over 4 times');
    const clicked = confirmedOffer(prep.confirmValues?.[0]?.[0]);
    const again = prepareOffer(guide, region, clicked?.confirmed.draft ?? {}, clicked?.offer as NormalisedOffer);
    expect(again.pkg.confirmations).toEqual([]);
    expect(again.pkg.ask).toBeDefined();
    // Up to four times the top, said as a year, it is taken as said.
    expect(prepFromWords('Acme base 170k bonus 15% equity 244k/yr ny', 'new-york').prep.pkg.ask).toBeDefined();
  });

  it('equity the person said is a year is never asked about again: the "a year" button gives the ask', () => {
    // Stripe, New York: $150K of RSU is over twice New York's RSU band top ($122K), so unsaid it waits for an answer.
    const { region, prep } = prepFromWords('Stripe base 210k rsu 150k ny', 'new-york');
    expect(prep.pkg.ask).toBeUndefined();
    const [confirmation] = prep.pkg.confirmations;
    expect(confirmation?.field).toBe('equity');
    const yearly = confirmation?.candidates.findIndex((candidate) => candidate.label === '$150K a year') ?? -1;
    const clicked = confirmedOffer(prep.confirmValues?.[0]?.[yearly]);
    const again = prepareOffer(guide, region, clicked?.confirmed.draft ?? {}, clicked?.offer as NormalisedOffer);
    expect(again.pkg.confirmations).toEqual([]);
    expect(again.pkg.ask?.rsuPerYear.value.high).toBeGreaterThan(61_000);
    expect(text(again.pkg, 'equity-read-as-year')).toContain('$150K of equity a year, as you said');
    // Said in the words, or with --stock: the same, with no question first.
    for (const words of ['Stripe base 210k rsu 150k a year ny', 'Stripe --base 210k --stock 150k ny']) {
      const said = normaliseOffer(readOfferWords(guide, words.split(' ')).draft);
      if (!said.ok) throw new Error(`not read: ${words}`);
      const pkg = buildAskPackage(guide, 'new-york', said.offer);
      expect(pkg.confirmations, words).toEqual([]);
      expect(pkg.ask, words).toBeDefined();
    }
  });
});

// A part typed with a slipped digit or "k" is asked about as that part: a plausible TC is no reason to answer a
// $19.5K base with confidence, and an implausible TC from one part is corrected in that part, not ÷10 everywhere.
describe('did you mean: a base outside the bounds derived from the base bands', () => {
  const lowestBaseLow = Math.min(...guide.regions.map((region) => region.band.base.low));
  const highestBaseTop = Math.max(...guide.regions.map((region) => region.band.base.high));
  const microsoft = (base: number) =>
    offer({
      company: 'Microsoft',
      base,
      bonus: { kind: 'dollars', dollars: 30_000 },
      equity: { kind: 'annual', dollars: 50_000 },
    });

  it('base $19.5K (TC $99.5K, inside the TC bounds) holds the ask back and suggests base $195K', () => {
    const pkg = buildAskPackage(guide, 'charlotte', microsoft(19_500));
    expect(pkg.needsConfirmation).toBe(true);
    expect(pkg.ask).toBeUndefined();
    expect(codes(pkg)).toContain('implausible-base');
    expect(codes(pkg)).not.toContain('implausible-tc');
    const [confirmation] = pkg.confirmations;
    expect(confirmation?.field).toBe('base');
    expect(confirmation?.candidates).toEqual([
      { label: 'base $195K (annual TC $275K)', value: 195_000, typed: '--base 195k' },
    ]);
    expect(confirmation?.question).toContain(`$${lowestBaseLow / 2000}K`);
  });

  it('base $1.95M suggests base $195K, not the whole offer ÷10 ($203K)', () => {
    const pkg = buildAskPackage(guide, 'charlotte', microsoft(1_950_000));
    expect(pkg.needsConfirmation).toBe(true);
    expect(pkg.confirmations.map((c) => c.field)).toEqual(['base']);
    expect(pkg.confirmations[0]?.candidates.map((c) => c.value)).toEqual([195_000]);
    expect(JSON.stringify(pkg.confirmations)).not.toContain('$203K');
  });

  it('the bounds come from the guide: half the lowest base low to twice the highest base top', () => {
    const low = Math.ceil(lowestBaseLow / 2);
    const asked = (base: number) => buildAskPackage(guide, 'detroit', microsoft(base)).needsConfirmation;
    expect(asked(low - 1)).toBe(true);
    expect(asked(low)).toBe(false);
    expect(asked(2 * highestBaseTop)).toBe(false);
    expect(asked(2 * highestBaseTop + 1)).toBe(true);
  });

  it('a bonus given as a % of base follows the suggested base; the button re-runs with the base alone corrected', () => {
    const { region, prep } = prepFromWords('Microsoft base 19.5k bonus 15% rsu 50k charlotte', 'charlotte');
    // $195K + 15% ($29.25K) + $50K = $274.25K.
    expect(prep.pkg.confirmations[0]?.candidates.map((c) => c.label)).toEqual(['base $195K (annual TC $274.3K)']);
    const clicked = confirmedOffer(prep.confirmValues?.[0]?.[0]);
    expect(clicked?.confirmed.draft).toMatchObject({
      base: 195_000,
      bonus: { kind: 'percent', percent: 15 },
      equity: { kind: 'annual', dollars: 50_000 },
    });
    expect(clicked?.offer.annualTc.value).toBe(274_250);
    const again = prepareOffer(guide, region, clicked?.confirmed.draft ?? {}, clicked?.offer as NormalisedOffer);
    expect(again.pkg.needsConfirmation).toBe(false);
    expect(again.pkg.ask).toBeDefined();
  });
});

// A bonus in dollars over its base is more than the 100% of base the % form allows: "bonus 250k" on a $180K base is
// a slipped "k" for $25K, and answering it would ask Ally for $480K.
describe('a total with no bonus and no equity, both said', () => {
  it('is all base: the base script and fallback then treat it as their base', () => {
    // "230k, equity 0, bonus 0" set aside "your bonus ($0)… a bonus % has nothing to work from" and asked base $168K
    // with no word about the $230K base.
    const pkg = buildAskPackage(
      guide,
      'detroit',
      offer({
        company: 'SoFi',
        totalComp: 230_000,
        bonus: { kind: 'dollars', dollars: 0 },
        equity: { kind: 'annual', dollars: 0 },
      }),
    );
    expect(pkg.offer?.base?.value).toBe(230_000);
    expect(codes(pkg)).not.toContain('parts-set-aside');
    expect(codes(pkg)).toContain('part-capped');
    // One of them alone says nothing about the base.
    const one = buildAskPackage(
      guide,
      'detroit',
      offer({ company: 'SoFi', totalComp: 230_000, equity: { kind: 'annual', dollars: 0 } }),
    );
    expect(one.offer?.base).toBeUndefined();
    expect(codes(one)).not.toContain('parts-set-aside');
  });
});

describe('the first-year warning', () => {
  it('says how close the opening comes where it asks no sign-on there, as the plan does', () => {
    const pkg = buildAskPackage(guide, 'detroit', offer({ company: 'SoFi', totalComp: 245_000, signOn: 20_000 }));
    expect(text(pkg, 'first-year-gap')).toBe(
      "Your competing first year ($265K) is above the ask's first year: at the floor ($255K) ask a $10K sign-on, at the opening ($262K) none (within $3K).",
    );
  });
});

describe('a title the level table lacks', () => {
  const titled = (title: string) =>
    buildAskPackage(guide, 'detroit', offer({ company: 'SoFi', title, totalComp: 245_000 }));

  it('above Senior PM: the plan starts with the level review, as its warning says', () => {
    const principal = titled('Principal Product Manager');
    expect(principal.levelReviewFirst).toBe('Senior Product Manager');
    expect(principal.fallbacks[0]).toMatch(/^First a level review: ask for the Senior Product Manager band in writing/);
  });

  it('below PM: no review a level up, and the warning says to ask which level the role is', () => {
    const associate = titled('Associate Product Manager');
    expect(associate.levelReviewFirst).toBeUndefined();
    expect(associate.levelReviewFits).toBe(false);
    expect(text(associate, 'title-not-mapped')).toContain('A title like that usually sits below Product Manager');
    expect(associate.fallbacks.join(' ')).not.toContain('level review (Senior Product Manager)');
    expect(associate.fallbacks.at(-1)).toContain(
      'your title reads below Product Manager, so a review a level up is no ask',
    );
  });
});

describe('under the band with a base inside the base band', () => {
  it('points at the parts given, not at a lower level', () => {
    const pkg = buildAskPackage(guide, 'new-york', offer({ company: 'JPMorgan', base: 210_000 }));
    // "Check the level (an APM offer?)" beside "New York's base band tops out at $198K, under your $210K".
    expect(text(pkg, 'below-band')).toContain(
      'your base is inside or above the base band, so check the bonus and equity',
    );
    expect(text(pkg, 'below-band')).not.toContain('APM');
    expect(
      text(buildAskPackage(guide, 'new-york', offer({ company: 'JPMorgan', totalComp: 200_000 })), 'below-band'),
    ).toContain('check the level (an APM offer?)');
  });
});

describe('a grant that vests within two years', () => {
  it('says it counts as yearly pay only if granted again, and how to give it as a sign-on', () => {
    // Averaged over its 1-year vest, $120K became a $315.5K walk-away: an Ally offer better every later year looked worse.
    const pkg = buildAskPackage(
      guide,
      'detroit',
      offer({
        company: 'SoFi',
        base: 170_000,
        bonus: { kind: 'percent', percent: 15 },
        equity: { kind: 'grant', dollars: 120_000, vesting: { kind: 'even', years: 1 } },
      }),
    );
    expect(text(pkg, 'short-vest')).toBe(
      'Your $120K grant vests within a year: it is counted as $120K a year, as if granted again each time. If it is not, it is a one-time amount: give it as a sign-on instead (--sign-on 120k), and the annual TC and the walk-away become $195.5K.',
    );
    const fourYears = buildAskPackage(
      guide,
      'detroit',
      offer({
        company: 'SoFi',
        base: 170_000,
        equity: { kind: 'grant', dollars: 160_000, vesting: { kind: 'even', years: 4 } },
      }),
    );
    expect(codes(fourYears)).not.toContain('short-vest');
  });
});

describe('did you mean: a sign-on over half the annual TC', () => {
  const sofi = (signOn: number) =>
    offer({ company: 'SoFi', base: 160_000, bonus: { kind: 'percent', percent: 15 }, signOn });

  it('sign-on $250K on a $184K offer holds the ask back and suggests sign-on $25K', () => {
    // It was answered: "For the first year I'd also need a $172K sign-on", said aloud on a slipped "k".
    const pkg = buildAskPackage(guide, 'detroit', sofi(250_000));
    expect(pkg.ask).toBeUndefined();
    expect(codes(pkg)).toContain('implausible-sign-on');
    expect(pkg.confirmations.map((c) => c.field)).toEqual(['signOn']);
    expect(pkg.confirmations[0]?.candidates).toEqual([
      { label: 'sign-on $25K (first-year TC $209K)', value: 25_000, typed: '--sign-on 25k' },
    ]);
    expect(pkg.confirmations[0]?.question).toContain("more than the offer's whole annual TC $184K");
  });

  it('up to half a year is taken as typed; more asks, with the figure as typed one of the answers up to a year', () => {
    expect(buildAskPackage(guide, 'detroit', sofi(92_000)).needsConfirmation).toBe(false);
    const half = buildAskPackage(guide, 'detroit', sofi(92_001));
    expect(half.needsConfirmation).toBe(true);
    expect(half.confirmations[0]?.candidates.map((c) => c.label)).toEqual([
      'sign-on $9.2K (first-year TC $193.2K)',
      'sign-on $92K, as typed (first-year TC $276K)',
    ]);
    expect(buildAskPackage(guide, 'detroit', sofi(184_000)).confirmations[0]?.candidates.at(-1)?.label).toContain(
      'as typed',
    );
    expect(buildAskPackage(guide, 'detroit', sofi(184_001)).confirmations[0]?.candidates.map((c) => c.label)).toEqual([
      'sign-on $18.4K (first-year TC $202.4K)',
    ]);
  });

  it('the figure as typed, confirmed, is not asked about again', () => {
    const { region, prep } = prepFromWords('SoFi base 160k bonus 15% sign-on 120k detroit', 'detroit');
    const asTyped = prep.confirmValues?.[0]?.at(-1);
    const clicked = confirmedOffer(asTyped);
    expect(clicked?.confirmed.draft).toMatchObject({ signOn: 120_000, signOnConfirmed: true });
    const again = prepareOffer(guide, region, clicked?.confirmed.draft ?? {}, clicked?.offer as NormalisedOffer);
    expect(again.pkg.needsConfirmation).toBe(false);
    expect(again.pkg.ask).toBeDefined();
  });

  it('the button re-runs with the sign-on alone corrected, and the answer comes', () => {
    const { region, prep } = prepFromWords('SoFi base 160k bonus 15% sign-on 250k detroit', 'detroit');
    const clicked = confirmedOffer(prep.confirmValues?.[0]?.[0]);
    expect(clicked?.confirmed.draft).toMatchObject({
      base: 160_000,
      bonus: { kind: 'percent', percent: 15 },
      signOn: 25_000,
    });
    const again = prepareOffer(guide, region, clicked?.confirmed.draft ?? {}, clicked?.offer as NormalisedOffer);
    expect(again.pkg.needsConfirmation).toBe(false);
    expect(again.pkg.offer?.firstYearTc.value).toBe(209_000);
  });
});

describe('did you mean: a bonus in dollars over its base', () => {
  const sofi = (bonus: number, base = 180_000) =>
    offer({
      company: 'SoFi',
      base,
      bonus: { kind: 'dollars', dollars: bonus },
      equity: { kind: 'annual', dollars: 40_000 },
    });

  it('bonus $250K on a $180K base holds the ask back and suggests bonus $25K, not the whole offer ÷10', () => {
    const pkg = buildAskPackage(guide, 'new-york', sofi(250_000));
    expect(pkg.needsConfirmation).toBe(true);
    expect(pkg.ask).toBeUndefined();
    expect(codes(pkg)).toContain('implausible-bonus');
    expect(pkg.confirmations.map((c) => c.field)).toEqual(['bonus']);
    expect(pkg.confirmations[0]?.candidates).toEqual([
      { label: 'bonus $25K (annual TC $245K)', value: 25_000, typed: '--bonus 25k' },
    ]);
    expect(pkg.confirmations[0]?.question).toContain('more than the $180K base');
  });

  it('up to the base itself is taken as typed (100% of base, as the % form allows); a dollar more is asked', () => {
    expect(buildAskPackage(guide, 'new-york', sofi(180_000)).needsConfirmation).toBe(false);
    expect(buildAskPackage(guide, 'new-york', sofi(180_001)).needsConfirmation).toBe(true);
  });

  it('with no reading inside the bonus bands it asks to check the bonus, with no button', () => {
    // $800K ÷10 is $80K, over the bonus bands +50% ($75K); the TC ($1.02M) is then asked about too.
    const pkg = buildAskPackage(guide, 'new-york', sofi(800_000));
    expect(pkg.confirmations[0]).toEqual(
      expect.objectContaining({ field: 'bonus', candidates: [], question: expect.stringContaining('Check the bonus') }),
    );
    expect(pkg.ask).toBeUndefined();
  });

  it('a base outside its own bounds is asked first: the bonus is not weighed against a slipped base', () => {
    const pkg = buildAskPackage(guide, 'new-york', sofi(30_000, 19_500));
    expect(pkg.confirmations.map((c) => c.field)).toEqual(['base']);
  });

  it('the button re-runs with the bonus alone corrected, and the answer comes', () => {
    const { region, prep } = prepFromWords('SoFi base 180k bonus 250k rsu 40k ny', 'new-york');
    const clicked = confirmedOffer(prep.confirmValues?.[0]?.[0]);
    expect(clicked?.confirmed.draft).toMatchObject({
      base: 180_000,
      bonus: { kind: 'dollars', dollars: 25_000 },
      equity: { kind: 'annual', dollars: 40_000 },
    });
    const again = prepareOffer(guide, region, clicked?.confirmed.draft ?? {}, clicked?.offer as NormalisedOffer);
    expect(again.pkg.needsConfirmation).toBe(false);
    expect(again.pkg.ask?.tc.value.high).toBeGreaterThan(245_000);
  });
});
