import type { CompanyKind, Guide, Range } from '../../guide/schema.js';
import { byRule, type Explained } from '../explained.js';
import { formatMoney, formatPercent, formatRange, upToThousand } from '../money.js';
import type { NormalisedOffer } from '../offer/normalise.js';
import { claimPremiums } from '../premiums.js';
import type { PremiumStory } from './types.js';

export const PREMIUM_RULE =
  'Premiums decide where in the range to open: at the top when one applies, in the middle when none does. They are ' +
  'never added on top of the range, so there is one Ally TC figure (the guide prices the branchless premium twice; ' +
  'see the footnote).';

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
        `= ${formatRange({ low, high })}. Used as the reason to open at the top of the range, not added to it.`,
      true,
    );
    reasons.push(
      `Your competing offer is from a traditional bank: the guide says Ally PM pay exceeds traditional-bank PM pay by ` +
        `${pct} (${formatRange({ low, high })} on your offer), so open at the top of the range.`,
    );
  }
  const ticked = claimPremiums(guide, premiumIds);
  if (ticked.claims.length > 0) {
    story.ticked = ticked.total;
    reasons.push(
      `You can claim ${ticked.claims.map((claim) => `${claim.premium.name} (${formatRange(claim.premium.range)})`).join(', ')}: ` +
        `${formatRange(ticked.total.value)} in the guide's Ally.ai premiums, the case for the top of the range.`,
    );
  }
  return story;
}

/** Where to open inside the range, by the premium rule. */
export function openingFigure(tc: Range, story: PremiumStory): Explained {
  if (story.reasons.length > 0) {
    return byRule(
      'Open at',
      tc.high,
      `${PREMIUM_RULE} A premium applies: open at the top, ${formatMoney(tc.high)}.`,
      true,
    );
  }
  const middle = upToThousand((tc.low + tc.high) / 2);
  return byRule(
    'Open at',
    middle,
    `${PREMIUM_RULE} None applies: open mid-range, (${formatMoney(tc.low)} + ${formatMoney(tc.high)}) ÷ 2 rounded up to ` +
      `$1K = ${formatMoney(middle)}, and let the levers carry you to the top.`,
    true,
  );
}

/** The lever numbers by what each asks for, from the guide's data. */
function leverNumber(guide: Guide, asks: 'base' | 'stock' | 'bonus' | 'totalComp'): number | undefined {
  return guide.levers.find((lever) => lever.asks === asks)?.number;
}

const AI_PREMIUMS = new Set(['responsible-ai', 'empathetic-automation', 'career-differentiator']);

/**
 * What to do first (rule 9): lead with the competing offer (the TC lever) when it is at or above the band's low;
 * otherwise with the branchless lever for a traditional-bank background, the AI lever for ticked Ally.ai premiums,
 * else the base lever. The rest follow in the guide's order; the TC lever goes last when its figure would weaken you.
 */
export function leverPlan(
  guide: Guide,
  options: { hasOffer: boolean; belowBand: boolean; branchBank: boolean; premiumIds: readonly string[] },
): { lead: number; order: number[]; why: string } {
  const numbers = [...guide.levers].sort((a, b) => a.number - b.number).map((lever) => lever.number);
  const tcLever = leverNumber(guide, 'totalComp');
  const baseLever = leverNumber(guide, 'base') ?? numbers[0] ?? 1;
  const stockLever = leverNumber(guide, 'stock');
  let lead = baseLever;
  let why = 'No competing offer or premium to lead with: start with base, the part that lasts.';
  if (options.hasOffer && !options.belowBand && tcLever !== undefined) {
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
  const order =
    options.belowBand && tcLever !== undefined
      ? [lead, ...rest.filter((n) => n !== tcLever), tcLever]
      : [lead, ...rest];
  return { lead, order, why };
}

/** The walk-away figure: the competing offer, the person's best alternative. */
export function walkAwayFigure(offer: NormalisedOffer): Explained {
  const annual = offer.annualTc.value;
  const first = offer.firstYearTc.value;
  return byRule(
    'Walk-away',
    annual,
    `Your best alternative is the competing offer: ${formatMoney(annual)} a year` +
      (first !== annual ? ` (${formatMoney(first)} in the first year)` : '') +
      '. An Ally offer below it is worse than what you already have.',
    true,
  );
}
