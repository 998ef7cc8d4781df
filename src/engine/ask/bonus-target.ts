import type { Range } from '../../guide/schema.js';
import { byRule, type Explained } from '../explained.js';
import { formatMoney, formatPercent, formatRange } from '../money.js';
import type { AskEnd } from './types.js';

/**
 * How far a named figure may sit from the ask's own: the parts add up to each TC end to this rounding, and a named
 * bonus percent sits within it of the bonus it names (here and in parts.ts, which picks a base that one percent names).
 */
export const NAMING_TOLERANCE = 1000;

/** Whether P% of an end's base is an honest name for its bonus: within the rounding, parts still adding up. */
function names(end: AskEnd, percent: number): boolean {
  const bonus = (end.base * percent) / 100;
  return (
    Math.abs(bonus - end.bonus) < NAMING_TOLERANCE &&
    Math.abs(end.base + end.rsuPerYear + bonus - end.tc) <= NAMING_TOLERANCE
  );
}

/**
 * The bonus target named as a whole percent of base at each end, as a recruiter says it ("a 20% target"):
 * 1. one whole percent for both ends when one names each end's bonus to the $1K rounding (the parts still adding up);
 * 2. else each end's own whole percent, the nearest to its bonus ÷ base (the split makes it exact below the band top).
 * The split keeps these rising (parts.ts: the bonus only rises with base, and a bonus flat at its band top gets a base
 * that one percent names); were they ever to fall, the lower is named at both ends, never a falling range.
 */
export function bonusTarget(low: AskEnd, high: AskEnd, guidePercent: number, personal: boolean): Explained<Range> {
  const exactLow = (low.bonus / low.base) * 100;
  const exactHigh = (high.bonus / high.base) * 100;
  const nearest = { low: Math.round(exactLow), high: Math.round(exactHigh) };
  const candidates = [...new Set([nearest.low, nearest.high, Math.round((exactLow + exactHigh) / 2)])];
  const shared =
    nearest.low === nearest.high
      ? nearest.low
      : candidates.find((percent) => names(low, percent) && names(high, percent));
  const rising = nearest.low <= nearest.high ? nearest : { low: nearest.high, high: nearest.high };
  const value = shared === undefined ? rising : { low: shared, high: shared };
  const each = (end: AskEnd, exact: number, percent: number) =>
    `${formatMoney(end.bonus)} ÷ ${formatMoney(end.base)} = ${formatPercent(exact)}` +
    (Math.abs(exact - percent) < 0.05
      ? ''
      : `, named ${formatPercent(percent, 0)} (${formatMoney((end.base * percent) / 100)})`);
  const math =
    `Low end: ${each(low, exactLow, value.low)}. Top end: ${each(high, exactHigh, value.high)}. ` +
    (shared === undefined
      ? 'No one whole percent names both ends to the $1K rounding, so each end has its own.'
      : 'One whole percent names both ends (to the $1K rounding, the parts still adding up).') +
    ` The guide's lever 4 asks ${formatPercent(guidePercent)}; the rest of the TC ask is carried by the bonus first.`;
  return byRule('Bonus target', value, math, personal);
}

export interface BonusTargetWords {
  /** "25%" or "20–25%"; each end with its base only if a falling pair were ever passed in (the split never makes one). */
  words: string;
  /** The words already name the base (the falling case): callers do not add "of base". */
  namesBase: boolean;
}

/** The one way every answer, script and share copy says the bonus target. */
export function sayBonusTarget(percent: Range, base: Range): BonusTargetWords {
  if (percent.low === percent.high) return { words: formatPercent(percent.low, 0), namesBase: false };
  if (percent.low < percent.high)
    return { words: `${percent.low}–${formatPercent(percent.high, 0)}`, namesBase: false };
  return {
    words: `${formatPercent(percent.low, 0)} of a ${formatMoney(base.low)} base, ${formatPercent(percent.high, 0)} of ${formatMoney(base.high)}`,
    namesBase: true,
  };
}

/** The bonus as a script says it: "25%", or the dollars with each base's percent ("$27K (17% of a $160K base, …)"). */
export function sayBonusAsk(percent: Range, base: Range, bonus: Range): string {
  const said = sayBonusTarget(percent, base);
  return said.namesBase ? `${formatRange(bonus)} (${said.words})` : said.words;
}
