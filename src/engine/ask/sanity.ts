import type { Guide, Region } from '../../guide/schema.js';
import { formatMoney, formatRange } from '../money.js';
import { DEFAULT_VEST_YEARS } from '../offer/index.js';
import type { NormalisedOffer } from '../offer/normalise.js';
import type { AskWarning, Confirmation } from './types.js';

/** Rule 5's bounds: half the lowest band's low and twice the highest band's top, across the guide's regions. */
export function plausibleTc(guide: Guide): { low: number; high: number } {
  const { low, high } = bandsCover(guide);
  return { low: Math.ceil(low / 2), high: high * 2 };
}

/** What the guide's TC bands cover together: the lowest band's low to the highest band's top. */
function bandsCover(guide: Guide): { low: number; high: number } {
  return {
    low: Math.min(...guide.regions.map((region) => region.band.totalComp.low)),
    high: Math.max(...guide.regions.map((region) => region.band.totalComp.high)),
  };
}

/** Rule 5 for a base: half the lowest base band's low and twice the highest base band's top, across the regions. */
export function plausibleBase(guide: Guide): { low: number; high: number } {
  const { low, high } = baseBandsCover(guide);
  return { low: Math.ceil(low / 2), high: high * 2 };
}

/** What the guide's base bands cover together: the lowest base band's low to the highest base band's top. */
function baseBandsCover(guide: Guide): { low: number; high: number } {
  return {
    low: Math.min(...guide.regions.map((region) => region.band.base.low)),
    high: Math.max(...guide.regions.map((region) => region.band.base.high)),
  };
}

/** A "did you mean" reading is offered only inside the bands widened by this share each way (±50%). */
const CANDIDATE_MARGIN = 0.5;
/** An equity figure may be a grant only if its yearly share is at least this share of the RSU band's low. */
const GRANT_PLAUSIBLE_SHARE = 0.5;

function typedForm(value: number): string {
  return value >= 1_000_000 ? `${value / 1_000_000}m` : `${value / 1000}k`;
}

/** The readings of a TC outside the bounds: a slipped digit or "k" (×10, ×1000, ÷10, ÷1000), or a 4-year package. */
function tcCandidates(guide: Guide, offer: NormalisedOffer): Confirmation['candidates'] {
  const tc = offer.annualTc.value;
  const cover = bandsCover(guide);
  const near = { low: cover.low * (1 - CANDIDATE_MARGIN), high: cover.high * (1 + CANDIDATE_MARGIN) };
  const distance = (value: number) => Math.max(0, cover.low - value, value - cover.high);
  const readings = [tc * 10, tc * 1000, tc / 10, tc / 1000].map((value) => ({ value: Math.round(value), label: '' }));
  // A package figure is a total, not a base and parts: only for a total comp given alone.
  if (tc > cover.high && offer.base === undefined) {
    // A figure over the bounds may be a package over the years a grant is read as vesting (the offer reader's default).
    const value = Math.round(tc / DEFAULT_VEST_YEARS);
    readings.push({ value, label: ` (${formatMoney(tc)} over ${DEFAULT_VEST_YEARS} years)` });
  }
  return readings
    .filter(({ value }) => value >= near.low && value <= near.high)
    .sort((a, b) => distance(a.value) - distance(b.value))
    .map(({ value, label }) => ({ label: `${formatMoney(value)} a year${label}`, value, typed: typedForm(value) }));
}

/** The annual TC with the base read as `base`: a bonus given as a % of base moves with it, dollars stay. */
function tcWithBase(offer: NormalisedOffer, base: number): number {
  const typedBase = offer.base?.value ?? 0;
  const bonus = offer.bonus;
  const bonusNow = bonus?.value ?? 0;
  const bonusThen =
    bonus && bonus.source !== 'you' && typedBase > 0 ? Math.round((bonusNow * base) / typedBase) : bonusNow;
  return offer.annualTc.value - typedBase - bonusNow + base + bonusThen;
}

/**
 * The readings of a base outside its bounds: a slipped digit or "k" (×10, ×1000, ÷10, ÷1000), each only inside
 * the base bands ±50% and with an annual TC inside the TC bounds, the nearest the base bands first.
 */
function baseCandidates(guide: Guide, offer: NormalisedOffer, base: number): Confirmation['candidates'] {
  const cover = baseBandsCover(guide);
  const near = { low: cover.low * (1 - CANDIDATE_MARGIN), high: cover.high * (1 + CANDIDATE_MARGIN) };
  const tcBounds = plausibleTc(guide);
  const distance = (value: number) => Math.max(0, cover.low - value, value - cover.high);
  return [base * 10, base * 1000, base / 10, base / 1000]
    .map((value) => Math.round(value))
    .filter((value) => value >= near.low && value <= near.high)
    .filter((value) => tcWithBase(offer, value) >= tcBounds.low && tcWithBase(offer, value) <= tcBounds.high)
    .sort((a, b) => distance(a) - distance(b))
    .map((value) => ({
      label: `base ${formatMoney(value)} (annual TC ${formatMoney(tcWithBase(offer, value))})`,
      value,
      typed: `--base ${typedForm(value)}`,
    }));
}

/** What the guide's bonus bands cover together: the lowest bonus band's low to the highest bonus band's top. */
function bonusBandsCover(guide: Guide): { low: number; high: number } {
  return {
    low: Math.min(...guide.regions.map((region) => region.band.bonus.low)),
    high: Math.max(...guide.regions.map((region) => region.band.bonus.high)),
  };
}

/**
 * The readings of a bonus in dollars over its base: a slipped digit or "k" (÷10, ÷1000), each inside the bonus bands
 * ±50%, at most the base and with an annual TC inside the TC bounds, the nearest the bonus bands first.
 */
function bonusCandidates(
  guide: Guide,
  offer: NormalisedOffer,
  bonus: number,
  base: number,
): Confirmation['candidates'] {
  const cover = bonusBandsCover(guide);
  const near = { low: cover.low * (1 - CANDIDATE_MARGIN), high: cover.high * (1 + CANDIDATE_MARGIN) };
  const tcBounds = plausibleTc(guide);
  const tcWith = (value: number) => offer.annualTc.value - bonus + value;
  const distance = (value: number) => Math.max(0, cover.low - value, value - cover.high);
  return [bonus / 10, bonus / 1000]
    .map((value) => Math.round(value))
    .filter((value) => value >= near.low && value <= near.high && value <= base)
    .filter((value) => tcWith(value) >= tcBounds.low && tcWith(value) <= tcBounds.high)
    .sort((a, b) => distance(a) - distance(b))
    .map((value) => ({
      label: `bonus ${formatMoney(value)} (annual TC ${formatMoney(tcWith(value))})`,
      value,
      typed: `--bonus ${typedForm(value)}`,
    }));
}

/** A sign-on over this share of the annual TC is asked about (a slipped "k" or digit is likelier than such a sum). */
const SIGN_ON_QUESTION_SHARE = 0.5;

/** A grant vesting in this many years or fewer is pay every year only if granted again: said beside the ask. */
const SHORT_VEST_YEARS = 2;

/** Equity said to be a year but over this many times the region's RSU top is asked about once, as a possible grant. */
const STATED_YEAR_LIMIT = 4;

/** "A year, or the whole grant?": the two readings of one equity figure, as buttons. */
function yearOrGrant(question: string, dollars: number): Confirmation {
  return {
    field: 'equity',
    question,
    candidates: [
      { label: `${formatMoney(dollars)} a year`, value: dollars, typed: `${typedForm(dollars)} a year` },
      {
        label: `a ${formatMoney(dollars)} grant over ${DEFAULT_VEST_YEARS} years`,
        value: Math.round(dollars / DEFAULT_VEST_YEARS),
        typed: `--grant ${typedForm(dollars)} --vesting ${DEFAULT_VEST_YEARS}`,
      },
    ],
  };
}

/**
 * The readings of a large sign-on: a slipped digit or "k" (÷10, ÷1000), each at least $1K and at most half the annual
 * TC, the largest first (the smallest slip); and, up to a whole year's TC, the figure as typed.
 */
function signOnCandidates(offer: NormalisedOffer, signOn: number): Confirmation['candidates'] {
  const annual = offer.annualTc.value;
  const reading = (value: number, asTyped = false) => ({
    label: `sign-on ${formatMoney(value)}${asTyped ? ', as typed' : ''} (first-year TC ${formatMoney(offer.firstYearTc.value - signOn + value)})`,
    value,
    typed: `--sign-on ${typedForm(value)}`,
  });
  const slips = [signOn / 10, signOn / 1000]
    .map((value) => Math.round(value))
    .filter((value) => value >= 1000 && value <= annual * SIGN_ON_QUESTION_SHARE)
    .map((value) => reading(value));
  return signOn <= annual ? [...slips, reading(signOn, true)] : slips;
}

/** The question's end: the readings to pick from, or what to check when none is plausible. */
function didYouMean(candidates: Confirmation['candidates'], what: string): string {
  return candidates.length > 0
    ? `Did you mean ${candidates.map((c) => c.label).join(' or ')}?`
    : `Check the ${what} and send it again.`;
}

/**
 * Sanity before confidence (rule 5). A base outside [half the lowest base band low, twice the highest base band top]
 * holds back the ask with "did you mean …?" readings of the base alone (×10, ×1000, ÷10, ÷1000), each inside the
 * base bands ±50% with a plausible TC; when there is one, it replaces the TC question (the slip is in the base, not
 * in every figure). A bonus in dollars over the base holds it back the same way (÷10, ÷1000, inside the bonus bands
 * ±50%). A TC outside [half the lowest band low, twice the highest band top] holds back
 * the ask with "did you mean …?" candidates: the figure ×10, ×1000, ÷10, ÷1000, or a total comp ÷4 as a package
 * over 4 years, each only inside the bands ±50%, the likeliest (nearest the bands) first. A yearly equity above the
 * region's RSU band top asks whether it is a total grant when that reading is plausible too (its yearly share at
 * least half the RSU band's low), else it is read as a year and said; above twice the guide's highest RSU top it
 * holds the ask back.
 */
export function checkSanity(
  guide: Guide,
  region: Region,
  offer: NormalisedOffer,
): { confirmations: Confirmation[]; warnings: AskWarning[]; holdBack: boolean } {
  const confirmations: Confirmation[] = [];
  const warnings: AskWarning[] = [];
  let holdBack = false;
  const bounds = plausibleTc(guide);
  const tc = offer.annualTc.value;
  // A base given with its parts, outside its own bounds: the question corrects the base, not every figure at once.
  const baseBounds = plausibleBase(guide);
  const base = offer.base?.value;
  let baseAsked = false;
  const baseOutside = base !== undefined && (base < baseBounds.low || base > baseBounds.high);
  if (base !== undefined && baseOutside) {
    holdBack = true;
    const candidates = baseCandidates(guide, offer, base);
    baseAsked = candidates.length > 0;
    const question =
      `A base of ${formatMoney(base)} is outside ${formatRange(baseBounds)}, the yearly base allycomp takes as typed ` +
      `(half the lowest base band's low to twice the highest base band's top; the guide's base bands cover ` +
      `${formatRange(baseBandsCover(guide))}); with it the annual TC is ${formatMoney(tc)}. ` +
      didYouMean(candidates, 'base');
    confirmations.push({ field: 'base', question, candidates });
    warnings.push({ code: 'implausible-base', text: question });
  }
  // A bonus in dollars over a plausible base: more than the 100% of base a bonus in % may be, so a slip, not a bonus.
  const bonus = offer.bonus;
  let bonusAsked = false;
  if (base !== undefined && !baseOutside && bonus?.source === 'you' && bonus.value > base) {
    holdBack = true;
    const candidates = bonusCandidates(guide, offer, bonus.value, base);
    bonusAsked = candidates.length > 0;
    const question =
      `A bonus of ${formatMoney(bonus.value)} is more than the ${formatMoney(base)} base: allycomp takes a bonus up to ` +
      `100% of base (the guide's bonus bands cover ${formatRange(bonusBandsCover(guide))}); with it the annual TC ` +
      `is ${formatMoney(tc)}. ` +
      didYouMean(candidates, 'bonus');
    confirmations.push({ field: 'bonus', question, candidates });
    warnings.push({ code: 'implausible-bonus', text: question });
  }
  if (!baseAsked && !bonusAsked && (tc < bounds.low || tc > bounds.high)) {
    holdBack = true;
    const candidates = tcCandidates(guide, offer);
    const question =
      `${formatMoney(tc)} a year is outside ${formatRange(bounds)}, the yearly total comp allycomp takes as typed ` +
      `(half the lowest band's low to twice the highest band's top; the guide's bands cover ` +
      `${formatRange(bandsCover(guide))}). ` +
      didYouMean(candidates, 'figure');
    confirmations.push({ field: 'totalComp', question, candidates });
    warnings.push({ code: 'implausible-tc', text: question });
  }
  // A sign-on of more than half a year's pay, on a plausible year: likelier a slipped "k" or digit than such a sum.
  // Up to a whole year it may be right (a buy-out of unvested stock): the figure as typed is one of the answers.
  const signOn = offer.signOn?.value;
  if (!holdBack && !offer.signOnConfirmed && signOn !== undefined && signOn > tc * SIGN_ON_QUESTION_SHARE) {
    holdBack = true;
    const candidates = signOnCandidates(offer, signOn);
    const question =
      (signOn > tc
        ? `A sign-on of ${formatMoney(signOn)} is more than the offer's whole annual TC ${formatMoney(tc)}: allycomp takes ` +
          "a sign-on up to one year's pay"
        : `A sign-on of ${formatMoney(signOn)} is more than half the offer's annual TC ${formatMoney(tc)}, rare unless it ` +
          'buys out stock you would leave behind') +
      `; with it the first-year TC is ${formatMoney(offer.firstYearTc.value)}. ` +
      didYouMean(candidates, 'sign-on');
    confirmations.push({ field: 'signOn', question, candidates });
    warnings.push({ code: 'implausible-sign-on', text: question });
  }
  // A grant vesting in a year or two counts as that much pay every year: true only if it is granted again.
  const grant = offer.equityGrant;
  if (grant && grant.years <= SHORT_VEST_YEARS && offer.equityPerYear) {
    const withoutIt = tc - offer.equityPerYear.value;
    warnings.push({
      code: 'short-vest',
      text:
        `Your ${formatMoney(grant.dollars)} grant vests within ${grant.years === 1 ? 'a year' : `${grant.years} years`}: it ` +
        `is counted as ${formatMoney(offer.equityPerYear.value)} a year, as if granted again each time. If it is not, it ` +
        `is a one-time amount: give it as a sign-on instead (--sign-on ${typedForm(grant.dollars)}), and the annual TC ` +
        `and the walk-away become ${formatMoney(withoutIt)}.`,
    });
  }
  const equity = offer.equityPerYear;
  // A figure the person typed as yearly (a grant's yearly average is computed, and is not questioned here).
  if (equity && equity.source === 'you' && equity.value > region.band.stock.high) {
    const stock = region.band.stock;
    const perYear = Math.round(equity.value / DEFAULT_VEST_YEARS);
    const grantFloor = stock.low * GRANT_PLAUSIBLE_SHARE;
    // Twice this region's RSU top: an ask built on more, read as a year, is likelier wrong than right.
    const waitFrom = 2 * stock.high;
    const asYear = `As a year, it is above ${region.shortName}'s RSU band top ${formatMoney(stock.high)}`;
    if (offer.equityStatedYearly && !offer.equityConfirmed && equity.value > STATED_YEAR_LIMIT * stock.high) {
      // Said as a year, yet more than a PM's grant pays in several: asked once (the "a year" button confirms it).
      holdBack = true;
      const question =
        `You said ${formatMoney(equity.value)} of equity a year: that is over ${STATED_YEAR_LIMIT} times ${region.shortName}'s ` +
        `RSU band top ${formatMoney(stock.high)}. Is it a year, or the whole grant? As a grant over ${DEFAULT_VEST_YEARS} ` +
        `years it is ${formatMoney(perYear)} a year. The ask waits for your answer.`;
      confirmations.push(yearOrGrant(question, equity.value));
      warnings.push({ code: 'equity-maybe-grant', text: question });
    } else if (offer.equityStatedYearly) {
      // They said it is a year (in words, --stock, the form, or the button): asking again would never end.
      warnings.push({
        code: 'equity-read-as-year',
        text:
          `${formatMoney(equity.value)} of equity a year, as you said: that is above ${region.shortName}'s RSU band top ` +
          `${formatMoney(stock.high)}. If it is the whole grant, give it with --grant (or as a total grant in the offer form).`,
      });
    } else if (perYear < grantFloor) {
      warnings.push({
        code: 'equity-read-as-year',
        text:
          `${formatMoney(equity.value)} of equity is read as a year: that is above ${region.shortName}'s RSU band top ` +
          `${formatMoney(stock.high)}, but as a grant over ${DEFAULT_VEST_YEARS} years it would be ${formatMoney(perYear)} a year, under half ${region.shortName}'s RSU band low ` +
          `${formatMoney(stock.low)}, so not a likely grant. If it is a grant, give it with --grant (or as a total grant in the offer form).`,
      });
    } else {
      const surelyGrant = equity.value > waitFrom;
      holdBack ||= surelyGrant;
      const question =
        `Is ${formatMoney(equity.value)} of equity a year, or the whole grant? ${asYear}; as a grant over ` +
        `${DEFAULT_VEST_YEARS} years it is ${formatMoney(perYear)} a year. ` +
        (surelyGrant
          ? `Over ${formatMoney(waitFrom)} a year (twice ${region.shortName}'s RSU band top) the ask waits for your answer.`
          : `The ask reads it as a year; over ${formatMoney(waitFrom)} a year (twice ${region.shortName}'s RSU band ` +
            'top) it would wait for your answer.');
      confirmations.push(yearOrGrant(question, equity.value));
      warnings.push({ code: 'equity-maybe-grant', text: question });
    }
  }
  return { confirmations, warnings, holdBack };
}
