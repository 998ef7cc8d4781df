/** An offer from the guide's own company: which parts the ask only keeps at what that offer already pays. */
import { formatMoney, upToThousand } from '../money.js';
import type { NormalisedOffer } from '../offer/normalise.js';
import type { AskEnd, Trade } from './types.js';

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
    value !== undefined && value > 0 && upToThousand(value) >= asked ? [{ part, offered: value }] : [],
  );
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
