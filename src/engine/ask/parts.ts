import type { Guide, Region } from '../../guide/schema.js';
import type { Explained } from '../explained.js';
import { formatMoney, formatPercent, upToThousand } from '../money.js';
import { samePlaceInBand } from './same-place.js';
import type { AskEnd, Trade } from './types.js';

/** The guide's lever figures (its Detroit example) carried to a region by the same-place-in-band rule. */
export interface LeverFigures {
  base: Explained;
  rsuLow: Explained;
  rsuHigh: Explained;
  bonusPercent: number;
}

export function leverFigures(guide: Guide, region: Region): LeverFigures {
  const { example } = guide;
  return {
    base: samePlaceInBand(
      guide,
      region,
      'base',
      example.baseAsk,
      'Lever 1 base',
      `lever 1, base ${formatMoney(example.baseAsk)}`,
    ),
    rsuLow: samePlaceInBand(
      guide,
      region,
      'stock',
      example.stockAsk.low,
      'Lever 2 RSU low',
      `lever 2's low end, ${formatMoney(example.stockAsk.low)}`,
    ),
    rsuHigh: samePlaceInBand(
      guide,
      region,
      'stock',
      example.stockAsk.high,
      'Lever 2 RSU high',
      `lever 2's high end, ${formatMoney(example.stockAsk.high)}`,
    ),
    bonusPercent: example.bonusTargetPercent,
  };
}

/** The competing offer's parts, yearly, as far as the person gave them. */
export interface CompetingParts {
  base?: number;
  rsuPerYear?: number;
  bonus?: number;
}

/**
 * Split one TC end into base + RSU a year + bonus that add up to it exactly (rule 1), never below a competing part
 * (rule 2). The rule, in order:
 * 1. Start from the guide's lever figures for the region, each raised to the competing part if that is higher
 *    (rounded up to $1K). Base and bonus stop at their band tops; what a capped part falls short of the competing
 *    part is a named trade, carried in RSU.
 * 2. If the parts fall short of the TC end, the remainder is carried: bonus up to its band top, then RSU up to its
 *    band top, then base up to its band top, then RSU above its band (said plainly).
 * 3. If the parts exceed the TC end, they come down: RSU, then bonus, then base, each no lower than the competing
 *    part (plus any trade it carries) or its band low. If they still exceed it, the TC end rises to their sum.
 */
export function splitEnd(
  region: Region,
  tcEnd: number,
  end: 'low' | 'high',
  lever: LeverFigures,
  competing: CompetingParts,
): { end: AskEnd; trades: Trade[]; rsuAboveBand: number; rsuAboveBecause: 'competing' | 'carry' } {
  const band = region.band;
  const steps: string[] = [];
  const trades: Trade[] = [];
  const compBase = competing.base === undefined ? undefined : upToThousand(competing.base);
  const compRsu = competing.rsuPerYear === undefined ? undefined : upToThousand(competing.rsuPerYear);
  const compBonus = competing.bonus === undefined ? undefined : upToThousand(competing.bonus);

  const leverRsu = end === 'low' ? lever.rsuLow : lever.rsuHigh;
  let base = Math.max(lever.base.value, compBase ?? 0);
  let rsu = Math.max(leverRsu.value, compRsu ?? 0);
  let bonus = Math.max(upToThousand((lever.base.value * lever.bonusPercent) / 100), compBonus ?? 0);
  steps.push(
    `Start: base ${formatMoney(base)} (${compBase !== undefined && compBase > lever.base.value ? 'your competing base' : "the guide's lever 1"}), ` +
      `RSU ${formatMoney(rsu)} a year (${compRsu !== undefined && compRsu > leverRsu.value ? 'your competing RSU' : `the guide's lever 2 ${end} end`}), ` +
      `bonus ${formatMoney(bonus)} (${compBonus !== undefined && compBonus >= bonus ? 'your competing bonus' : `lever 4's ${formatPercent(lever.bonusPercent)} of the lever-1 base, rounded up to $1K`}).`,
  );
  for (const part of ['base', 'bonus'] as const) {
    const value = part === 'base' ? base : bonus;
    const top = band[part].high;
    if (value <= top) continue;
    const short = value - top;
    const competingValue = part === 'base' ? (compBase ?? 0) : (compBonus ?? 0);
    if (part === 'base') base = top;
    else bonus = top;
    // The TC end is at least the competing TC + the uplift, so the other parts always cover this shortfall.
    const text =
      `${region.shortName}'s ${part} band tops out at ${formatMoney(top)}, under your ${formatMoney(competingValue)}: ` +
      `the ${formatMoney(short)} is carried by the other parts (the TC ask stays above your offer); or ask for it as sign-on.`;
    trades.push({ part, competing: competingValue, bandTop: top, short, carriedBy: 'other-parts', text });
    steps.push(
      `${part === 'base' ? 'Base' : 'Bonus'} capped at its band top ${formatMoney(top)}, ${formatMoney(short)} under your competing ${part}.`,
    );
  }

  let remainder = tcEnd - (base + rsu + bonus);
  if (remainder > 0) {
    steps.push(
      `The parts add up to ${formatMoney(base + rsu + bonus)}, ${formatMoney(remainder)} short of ${formatMoney(tcEnd)}.`,
    );
    const raise = (name: string, room: number, apply: (by: number) => void) => {
      const by = Math.min(remainder, Math.max(0, room));
      if (by <= 0) return;
      apply(by);
      remainder -= by;
      steps.push(`${name} +${formatMoney(by)}.`);
    };
    raise(`Bonus up to its band top ${formatMoney(band.bonus.high)}:`, band.bonus.high - bonus, (by) => {
      bonus += by;
    });
    raise(`RSU up to its band top ${formatMoney(band.stock.high)}:`, band.stock.high - rsu, (by) => {
      rsu += by;
    });
    raise(`Base up to its band top ${formatMoney(band.base.high)}:`, band.base.high - base, (by) => {
      base += by;
    });
    raise(`RSU above its band top ${formatMoney(band.stock.high)}:`, remainder, (by) => {
      rsu += by;
    });
  } else if (remainder < 0) {
    steps.push(
      `The parts add up to ${formatMoney(base + rsu + bonus)}, ${formatMoney(-remainder)} over ${formatMoney(tcEnd)}.`,
    );
    const lower = (name: string, room: number, apply: (by: number) => void) => {
      const by = Math.min(-remainder, Math.max(0, room));
      if (by <= 0) return;
      apply(by);
      remainder += by;
      steps.push(`${name} −${formatMoney(by)}.`);
    };
    const rsuMin = Math.max(compRsu ?? 0, band.stock.low);
    const bonusMin = Math.max(compBonus ?? 0, band.bonus.low);
    const baseMin = Math.max(Math.min(compBase ?? 0, band.base.high), band.base.low);
    lower(`RSU down toward ${formatMoney(rsuMin)}:`, rsu - rsuMin, (by) => {
      rsu -= by;
    });
    lower(`Bonus down toward ${formatMoney(bonusMin)}:`, bonus - bonusMin, (by) => {
      bonus -= by;
    });
    lower(`Base down toward ${formatMoney(baseMin)}:`, base - baseMin, (by) => {
      base -= by;
    });
  }
  const tc = base + rsu + bonus;
  if (tc !== tcEnd)
    steps.push(
      `No part can come down further without going under what you have: the ${end} end rises to ${formatMoney(tc)}.`,
    );
  steps.push(
    `${formatMoney(base)} base + ${formatMoney(rsu)} RSU a year + ${formatMoney(bonus)} bonus = ${formatMoney(tc)}.`,
  );
  return {
    end: { tc, base, rsuPerYear: rsu, bonus, steps },
    trades,
    rsuAboveBand: Math.max(0, rsu - band.stock.high),
    rsuAboveBecause: (compRsu ?? 0) > band.stock.high ? 'competing' : 'carry',
  };
}

/**
 * A recruiter names a bonus target as a whole percent of base ("20% target"), so each end's bonus is moved to the
 * nearest whole percent of its base (or the next one down or up, when the nearest would push a part under what the
 * person has or across its band); where that would make a part smaller at the top end, one percent for both ends.
 * RSU absorbs the difference, rounded to $1K, so the parts still add up to each TC end within $1K. An end where no
 * whole percent fits keeps its split (said in its steps).
 */
export function wholePercentBonus(
  region: Region,
  low: AskEnd,
  high: AskEnd,
  competing: CompetingParts,
): { low: AskEnd; high: AskEnd } {
  const band = region.band;
  const atLeast = competing.bonus ?? 0;
  const exact = (end: AskEnd) => (end.bonus / end.base) * 100;
  const near = (value: number) => [Math.round(value), Math.floor(value), Math.ceil(value)];
  const atPercent = (end: AskEnd, percent: number): AskEnd | undefined => {
    const bonus = Math.round((end.base * percent) / 100);
    if (bonus === end.bonus) return end;
    const rsuFloor = Math.max(competing.rsuPerYear ?? 0, Math.min(end.rsuPerYear, band.stock.low));
    const rsuCeiling = Math.max(end.rsuPerYear, band.stock.high);
    if (bonus < atLeast || bonus > Math.max(end.bonus, band.bonus.high)) return undefined;
    const rest = (end.tc - end.base - bonus) / 1000;
    const rsu = near(rest)
      .map((thousands) => thousands * 1000)
      .find((candidate) => candidate >= rsuFloor && candidate <= rsuCeiling);
    if (rsu === undefined) return undefined;
    const sum = end.base + rsu + bonus;
    return {
      ...end,
      bonus,
      rsuPerYear: rsu,
      steps: [
        ...end.steps,
        `Bonus named as a whole percent: ${formatPercent(percent)} of ${formatMoney(end.base)} = ${formatMoney(bonus)}; ` +
          `RSU takes the difference, to $1K: ${formatMoney(rsu)} a year. ` +
          `${formatMoney(end.base)} + ${formatMoney(rsu)} + ${formatMoney(bonus)} = ${formatMoney(sum)}` +
          (sum === end.tc ? '.' : ` (${formatMoney(end.tc)} to rounding).`),
      ],
    };
  };
  const kept = (end: AskEnd): AskEnd => ({
    ...end,
    steps: [
      ...end.steps,
      `Bonus kept at ${formatMoney(end.bonus)} (${formatPercent(exact(end))} of base): no whole percent fits without pushing a part under what you have, across its band, or below the other end.`,
    ],
  });
  const rising = (a: AskEnd, b: AskEnd) =>
    a.base <= b.base && a.rsuPerYear <= b.rsuPerYear && a.bonus <= b.bonus && a.tc <= b.tc;

  const eachLow = near(exact(low))
    .map((percent) => atPercent(low, percent))
    .find((end) => end !== undefined);
  const eachHigh = near(exact(high))
    .map((percent) => atPercent(high, percent))
    .find((end) => end !== undefined);
  if (eachLow && eachHigh && rising(eachLow, eachHigh)) return { low: eachLow, high: eachHigh };
  // The nearest percent at each end would reverse a part: one percent for both ends, nearest to their middle.
  const middle = (exact(low) + exact(high)) / 2;
  const shared = [...new Set([...near(middle), ...near(exact(low)), ...near(exact(high))])].sort(
    (a, b) => Math.abs(a - middle) - Math.abs(b - middle),
  );
  for (const percent of shared) {
    const pair = { low: atPercent(low, percent), high: atPercent(high, percent) };
    if (pair.low && pair.high && rising(pair.low, pair.high)) return { low: pair.low, high: pair.high };
  }
  if (eachLow && rising(eachLow, high)) return { low: eachLow, high: kept(high) };
  if (eachHigh && rising(low, eachHigh)) return { low: kept(low), high: eachHigh };
  return { low: kept(low), high: kept(high) };
}
