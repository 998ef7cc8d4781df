import type { CompanyKind, Guide, Range, Region } from '../../guide/schema.js';
import { byRule, type Explained } from '../explained.js';
import { formatMoney, formatPercent, formatRange, upToThousand } from '../money.js';
import type { NormalisedOffer } from '../offer/normalise.js';
import { claimPremiums } from '../premiums.js';
import { nextLevel } from './framing.js';
import type { AskFigures, PremiumStory, Trade } from './types.js';

export const PREMIUM_RULE =
  'Open at the top of the range and say only that figure. Premiums are the stated reason for where to settle in the ' +
  'range: when one applies, hold at the top; when none does, you can concede toward the floor, only for something in ' +
  'return. They are never a second Ally TC figure, and never added on top of the range (the guide prices the ' +
  'branchless premium twice, as a percentage and as a card; the `premiums` answer shows both).';

/** The one premium story (rule 4): the branchless 15–25% and ticked Ally.ai premiums, as reasons, not figures. */
export function premiumStory(
  guide: Guide,
  competingTc: number | undefined,
  kind: CompanyKind | undefined,
  premiumIds: readonly string[],
): PremiumStory {
  const reasons: string[] = [];
  const story: PremiumStory = { rule: PREMIUM_RULE, reasons };
  const { percent, appliesTo } = guide.branchlessPremium;
  if (kind === appliesTo && competingTc !== undefined) {
    const low = Math.round((competingTc * percent.low) / 100);
    const high = Math.round((competingTc * percent.high) / 100);
    const pct = `${formatPercent(percent.low)}–${formatPercent(percent.high)}`;
    story.branchless = byRule(
      'Branchless premium (a reason, not a figure to add)',
      { low, high },
      `The guide: Ally PM pay "exceeds traditional banking PM roles by ${pct}". ${pct} of your ${formatMoney(competingTc)} ` +
        `= ${formatRange({ low, high })}. Used as the reason to hold at the top of the range, not added to it and not shown as a figure.`,
      true,
    );
    // The percent is the reason; its dollars on the offer are not shown: they would read as another Ally figure.
    reasons.push(
      `Your competing offer is from a traditional bank: the guide says Ally PM pay exceeds traditional-bank PM pay by ` +
        `${pct}, so hold at the top of the range.`,
    );
  }
  const ticked = claimPremiums(guide, premiumIds);
  if (ticked.claims.length > 0) {
    story.ticked = ticked.total;
    reasons.push(
      `You can claim ${ticked.claims.map((claim) => `${claim.premium.name} (${formatRange(claim.premium.range)})`).join(', ')}: ` +
        `${formatRange(ticked.total.value)} in the guide's Ally.ai premiums, the case for holding at the top of the range.`,
    );
  }
  return story;
}

/**
 * Where to open: always the top of the range, the one figure the scripts say (a recruiter treats the bottom of any
 * range said aloud as agreed). The premium story says whether to hold there or concede toward the floor.
 */
export function openingFigure(tc: Range, story: PremiumStory): Explained {
  const settle =
    story.reasons.length > 0
      ? 'A premium applies: hold at the top.'
      : `No premium applies as entered (one that fits the person is the reason to hold at the top): you can concede toward the floor ${formatMoney(tc.low)}, only for something in return ` +
        '(a sign-on, a level review).';
  return byRule('Open at', tc.high, `${PREMIUM_RULE} Open at the top, ${formatMoney(tc.high)}. ${settle}`, true);
}

/** The lever numbers by what each asks for, from the guide's data. */
function leverNumber(guide: Guide, asks: 'base' | 'stock' | 'bonus' | 'totalComp'): number | undefined {
  return guide.levers.find((lever) => lever.asks === asks)?.number;
}

/**
 * The ask that costs Ally no pay band: where a level review makes no case. "The title" said it before, which at Ally
 * is the level again (its titles are its levels).
 */
export const PAY_REVIEW_ASK = 'an early pay review, in writing';

const AI_PREMIUMS = new Set(['responsible-ai', 'empathetic-automation', 'career-differentiator']);

/**
 * What to do first (rule 9): lead with the competing offer (the TC lever) when it sets the ask; otherwise with the
 * branchless lever for a traditional-bank background, the AI lever for ticked Ally.ai premiums, else the base lever.
 * The rest follow in the guide's order; the TC lever goes last when the offer does not set the ask (its figure would
 * weaken you: rule 6).
 */
export function leverPlan(
  guide: Guide,
  options: {
    hasOffer: boolean;
    hideCompeting: boolean;
    branchBank: boolean;
    premiumIds: readonly string[];
    /**
     * The guide's own company's offer in parts: what the opening adds a year to each part and to the total. The
     * levers go by the most it adds; a part only kept (0) goes last.
     */
    raises?: Partial<Record<'base' | 'stock' | 'bonus' | 'totalComp', number>>;
    /** Parts the opening caps under the competing offer's: a lever that asks for less than the offer pays goes late. */
    capped?: readonly ('base' | 'stock' | 'bonus')[];
  },
): { lead: number; order: number[]; why: string } {
  const numbers = [...guide.levers].sort((a, b) => a.number - b.number).map((lever) => lever.number);
  const tcLever = leverNumber(guide, 'totalComp');
  const baseLever = leverNumber(guide, 'base') ?? numbers[0] ?? 1;
  const stockLever = leverNumber(guide, 'stock');
  let lead = baseLever;
  let why = 'No competing offer or premium to lead with: start with base, the part that lasts.';
  if (options.hasOffer && !options.hideCompeting && tcLever !== undefined) {
    lead = tcLever;
    why = 'Your competing offer is your strongest fact: lead with it (the TC lever).';
  } else if (options.branchBank || options.premiumIds.includes('branchless')) {
    lead = baseLever;
    why = 'You come from a traditional bank: lead with branchless product accountability (the base lever).';
  } else if (stockLever !== undefined && options.premiumIds.some((id) => AI_PREMIUMS.has(id))) {
    lead = stockLever;
    why = 'You ticked Ally.ai premiums: lead with your AI product experience (the RSU lever).';
  }
  const rest = numbers.filter((n) => n !== lead);
  const guideOrder =
    options.hideCompeting && tcLever !== undefined
      ? [lead, ...rest.filter((n) => n !== tcLever), tcLever]
      : [lead, ...rest];
  // Opening with a part capped under the offer's asks first for less than the person has: those levers go after the
  // others (a kept-out TC lever still last).
  const cappedLevers = (options.capped ?? []).flatMap((part) => leverNumber(guide, part) ?? []);
  const last = options.hideCompeting && tcLever !== undefined ? [tcLever] : [];
  const order = [
    ...guideOrder.filter((n) => !cappedLevers.includes(n) && !last.includes(n)),
    ...guideOrder.filter((n) => cappedLevers.includes(n) && !last.includes(n)),
    ...last,
  ];
  if (order[0] !== lead) {
    lead = order[0] ?? lead;
    why = "Your offer pays more than Ally's band for a part: lead with a part the ask raises, not one it caps.";
  }
  const { raises } = options;
  if (!raises || (raises.base ?? raises.stock ?? raises.bonus) === undefined) return { lead, order, why };
  // Asking first to keep what is already offered gives the recruiter an easy yes and the person nothing.
  const raiseOf = (n: number) => {
    const asks = guide.levers.find((lever) => lever.number === n)?.asks;
    return asks ? (raises[asks] ?? 0) : 0;
  };
  const byRaise = [...order].sort((a, b) => raiseOf(b) - raiseOf(a));
  return {
    lead: byRaise[0] ?? lead,
    order: byRaise,
    why: `${guide.company} already offers the parts: lead with what the ask adds most, keep what it only keeps last.`,
  };
}

/** The walk-away figure: the competing offer, the person's best alternative, a year and in its first year. */
export function walkAwayFigure(offer: NormalisedOffer): Explained {
  const annual = offer.annualTc.value;
  const first = offer.firstYearTc.value;
  return byRule(
    'Walk-away',
    annual,
    `Your best alternative is the competing offer: ${formatMoney(annual)} a year` +
      (first !== annual ? ` and ${formatMoney(first)} in its first year (${offer.firstYearTc.math})` : '') +
      '. An Ally offer below it is worse than what you already have' +
      (first > annual ? ', and in year one Ally must also reach its first year (TC plus sign-on).' : '.'),
    true,
  );
}

/** How far the ask sits above a below-band offer: that far is a level question before it is a pay one. */
export function askGap(floor: number, competing: number, baseInBand = false): string {
  const percent = Math.round(((floor - competing) / competing) * 100);
  return (
    `The ask is ${percent}% above your offer (its floor ${formatMoney(floor)} against ${formatMoney(competing)}); ` +
    // A base at Ally's base band or above is no lower level: the gap is in the parts given, or left out.
    (baseInBand
      ? 'your base is inside or above the base band, so check the bonus and equity you gave (a part left out counts as $0).'
      : 'check the level (an APM offer?).')
  );
}

/** Above the band the guide's target (which ends at the band top) is not the ask: say so instead of quoting it. */
export function strategyAboveBand(region: Region): string {
  return (
    `The guide's target for ${region.shortName} ends at the band top ${formatMoney(region.band.totalComp.high)}: its ` +
    `strategy for ${region.shortName} is written for offers inside the band.`
  );
}

const PART_NAMES: Record<Trade['part'], string> = { base: 'base', bonus: 'bonus', rsu: 'RSU' };

/**
 * What to do when the recruiter says no (rule 9). A capped part's shortfall is yearly, so it is never swapped for a
 * one-time sign-on except as year-one cover; a sign-on is named for the first-year gap only when there is one.
 */
export function askFallbacks(
  guide: Guide,
  region: Region,
  ask: AskFigures,
  trades: readonly Trade[],
  offer: NormalisedOffer | undefined,
  /**
   * farAbove: the level review already leads; belowBand: the competing offer is under the band; levelReviewFits: the
   * offer sets the ask (under the guide's target it makes no case for a higher level); ownOffer: the TC the guide's
   * own company already offers, when that is the offer entered.
   */
  where: {
    /** The sign-on the guide's own company already offers, when that is the offer entered. */
    ownSignOn?: number;
    farAbove?: boolean;
    belowBand?: boolean;
    levelReviewFits?: boolean;
    ownOffer?: number;
    ownBase?: number;
    /** A premium applies: the plan holds at the top, so a fallback never tells the person to settle at the floor. */
    holdAtTop?: boolean;
    /** The title likely sits below the level the bands cover (Associate PM): no review a level up. */
    titleBelow?: boolean;
  } = {},
): string[] {
  const levelReviewFirst = where.farAbove === true;
  const out: string[] = [];
  // Gaps carried by the same parts are said in one sentence: two word-for-word tails read as a copy.
  let gaps: { said: string[]; total: number; where: string; end: Trade['end'] } | undefined;
  const sayGaps = () => {
    if (!gaps) return;
    const [one] = gaps.said;
    out.push(
      gaps.said.length === 1 && one !== undefined
        ? `${one}: that ${formatMoney(gaps.total)} is yearly, so it stays in ${gaps.where} every year; ` +
            'a sign-on can cover year one, never replace it.'
        : `${gaps.said.join('; ')}: together ${formatMoney(gaps.total)} a year, which stays in ${gaps.where} every year; ` +
            'a sign-on can cover year one, never replace it.',
    );
    gaps = undefined;
  };
  for (const trade of trades) {
    // The parts the trade names as carrying it (the warning and the script name the same).
    const [only] = trade.carriedBy;
    const where =
      trade.carriedBy.length === 1 && only !== undefined ? `the ${PART_NAMES[only]} ask` : 'the other parts of the ask';
    if (trade.end === 'low' && trades.some((other) => other.end === 'high' && other.part === trade.part)) {
      sayGaps();
      // The floor's larger shortfall of a part whose opening sentence has just said why: its figures, not the reason.
      out.push(
        `At your floor that ${PART_NAMES[trade.part]} gap is ${formatMoney(trade.short)} ` +
          `(${formatMoney(trade.asked ?? trade.bandTop)} against your ${formatMoney(trade.competing)}), and it stays in ${where} too.`,
      );
      continue;
    }
    const limit =
      (trade.end === 'low' ? 'At your floor, ' : '') +
      (trade.asked === undefined
        ? `${region.shortName}'s ${PART_NAMES[trade.part]} band tops out at ${formatMoney(trade.bandTop)}`
        : `${trade.end === 'low' ? 'the' : 'The'} ${PART_NAMES[trade.part]} ask ${formatMoney(trade.asked)} is above ${region.shortName}'s band top and still`);
    const said = `${limit}${trade.asked === undefined ? ',' : ''} ${formatMoney(trade.short)} under your ${formatMoney(trade.competing)}`;
    if (gaps && gaps.where === where && gaps.end === trade.end) {
      gaps.said.push(said.replace(/^The /, 'the '));
      gaps.total += trade.short;
    } else {
      sayGaps();
      gaps = { said: [said], total: trade.short, where, end: trade.end };
    }
  }
  sayGaps();
  const baseHigh = ask.base.value.high;
  const theirBase = offer?.base?.value ?? where.ownBase;
  // Whose base it is: the competing offer's, or the one the guide's own company already offers.
  const whoseBase =
    where.ownBase === undefined ? "your competing offer's base" : `what ${guide.company} already offers`;
  if (theirBase !== undefined && upToThousand(theirBase) >= baseHigh) {
    if (!trades.some((trade) => trade.part === 'base')) {
      out.push(
        `Base ${formatMoney(baseHigh)} is ${whoseBase}: don't go under it; a lower base costs you every ` +
          'year, and the bonus is a percent of it.',
      );
    }
  } else {
    // Only parts with room under their band tops: the answer has just said a capped part tops out there.
    const band = region.band;
    const withRoom = [
      ...(ask.rsuPerYear.value.high < band.stock.high ? ['RSU'] : []),
      ...(ask.bonus.value.high < band.bonus.high ? ['bonus'] : []),
    ];
    // A competing base inside the band (Goldman $175K, base asked $176K): the line not to cross if base comes in lower.
    const theirs =
      theirBase !== undefined && theirBase >= region.band.base.low
        ? ` Never under ${formatMoney(theirBase)}, ${whoseBase}.`
        : '';
    out.push(
      (withRoom.length > 0
        ? `If base stops below ${formatMoney(baseHigh)}: move the difference to ${withRoom.join(' or ')}, which come${withRoom.length === 1 ? 's' : ''} every year; a sign-on covers year one only.`
        : `If base stops below ${formatMoney(baseHigh)}: RSU and bonus are already at or above their band tops at your opening, so a ` +
          (where.holdAtTop
            ? `lower base takes the TC under the ${formatMoney(ask.tc.value.high)} you hold at: give base only for something in return, ` +
              `and never go under your floor ${formatMoney(ask.tc.value.low)} (a sign-on covers year one only).`
            : `lower base lowers the TC; hold the TC at your floor ${formatMoney(ask.tc.value.low)} at least (a sign-on covers year one only).`)) +
        theirs,
    );
  }
  const firstYearGap = offer !== undefined && offer.firstYearTc.value > ask.tc.value.low;
  const level = nextLevel(guide);
  // The sign-on there is at least the first-year gap at the floor, and grows by whatever the TC falls under it.
  const first = offer?.firstYearTc.value ?? 0;
  const floor = formatMoney(ask.tc.value.low);
  if (where.ownOffer !== undefined) {
    // Ally's own offer is the floor: it cannot "stop below" what it already offers.
    // Under the band the warning asks whether the role sits a level lower: a review up to the next level is no answer.
    out.push(
      where.ownOffer < region.band.totalComp.low
        ? `If ${guide.company} holds at its ${formatMoney(where.ownOffer)}: ask for the ${guide.levels.bandsCover} level and band in writing, or ${where.ownSignOn ? `a larger sign-on than its ${formatMoney(where.ownSignOn)}` : 'a sign-on'}.`
        : `If ${guide.company} holds at its ${formatMoney(where.ownOffer)}: ask for ${where.ownSignOn ? `a larger sign-on than its ${formatMoney(where.ownSignOn)}` : 'a sign-on'}, a level review (${level}) or ${PAY_REVIEW_ASK}.`,
    );
    return out;
  }
  // Far above the band the level review already leads, and under the guide's target there is no case for one: either
  // way the TC fallback ends with an early pay review and the walk-away, not a level review.
  const weigh = offer
    ? `, and weigh ${guide.company}'s yearly TC against your walk-away ${formatMoney(offer.annualTc.value)}`
    : '';
  const review =
    levelReviewFirst || where.levelReviewFits === false
      ? `${PAY_REVIEW_ASK}${weigh}`
      : `a level review (${level}) or ${PAY_REVIEW_ASK}`;
  if (levelReviewFirst && !firstYearGap) {
    out.push(`If TC stops below ${floor}: ask for ${PAY_REVIEW_ASK}${weigh}; a sign-on cannot cover a yearly gap.`);
    return out;
  }
  if (offer && where.levelReviewFits === false && !firstYearGap) {
    // The guide's target is above this offer: it makes no case for a higher level (under the band, the warning even
    // says to check for a lower one).
    out.push(
      `If TC stops below ${formatMoney(ask.tc.value.low)}: ` +
        (where.titleBelow
          ? `your title reads below ${guide.levels.bandsCover}, so a review a level up is no ask`
          : where.belowBand
            ? 'your competing offer is below the band, so it is no case for a level review'
            : "your competing offer is under the guide's target, so it is no case for a level review") +
        `; ask for ${PAY_REVIEW_ASK}, and weigh what Ally offers against your walk-away ${formatMoney(offer.annualTc.value)}.`,
    );
    return out;
  }
  out.push(
    `If TC stops below ${formatMoney(ask.tc.value.low)}: ` +
      (firstYearGap
        ? `ask a sign-on for the first-year gap, at least ${formatMoney(upToThousand(first - ask.tc.value.low))} ` +
          `(your ${formatMoney(first)} first year − ${formatMoney(ask.tc.value.low)}, more by what the TC falls under it), then ${review}.`
        : `ask for ${review}.`),
  );
  return out;
}
