/** What a band chart shows: its input (dollars), checked and cleaned, and how its dollar labels read. Pure. */

export interface ChartRange {
  low: number;
  high: number;
}
export interface ChartRegion {
  id: string;
  name: string;
  totalComp: ChartRange;
  base: ChartRange;
  stock: ChartRange;
  bonus: ChartRange;
  target: ChartRange;
}
/** e.g. { label: 'Your offer (SoFi)', dollars: 245000 } */
export interface ChartMarker {
  label: string;
  dollars: number;
}
export interface ChartInput {
  title: string;
  regions: ChartRegion[];
  offer?: ChartMarker;
  ask?: { regionId: string; range: ChartRange };
  /** `chart ny`: the region drawn first (the caller orders `regions`) and highlighted. */
  highlightId?: string;
}
/**
 * Whether a chart shows a person's own figures (their offer, their ask): such a chart is theirs alone, drawn for
 * them and never kept or reused. Without them it is the same picture for everyone.
 */
export function hasPersonalFigures(input: ChartInput): boolean {
  return input.offer !== undefined || input.ask !== undefined;
}

export interface RenderedChart {
  png: Buffer;
  svg: string;
  width: number;
  height: number;
  altText: string;
  scale: { minDollars: number; maxDollars: number; plotLeftPx: number; plotRightPx: number };
}
export type Scale = RenderedChart['scale'];

/** True for characters XML 1.0 allows in text (no control characters, lone surrogates or U+FFFE/FFFF). */
function xmlChar(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

/** Drops characters XML forbids and collapses whitespace (user text goes on one line). */
export function cleanText(s: string): string {
  let out = '';
  for (const ch of s) if (xmlChar(ch.codePointAt(0) ?? 0)) out += ch;
  return out.replace(/\s+/g, ' ').trim();
}

/** Dollars as "$245K", "$182.5K", "$1.25M", "$0". */
export function formatDollarsK(dollars: number): string {
  if (dollars === 0) return '$0';
  if (Math.abs(dollars) >= 1_000_000) return `$${Number((dollars / 1_000_000).toFixed(2))}M`;
  return `$${Number((dollars / 1000).toFixed(1))}K`;
}

export function formatRange(r: ChartRange): string {
  return r.low === r.high ? formatDollarsK(r.low) : `${formatDollarsK(r.low)}–${formatDollarsK(r.high)}`;
}

function checkDollars(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`chart: ${what} must be a finite, non-negative number of dollars (got ${value})`);
  }
}

function normRange(r: ChartRange, what: string): ChartRange {
  checkDollars(r.low, `${what}.low`);
  checkDollars(r.high, `${what}.high`);
  return { low: Math.min(r.low, r.high), high: Math.max(r.low, r.high) };
}

function normRegion(r: ChartRegion, i: number): ChartRegion {
  const what = `regions[${i}]`;
  return {
    id: r.id,
    name: cleanText(r.name) || r.id,
    totalComp: normRange(r.totalComp, `${what}.totalComp`),
    base: normRange(r.base, `${what}.base`),
    stock: normRange(r.stock, `${what}.stock`),
    bonus: normRange(r.bonus, `${what}.bonus`),
    target: normRange(r.target, `${what}.target`),
  };
}

export interface Normalised {
  title: string;
  regions: ChartRegion[];
  offer: ChartMarker | undefined;
  ask: { region: ChartRegion | undefined; range: ChartRange } | undefined;
  /** A region of `regions` (an unknown id highlights nothing). */
  highlightId: string | undefined;
}

export function normalise(input: ChartInput): Normalised {
  const regions = input.regions.map(normRegion);
  let offer: ChartMarker | undefined;
  if (input.offer) {
    checkDollars(input.offer.dollars, 'offer.dollars');
    offer = { label: cleanText(input.offer.label) || 'Offer', dollars: input.offer.dollars };
  }
  let ask: Normalised['ask'];
  if (input.ask) {
    const regionId = input.ask.regionId;
    ask = { region: regions.find((r) => r.id === regionId), range: normRange(input.ask.range, 'ask.range') };
  }
  const highlightId = regions.some((r) => r.id === input.highlightId) ? input.highlightId : undefined;
  return { title: cleanText(input.title), regions, offer, ask, highlightId };
}
