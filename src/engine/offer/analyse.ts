import type { Guide, Region } from '../../guide/schema.js';
import { type Ask, asksEverywhere } from '../asks.js';
import { type BandPosition, positionIn } from '../bands.js';
import { type LevelMatch, mapLevel } from '../levels.js';
import { type BranchlessPremium, branchlessPremium, claimPremiums, type PremiumTotal } from '../premiums.js';
import { type RenderedLever, renderLevers } from '../scripts.js';
import type { NormalisedOffer } from './normalise.js';

export interface RegionPosition {
  region: Region;
  tc: BandPosition;
  base?: BandPosition;
  stock?: BandPosition;
  bonus?: BandPosition;
}

/** Everything the bot says about one competing offer. */
export interface OfferAnalysis {
  offer: NormalisedOffer;
  region: Region;
  /** Where the offer sits in each region's bands, the chosen region first. */
  positions: RegionPosition[];
  /** The ask in each region, the chosen region first. */
  asks: Ask[];
  levers: RenderedLever[];
  premiums: PremiumTotal;
  branchless?: BranchlessPremium;
  level: LevelMatch;
}

export function analyseOffer(
  guide: Guide,
  offer: NormalisedOffer,
  region: Region,
  premiumIds: readonly string[] = [],
): OfferAnalysis {
  const asks = asksEverywhere(guide, region, offer);
  const positions = asks.map(({ region: r }) => ({
    region: r,
    tc: positionIn(r.band.totalComp, offer.annualTc.value),
    base: offer.base ? positionIn(r.band.base, offer.base.value) : undefined,
    stock: offer.equityPerYear ? positionIn(r.band.stock, offer.equityPerYear.value) : undefined,
    bonus: offer.bonus ? positionIn(r.band.bonus, offer.bonus.value) : undefined,
  }));
  const chosenAsk = asks[0] as Ask;
  return {
    offer,
    region,
    positions,
    asks,
    levers: renderLevers(guide, chosenAsk),
    premiums: claimPremiums(guide, premiumIds),
    branchless: branchlessPremium(guide, offer.annualTc.value, offer.companyKind),
    level: mapLevel(guide, offer.company, offer.title),
  };
}
