/** Inputs shared by the micro-benchmarks: the shipped guide and one realistic competing offer. */
import { normaliseOffer, type OfferInput } from '../src/engine/offer/index.js';
import { regionById } from '../src/engine/regions.js';
import { loadGuide } from '../src/guide/load.js';

export const loaded = loadGuide();
export const { guide } = loaded;
export const newYork = regionById(guide, 'new-york');
export const detroit = regionById(guide, 'detroit');

/** A SoFi offer given in parts, with a front-loaded grant: the longest path through normaliseOffer. */
export const OFFER_INPUT: OfferInput = {
  company: 'SoFi',
  title: 'Senior Product Manager',
  base: 172_000,
  equity: { kind: 'grant', dollars: 160_000, vesting: { kind: 'front-loaded-5-15-40-40' } },
  bonus: { kind: 'percent', percent: 15 },
  signOn: 20_000,
};

export function normalisedOffer() {
  const result = normaliseOffer(OFFER_INPUT);
  if (!result.ok) throw new Error(`benchmark offer is invalid: ${JSON.stringify(result.problems)}`);
  return result.offer;
}
