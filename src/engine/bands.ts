import type { GuideNote } from '../guide/consistency.js';
import type { LoadedGuide } from '../guide/load.js';
import type { BandComponent, Guide, Range, Region } from '../guide/schema.js';
import { type Explained, fromGuide } from './explained.js';
import { formatMoney, formatPercent, formatRange } from './money.js';

export const COMPONENT_LABELS: Record<BandComponent, string> = {
  base: 'Base',
  stock: 'RSU / yr',
  bonus: 'Bonus',
  totalComp: 'Total comp',
};

const GUIDE_COLUMNS: Record<BandComponent, string> = {
  base: 'Base Salary',
  stock: 'Stock (RSU/4yr)',
  bonus: 'Bonus',
  totalComp: 'Total Comp',
};

export const COMPONENTS: BandComponent[] = ['base', 'stock', 'bonus', 'totalComp'];

export interface BandRow {
  component: BandComponent;
  figure: Explained<Range>;
  /** Consistency notes about this row (for example a total that is not the sum of its parts). */
  notes: GuideNote[];
}

export interface RegionBand {
  region: Region;
  rows: BandRow[];
  target: Explained<Range>;
  strategy: string;
  /** Notes about the band, the strategy, or both, in display order. */
  notes: GuideNote[];
}

/** A band figure's name in a sentence: "RSU a year", never a lower-cased "rsu / yr". */
const FIGURE_LABELS: Record<BandComponent, string> = {
  base: 'base',
  stock: 'RSU a year',
  bonus: 'bonus',
  totalComp: 'total comp',
};

export function bandFigure(region: Region, component: BandComponent): Explained<Range> {
  return fromGuide(
    `${region.shortName} ${FIGURE_LABELS[component]}`,
    region.band[component],
    `Compensation Benchmarks, ${region.name} row, ${GUIDE_COLUMNS[component]} column: ${formatRange(region.band[component])}`,
  );
}

export function targetFigure(region: Region): Explained<Range> {
  return fromGuide(
    `${region.shortName} negotiate-up target`,
    region.strategy.target,
    `Negotiate Up Strategy, ${region.shortName}: target ${formatRange(region.strategy.target)} TC`,
  );
}

export function notesFor(notes: GuideNote[], regionId: string | undefined, topics: GuideNote['topics']): GuideNote[] {
  return notes.filter(
    (note) =>
      note.topics.some((topic) => topics.includes(topic)) &&
      (note.regionId === undefined || note.regionId === regionId),
  );
}

export function regionBand({ notes }: LoadedGuide, region: Region): RegionBand {
  // This region's notes, and the guide-wide ones about band figures (the reading of the RSU column).
  // Numbered in reading order: the table's rows first (top to bottom), then the strategy's notes.
  const rank = (note: GuideNote) => (note.component ? COMPONENTS.indexOf(note.component) : COMPONENTS.length);
  const regionNotes = notesFor(notes, region.id, ['band', 'strategy']).sort((a, b) => rank(a) - rank(b));
  return {
    region,
    rows: COMPONENTS.map((component) => ({
      component,
      figure: bandFigure(region, component),
      notes: regionNotes.filter((note) => note.component === component),
    })),
    target: targetFigure(region),
    strategy: region.strategy.text,
    notes: regionNotes,
  };
}

export type BandPosition =
  | { where: 'below'; by: number }
  | { where: 'within'; percentUp: number }
  | { where: 'above'; by: number };

/** Where a value sits in a range: below or above (by how much), or N% of the way from low to high. */
export function positionIn(range: Range, value: number): BandPosition {
  if (value < range.low) return { where: 'below', by: range.low - value };
  if (value > range.high) return { where: 'above', by: value - range.high };
  const span = range.high - range.low;
  return { where: 'within', percentUp: span === 0 ? 100 : ((value - range.low) / span) * 100 };
}

export function describePosition(position: BandPosition, bandName: string, formatAmount: (n: number) => string) {
  switch (position.where) {
    case 'below':
      return `${formatAmount(position.by)} below ${bandName}`;
    case 'above':
      return `${formatAmount(position.by)} above ${bandName}`;
    default:
      return `${formatPercent(position.percentUp, 0)} of the way up ${bandName}`;
  }
}

export interface RegionComparisonRow {
  region: Region;
  totalComp: Range;
  target: Range;
  /** How far this region's low and high TC sit above the lowest region's, in percent. */
  lowAboveLowest: Explained;
  highAboveLowest: Explained;
}

export interface RegionComparison {
  lowest: Region;
  rows: RegionComparisonRow[];
}

function percentAbove(value: number, base: number): number {
  return ((value - base) / base) * 100;
}

/** All regions side by side, measured against the region with the lowest total-comp band. */
export function compareRegions(guide: Guide): RegionComparison {
  const lowest = guide.regions.reduce((min, region) =>
    region.band.totalComp.low < min.band.totalComp.low ? region : min,
  );
  const ref = lowest.band.totalComp;
  return {
    lowest,
    rows: guide.regions.map((region) => {
      const tc = region.band.totalComp;
      const explain = (end: 'low' | 'high') => {
        const percent = percentAbove(tc[end], ref[end]);
        return {
          label: `${region.shortName} ${end} TC above ${lowest.shortName}'s`,
          value: percent,
          source: 'rule' as const,
          math:
            `(${region.shortName} ${end} TC − ${lowest.shortName} ${end} TC) ÷ ${lowest.shortName} ${end} TC = ` +
            `(${formatMoney(tc[end])} − ${formatMoney(ref[end])}) ÷ ${formatMoney(ref[end])} = ${formatPercent(percent)}`,
        };
      };
      return {
        region,
        totalComp: tc,
        target: region.strategy.target,
        lowAboveLowest: explain('low'),
        highAboveLowest: explain('high'),
      };
    }),
  };
}
