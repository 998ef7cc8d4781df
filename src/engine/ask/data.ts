import type { CompanyKind, Guide, Range } from '../../guide/schema.js';
import { normaliseOffer } from '../offer/normalise.js';
import { readOfferWords } from '../offer/words.js';
import { findRegion, primaryAlias } from '../regions.js';
import { type AskOptions, buildAskPackage } from './build.js';
import type { AskPackage, AskWarning, Confirmation } from './types.js';

/** The structured `--data` object (issue 12), documented in the README. Whole dollars throughout. */
export interface AskData {
  region: string;
  offer?: {
    company: string;
    kind: CompanyKind | null;
    annualTc: number;
    firstYearTc: number;
    base: number | null;
    equityPerYear: number | null;
    bonus: number | null;
    signOn: number | null;
  };
  /** Absent when rule 5 holds the ask back, or for a level the guide has no bands for. */
  ask?: {
    tc: Range;
    base: Range;
    rsuPerYear: Range;
    bonus: Range;
    /** Whole percents of base at each end, `low` ≤ `high`. */
    bonusTargetPercent: Range;
    signOn?: Range;
    openAt: number;
  };
  warnings: AskWarning[];
  leadLever: number;
  leverOrder: number[];
  walkAway?: number;
  needsConfirmation: boolean;
  confirmations: Confirmation[];
}

export interface AskDataError {
  error: { message: string; problems: Array<{ field: string; message: string; example: string }> };
}

const whole = (range: Range): Range => ({ low: Math.round(range.low), high: Math.round(range.high) });

/** The `--data` object for one ask package. */
export function askData(pkg: AskPackage): AskData {
  const { offer, ask } = pkg;
  return {
    region: pkg.region.id,
    ...(offer
      ? {
          offer: {
            company: offer.company,
            kind: pkg.companyKind?.kind ?? null,
            annualTc: offer.annualTc.value,
            firstYearTc: offer.firstYearTc.value,
            base: offer.base?.value ?? null,
            equityPerYear: offer.equityPerYear?.value ?? null,
            bonus: offer.bonus?.value ?? null,
            signOn: offer.signOn?.value ?? null,
          },
        }
      : {}),
    ...(ask
      ? {
          ask: {
            tc: whole(ask.tc.value),
            base: whole(ask.base.value),
            rsuPerYear: whole(ask.rsuPerYear.value),
            bonus: whole(ask.bonus.value),
            bonusTargetPercent: ask.bonusTargetPercent.value,
            ...(ask.signOn ? { signOn: whole(ask.signOn.value) } : {}),
            openAt: ask.openAt.value,
          },
        }
      : {}),
    warnings: pkg.warnings,
    leadLever: pkg.leadLever,
    leverOrder: pkg.leverOrder,
    ...(pkg.walkAway ? { walkAway: pkg.walkAway.value } : {}),
    needsConfirmation: pkg.needsConfirmation,
    confirmations: pkg.confirmations,
  };
}

function error(message: string, problems: AskDataError['error']['problems']): AskDataError {
  return { error: { message, problems } };
}

/**
 * `offer <words> --data` and `<region> --data` as one pure step: the words (after `offer`, or the region's
 * words) to the data object, or an error object naming each field that was wrong with an example that works.
 */
export function askDataFromWords(
  guide: Guide,
  mode: 'offer' | 'region',
  words: string[],
  options: Pick<AskOptions, 'premiumIds'> = {},
): AskData | AskDataError {
  const regionExample = guide.regions.map(primaryAlias).join(', ');
  if (mode === 'region') {
    const lookup = findRegion(guide, words.join(' '));
    if (!lookup.ok) {
      return error('Unknown region.', [
        { field: 'region', message: `'${words.join(' ')}' is not a region of the guide.`, example: regionExample },
      ]);
    }
    return askData(buildAskPackage(guide, lookup.region, undefined, options));
  }
  const read = readOfferWords(guide, words);
  if (read.problems.length > 0) return error('The offer could not be read.', read.problems);
  const { regionId, ...input } = read.draft;
  if (!regionId) {
    return error('No region given.', [
      {
        field: 'region',
        message: 'Say which Ally region the offer is for.',
        example: `SoFi 245k ${guide.regions.map(primaryAlias)[0] ?? ''}`.trim(),
      },
    ]);
  }
  const normalised = normaliseOffer(input);
  if (!normalised.ok) return error('The offer is incomplete.', normalised.problems);
  return askData(buildAskPackage(guide, regionId, normalised.offer, options));
}
