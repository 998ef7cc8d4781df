import type { Guide, Range, Region } from '../../guide/schema.js';
import { byRule, type Explained, fromGuide } from '../explained.js';
import { formatMoney, formatRange, upToThousand } from '../money.js';

/** The guide's example spread: lever 3 asks $255K–$262K against $245K, a range $7K wide. */
export function exampleSpread(guide: Guide): number {
  return guide.example.tcAsk.high - guide.example.tcAsk.low;
}

/**
 * The TC range against a competing annual TC c (rules 1 and 3):
 *   low  = max(the region's negotiate-up target low, c rounded up to $1K + the guide's uplift)
 *   high = max(the region's band top, low + the guide's example spread)
 * Both ends are nondecreasing in c and move at most $1K (plus rounding) per $1K, with no jump at the band top.
 * In the guide's example (Detroit, $245K) this is the guide's own $255K–$262K.
 */
export function tcRangeAgainst(guide: Guide, region: Region, competing: number): Explained<Range> {
  const { competingUplift, upliftDerivation } = guide.askRules;
  const spread = exampleSpread(guide);
  const top = region.band.totalComp.high;
  const targetLow = region.strategy.target.low;
  const rounded = upToThousand(competing);
  const lifted = rounded + competingUplift;
  const low = Math.max(targetLow, lifted);
  const high = Math.max(top, low + spread);
  const math =
    `Low end: the larger of ${region.shortName}'s negotiate-up target low ${formatMoney(targetLow)} and your competing ` +
    `${formatMoney(competing)}${rounded === competing ? '' : ` (rounded up to ${formatMoney(rounded)})`} + the guide's ` +
    `uplift ${formatMoney(competingUplift)} = ${formatMoney(lifted)}: ${formatMoney(low)}. High end: the larger of ` +
    `${region.shortName}'s band top ${formatMoney(top)} and the low end + the guide's spread ${formatMoney(spread)} = ` +
    `${formatMoney(low + spread)}: ${formatMoney(high)}. Uplift: ${upliftDerivation}. Spread: lever 3's ` +
    `${formatRange(guide.example.tcAsk)} is ${formatMoney(spread)} wide.`;
  return byRule(`${region.shortName} TC ask`, { low, high }, math, true);
}

/**
 * Against the guide's own company's offer (not a competing one): the negotiate-up target, never under what that
 * offer already pays:
 *   low  = max(the region's target low, the offer rounded up to $1K)
 *   high = max(the region's band top, low + the guide's example spread)
 * No uplift: the guide's uplift is for a competing offer.
 */
export function tcRangeAgainstOwnOffer(guide: Guide, region: Region, offered: number): Explained<Range> {
  const spread = exampleSpread(guide);
  const top = region.band.totalComp.high;
  const targetLow = region.strategy.target.low;
  const rounded = upToThousand(offered);
  const low = Math.max(targetLow, rounded);
  const high = Math.max(top, low + spread);
  const math =
    `Low end: the larger of ${region.shortName}'s negotiate-up target low ${formatMoney(targetLow)} and the ` +
    `${formatMoney(rounded)} ${guide.company} already offers: ${formatMoney(low)} (never under it). High end: the ` +
    `larger of ${region.shortName}'s band top ${formatMoney(top)} and the low end + the guide's spread ` +
    `${formatMoney(spread)}: ${formatMoney(high)}.`;
  return byRule(`${region.shortName} TC ask`, { low, high }, math, true);
}

/** Without an offer the TC ask is the guide's negotiate-up target for the region. */
export function tcRangeWithoutOffer(region: Region): Explained<Range> {
  return fromGuide(
    `${region.shortName} TC ask`,
    region.strategy.target,
    `Negotiate Up Strategy, ${region.shortName}: target ${formatRange(region.strategy.target)} TC`,
  );
}

/**
 * Whether the competing offer sets the ask: its TC plus the guide's uplift is above the region's target low (the
 * same threshold where `tcRangeAgainst` starts using it). When it does not, the ask is the guide's target whatever
 * the offer, and quoting the offer would only anchor the talk low (rule 6): one threshold, no jump at the band low.
 */
export function offerSetsAsk(guide: Guide, region: Region, competing: number): boolean {
  return upToThousand(competing) + guide.askRules.competingUplift > region.strategy.target.low;
}
