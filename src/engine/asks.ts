import type { Guide, Range, Region } from '../guide/schema.js';
import { bandFigure, targetFigure } from './bands.js';
import { byRule, type Explained, fromGuide } from './explained.js';
import { formatMoney, formatPercent, formatRange, roundToThousand } from './money.js';
import type { NormalisedOffer } from './offers.js';
import { regionById } from './regions.js';

/**
 * What to ask for in one region. Without an offer the TC ask is the guide's negotiate-up target; the
 * lever figures (base, RSU, bonus %) are the guide's own Detroit example, carried to other regions by
 * one stated rule: the same place in that region's band. A competing offer lifts the asks (rules below).
 */
export interface Ask {
  region: Region;
  /** The competing TC the TC ask answers: the person's offer, or the guide's example moved to this region. */
  competingTc: Explained;
  company: string;
  fromExample: boolean;
  /** The total-comp range to ask for: with no offer, the guide's negotiate-up target. */
  tc: Explained<Range>;
  /** The TC ask lever 3 names against `competingTc` (with an offer, the same as `tc`). */
  leverTc: Explained<Range>;
  base: Explained;
  stock: Explained<Range>;
  bonusPercent: Explained;
  bonusDollars: Explained;
  /** Set when the competing offer is above the region's published TC band. */
  aboveBand?: { by: number; bandTop: number; strategy: string };
}

/** Fraction of the way from a range's low to its high (0 when the range is a single value). */
export function fractionUp(range: Range, value: number): number {
  const span = range.high - range.low;
  return span === 0 ? 0 : (value - range.low) / span;
}

/**
 * The position rule: a guide figure stated for the example region, moved to the same fraction of the
 * way up another region's band, rounded to the nearest $1K. In the example region it is the guide's figure.
 */
export function samePlaceInBand(
  guide: Guide,
  region: Region,
  component: 'base' | 'stock' | 'totalComp',
  exampleValue: number,
  label: string,
  guideWhere: string,
): Explained {
  const exampleRegion = regionById(guide, guide.example.region);
  if (region.id === exampleRegion.id) return fromGuide(label, exampleValue, guideWhere);
  const from = exampleRegion.band[component];
  const to = region.band[component];
  const fraction = fractionUp(from, exampleValue);
  const value = roundToThousand(to.low + fraction * (to.high - to.low));
  const percent = formatPercent(fraction * 100);
  return byRule(
    label,
    value,
    `The guide's ${formatMoney(exampleValue)} (${guideWhere}, a ${exampleRegion.shortName} figure) sits ${percent} of the ` +
      `way up ${exampleRegion.shortName}'s band ${formatRange(from)}; ${percent} of the way up ${region.shortName}'s ` +
      `band ${formatRange(to)} is ${formatMoney(value)} (nearest $1K).`,
  );
}

function exampleCompetingTc(guide: Guide, region: Region): Explained {
  return samePlaceInBand(
    guide,
    region,
    'totalComp',
    guide.example.competingTc,
    'Example competing TC',
    `lever 3, "my competing offer … at ${formatMoney(guide.example.competingTc)} TC"`,
  );
}

/** The TC ask against a competing TC: offer + uplift, at least the target's low, at most the band top. */
function tcAskAgainst(guide: Guide, region: Region, competing: number, personal: boolean): Explained<Range> {
  const { competingUplift, upliftDerivation } = guide.askRules;
  const top = region.band.totalComp.high;
  const targetLow = region.strategy.target.low;
  const lifted = roundUpToThousand(competing + competingUplift);
  const liftedMath =
    `${formatMoney(competing)} + ${formatMoney(competingUplift)}` +
    (lifted === competing + competingUplift
      ? ` = ${formatMoney(lifted)}`
      : `, rounded up to the next $1K = ${formatMoney(lifted)}`);
  if (competing > top) {
    const match = roundUpToThousand(competing);
    return byRule(
      `${region.shortName} TC ask`,
      { low: match, high: lifted },
      `Your competing TC ${formatMoney(competing)} is above ${region.shortName}'s published top ${formatMoney(top)}, ` +
        `so the ask is to match it (${formatMoney(match)}, to the next $1K), up to ${liftedMath} (uplift: ${upliftDerivation}).`,
      personal,
    );
  }
  const low = Math.min(Math.max(targetLow, lifted), top);
  const steps =
    `low end = the smaller of the band top ${formatMoney(top)} and the larger of the target's low ` +
    `${formatMoney(targetLow)} and competing TC + uplift (${liftedMath}) = ${formatMoney(low)}; ` +
    `high end = ${region.shortName}'s band top ${formatMoney(top)}. Uplift: ${upliftDerivation}.`;
  return byRule(`${region.shortName} TC ask`, { low, high: top }, steps, personal);
}

/** Asks are said in whole thousands, rounded up so an ask never lands below the rule. */
function roundUpToThousand(dollars: number): number {
  return Math.ceil(dollars / 1000) * 1000;
}

function isExampleCase(guide: Guide, region: Region, competing: number): boolean {
  return region.id === guide.example.region && competing === guide.example.competingTc;
}

export function askFor(guide: Guide, region: Region, offer?: NormalisedOffer): Ask {
  const { example } = guide;
  const band = region.band;
  const competingTc = offer ? offer.annualTc : exampleCompetingTc(guide, region);

  // A person's offer that happens to equal the guide's example still makes the TC ask theirs: it is derived from
  // their figure, so it is hidden with their figures when they share without them.
  const leverTc = isExampleCase(guide, region, competingTc.value)
    ? {
        ...fromGuide(
          `${region.shortName} TC ask`,
          example.tcAsk,
          `lever 3, "bringing Ally's total comp to ${formatRange(example.tcAsk)}"`,
        ),
        ...(offer ? { personal: true } : {}),
      }
    : tcAskAgainst(guide, region, competingTc.value, offer !== undefined);
  const tc = offer ? leverTc : targetFigure(region);

  let base = samePlaceInBand(
    guide,
    region,
    'base',
    example.baseAsk,
    `${region.shortName} base ask`,
    `lever 1, "the base salary at ${formatMoney(example.baseAsk)}"`,
  );
  const offerBase = offer?.base?.value;
  if (offerBase !== undefined && offerBase > base.value) {
    const lifted = Math.min(offerBase, band.base.high);
    base = byRule(
      base.label,
      lifted,
      `Your competing base ${formatMoney(offerBase)} is above the lever-1 figure ${formatMoney(base.value)}, so the base ask ` +
        `is the competing base, capped at ${region.shortName}'s band top ${formatMoney(band.base.high)}: ${formatMoney(lifted)}.`,
      true,
    );
  }

  const stockLow = samePlaceInBand(
    guide,
    region,
    'stock',
    example.stockAsk.low,
    'RSU ask low',
    `lever 2's low end, ${formatMoney(example.stockAsk.low)}`,
  );
  const stockHigh = samePlaceInBand(
    guide,
    region,
    'stock',
    example.stockAsk.high,
    'RSU ask high',
    `lever 2's high end, ${formatMoney(example.stockAsk.high)}`,
  );
  let stock: Explained<Range> =
    stockLow.source === 'guide' && stockHigh.source === 'guide'
      ? fromGuide(
          `${region.shortName} RSU ask`,
          example.stockAsk,
          `lever 2, "RSU component increased to ${formatRange(example.stockAsk)}"`,
        )
      : byRule(
          `${region.shortName} RSU ask`,
          { low: stockLow.value, high: stockHigh.value },
          `Low end: ${stockLow.math} High end: ${stockHigh.math}`,
        );
  const offerEquity = offer?.equityPerYear?.value;
  if (offerEquity !== undefined && offerEquity > stock.value.low) {
    const low = Math.min(offerEquity, band.stock.high);
    const high = Math.max(stock.value.high, low);
    stock = byRule(
      stock.label,
      { low, high },
      `Your competing equity ${formatMoney(offerEquity)} a year is above the lever-2 low end ${formatMoney(stock.value.low)}, ` +
        `so the RSU ask starts at it (capped at the band top ${formatMoney(band.stock.high)}): ${formatRange({ low, high })}.`,
      true,
    );
  }

  let bonusPercent: Explained = fromGuide(
    'Bonus target',
    example.bonusTargetPercent,
    `lever 4, "bonus target increased to ${formatPercent(example.bonusTargetPercent)}"; a percentage of base, so it carries to every region unchanged`,
  );
  const offerBonus = offer?.bonus?.value;
  if (offerBonus !== undefined && offerBase !== undefined && offerBase > 0) {
    const offerPercent = (offerBonus / offerBase) * 100;
    const ceiling = (band.bonus.high / base.value) * 100;
    if (offerPercent > bonusPercent.value) {
      const percent = Math.round(Math.min(offerPercent, ceiling) * 10) / 10;
      bonusPercent = byRule(
        'Bonus target',
        percent,
        `Your competing bonus is ${formatPercent(offerPercent)} of base, above the guide's ${formatPercent(example.bonusTargetPercent)}, ` +
          `so the target is ${formatPercent(percent)} (at most ${region.shortName}'s bonus band top ${formatMoney(band.bonus.high)} ÷ base ask ${formatMoney(base.value)}).`,
        true,
      );
    }
  }
  const bonusValue = Math.round((base.value * bonusPercent.value) / 100);
  const bonusBand = bandFigure(region, 'bonus').value;
  const inBand = bonusValue >= bonusBand.low && bonusValue <= bonusBand.high;
  const bonusDollars = byRule(
    `${region.shortName} bonus at target`,
    bonusValue,
    `${formatPercent(bonusPercent.value)} × base ask ${formatMoney(base.value)} = ${formatMoney(bonusValue)}, ` +
      `${inBand ? 'inside' : 'outside'} ${region.shortName}'s bonus band ${formatRange(bonusBand)}.`,
    Boolean(base.personal || bonusPercent.personal),
  );

  const top = band.totalComp.high;
  return {
    region,
    competingTc,
    company: offer ? offer.company : example.company,
    fromExample: !offer,
    tc,
    leverTc,
    base,
    stock,
    bonusPercent,
    bonusDollars,
    aboveBand:
      offer && competingTc.value > top
        ? { by: competingTc.value - top, bandTop: top, strategy: region.strategy.text }
        : undefined,
  };
}

/** The ask in every region for one offer: the chosen region first. */
export function asksEverywhere(guide: Guide, chosen: Region, offer?: NormalisedOffer): Ask[] {
  return [chosen, ...guide.regions.filter((region) => region.id !== chosen.id)].map((region) =>
    askFor(guide, region, offer),
  );
}
