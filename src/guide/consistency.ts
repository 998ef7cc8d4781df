import type { Guide, Range, Region } from './schema.js';

/**
 * Something in the guide that does not add up. allycomp keeps the guide's stated figures and shows
 * these notes next to them (footnotes), so a reader knows which number to question.
 */
export interface GuideNote {
  id: string;
  /** mismatch: two figures of the guide disagree; interpretation: the guide is ambiguous and allycomp chose a reading. */
  kind: 'mismatch' | 'interpretation';
  /** Where the note belongs: a region's band, its strategy, the levers, the premiums (one note may fit several). */
  topics: Array<'band' | 'strategy' | 'levers' | 'premiums'>;
  /** The band row a note is about, for its footnote mark (the RSU reading is about every region's RSU row). */
  component?: 'base' | 'stock' | 'bonus' | 'totalComp';
  regionId?: string;
  text: string;
}

const k = (dollars: number) => `$${Math.round(dollars / 100) / 10}K`.replace('.0K', 'K');

function componentSum(region: Region, end: keyof Range): number {
  const { base, stock, bonus } = region.band;
  return base[end] + stock[end] + bonus[end];
}

function tcSumNotes(guide: Guide): GuideNote[] {
  const notes: GuideNote[] = [];
  for (const region of guide.regions) {
    for (const end of ['low', 'high'] as const) {
      const stated = region.band.totalComp[end];
      const sum = componentSum(region, end);
      if (stated === sum) continue;
      const { base, stock, bonus } = region.band;
      const diff = stated - sum;
      notes.push({
        id: `tc-sum-${region.id}-${end}`,
        kind: 'mismatch',
        topics: ['band'],
        component: 'totalComp',
        regionId: region.id,
        text:
          `The guide gives ${region.shortName}'s ${end} total comp as ${k(stated)}, but its parts add up to ` +
          `${k(sum)} (${k(base[end])} base + ${k(stock[end])} RSU + ${k(bonus[end])} bonus): ` +
          `${k(Math.abs(diff))} ${diff > 0 ? 'more' : 'less'} than the sum. allycomp shows the guide's figure.`,
      });
    }
  }
  return notes;
}

function targetNotes(guide: Guide): GuideNote[] {
  const notes: GuideNote[] = [];
  for (const region of guide.regions) {
    const { target } = region.strategy;
    const band = region.band.totalComp;
    if (target.low < band.low || target.high > band.high) {
      notes.push({
        id: `target-outside-band-${region.id}`,
        kind: 'mismatch',
        topics: ['strategy'],
        regionId: region.id,
        text: `The negotiate-up target ${k(target.low)}–${k(target.high)} is not inside ${region.shortName}'s total-comp band ${k(band.low)}–${k(band.high)}.`,
      });
    }
    for (const peer of region.strategy.peers) {
      if (peer.benchmark && peer.benchmark.high > band.high) {
        notes.push({
          id: `peer-above-band-${region.id}`,
          kind: 'mismatch',
          topics: ['strategy'],
          regionId: region.id,
          text:
            `The guide benchmarks ${peer.name} PM offers at ${k(peer.benchmark.low)}–${k(peer.benchmark.high)}, ` +
            `up to ${k(peer.benchmark.high - band.high)} above ${region.shortName}'s published band top (${k(band.high)}): ` +
            'a competing offer at that benchmark can sit above the band.',
        });
      }
    }
  }
  return notes;
}

/** The stock column is headed "RSU/4yr"; only one reading makes the total-comp column add up. */
function stockUnitNotes(guide: Guide): GuideNote[] {
  const ends = guide.regions.flatMap((region) => (['low', 'high'] as const).map((end) => ({ region, end })));
  const matches = (stockShare: number) =>
    ends.filter(({ region, end }) => {
      const { base, stock, bonus, totalComp } = region.band;
      return base[end] + Math.round(stock[end] * stockShare) + bonus[end] === totalComp[end];
    }).length;
  const annual = matches(1);
  const fourYear = matches(1 / 4);
  const { reading, ambiguity } = guide.stockUnit;
  const chosen = reading === 'annual' ? annual : fourYear;
  const other = reading === 'annual' ? fourYear : annual;
  if (!ambiguity && other === 0) return [];
  const said = ambiguity ? `${ambiguity[0]?.toUpperCase()}${ambiguity.slice(1)}, yet its` : "The guide's";
  return [
    {
      id: 'stock-unit',
      kind: 'interpretation',
      topics: ['band', 'levers'],
      component: 'stock',
      text:
        `${said} total-comp column adds up only when stock is ${reading === 'annual' ? 'a yearly value' : 'a four-year total'} ` +
        `(${chosen} of ${ends.length} band ends add up that way, ${other} the other way). allycomp reads every RSU ` +
        `figure as ${reading === 'annual' ? 'value vesting per year' : 'a four-year grant'}.`,
    },
  ];
}

/** The guide prices the branchless premium twice: as a percentage and as a dollar premium card. */
function branchlessNotes(guide: Guide): GuideNote[] {
  const { premiumId, percent } = guide.branchlessPremium;
  const card = guide.premiums.find((premium) => premium.id === premiumId);
  if (!card) return [];
  const offer = guide.example.competingTc;
  const low = (offer * percent.low) / 100;
  const high = (offer * percent.high) / 100;
  if (low <= card.range.high && high >= card.range.low) return [];
  return [
    {
      id: 'branchless-two-prices',
      kind: 'mismatch',
      topics: ['premiums'],
      text:
        `The guide prices the branchless premium twice: ${percent.low}–${percent.high}% over traditional-bank pay, ` +
        `and ${k(card.range.low)}–${k(card.range.high)} on its "${card.name}" card. On the guide's own ${k(offer)} ` +
        `example offer the percentage means ${k(low)}–${k(high)}, several times the card. allycomp lists both, each ` +
        'with its own math (the `premiums` answer), and never adds them together: here the percentage is the reason to ' +
        'hold at the top of the range, not a figure added to it.',
    },
  ];
}

/**
 * The guide's worked example asks for TC $255K–$262K, but its own lever figures (base, RSU a year, bonus % of that
 * base) add up to less. allycomp keeps the guide's figures as the guide's and carries the rest by a stated rule.
 */
function leverSumNotes(guide: Guide): GuideNote[] {
  const { baseAsk, stockAsk, bonusTargetPercent, tcAsk, region: regionId } = guide.example;
  const bonus = Math.round((baseAsk * bonusTargetPercent) / 100);
  const low = baseAsk + stockAsk.low + bonus;
  const high = baseAsk + stockAsk.high + bonus;
  if (low === tcAsk.low && high === tcAsk.high) return [];
  const region = guide.regions.find((r) => r.id === regionId);
  return [
    {
      id: 'lever-figures-sum',
      kind: 'mismatch',
      topics: ['levers'],
      ...(region ? { regionId: region.id } : {}),
      text:
        `The guide's own lever figures for its ${region?.shortName ?? regionId} example (base ${k(baseAsk)}, RSU ` +
        `${k(stockAsk.low)}–${k(stockAsk.high)} a year, bonus ${bonusTargetPercent}% of base = ${k(bonus)}) add up to ` +
        `${k(low)}–${k(high)}, ${k(tcAsk.low - low)}–${k(tcAsk.high - high)} short of its own TC ask for that example ` +
        `(lever 3). allycomp keeps the guide's figures as the guide's and carries the remainder ` +
        'by a stated rule: bonus up to its band top, then RSU up to its band top, then base up to its band top, then RSU above its band.',
    },
  ];
}

export function checkConsistency(guide: Guide): GuideNote[] {
  return [
    ...tcSumNotes(guide),
    ...targetNotes(guide),
    ...stockUnitNotes(guide),
    ...branchlessNotes(guide),
    ...leverSumNotes(guide),
  ];
}
