/** An offer from the guide's own company: which parts the ask only keeps at what that offer already pays. */
import type { Guide, Region } from '../../guide/schema.js';
import { formatMoney, formatRange, upToThousand } from '../money.js';
import type { NormalisedOffer } from '../offer/normalise.js';
import { nextLevel } from './framing.js';
import type { OwnParts } from './parts.js';
import type { AskEnd, AskWarning, Trade } from './types.js';

/** The parts of the guide's own company's offer the ask keeps: its bonus as dollars and as a percent of its base. */
export function ownParts(own: NormalisedOffer | undefined): OwnParts {
  if (!own) return {};
  const base = own.base?.value;
  const bonus = own.bonus?.value;
  return {
    base,
    rsuPerYear: own.equityPerYear?.value,
    bonus,
    ...(base && bonus !== undefined ? { bonusPercent: (bonus * 100) / base } : {}),
  };
}

export interface HeldPart {
  part: Trade['part'];
  /** What the guide's company already offers for this part (a year). */
  offered: number;
}

/**
 * The parts whose opening figure is no more than what is already offered: a script asking for one of them asks to
 * keep it, never to "increase" it, and its lever goes after the levers whose part the ask raises.
 */
export function heldParts(opening: AskEnd, own: NormalisedOffer): HeldPart[] {
  const offered: Array<[Trade['part'], number | undefined, number]> = [
    ['base', own.base?.value, opening.base],
    ['rsu', own.equityPerYear?.value, opening.rsuPerYear],
    ['bonus', own.bonus?.value, opening.bonus],
  ];
  return offered.flatMap(([part, value, asked]) =>
    value !== undefined && value > 0 && (part === 'bonus' ? bonusHeld(opening, own) : upToThousand(value) >= asked)
      ? [{ part, offered: value }]
      : [],
  );
}

/** What the opening adds a year to each part the guide's own company offers, and to its total (a kept bonus adds 0). */
export function ownRaises(
  opening: AskEnd,
  own: NormalisedOffer,
): Partial<Record<'base' | 'stock' | 'bonus' | 'totalComp', number>> {
  const raise = (asked: number, offered: number | undefined) =>
    offered === undefined ? undefined : Math.max(0, asked - offered);
  const bonus = own.bonus && bonusHeld(opening, own) ? 0 : raise(opening.bonus, own.bonus?.value);
  return {
    totalComp: raise(opening.tc, own.annualTc.value),
    ...(own.base ? { base: raise(opening.base, own.base.value) } : {}),
    ...(own.equityPerYear ? { stock: raise(opening.rsuPerYear, own.equityPerYear.value) } : {}),
    ...(bonus !== undefined ? { bonus } : {}),
  };
}

/** The bonus is said as a target percent: it is only kept when the opening's percent is no more than the offer's. */
function bonusHeld(opening: AskEnd, own: NormalisedOffer): boolean {
  const base = own.base?.value;
  const bonus = own.bonus?.value ?? 0;
  if (!base) return upToThousand(bonus) >= opening.bonus;
  return Math.round((opening.bonus * 100) / opening.base) <= Math.round((bonus * 100) / base);
}

/** "its base $175K and RSU $60K a year": the parts already offered above the region's band tops. */
export function offeredAboveBand(
  own: NormalisedOffer,
  band: { base: { high: number }; bonus: { high: number }; stock: { high: number } },
): string[] {
  const above: string[] = [];
  if (own.base && own.base.value > band.base.high) above.push(`base ${formatMoney(own.base.value)}`);
  if (own.equityPerYear && own.equityPerYear.value > band.stock.high)
    above.push(`RSU ${formatMoney(own.equityPerYear.value)} a year`);
  if (own.bonus && own.bonus.value > band.bonus.high) above.push(`bonus ${formatMoney(own.bonus.value)}`);
  return above;
}

/**
 * The offer entered is the guide's own company's (warning `same-company`): what the ask is against it, where the offer
 * sits in the band, the parts above their band tops that the ask keeps, and, for a total alone, that the parts shown
 * are the guide's split, not the offer's.
 */
export function sameCompanyWarning(
  guide: Guide,
  region: Region,
  offer: NormalisedOffer,
  otherLevel: boolean,
): AskWarning {
  const band = region.band.totalComp;
  const offered = offer.annualTc.value;
  const over = offered - band.high;
  const under = band.low - offered;
  const target = region.strategy.target.low;
  const partsAbove = offeredAboveBand(offer, region.band);
  const where = otherLevel
    ? `Never go under the ${formatMoney(offered)} it already offers`
    : over > 0
      ? `It is already ${formatMoney(over)} over ${region.shortName}'s published band top ${formatMoney(band.high)}: ` +
        `ask whether the role is slotted as ${nextLevel(guide)}. The ask below starts at the ${formatMoney(offered)} ` +
        `it offers and adds the guide's spread`
      : under > 0
        ? `It is ${formatMoney(under)} under ${region.shortName}'s band (${formatRange(band)}) for ` +
          `${guide.levels.bandsCover}: ask which level and band it was built on (an APM offer?). The ask below is ` +
          `${region.shortName}'s negotiate-up target, ${Math.round(((target - offered) / offered) * 100)}% above it ` +
          `(${formatMoney(target)} against ${formatMoney(offered)})`
        : `The ask below is ${region.shortName}'s negotiate-up target, never under the ${formatMoney(offered)} it already offers`;
  const kept =
    partsAbove.length > 0
      ? `; its ${partsAbove.join(' and ')} ${partsAbove.length === 1 ? 'is' : 'are'} already above ${region.shortName}'s ` +
        `band, and the ask keeps ${partsAbove.length === 1 ? 'it' : 'them'}`
      : '';
  // A total alone: the parts below are the guide's, and one may be under what the offer pays for it.
  const split =
    offer.base === undefined && !otherLevel
      ? ` The parts below are the guide's split, not ${guide.company}'s: before saying a part's figure, check it is ` +
        `not under what ${guide.company} offers for it, or give its parts (--base, --bonus, --stock) to have them kept.`
      : '';
  return {
    code: 'same-company',
    text:
      `${offer.company} is ${guide.company} itself: that is the offer you are negotiating, not a competing one. ` +
      `${where}${kept}; the scripts leave the competing-offer sentence out. Enter a competing offer from another ` +
      `company to have the ask set against it.${split}`,
  };
}
