import type { ChartInput } from '../chart/model.js';
import { type AskPackage, applyCandidate, buildAskPackage } from '../engine/ask/index.js';
import type { OfferDraft } from '../engine/offer/index.js';
import { type NormalisedOffer, normaliseOffer } from '../engine/offer/index.js';
import type { LoadedGuide } from '../guide/load.js';
import type { Guide, Region } from '../guide/schema.js';
import type { SlackMessage } from '../views/blocks.js';
import { buildOfferAnswer, type OfferPrep } from '../views/offer-answer.js';
import { buildFigureFreeShare } from '../views/offer-share.js';
import { offerChart } from './chart-input.js';

/** What a "did you mean …?" button carries: the offer re-typed with one reading applied (DM or ephemeral only). */
export interface ConfirmedOffer {
  draft: OfferDraft;
  premiumIds: string[];
}

/** The ask package for the chosen region, then every other region's, for one offer. */
export function offerPackages(
  guide: Guide,
  region: Region,
  offer: NormalisedOffer,
  premiumIds: readonly string[] = [],
): AskPackage[] {
  const regions = [region, ...guide.regions.filter((other) => other.id !== region.id)];
  return regions.map((r) => buildAskPackage(guide, r, offer, { premiumIds }));
}

/** Everything the offer answer shows, from one ask package per region; confirmation buttons re-run `draft`. */
export function prepareOffer(
  guide: Guide,
  region: Region,
  draft: OfferDraft,
  offer: NormalisedOffer,
  premiumIds: readonly string[] = [],
  readAs: string[] = [],
): OfferPrep {
  const everywhere = offerPackages(guide, region, offer, premiumIds);
  const pkg = everywhere[0] as AskPackage;
  const confirmValues = pkg.confirmations.map((confirmation) =>
    confirmation.candidates.map((candidate) =>
      JSON.stringify({
        draft: { ...applyCandidate(draft, confirmation.field, candidate, offer.annualTc.value), regionId: region.id },
        premiumIds: [...premiumIds],
      } satisfies ConfirmedOffer),
    ),
  );
  return { pkg, everywhere, readAs, confirmValues };
}

/** A confirmation button's value back to an offer, or undefined when it is not one of ours. */
function decodeConfirmed(value: string | undefined): ConfirmedOffer | undefined {
  try {
    const parsed = JSON.parse(value ?? '') as Partial<ConfirmedOffer>;
    if (!parsed || typeof parsed !== 'object' || typeof parsed.draft !== 'object' || parsed.draft === null)
      return undefined;
    const ids = Array.isArray(parsed.premiumIds) ? parsed.premiumIds.filter((id) => typeof id === 'string') : [];
    return { draft: parsed.draft as OfferDraft, premiumIds: ids };
  } catch {
    return undefined;
  }
}

/** Re-check a draft from a button (it could be anything a client sends): the offer, or undefined. */
export function confirmedOffer(
  value: string | undefined,
): { confirmed: ConfirmedOffer; offer: NormalisedOffer } | undefined {
  const confirmed = decodeConfirmed(value);
  if (!confirmed) return undefined;
  const normalised = normaliseOffer(confirmed.draft);
  return normalised.ok ? { confirmed, offer: normalised.offer } : undefined;
}

/** The person's own copy (their DM): every figure, and the chart with their offer and its ask marked. */
export function ownCopy(
  loaded: LoadedGuide,
  prep: OfferPrep,
  options: { shareHeldBack?: boolean } = {},
): { message: SlackMessage; chart: ChartInput } {
  return { message: buildOfferAnswer(loaded, prep, options), chart: offerChart(loaded.guide, prep.pkg, true) };
}

/**
 * The copy for the channel thread when the person chose to share: with their figures, the full answer; without,
 * the figure-free copy, which depends on the region alone (no company, no position, no figure of theirs) and the
 * bands chart with no marker. tests/views/share-leak.test.ts checks what a reader can infer from it.
 */
export function shareCopy(
  loaded: LoadedGuide,
  prep: OfferPrep,
  showFigures: boolean,
  sharedBy: string,
): { message: SlackMessage; chart: ChartInput } {
  const { guide } = loaded;
  const message = showFigures
    ? buildOfferAnswer(loaded, { ...prep, readAs: [], confirmValues: [] }, { sharedBy })
    : buildFigureFreeShare(loaded, prep.pkg.region, sharedBy);
  return { message, chart: offerChart(guide, prep.pkg, showFigures) };
}
