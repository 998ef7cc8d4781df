import type { Guide, Region } from '../../guide/schema.js';
import type { Explained } from '../explained.js';
import { formatMoney, formatPercent, roundToThousand, upToThousand } from '../money.js';
import { NAMING_TOLERANCE } from './bonus-target.js';
import { samePlaceInBand } from './same-place.js';
import type { AskEnd, Trade } from './types.js';

/** The guide's lever figures (its Detroit example) carried to a region by the same-place-in-band rule. */
export interface LeverFigures {
  base: Explained;
  /** Lever 1's base at each TC end: the base the ask without an offer has there (its floor with an offer). */
  baseAt: { low: number; high: number };
  rsuLow: Explained;
  rsuHigh: Explained;
  bonusPercent: number;
}

const PART_WORDS: Record<Trade['part'], string> = { base: 'base', bonus: 'bonus', rsu: 'RSU' };

/** The parts that carry a shortfall in words: the one part, or `both` when both other parts carry it. */
export function carriedWords(carriedBy: readonly Trade['part'][], both: string): string {
  const [only] = carriedBy;
  return carriedBy.length === 1 && only !== undefined ? PART_WORDS[only] : both;
}

export function leverFigures(guide: Guide, region: Region): LeverFigures {
  const { example } = guide;
  const base = samePlaceInBand(
    guide,
    region,
    'base',
    example.baseAsk,
    'Lever 1 base',
    `lever 1, base ${formatMoney(example.baseAsk)}`,
  );
  const lever: LeverFigures = {
    base,
    baseAt: { low: base.value, high: base.value },
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
  // The ask without an offer carries its top end's remainder into base (up to the band top): that base is the floor
  // of the top end with an offer, so an offer never lowers the base the guide's levers would ask for.
  const high = splitEnd(region, region.strategy.target.high, 'high', lever, {}).end.base;
  return { ...lever, baseAt: { low: base.value, high: Math.max(base.value, high) } };
}

/** The competing offer's parts, yearly, as far as the person gave them. */
export interface CompetingParts {
  base?: number;
  rsuPerYear?: number;
  bonus?: number;
}

/** The guide's own company's offer: each part it already pays is a floor, above its band top too (never asked under). */
export interface OwnParts extends CompetingParts {
  /** Its bonus as a percent of its base: the target is never asked under it, whatever base the ask has. */
  bonusPercent?: number;
}

/**
 * Split one TC end into base + RSU a year + bonus that add up to it (rule 1, to $1K), never below a competing part
 * without a named trade (rule 2), each part nondecreasing in the TC end (rule 3). The rule, in order:
 * 1. Floors. Base: lever 1's base at this end, or the competing base if higher (capped at the band top: a named
 *    trade). Bonus: a whole percent of base, the smallest at or above lever 4's 20%, the competing bonus (capped at
 *    the band top: a named trade) and the band low; the band top itself when that percent would cross it. RSU: the
 *    competing RSU, or the band low.
 * 2. RSU starts at lever 2's figure for this end, or the floor if higher. Above the TC end, RSU comes down toward its
 *    floor; if the floors alone add up to more, the end rises to their sum (rounded up to $1K).
 * 3. Below the TC end, the remainder is carried: the bonus in whole percents of base up to the largest inside its band
 *    top, RSU up to its band top, base up to its band top (the bonus keeping its percent), the bonus to its band top,
 *    then RSU above its band (said plainly).
 * RSU and base move in whole $1K (roundToThousand), as the guide's levers say them. Parts the guide's own company
 * already offers (`own`) are floors with no cap: a band top under one of them rises to it, so no part is asked under it.
 */
export function splitEnd(
  region: Region,
  tcEnd: number,
  end: 'low' | 'high',
  lever: LeverFigures,
  competing: CompetingParts,
  own: OwnParts = {},
): { end: AskEnd; trades: Trade[]; rsuAboveBand: number } {
  const ownBase = own.base === undefined ? 0 : upToThousand(own.base);
  const ownRsu = own.rsuPerYear === undefined ? 0 : upToThousand(own.rsuPerYear);
  const ownBonus = own.bonus === undefined ? 0 : upToThousand(own.bonus);
  const ownPercent = Math.ceil((own.bonusPercent ?? 0) - 1e-9);
  const baseTop = Math.max(region.band.base.high, ownBase);
  // A part the guide's company already pays above its band top raises that top: the ask never goes under it.
  const band = {
    base: { ...region.band.base, high: baseTop },
    bonus: {
      ...region.band.bonus,
      high: Math.max(region.band.bonus.high, ownBonus, Math.ceil((ownPercent * baseTop) / 100)),
    },
    stock: { ...region.band.stock, high: Math.max(region.band.stock.high, ownRsu) },
  };
  const steps: string[] = [];
  const trades: Trade[] = [];
  const compBase = competing.base === undefined ? undefined : upToThousand(competing.base);
  const compRsu = competing.rsuPerYear === undefined ? undefined : upToThousand(competing.rsuPerYear);
  const compBonus = competing.bonus === undefined ? undefined : upToThousand(competing.bonus);
  // At the floor only (the opening's part is not short, or the trade would be the opening's): never in the script.
  const at = end === 'low' ? 'At your floor, ' : '';

  // Base and bonus above their band tops: capped there, the trade named once the parts that carry it are known.
  const capped: Array<{ part: 'base' | 'bonus'; competing: number; top: number; short: number }> = [];
  for (const part of ['base', 'bonus'] as const) {
    const competingValue = part === 'base' ? compBase : compBonus;
    const top = band[part].high;
    if (competingValue === undefined || competingValue <= top) continue;
    const short = competingValue - top;
    capped.push({ part, competing: competingValue, top, short });
    steps.push(
      `${part === 'base' ? 'Base' : 'Bonus'} capped at its band top ${formatMoney(top)}, ${formatMoney(short)} under your competing ${part}.`,
    );
  }

  // 1. Floors.
  const leverBase = lever.baseAt[end];
  const cappedBase = Math.min(compBase ?? 0, band.base.high);
  let base = Math.max(leverBase, cappedBase, ownBase);
  const bonusFloor = Math.max(Math.min(compBonus ?? 0, band.bonus.high), band.bonus.low, ownBonus);
  const topPercent = Math.floor((band.bonus.high * 100) / band.base.high);
  // The percent is the one the low end's base needs, at both ends: so the top end's bonus is never the smaller.
  const lowBase = Math.max(lever.baseAt.low, cappedBase, ownBase);
  let percent = Math.max(lever.bonusPercent, Math.ceil((bonusFloor * 100) / lowBase), ownPercent);
  const flat = percent > topPercent;
  if (flat) {
    // The bonus sits at its band top whatever the base: a base high enough that one whole percent names the band top
    // at both ends (the top end's base is the band top), so the target is never said falling.
    const named = Math.round((band.bonus.high * 100) / band.base.high);
    const naming = Math.min(band.base.high, upToThousand(((band.bonus.high - NAMING_TOLERANCE + 1) * 100) / named));
    if (naming > base) {
      steps.push(
        `Base ${formatMoney(naming)}, not ${formatMoney(base)}: the bonus is at its band top ${formatMoney(band.bonus.high)}, ` +
          `and ${formatPercent(named, 0)} of base names it only from ${formatMoney(naming)}.`,
      );
      base = naming;
    }
  }
  const bonusAt = (b: number) => (flat ? band.bonus.high : (b * percent) / 100);
  let bonus = bonusAt(base);
  // A competing RSU above the band is matched only up to the band top: the rest is a named trade carried by base and
  // bonus (the TC ask stays above the offer). Matching it in full on top of Ally's own base and bonus asked for the
  // best of both offers: $302K against a $240K offer whose $100K RSU was its largest part.
  const rsuFloor = Math.max(Math.min(compRsu ?? 0, band.stock.high), band.stock.low, ownRsu);
  const leverRsu = end === 'low' ? lever.rsuLow : lever.rsuHigh;
  let rsu = Math.max(leverRsu.value, rsuFloor);
  const offered = (part: number, floor: number) => part > 0 && part === floor;
  const baseFrom = offered(ownBase, base)
    ? 'already offered'
    : cappedBase > leverBase
      ? 'your competing base'
      : end === 'low' || leverBase === lever.base.value
        ? "the guide's lever 1, carried to this region"
        : "the base band top, where the guide's figures carried to this end reach";
  const bonusFrom =
    offered(ownBonus, bonusFloor) && bonusFloor > bonus - NAMING_TOLERANCE
      ? 'at least the bonus already offered'
      : compBonus !== undefined && bonusFloor > (base * lever.bonusPercent) / 100
        ? 'at least your competing bonus'
        : `lever 4's ${formatPercent(lever.bonusPercent, 0)}`;
  const rsuFrom = offered(ownRsu, rsuFloor)
    ? 'already offered'
    : compRsu !== undefined && compRsu > band.stock.high
      ? 'the band top, under your competing RSU'
      : compRsu !== undefined && compRsu >= band.stock.low
        ? 'your competing RSU'
        : 'the band low';
  steps.push(
    `Floors: base ${formatMoney(base)} (${baseFrom}), ` +
      `bonus ${flat ? `${formatMoney(bonus)}, its band top` : `${formatPercent(percent, 0)} of base = ${formatMoney(bonus)}`} ` +
      `(${bonusFrom}), RSU ${formatMoney(rsuFloor)} a year (${rsuFrom}). ` +
      `RSU starts at ${formatMoney(rsu)} (${rsu > leverRsu.value ? (offered(ownRsu, rsu) ? 'already offered' : 'your competing RSU') : `the guide's lever 2 ${end} end`}).`,
  );

  // 2. Over the TC end: RSU comes down; the floors alone may raise the end.
  const floorSum = base + rsuFloor + bonus;
  const tc = Math.max(tcEnd, upToThousand(floorSum));
  if (tc > tcEnd)
    steps.push(
      `The floors add up to ${formatMoney(floorSum)}, over ${formatMoney(tcEnd)}: no part comes down under them, so the ${end} end rises to ${formatMoney(tc)}.`,
    );
  const startSum = base + rsu + bonus;
  if (tc > tcEnd) {
    // Risen to the floors' sum rounded up to $1K: every part stays at its floor, the rounding left unsaid (< $1K).
    rsu = rsuFloor;
  } else if (tc <= startSum) {
    const lowered = Math.max(rsuFloor, roundToThousand(tc - base - bonus));
    if (lowered < rsu) steps.push(`The parts add up to ${formatMoney(startSum)}: RSU down to ${formatMoney(lowered)}.`);
    rsu = lowered;
  } else {
    // 3. Under the TC end: the remainder is carried, each part only ever rising with it.
    steps.push(
      `The parts add up to ${formatMoney(startSum)}, ${formatMoney(tc - startSum)} short of ${formatMoney(tc)}.`,
    );
    let rest = tc - startSum;
    if (!flat) {
      const wanted = bonus + rest;
      const whole = Math.min(topPercent, Math.max(percent, Math.round((wanted * 100) / base)));
      if (whole > percent) {
        percent = whole;
        steps.push(
          `Bonus up to ${formatPercent(percent, 0)} of base = ${formatMoney(bonusAt(base))} (whole percents, up to ` +
            `${formatPercent(topPercent, 0)}, the largest inside its band top ${formatMoney(band.bonus.high)}).`,
        );
      }
      rest = wanted - (base * topPercent) / 100;
      bonus = bonusAt(base);
    }
    const rsuRoom = Math.max(0, band.stock.high - rsu);
    const rsuUp = Math.min(rsuRoom, Math.max(0, roundToThousand(rest)));
    if (rsuUp > 0) {
      rsu += rsuUp;
      steps.push(`RSU up toward its band top ${formatMoney(band.stock.high)}: +${formatMoney(rsuUp)}.`);
    }
    rest -= rsuRoom;
    if (rest > 0) {
      const growth = flat ? 1 : 1 + percent / 100;
      const baseRoom = band.base.high - base;
      const baseUp = Math.min(baseRoom, roundToThousand(rest / growth));
      if (baseUp > 0) {
        base += baseUp;
        bonus = bonusAt(base);
        steps.push(
          `Base up toward its band top ${formatMoney(band.base.high)}: +${formatMoney(baseUp)}` +
            (flat ? '.' : ` (the bonus stays ${formatPercent(percent, 0)} of it: ${formatMoney(bonus)}).`),
        );
      }
      rest -= baseRoom * growth;
    }
    if (rest > 0) {
      const bonusUp = Math.min(band.bonus.high - bonus, Math.max(0, roundToThousand(rest)));
      if (bonusUp > 0) {
        bonus += bonusUp;
        steps.push(`Bonus to its band top ${formatMoney(band.bonus.high)}: +${formatMoney(bonusUp)}.`);
      }
      const above = Math.max(0, roundToThousand(rest - bonusUp));
      if (above > 0) {
        rsu += above;
        steps.push(`RSU above its band top ${formatMoney(band.stock.high)}: +${formatMoney(above)}.`);
      }
    }
  }
  // A shortfall is carried by this end's parts above the person's own, never by a part that is itself short (Robinhood,
  // Detroit: base $168K under their $190K carries none of the RSU's); the warning and the script name the same parts.
  const theirs = { base: compBase ?? 0, rsu: compRsu ?? 0, bonus: compBonus ?? 0 };
  const asked = { base, rsu, bonus };
  const carriersOf = (part: Trade['part']) =>
    (['base', 'rsu', 'bonus'] as const).filter((other) => other !== part && asked[other] > theirs[other]);
  for (const { part, competing: competingValue, top, short } of capped) {
    const carriedBy = carriersOf(part);
    // The TC end is at least the competing TC + the uplift, so the other parts always cover this shortfall.
    const text =
      `${at}${region.shortName}'s ${part} band tops out at ${formatMoney(top)}, under your ${formatMoney(competingValue)}: ` +
      `the ${formatMoney(short)} a year is carried by ${carriedWords(carriedBy, 'the other parts')} (the TC ask stays above your offer); ` +
      'a sign-on can cover year one only, never the yearly gap.';
    trades.push({ part, end, competing: competingValue, bandTop: top, short, carriedBy, text });
  }
  if (compRsu !== undefined && compRsu > rsu) {
    const short = compRsu - rsu;
    const above = rsu > band.stock.high ? rsu : undefined;
    const carriedBy = carriersOf('rsu');
    const who = carriedWords(carriedBy, 'base and bonus');
    const text =
      at +
      (above === undefined
        ? `${region.shortName}'s RSU band tops out at ${formatMoney(band.stock.high)} a year, under your ${formatMoney(compRsu)}: `
        : `${at ? 'the' : 'The'} RSU ask ${formatMoney(above)} a year, already above ${region.shortName}'s RSU band top ${formatMoney(band.stock.high)}, is under your ${formatMoney(compRsu)}: `) +
      `the ${formatMoney(short)} a year is carried by ${who} (the TC ask stays above your offer).`;
    trades.push({
      part: 'rsu',
      end,
      competing: compRsu,
      bandTop: band.stock.high,
      ...(above === undefined ? {} : { asked: above }),
      short,
      carriedBy,
      text,
    });
    steps.push(
      `RSU ${formatMoney(rsu)} a year, ${formatMoney(short)} under your competing RSU: ${who} carr${carriedBy.length === 1 ? 'ies' : 'y'} it.`,
    );
  }
  const sum = base + rsu + bonus;
  steps.push(
    `${formatMoney(base)} base + ${formatMoney(rsu)} RSU a year + ${formatMoney(bonus)} bonus = ${formatMoney(sum)}` +
      (sum === tc
        ? '.'
        : ` (${formatMoney(tc)} to the rounding: the bonus moves in whole percents of base, RSU in $1K steps).`),
  );
  return {
    end: { tc, base, rsuPerYear: rsu, bonus, steps },
    trades,
    rsuAboveBand: Math.max(0, rsu - band.stock.high),
  };
}
