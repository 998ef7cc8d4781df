/** Reading one field's value: money, bonus, vesting schedules. Every amount goes through money.ts. */
import { formatPercent, parseAmount, parseAmountOrPercent, parsePercent } from '../money.js';
import {
  type AmountField,
  type Collector,
  FIELD_NAMES,
  FIELD_WORDS,
  MAX_VEST_YEARS,
  quoted,
  sentence,
  shown,
} from './collector.js';
import { type BonusInput, FRONT_LOADED_SCHEDULE, type Vesting } from './normalise.js';

export const ZERO = /^\s*(?:us\$|usd ?\$?|\$)?\s*0+(?:\.0+)?\s*(?:k|m|mm|thousand|million)?\s*%?\s*$/i;
export const NONE_WORD = /^(?:none|no|nil|n\/a|na|nothing|zero|-)$/i;

export function isNone(text: string): boolean {
  return NONE_WORD.test(text.trim()) || ZERO.test(text);
}

/** A dollar amount for one field, through parseAmount; problems and interpretations go to the collector. */
export function readMoney(
  c: Collector,
  field: AmountField,
  typed: string,
  options: { zeroMeansNone?: boolean; quiet?: boolean } = {},
): number | undefined {
  if (options.zeroMeansNone && isNone(typed)) return 0;
  const parsed = parseAmount(typed);
  if (!parsed.ok) {
    c.problem(field, `${FIELD_NAMES[field]}: ${sentence(parsed.reason)}`);
    return undefined;
  }
  if (parsed.readAs && !options.quiet) c.note(`${FIELD_WORDS[field]} ${shown(typed)} ${parsed.readAs}`);
  return parsed.value;
}

export function readBonus(
  c: Collector,
  typed: string,
  options: { bareIsPercent?: boolean } = {},
): BonusInput | undefined {
  if (isNone(typed)) return { kind: 'dollars', dollars: 0 };
  // "--bonus 15": under the bonus flag a bare 1 to 100 is a percentage of base (echoed); in prose it stays ambiguous.
  const bare = options.bareIsPercent ? /^\s*(\d{1,3}(?:\.\d+)?)\s*$/.exec(typed) : null;
  if (bare && Number(bare[1]) > 0 && Number(bare[1]) <= 100) {
    c.note(`bonus ${shown(typed)} read as ${formatPercent(Number(bare[1]))} of base`);
    return { kind: 'percent', percent: Number(bare[1]) };
  }
  const parsed = parseAmountOrPercent(typed);
  if (!parsed.ok) {
    c.problem('bonus', `Bonus: ${sentence(parsed.reason)}`);
    return undefined;
  }
  if (parsed.readAs) c.note(`bonus ${shown(typed)} ${parsed.readAs}`);
  return parsed.value.kind === 'percent'
    ? { kind: 'percent', percent: parsed.value.percent }
    : { kind: 'dollars', dollars: parsed.value.dollars };
}

export function evenVesting(c: Collector, years: number, typed: string): Vesting | undefined {
  if (!Number.isInteger(years) || years < 1 || years > MAX_VEST_YEARS) {
    c.problem('vesting', `Vesting: ${quoted(typed)} is not a whole number of years from 1 to ${MAX_VEST_YEARS}.`);
    return undefined;
  }
  return { kind: 'even', years };
}

/** "5/15/40/40", "25%/25%/25%/25%", "10 20 30 40": yearly percentages, each through parsePercent. */
export function vestingFromPercents(c: Collector, typed: string): Vesting | undefined {
  const pieces = typed
    .split(/[/,\s]+/)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0);
  if (pieces.length < 1 || pieces.length > MAX_VEST_YEARS) {
    c.problem('vesting', `Vesting: a schedule needs between 1 and ${MAX_VEST_YEARS} yearly percentages.`);
    return undefined;
  }
  const percents: number[] = [];
  for (const piece of pieces) {
    const parsed = parsePercent(piece.endsWith('%') ? piece : `${piece}%`);
    if (!parsed.ok) {
      c.problem('vesting', `Vesting: ${sentence(parsed.reason)}`);
      return undefined;
    }
    percents.push(parsed.value);
  }
  const total = percents.reduce((sum, percent) => sum + percent, 0);
  // Equal years that miss 100% only by the rounding of their display (33.3/33.3/33.3, which the offer form itself
  // prefills for a 3-year even vest) are the even vest they stand for.
  const first = percents[0] ?? 0;
  if (Math.abs(total - 100) > 0.01 && percents.every((percent) => percent === first)) {
    if (Math.abs(first - 100 / percents.length) < 0.05) return { kind: 'even', years: percents.length };
  }
  if (Math.abs(total - 100) > 0.01) {
    c.problem(
      'vesting',
      `Vesting: ${quoted(typed)} adds up to ${formatPercent(total, 2)}; the yearly percentages must add up to 100%.`,
    );
    return undefined;
  }
  const frontLoaded =
    percents.length === FRONT_LOADED_SCHEDULE.length &&
    percents.every((percent, index) => percent === FRONT_LOADED_SCHEDULE[index]);
  return frontLoaded ? { kind: 'front-loaded-5-15-40-40' } : { kind: 'custom', percents };
}

export const YEAR_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

export function yearCount(text: string): number {
  return YEAR_WORDS[text.toLowerCase()] ?? Number(text);
}

export function evenFromPercentPerYear(c: Collector, percent: number, typed: string): Vesting | undefined {
  const years = percent > 0 ? 100 / percent : Number.NaN;
  if (!Number.isInteger(years) || years < 1 || years > MAX_VEST_YEARS) {
    c.problem('vesting', `Vesting: ${quoted(typed)} does not split 100% into whole years.`);
    return undefined;
  }
  return { kind: 'even', years };
}
