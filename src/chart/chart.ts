/**
 * Server-side band chart: builds an SVG string by hand and rasterises it to PNG with @resvg/resvg-js.
 *
 * Font: DejaVu Sans (Book and Bold), cut down to the characters a chart shows (assets/fonts/, built from the npm
 * package `dejavu-fonts-ttf` by scripts/subset-chart-font.mjs: resvg parses the whole font on every render, and the
 * full files cost ~25 ms a chart). Licence: the Bitstream Vera Fonts licence, with DejaVu's changes in the public
 * domain and the Arev glyphs under the equivalent Arev licence: free to use, embed and redistribute (see
 * assets/fonts/DejaVu-LICENSE.txt). Only these two files are loaded (no system fonts), so a chart renders the
 * same on every machine.
 *
 * Layout: one block per region, with the total-comp band (a floating bar, low→high), the negotiate-up target hatched on
 * it, and under it two stacked bars with the composition (base + stock/RSU + bonus) at the band's low and at its
 * high. All of them use one dollar scale. Because the stacked bars start at $0, the scale starts at $0 too; its
 * maximum is rounded up to a tick so that every band, composition, the offer and the ask fit. The offer is a labelled
 * vertical line across all regions; the ask is a labelled bracket on its region's band.
 * Colours are Okabe–Ito (safe for colour-blind readers); each series also has its own pattern or shape and a label.
 */
import { join } from 'node:path';
import { type RenderedImage, Resvg, type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import { projectRoot } from '../paths.js';

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
}
export interface RenderedChart {
  png: Buffer;
  svg: string;
  width: number;
  height: number;
  altText: string;
  scale: { minDollars: number; maxDollars: number; plotLeftPx: number; plotRightPx: number };
}
type Scale = RenderedChart['scale'];

export const CHART_FONT_FAMILY = 'DejaVu Sans';
const fontDir = join(projectRoot(), 'assets', 'fonts');
export const CHART_FONT_FILES: readonly string[] = [
  join(fontDir, 'DejaVuSans-chart.ttf'),
  join(fontDir, 'DejaVuSans-Bold-chart.ttf'),
];

/** Okabe–Ito palette. `offer` is used by nothing but the offer marker (tests look for it). */
export const CHART_COLOURS = {
  band: '#56B4E9',
  target: '#E69F00',
  targetStripe: '#8F5E00',
  ask: '#009E73',
  offer: '#D55E00',
  base: '#0072B2',
  stock: '#CC79A7',
  stockDot: '#6E3159',
  bonus: '#F0E442',
  bonusStripe: '#8C8300',
  ink: '#1A1A1A',
  muted: '#444444',
  grid: '#D6D6D6',
  axis: '#555555',
  background: '#FFFFFF',
} as const;
const C = CHART_COLOURS;

// 900 px wide: Slack's smallest preview is about 360 px, where the 22 px text still reads at ~9 px.
const WIDTH = 900;
const PLOT_LEFT = 40;
const PLOT_RIGHT = 860;
const TEXT = 22; // smallest font size used anywhere
const TITLE = 34;
const NAME = 26;
const MAX_TICKS = 10; // most intervals on the x-axis
const ALT_MAX = 999;

// Layout of one region block, relative to its top.
const HEADER_BASELINE = 28;
const BAND_Y = 42;
const BAND_H = 46;
const COMP_LOW_Y = BAND_Y + BAND_H + 10;
const COMP_H = 32;
const COMP_HIGH_Y = COMP_LOW_Y + COMP_H + 6;
const REGION_H = COMP_HIGH_Y + COMP_H;
const REGION_GAP = 30;

// Advance widths (1/1000 em) of ASCII 32..126 in DejaVu Sans Book and Bold, read from the font files' hmtx table.
// Used to place and truncate labels; other characters count as WIDE_CHAR.
// biome-ignore format: a table
const ADV_BOOK = [318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838];
// biome-ignore format: a table
const ADV_BOLD = [348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838];
const WIDE_CHAR = 800;
const EN_DASH = 500;

/** Estimated rendered width in px of `s` at `size` px in DejaVu Sans (bold or book). */
function textWidth(s: string, size: number, bold = false): number {
  const table = bold ? ADV_BOLD : ADV_BOOK;
  let units = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    units += code >= 32 && code < 127 ? (table[code - 32] ?? WIDE_CHAR) : code === 0x2013 ? EN_DASH : WIDE_CHAR;
  }
  return (units / 1000) * size;
}

/** Cut `s` (with an ellipsis) so it fits in `maxPx`. */
function fitText(s: string, maxPx: number, size: number, bold = false): string {
  if (textWidth(s, size, bold) <= maxPx) return s;
  const chars = [...s];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size, bold) > maxPx) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

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
function cleanText(s: string): string {
  let out = '';
  for (const ch of s) if (xmlChar(ch.codePointAt(0) ?? 0)) out += ch;
  return out.replace(/\s+/g, ' ').trim();
}

/** Escapes text for SVG element content and attribute values. */
function esc(s: string): string {
  return cleanText(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Dollars as "$245K", "$182.5K", "$1.25M", "$0". */
export function formatDollarsK(dollars: number): string {
  if (dollars === 0) return '$0';
  if (Math.abs(dollars) >= 1_000_000) return `$${Number((dollars / 1_000_000).toFixed(2))}M`;
  return `$${Number((dollars / 1000).toFixed(1))}K`;
}

function formatRange(r: ChartRange): string {
  return r.low === r.high ? formatDollarsK(r.low) : `${formatDollarsK(r.low)}–${formatDollarsK(r.high)}`;
}

const num = (x: number): string => String(Math.round(x * 100) / 100);

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

interface Normalised {
  title: string;
  regions: ChartRegion[];
  offer: ChartMarker | undefined;
  ask: { region: ChartRegion | undefined; range: ChartRange } | undefined;
}

function normalise(input: ChartInput): Normalised {
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
  return { title: cleanText(input.title), regions, offer, ask };
}

/** Smallest "nice" step (1, 2, 2.5, 5 × 10^n dollars, at least $10K) giving at most MAX_TICKS intervals. */
function niceStep(maxValue: number): number {
  for (let exp = 4; ; exp++) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * 10 ** exp;
      if (maxValue / step <= MAX_TICKS) return step;
    }
  }
}

function computeScale(n: Normalised): Scale & { step: number } {
  const values: number[] = [];
  for (const r of n.regions) {
    values.push(
      r.totalComp.high,
      r.target.high,
      r.base.high + r.stock.high + r.bonus.high,
      r.base.low + r.stock.low + r.bonus.low,
    );
  }
  if (n.offer) values.push(n.offer.dollars);
  if (n.ask) values.push(n.ask.range.high);
  const maxValue = Math.max(10_000, ...values);
  // Leave ~3% headroom so nothing sits on the right edge of the plot.
  const padded = maxValue * 1.03;
  const step = niceStep(padded);
  return {
    minDollars: 0,
    maxDollars: Math.ceil(padded / step) * step,
    plotLeftPx: PLOT_LEFT,
    plotRightPx: PLOT_RIGHT,
    step,
  };
}

/** Pixel x of a dollar value on the chart (not clamped). */
export function dollarsToX(scale: Scale, dollars: number): number {
  const span = scale.maxDollars - scale.minDollars;
  if (span <= 0) return scale.plotLeftPx;
  return scale.plotLeftPx + ((dollars - scale.minDollars) / span) * (scale.plotRightPx - scale.plotLeftPx);
}

interface TextOpts {
  size?: number;
  bold?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  halo?: string | false;
}

function svgText(x: number, y: number, s: string, o: TextOpts = {}): string {
  const size = o.size ?? TEXT;
  const attrs = [`x="${num(x)}"`, `y="${num(y)}"`, `font-size="${size}"`, `fill="${o.fill ?? C.ink}"`];
  if (o.bold) attrs.push('font-weight="bold"');
  if (o.anchor && o.anchor !== 'start') attrs.push(`text-anchor="${o.anchor}"`);
  const halo = o.halo === undefined ? C.background : o.halo;
  if (halo) attrs.push(`stroke="${halo}" stroke-width="6" stroke-linejoin="round" paint-order="stroke"`);
  return `<text ${attrs.join(' ')}>${esc(s)}</text>`;
}

function rect(x: number, y: number, w: number, h: number, fill: string, extra = ''): string {
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(Math.max(0, w))}" height="${num(h)}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
}

const DEFS = `<defs>
<pattern id="p-target" patternUnits="userSpaceOnUse" width="14" height="14" patternTransform="rotate(45)"><rect width="14" height="14" fill="${C.target}"/><rect width="5" height="14" fill="${C.targetStripe}"/></pattern>
<pattern id="p-stock" patternUnits="userSpaceOnUse" width="12" height="12"><rect width="12" height="12" fill="${C.stock}"/><circle cx="6" cy="6" r="2.4" fill="${C.stockDot}"/></pattern>
<pattern id="p-bonus" patternUnits="userSpaceOnUse" width="12" height="12" patternTransform="rotate(-45)"><rect width="12" height="12" fill="${C.bonus}"/><rect width="3" height="12" fill="${C.bonusStripe}"/></pattern>
</defs>`;

interface LegendItem {
  label: string;
  swatch: (x: number, yMid: number) => string;
}

const SWATCH_W = 40;
const SWATCH_H = 24;

function legendItems(n: Normalised): LegendItem[] {
  const box = (fill: string) => (x: number, y: number) =>
    rect(x, y - SWATCH_H / 2, SWATCH_W, SWATCH_H, fill, `stroke="${C.ink}" stroke-width="1.5"`);
  const items: LegendItem[] = [
    { label: 'Total-comp band', swatch: box(C.band) },
    { label: 'Negotiate-up target', swatch: box('url(#p-target)') },
  ];
  if (n.ask) {
    items.push({
      label: 'Your ask',
      swatch: (x, y) =>
        rect(x + 3, y - SWATCH_H / 2, SWATCH_W - 6, SWATCH_H, 'none', `stroke="${C.ask}" stroke-width="5"`),
    });
  }
  if (n.offer) {
    items.push({
      label: 'Your offer',
      swatch: (x, y) =>
        `<line x1="${num(x + SWATCH_W / 2)}" y1="${num(y - 15)}" x2="${num(x + SWATCH_W / 2)}" y2="${num(y + 15)}" stroke="${C.offer}" stroke-width="6"/>`,
    });
  }
  items.push(
    { label: 'Base', swatch: box(C.base) },
    { label: 'Stock/RSU', swatch: box('url(#p-stock)') },
    { label: 'Bonus', swatch: box('url(#p-bonus)') },
  );
  return items;
}

/** Lays the legend out in rows from `top`; returns the SVG and the y below it. */
function drawLegend(items: LegendItem[], top: number): { svg: string; bottom: number } {
  const rowH = 36;
  const parts: string[] = [];
  let x = PLOT_LEFT;
  let yMid = top + rowH / 2;
  for (const item of items) {
    const w = SWATCH_W + 10 + textWidth(item.label, TEXT) + 30;
    if (x > PLOT_LEFT && x + w - 30 > WIDTH - PLOT_LEFT) {
      x = PLOT_LEFT;
      yMid += rowH;
    }
    parts.push(item.swatch(x, yMid), svgText(x + SWATCH_W + 10, yMid + 8, item.label, { halo: false }));
    x += w;
  }
  return { svg: parts.join('\n'), bottom: yMid + rowH / 2 };
}

interface Segment {
  label: string;
  value: number;
  fill: string;
  textFill: string;
  /** Halo behind the label: the segment's plain colour, so the pattern does not run through the glyphs. */
  halo: string | false;
}

/**
 * A stacked composition bar from $0; each segment is labelled when its label fits inside. The labels are returned
 * apart from the bars so they go with the other texts, over the offer line (which would otherwise strike them out).
 */
function drawComposition(
  scale: Scale,
  y: number,
  which: 'Low' | 'High',
  segs: Segment[],
): { bars: string; labels: string[] } {
  const parts: string[] = [];
  const labels: string[] = [];
  let start = 0;
  segs.forEach((seg, i) => {
    if (seg.value <= 0) return;
    const x0 = dollarsToX(scale, start);
    const x1 = dollarsToX(scale, start + seg.value);
    parts.push(rect(x0, y, x1 - x0, COMP_H, seg.fill, `stroke="${C.ink}" stroke-width="1.5"`));
    const amount = formatDollarsK(seg.value);
    const candidates =
      i === 0
        ? [`${which} end: ${seg.label.toLowerCase()} ${amount}`, `${seg.label} ${amount}`, amount]
        : [`${seg.label} ${amount}`, amount];
    const fit = candidates.find((c) => textWidth(c, TEXT) + 14 <= x1 - x0);
    if (fit) {
      labels.push(svgText(x0 + 8, y + COMP_H / 2 + 8, fit, { fill: seg.textFill, halo: seg.halo }));
    }
    start += seg.value;
  });
  return { bars: parts.join('\n'), labels };
}

export function buildBandChartSvg(input: ChartInput): { svg: string; width: number; height: number; scale: Scale } {
  const n = normalise(input);
  const { step, ...scale } = computeScale(n);
  const x = (d: number) => dollarsToX(scale, d);

  const body: string[] = []; // grid, bars, brackets, marker line
  const texts: string[] = []; // drawn last, over everything

  // Title.
  let titleSize = TITLE;
  const titleRoom = WIDTH - 2 * PLOT_LEFT;
  while (titleSize > NAME && textWidth(n.title, titleSize, true) > titleRoom) titleSize -= 2;
  texts.push(
    svgText(PLOT_LEFT, 16 + titleSize, fitText(n.title, titleRoom, titleSize, true), { size: titleSize, bold: true }),
  );

  // Legend.
  const legend = drawLegend(legendItems(n), 70);
  body.push(legend.svg);
  let y = legend.bottom + 14;

  // Offer label row.
  const offerX = n.offer ? x(n.offer.dollars) : 0;
  if (n.offer) {
    const label = fitText(`${n.offer.label} ${formatDollarsK(n.offer.dollars)}`, WIDTH - 2 * PLOT_LEFT, 24, true);
    const w = textWidth(label, 24, true);
    const lx = Math.min(Math.max(offerX, PLOT_LEFT + w / 2), WIDTH - PLOT_LEFT - w / 2);
    texts.push(svgText(lx, y + 26, label, { size: 24, bold: true, anchor: 'middle' }));
    body.push(
      `<path d="M${num(offerX - 11)} ${num(y + 34)} L${num(offerX + 11)} ${num(y + 34)} L${num(offerX)} ${num(y + 48)} Z" fill="${C.offer}"/>`,
    );
    y += 48;
  }
  const plotTop = y;
  y += 12;

  // Regions.
  const regionTops = n.regions.map((_, i) => y + i * (REGION_H + REGION_GAP));
  const plotBottom = n.regions.length > 0 ? y + n.regions.length * (REGION_H + REGION_GAP) - REGION_GAP + 14 : y + 60;

  // Grid and axis.
  for (let d = 0; d <= scale.maxDollars; d += step) {
    const gx = x(d);
    body.push(
      `<line x1="${num(gx)}" y1="${num(plotTop)}" x2="${num(gx)}" y2="${num(plotBottom)}" stroke="${C.grid}" stroke-width="2"/>`,
      `<line x1="${num(gx)}" y1="${num(plotBottom)}" x2="${num(gx)}" y2="${num(plotBottom + 10)}" stroke="${C.axis}" stroke-width="2"/>`,
    );
    texts.push(svgText(gx, plotBottom + 36, formatDollarsK(d), { anchor: 'middle', fill: C.muted, halo: false }));
  }
  body.push(
    `<line x1="${PLOT_LEFT}" y1="${num(plotBottom)}" x2="${PLOT_RIGHT}" y2="${num(plotBottom)}" stroke="${C.axis}" stroke-width="3"/>`,
  );
  if (n.regions.length === 0) {
    texts.push(svgText(WIDTH / 2, plotTop + 44, 'No salary bands to show', { anchor: 'middle', fill: C.muted }));
  }

  n.regions.forEach((r, i) => {
    const top = regionTops[i] ?? y;
    const tc = r.totalComp;
    const bx0 = x(tc.low);
    const bx1 = x(tc.high);
    const bandTop = top + BAND_Y;

    // Header: name and target.
    const name = fitText(r.name, 520, NAME, true);
    let headerEnd = PLOT_LEFT + textWidth(name, NAME, true);
    texts.push(svgText(PLOT_LEFT, top + HEADER_BASELINE, name, { size: NAME, bold: true }));
    const targetText = `target ${formatRange(r.target)}`;
    texts.push(svgText(headerEnd + 16, top + HEADER_BASELINE, targetText, { fill: C.muted }));
    headerEnd += 16 + textWidth(targetText, TEXT);

    // Band with the target hatched on it.
    body.push(rect(bx0, bandTop, bx1 - bx0, BAND_H, C.band, `stroke="${C.ink}" stroke-width="2"`));
    const t0 = x(Math.max(r.target.low, tc.low));
    const t1 = x(Math.min(r.target.high, tc.high));
    if (t1 > t0) body.push(rect(t0, bandTop, t1 - t0, BAND_H, 'url(#p-target)', `stroke="${C.ink}" stroke-width="2"`));
    const lowLabel = formatDollarsK(tc.low);
    const highLabel = formatDollarsK(tc.high);
    const labelY = bandTop + BAND_H / 2 + 8;
    if (bx0 - PLOT_LEFT >= textWidth(lowLabel, TEXT) + 12) {
      texts.push(svgText(bx0 - 10, labelY, lowLabel, { anchor: 'end' }));
    } else {
      texts.push(svgText(bx0 + 8, labelY, lowLabel));
    }
    if (bx1 + 10 + textWidth(highLabel, TEXT) <= WIDTH - 8) {
      texts.push(svgText(bx1 + 10, labelY, highLabel));
    } else {
      texts.push(svgText(bx1 - 8, labelY, highLabel, { anchor: 'end' }));
    }

    // Composition at the band's low and high.
    const segs = (at: 'low' | 'high'): Segment[] => [
      { label: 'Base', value: r.base[at], fill: C.base, textFill: '#FFFFFF', halo: false },
      { label: 'Stock', value: r.stock[at], fill: 'url(#p-stock)', textFill: C.ink, halo: C.stock },
      { label: 'Bonus', value: r.bonus[at], fill: 'url(#p-bonus)', textFill: C.ink, halo: C.bonus },
    ];
    for (const [compY, which, at] of [
      [COMP_LOW_Y, 'Low', 'low'],
      [COMP_HIGH_Y, 'High', 'high'],
    ] as const) {
      const comp = drawComposition(scale, top + compY, which, segs(at));
      body.push(comp.bars);
      texts.push(...comp.labels);
    }

    // The ask: a bracket around its range on this band, labelled in the header row.
    if (n.ask && n.ask.region === r) {
      const a0 = x(n.ask.range.low);
      const a1 = Math.max(x(n.ask.range.high), a0 + 6);
      body.push(
        rect(
          a0,
          bandTop - 8,
          a1 - a0,
          BAND_H + 16,
          'none',
          `stroke="${C.ask}" stroke-width="6" stroke-linejoin="miter"`,
        ),
      );
      const askLabel = `Ask ${formatRange(n.ask.range)}`;
      const w = textWidth(askLabel, TEXT, true);
      const end = Math.min(Math.max(a1, headerEnd + 24 + w), WIDTH - 8);
      texts.push(svgText(end, top + HEADER_BASELINE, askLabel, { bold: true, anchor: 'end', fill: '#006B4E' }));
    }
  });

  // The offer line over all regions.
  if (n.offer) {
    body.push(
      `<line x1="${num(offerX)}" y1="${num(plotTop - 2)}" x2="${num(offerX)}" y2="${num(plotBottom)}" stroke="${C.offer}" stroke-width="6"/>`,
    );
  }

  const height = Math.ceil(plotBottom + 36 + 22);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${CHART_FONT_FAMILY}">`,
    DEFS,
    rect(0, 0, WIDTH, height, C.background),
    ...body,
    ...texts,
    '</svg>',
  ].join('\n');
  return { svg, width: WIDTH, height, scale };
}

/** How every chart is rasterised: the bundled fonts only. Exported for the benchmark's where-the-time-goes split. */
export const RESVG_OPTIONS: ResvgRenderOptions = {
  font: {
    fontFiles: [...CHART_FONT_FILES],
    loadSystemFonts: false,
    defaultFontFamily: CHART_FONT_FAMILY,
    sansSerifFamily: CHART_FONT_FAMILY,
  },
  fitTo: { mode: 'original' },
  background: C.background,
  logLevel: 'off',
};

/** Rasterises chart SVG with the bundled font only. `.asPng()` gives the PNG, `.pixels` the RGBA bytes. */
export function rasteriseSvg(svg: string): RenderedImage {
  return new Resvg(svg, RESVG_OPTIONS).render();
}

function percentUp(value: number, r: ChartRange): number {
  return r.high === r.low ? 100 : Math.round(((value - r.low) / (r.high - r.low)) * 100);
}

function offerPlacement(offer: number, r: ChartRegion): string {
  const band = r.totalComp;
  const possessive = `${r.name}'s band`;
  if (offer < band.low) return `${formatDollarsK(band.low - offer)} below ${possessive}`;
  if (offer > band.high) return `${formatDollarsK(offer - band.high)} above ${possessive}`;
  const inTarget = offer >= r.target.low && offer <= r.target.high ? ' (in its target)' : '';
  return `${percentUp(offer, band)}% up ${possessive}${inTarget}`;
}

/** A plain-words description of the chart, under 1,000 characters. */
export function describeBandChart(input: ChartInput): string {
  const n = normalise(input);
  const sentences: string[] = [];
  if (n.regions.length > 0) {
    const bands = n.regions.map((r) => `${r.name} ${formatRange(r.totalComp)} (target ${formatRange(r.target)})`);
    sentences.push(`Total-comp bands by region: ${bands.join(', ')}.`);
  } else {
    sentences.push('No salary bands to show.');
  }
  const offer = n.offer;
  if (offer) {
    const where = n.regions.map((r) => offerPlacement(offer.dollars, r));
    const tail = where.length > 0 ? ` sits ${where.join(', ')}` : '';
    sentences.push(`${offer.label} ${formatDollarsK(offer.dollars)}${tail}.`);
  }
  if (n.ask) {
    const on = n.ask.region ? `${n.ask.region.name} ` : '';
    sentences.push(`The ask: ${on}${formatRange(n.ask.range)}.`);
  }
  const comps = n.regions.map(
    (r) => `${r.name} base ${formatRange(r.base)}, stock ${formatRange(r.stock)}, bonus ${formatRange(r.bonus)}`,
  );
  if (comps.length > 0) sentences.push(`Pay mix from band low to high: ${comps.join('; ')}.`);
  if (n.title) sentences.unshift(`${n.title.replace(/[.!?…]+$/, '')}.`);

  // Drop the least important sentences (title, then pay mix) before cutting text.
  let text = sentences.join(' ');
  if (text.length > ALT_MAX && n.title) text = sentences.slice(1).join(' ');
  if (text.length > ALT_MAX && comps.length > 0) text = sentences.slice(n.title ? 1 : 0, -1).join(' ');
  if (text.length > ALT_MAX)
    text = `${Array.from(text)
      .slice(0, ALT_MAX - 2)
      .join('')
      .trimEnd()}…`;
  return text;
}

export function renderBandChart(input: ChartInput): RenderedChart {
  const { svg, width, height, scale } = buildBandChartSvg(input);
  const png = rasteriseSvg(svg).asPng();
  return { png, svg, width, height, altText: describeBandChart(input), scale };
}

/** As renderBandChart, but parses and rasterises on libuv's thread pool so the event loop stays free. */
export async function renderBandChartAsync(input: ChartInput): Promise<RenderedChart> {
  const { svg, width, height, scale } = buildBandChartSvg(input);
  const image = await renderAsync(svg, RESVG_OPTIONS);
  return { png: image.asPng(), svg, width, height, altText: describeBandChart(input), scale };
}
