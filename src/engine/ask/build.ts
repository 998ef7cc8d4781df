import { checkConsistency, type GuideNote } from '../../guide/consistency.js';
import type { CompanyKind, Guide, Range, Region } from '../../guide/schema.js';
import { bandFigure } from '../bands.js';
import { byRule, type Explained, fromGuide } from '../explained.js';
import { mapLevel } from '../levels.js';
import { aMoney, formatMoney, formatPercent, formatRange, upToThousand } from '../money.js';
import { companyEntry } from '../offer/companies.js';
import { isUnnamedCompany, type NormalisedOffer } from '../offer/normalise.js';
import { regionById } from '../regions.js';
import {
  askFallbacks,
  askGap,
  leverPlan,
  openingFigure,
  premiumStory,
  strategyAboveBand,
  walkAwayFigure,
} from './advice.js';
import { bonusTarget } from './bonus-target.js';
import {
  aboveCoveredLevel,
  companyKindLine,
  farAboveBand,
  nextLevel,
  unknownKindWarning,
  unmappedTitleSits,
  unmappedTitleWarning,
} from './framing.js';
import { type HeldPart, heldParts, ownParts, ownRaises, sameCompanyWarning } from './own-offer.js';
import { type CompetingParts, leverFigures, splitEnd } from './parts.js';
import { checkSanity } from './sanity.js';
import { renderScripts } from './scripts.js';
import {
  exampleSpread,
  offerSetsAsk,
  tcRangeAgainst,
  tcRangeAgainstOwnOffer,
  tcRangeWithoutOffer,
} from './tc-range.js';
import type { AskFigures, AskPackage, AskWarning, Trade } from './types.js';

/** A sign-on is asked only when the floor's first-year gap is at least this: a smaller one is not worth the ask. */
export const SIGN_ON_MINIMUM = 5000;

export interface AskOptions {
  /** Ally.ai premiums the person ticked (ids from the guide). */
  premiumIds?: readonly string[];
  /** The person's own choice of company kind: wins over the guide's company list. */
  kind?: CompanyKind;
}

/** The guide's own company ("Ally Financial") by any of its names in the company list. */
function sameAsGuideCompany(guide: Guide, entryName: string): boolean {
  const own = companyEntry(guide, guide.company);
  return own !== undefined && own.name === entryName;
}

const FOOTNOTE_IDS = new Set(['stock-unit', 'branchless-two-prices', 'lever-figures-sum']);
const notesCache = new WeakMap<Guide, GuideNote[]>();

function footnotesFor(guide: Guide, region: Region): GuideNote[] {
  let notes = notesCache.get(guide);
  if (!notes) {
    notes = checkConsistency(guide);
    notesCache.set(guide, notes);
  }
  return notes.filter(
    (note) => FOOTNOTE_IDS.has(note.id) || (note.regionId === region.id && note.topics.includes('strategy')),
  );
}

/** The guide's own lever figures, visible as the guide's wherever the ask differs from them. */
function guideFigures(guide: Guide): Explained<unknown>[] {
  const { example } = guide;
  return [
    fromGuide('Guide lever 1 base', example.baseAsk, `lever 1, "the base salary at ${formatMoney(example.baseAsk)}"`),
    fromGuide(
      'Guide lever 2 RSU',
      example.stockAsk,
      `lever 2, "RSU component increased to ${formatRange(example.stockAsk)} over four years"`,
    ),
    fromGuide(
      'Guide lever 4 bonus target',
      example.bonusTargetPercent,
      `lever 4, "bonus target increased to ${formatPercent(example.bonusTargetPercent)}"`,
    ),
    fromGuide(
      'Guide lever 3 TC ask',
      example.tcAsk,
      `lever 3, "bringing Ally's total comp to ${formatRange(example.tcAsk)}" against ${formatMoney(example.competingTc)}`,
    ),
  ];
}

function competingParts(offer: NormalisedOffer | undefined): CompetingParts {
  if (!offer) return {};
  return { base: offer.base?.value, rsuPerYear: offer.equityPerYear?.value, bonus: offer.bonus?.value };
}

function range(label: string, value: Range, math: string, personal: boolean): Explained<Range> {
  return byRule(label, value, math, personal);
}

/** Build the figures of the ask (rules 1–3): TC range, its parts at each end, sign-on, where to open. */
function askFigures(
  guide: Guide,
  region: Region,
  offer: NormalisedOffer | undefined,
  story: ReturnType<typeof premiumStory>,
  /** The guide's own company's offer, when that is what was entered: the ask never goes under it or its parts. */
  ownOffer?: NormalisedOffer,
): { figures: AskFigures; trades: Trade[]; warnings: AskWarning[]; farAbove?: AskWarning } {
  const warnings: AskWarning[] = [];
  const personal = offer !== undefined || ownOffer !== undefined;
  const rule = offer
    ? tcRangeAgainst(guide, region, offer.annualTc.value)
    : ownOffer !== undefined
      ? tcRangeAgainstOwnOffer(guide, region, ownOffer.annualTc.value)
      : tcRangeWithoutOffer(region);
  const lever = leverFigures(guide, region);
  const parts = competingParts(offer);
  const own = ownParts(ownOffer);
  const low = splitEnd(region, rule.value.low, 'low', lever, parts, own);
  // Parts already offered may raise the floor: the opening keeps the guide's spread above it, so there is room to give.
  const highEnd = Math.max(rule.value.high, low.end.tc + (ownOffer ? exampleSpread(guide) : 0));
  const high = splitEnd(region, highEnd, 'high', lever, parts, own);
  const tcValue = { low: low.end.tc, high: high.end.tc };
  const whose = ownOffer
    ? `The parts ${guide.company} already offers need more than that: the parts, each at least what it offers and the guide's lever figures, add up to ${formatRange(tcValue)}`
    : `Your competing parts need more than that: the parts, each at least yours and the guide's lever figures, add up to ${formatRange(tcValue)}`;
  const tc =
    tcValue.low === rule.value.low && tcValue.high === rule.value.high
      ? rule
      : range(
          rule.label,
          tcValue,
          `${rule.math} ${whose}${ownOffer && tcValue.high > rule.value.high ? `, and the high end stays the guide's spread ${formatMoney(exampleSpread(guide))} above the low end` : ''}.`,
          personal,
        );
  // One split makes all three parts: the same steps explain each.
  const math = (_part: string) => `Low end: ${low.end.steps.join(' ')} High end: ${high.end.steps.join(' ')}`;
  const base = range(
    `${region.shortName} base ask`,
    { low: low.end.base, high: high.end.base },
    math('base'),
    personal,
  );
  const rsuPerYear = range(
    `${region.shortName} RSU ask a year`,
    { low: low.end.rsuPerYear, high: high.end.rsuPerYear },
    math('RSU a year'),
    personal,
  );
  const bonus = range(
    `${region.shortName} bonus at target`,
    { low: low.end.bonus, high: high.end.bonus },
    math('bonus'),
    personal,
  );
  const bonusTargetPercent = bonusTarget(low.end, high.end, guide.example.bonusTargetPercent, personal);

  const figures: AskFigures = {
    tc,
    base,
    rsuPerYear,
    bonus,
    bonusTargetPercent,
    ends: { low: low.end, high: high.end },
    openAt: openingFigure(tcValue, story),
  };

  if (offer && offer.firstYearTc.value > tcValue.low) {
    const first = offer.firstYearTc.value;
    // A gap under the minimum at an end is no ask there: nobody asks a recruiter for a $1K sign-on.
    const at = (end: number) => (first - end >= SIGN_ON_MINIMUM ? upToThousand(first - end) : 0);
    const atFloor = at(tcValue.low);
    const atOpening = at(tcValue.high);
    const each = (name: string, end: number, value: number) =>
      value > 0
        ? `at the ${name} ${formatMoney(end)}: ${formatMoney(first)} − ${formatMoney(end)} = ${formatMoney(first - end)}, rounded up to $1K = ${formatMoney(value)}`
        : first > end
          ? `at the ${name} ${formatMoney(end)}: none, the gap ${formatMoney(first - end)} is under ${formatMoney(SIGN_ON_MINIMUM)}`
          : `at the ${name} ${formatMoney(end)}: none, the TC already covers the first year`;
    const math =
      `Your competing first year is ${formatMoney(first)} (${offer.firstYearTc.math}). The ask's first year is its TC ` +
      `(Ally's RSU taken as vesting evenly), so the sign-on is worked out at each end: ${each('floor', tcValue.low, atFloor)}; ` +
      `${tcValue.high === tcValue.low ? 'the opening is the same figure' : each('opening', tcValue.high, atOpening)}.`;
    if (atFloor >= SIGN_ON_MINIMUM) {
      figures.signOn = range(
        'Sign-on ask',
        { low: atFloor, high: atOpening },
        `${math} Asked where it is at least ${formatMoney(SIGN_ON_MINIMUM)}.`,
        true,
      );
      if (atOpening === 0) figures.openingFirstYearGap = Math.max(0, first - tcValue.high);
      warnings.push({
        code: 'first-year-gap',
        text:
          `Your competing first year (${formatMoney(first)}) is above the ask's first year: at the floor ` +
          `(${formatMoney(tcValue.low)}) ask ${aMoney(atFloor)} sign-on` +
          (tcValue.high === tcValue.low
            ? '.'
            : `, at the opening (${formatMoney(tcValue.high)}) ${atOpening > 0 ? `${aMoney(atOpening)} sign-on` : first > tcValue.high ? `none (within ${formatMoney(first - tcValue.high)})` : 'none'}.`),
      });
    } else {
      figures.firstYearGap = byRule(
        'First-year gap',
        first - tcValue.low,
        `${math} Under ${formatMoney(SIGN_ON_MINIMUM)} at the floor: no sign-on asked, a recruiter would not take it seriously.`,
        true,
      );
    }
  }

  const top = region.band.totalComp.high;
  if (offer && offer.annualTc.value <= top && tcValue.high > top) {
    warnings.push({
      code: 'ask-above-band',
      text:
        `The ask's top end ${formatMoney(tcValue.high)} is ${formatMoney(tcValue.high - top)} above ${region.shortName}'s ` +
        `band top ${formatMoney(top)}: your competing offer is what justifies it; expect the recruiter to need an exception.`,
    });
  }
  // The opening's trade (the top end, the one said aloud) for each part, and the floor's beside it when the floor is
  // shorter still: Robinhood's RSU is $3K under theirs at the opening and $10K at the floor, and both are said.
  const trades = [
    ...high.trades.flatMap((opening) => [
      opening,
      ...low.trades.filter((floor) => floor.part === opening.part && floor.short > opening.short),
    ]),
    ...low.trades.filter((floor) => !high.trades.some((opening) => opening.part === floor.part)),
  ];
  for (const trade of trades) warnings.push({ code: 'part-capped', text: trade.text });
  const farAbove = offer
    ? farAboveBand(guide, region, offer.annualTc.value, { low: low.end.rsuPerYear, high: high.end.rsuPerYear })
    : undefined;
  const above = Math.max(low.rsuAboveBand, high.rsuAboveBand);
  // RSU already offered above the band is the top it rises from (splitEnd counts from the larger of the two).
  const ownRsu = upToThousand(own.rsuPerYear ?? 0);
  const ownRsuAbove = ownRsu > region.band.stock.high ? ownRsu : 0;
  if (above > 0) {
    const stretch = farAbove
      ? ''
      : ` Equity is the part recruiters can most often stretch; if RSU will not go above ${ownRsuAbove > 0 ? 'that' : 'the band'}, ` +
        'ask for a level review. A sign-on covers year one only, and RSU is paid every year.';
    // With RSU itself short of the competing RSU, its warning has said it is above the band and what carries the gap:
    // "RSU carries the rest" beside "carried by base and bonus" read as a contradiction. Only the advice is added.
    const rsuShort = trades.some((trade) => trade.part === 'rsu');
    warnings.push({
      code: 'part-above-band',
      text: rsuShort
        ? `Base and bonus are at their band tops, so the RSU ask goes up to ${formatMoney(above)} a year above ` +
          `${region.shortName}'s RSU band top ${formatMoney(region.band.stock.high)}.${stretch}`
        : `Base and bonus are at their band tops${ownOffer?.base ? ` (or at what ${guide.company} already offers)` : ''}, so RSU carries the rest of the TC ask: up to ${formatMoney(above)} a year ` +
          (ownRsuAbove > 0
            ? `above the ${formatMoney(ownRsuAbove)} a year ${guide.company} already offers.`
            : `above ${region.shortName}'s RSU band top ${formatMoney(region.band.stock.high)}.`) +
          // Far above the band it is a level question, not a stretch (the far-above-band warning says so).
          stretch,
    });
  }
  return { figures, trades, warnings, farAbove };
}

/**
 * One ask package for a region, with or without a competing offer (issue 12, rules 1–10). Pure. The region must
 * be one of the guide's (use findRegion first); the offer is a normalised one (normaliseOffer).
 */
export function buildAskPackage(
  guide: Guide,
  regionOrId: Region | string,
  offer?: NormalisedOffer,
  options: AskOptions = {},
): AskPackage {
  const region = typeof regionOrId === 'string' ? regionById(guide, regionOrId) : regionOrId;
  const premiumIds = options.premiumIds ?? [];
  const warnings: AskWarning[] = [];
  const kind = options.kind ?? offer?.companyKind;
  const entry = offer ? companyEntry(guide, offer.company) : undefined;
  // The offer's kind comes from the guide's list or from the person: one that differs from the list was chosen.
  const chosen = options.kind ?? (kind !== entry?.kind ? kind : undefined);
  const companyKind = companyKindLine(kind, chosen, entry, offer?.company);
  // An offer from the company being negotiated with is not a competing offer: the ask is the region's, as with none.
  const sameCompany = entry !== undefined && sameAsGuideCompany(guide, entry.name);
  // The level table is the guide's company's own: its titles are the table's, not a company missing from it.
  const level = mapLevel(guide, sameCompany ? undefined : offer?.company, offer?.title);
  const otherLevel = level.allyLevel !== undefined && !level.bandsApply;
  const competingOffer = sameCompany ? undefined : offer;
  const competing = competingOffer?.annualTc.value;
  const band = region.band.totalComp;
  const belowBand = competing !== undefined && competing < band.low;
  // Rule 6: the number is left out of lever 3, and lever 3 goes last, wherever the offer does not set the ask. For a
  // level above the one the bands cover, an offer no higher than the covered level's band top would anchor that
  // level's talk at the covered level's pay: the number stays out there too.
  const higherLevel = otherLevel && aboveCoveredLevel(guide, level.allyLevel ?? '');
  const hideCompeting =
    competing !== undefined &&
    (higherLevel ? competing <= band.high : !otherLevel && !offerSetsAsk(guide, region, competing));
  // A level review is a case to make only on an offer strong enough to set the ask (or with no offer at all).
  // A title the level table lacks that sits below the covered level makes no case for a review a level up.
  const titleSits = unmappedTitleSits(guide, level, kind);
  const levelReviewFits = !hideCompeting && titleSits !== 'below';
  const branchBank = kind === guide.branchlessPremium.appliesTo;
  const story = premiumStory(guide, competing, kind, premiumIds);

  const sanity = offer ? checkSanity(guide, region, offer) : { confirmations: [], warnings: [], holdBack: false };
  warnings.push(...sanity.warnings);
  for (const text of offer?.setAside ?? []) warnings.push({ code: 'parts-set-aside', text });
  if (offer && sameCompany) warnings.push(sameCompanyWarning(guide, region, offer, otherLevel));
  if (otherLevel) {
    warnings.push({
      code: 'other-level',
      text:
        `${level.mapping ?? `That title maps to Ally's ${level.allyLevel}.`} ${level.caveat} So no band figures are given here: use the levers with your own figures, and ask the ` +
        `recruiter for the ${level.allyLevel} range.`,
    });
  }
  warnings.push(...unmappedTitleWarning(guide, level, kind));
  const built =
    sanity.holdBack || otherLevel
      ? undefined
      : askFigures(guide, region, competingOffer, story, sameCompany ? offer : undefined);
  // The plan starts with a level review far above the band, and for a title that likely sits above the next level.
  const reviewFirst = built !== undefined && (built.farAbove !== undefined || titleSits === 'above');
  const held: HeldPart[] = sameCompany && offer && built ? heldParts(built.figures.ends.high, offer) : [];
  const plan = leverPlan(guide, {
    hasOffer: competingOffer !== undefined,
    hideCompeting,
    branchBank,
    premiumIds,
    ...(sameCompany && offer && built ? { raises: ownRaises(built.figures.ends.high, offer) } : {}),
    capped: (built?.trades ?? [])
      .filter((trade) => trade.end === 'high')
      .map((trade) => (trade.part === 'rsu' ? 'stock' : trade.part)),
  });
  const scripts = renderScripts(guide, {
    ask: built?.figures,
    company: competingOffer && !isUnnamedCompany(competingOffer) ? competingOffer.company : undefined,
    hasOffer: competingOffer !== undefined,
    withoutCompetingOffer: sameCompany,
    competingTc: competing,
    hideCompetingTc: hideCompeting,
    hideReason:
      competing === undefined
        ? undefined
        : higherLevel
          ? `Your competing ${formatMoney(competing)} is no higher than ${region.shortName}'s ${guide.levels.bandsCover} ` +
            `band top ${formatMoney(band.high)}: said in a ${level.allyLevel} talk, it would anchor it at ` +
            `${guide.levels.bandsCover} pay, so the script says you have an offer without its number.`
          : `Your competing ${formatMoney(competing)} plus the guide's ${formatMoney(guide.askRules.competingUplift)} ` +
            `uplift is at or under ${region.shortName}'s target low ${formatMoney(region.strategy.target.low)}: the offer ` +
            'does not set the ask, so the script says you have one without its number, because quoting it would anchor the talk low.',
    regionName: region.shortName,
    trades: built?.trades ?? [],
    // Ally's own kind says nothing about the person's current company: its branch line stays, marked.
    companyKind: sameCompany ? undefined : kind,
    held,
  });
  if (offer && competing !== undefined && !sanity.holdBack && !otherLevel) {
    if (belowBand) {
      // The ask's own floor (its parts may have raised it above the TC rule's low end).
      const floor = built?.figures.tc.value.low ?? tcRangeAgainst(guide, region, competing).value.low;
      warnings.push({
        code: 'below-band',
        text:
          `Your competing ${formatMoney(competing)} is ${formatMoney(band.low - competing)} below ${region.shortName}'s band ` +
          `(${formatRange(band)}). Lead with the levers, not with the number: ` +
          // Said only where a script really leaves it out (a guide's wording may keep it: then say it plainly).
          (scripts.some((script) => script.ifAsked !== undefined)
            ? 'the TC script says you have a competing offer without quoting it, because the figure would anchor the talk low. '
            : "the figure would anchor the talk low, so say you have a competing offer without quoting it (the guide's TC script quotes it: leave it out). ") +
          askGap(floor, competing, (competingOffer?.base?.value ?? 0) >= region.band.base.low),
      });
    } else if (built?.farAbove) {
      warnings.push(built.farAbove);
    } else if (competing > band.high) {
      warnings.push({
        code: 'above-band',
        text:
          `Your competing ${formatMoney(competing)} is ${formatMoney(competing - band.high)} above ${region.shortName}'s ` +
          `published band top ${formatMoney(band.high)}: the ask goes above the band on the strength of your offer. ` +
          strategyAboveBand(region),
      });
    }
  }
  if (story.branchless) warnings.push({ code: 'branchless-premium', text: story.reasons[0] ?? '' });
  if (competingOffer && built) warnings.push(...unknownKindWarning(guide, competingOffer, kind));
  if (built) warnings.push(...built.warnings);
  const ask = built?.figures;

  const fallbacks: string[] = [];
  if (ask) {
    fallbacks.push(
      ...askFallbacks(guide, region, ask, built?.trades ?? [], competingOffer, {
        farAbove: reviewFirst,
        belowBand,
        levelReviewFits,
        holdAtTop: story.reasons.length > 0,
        titleBelow: titleSits === 'below',
        ...(sameCompany && offer
          ? {
              ownOffer: offer.annualTc.value,
              ...(offer.base ? { ownBase: offer.base.value } : {}),
              ...(offer.signOn?.value ? { ownSignOn: offer.signOn.value } : {}),
            }
          : {}),
      }),
    );
  } else if (otherLevel) {
    fallbacks.push(
      `Ask for the ${level.allyLevel} band in writing; if Ally offers ${guide.levels.bandsCover}, ask for the level again` +
        (competingOffer
          ? `, and weigh Ally's yearly TC against your walk-away ${formatMoney(competingOffer.annualTc.value)}: a sign-on covers year one only.`
          : offer && sameCompany
            ? `, never under the ${formatMoney(offer.annualTc.value)} it already offers; a sign-on covers year one only.`
            : '; a sign-on covers year one only.'),
    );
  }

  // Far above the band the first fallback is the level, before any trade inside the PM band.
  if (reviewFirst) {
    fallbacks.unshift(
      `First a level review: ask for the ${nextLevel(guide)} band in writing; if Ally keeps the role at ` +
        `${guide.levels.bandsCover}, the figures above are what matching your offer takes.`,
    );
  }

  return {
    region,
    offer,
    companyKind,
    level,
    needsConfirmation: sanity.holdBack,
    confirmations: sanity.confirmations,
    ask,
    trades: built?.trades ?? [],
    premiumStory: story,
    leadLever: plan.lead,
    leverOrder: plan.order,
    walkAway: competingOffer ? walkAwayFigure(competingOffer) : undefined,
    levelReviewFits,
    ...(sameCompany && offer ? { ownOffer: true } : {}),
    ...(reviewFirst ? { levelReviewFirst: nextLevel(guide) } : {}),
    fallbacks,
    scripts,
    warnings,
    guideFigures: [...guideFigures(guide), bandFigure(region, 'totalComp')],
    footnotes: footnotesFor(guide, region),
  };
}
