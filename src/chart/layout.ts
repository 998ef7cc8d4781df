/**
 * The band chart as SVG, built by hand. Pure: no fonts are loaded (text is measured with font-metrics.ts).
 *
 * Layout: one block per region, with the total-comp band (a floating bar, low→high), the negotiate-up target hatched on
 * it, and under it two stacked bars with the composition (base + stock/RSU + bonus) at the band's low and at its
 * high. All of them use one dollar scale. Because the stacked bars start at $0, the scale starts at $0 too; its
 * maximum is rounded up to a tick so that every band, composition, the offer and the ask fit. The offer is a labelled
 * vertical line across all regions; the ask is a labelled bracket on its region's band.
 * Colours are Okabe–Ito (safe for colour-blind readers); each series also has its own pattern or shape and a label.
 */
import { CHART_FONT_FAMILY, fitText, textWidth } from './font-metrics.js';
import {
  type ChartInput,
  cleanText,
  formatDollarsK,
  formatRange,
  type Normalised,
  normalise,
  type Scale,
} from './model.js';

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
  highlight: '#1A1A1A',
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

// Layout of one region block, relative to its top.
const HEADER_BASELINE = 28;
const BAND_Y = 42;
const BAND_H = 46;
const COMP_LOW_Y = BAND_Y + BAND_H + 10;
const COMP_H = 32;
const COMP_HIGH_Y = COMP_LOW_Y + COMP_H + 6;
const REGION_H = COMP_HIGH_Y + COMP_H;
const REGION_GAP = 30;

/** Escapes text for SVG element content and attribute values. */
function esc(s: string): string {
  return cleanText(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const num = (x: number): string => String(Math.round(x * 100) / 100);

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
}

const CHIP_PAD = 6;

/** A label on a white chip, so a pattern (dots, hatching) never runs through its glyphs. */
function chip(x: number, yMid: number, text: string): string {
  const w = textWidth(text, TEXT) + 2 * CHIP_PAD;
  return [
    rect(x, yMid - 13, w, 26, C.background, `rx="4" stroke="${C.ink}" stroke-width="1"`),
    svgText(x + CHIP_PAD, yMid + 8, text, { halo: false }),
  ].join('\n');
}

/**
 * A stacked composition bar from $0. The first segment (base, solid) is labelled inside in white; every other
 * segment gets its amount on a chip inside it, or, when the chip does not fit, named after the bar's end
 * ("stock $28K · bonus $26K"), so no segment goes unlabelled. Labels are returned apart from the bars so they go
 * with the other texts, over everything.
 */
function drawComposition(
  scale: Scale,
  y: number,
  which: 'Low' | 'High',
  segs: Segment[],
): { bars: string; labels: string[] } {
  const parts: string[] = [];
  const labels: string[] = [];
  const outside: string[] = [];
  const yMid = y + COMP_H / 2;
  let start = 0;
  segs.forEach((seg, i) => {
    if (seg.value <= 0) return;
    const x0 = dollarsToX(scale, start);
    const x1 = dollarsToX(scale, start + seg.value);
    parts.push(rect(x0, y, x1 - x0, COMP_H, seg.fill, `stroke="${C.ink}" stroke-width="1.5"`));
    const amount = formatDollarsK(seg.value);
    if (i === 0) {
      const candidates = [`${which} end: ${seg.label.toLowerCase()} ${amount}`, `${seg.label} ${amount}`, amount];
      const fit = candidates.find((c) => textWidth(c, TEXT) + 14 <= x1 - x0);
      if (fit) labels.push(svgText(x0 + 8, yMid + 8, fit, { fill: '#FFFFFF', halo: false }));
      else outside.push(`${seg.label.toLowerCase()} ${amount}`);
    } else if (textWidth(amount, TEXT) + 2 * CHIP_PAD + 8 <= x1 - x0) {
      const w = textWidth(amount, TEXT) + 2 * CHIP_PAD;
      labels.push(chip((x0 + x1 - w) / 2, yMid, amount));
    } else {
      outside.push(`${seg.label.toLowerCase()} ${amount}`);
    }
    start += seg.value;
  });
  if (outside.length > 0) {
    const text = outside.join(' · ');
    const end = dollarsToX(scale, start) + 10;
    const fits = end + textWidth(text, TEXT) <= WIDTH - 8;
    labels.push(fits ? svgText(end, yMid + 8, text) : svgText(WIDTH - 8, yMid + 8, text, { anchor: 'end' }));
  }
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

    // `chart ny`: the region asked for is drawn first, framed, and its name says so.
    const highlighted = r.id === n.highlightId;
    if (highlighted) {
      body.push(
        rect(12, top - 6, WIDTH - 24, REGION_H + 16, 'none', `rx="10" stroke="${C.highlight}" stroke-width="5"`),
      );
    }

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
      { label: 'Base', value: r.base[at], fill: C.base },
      { label: 'Stock', value: r.stock[at], fill: 'url(#p-stock)' },
      { label: 'Bonus', value: r.bonus[at], fill: 'url(#p-bonus)' },
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

  // The offer line crosses each region's total-comp band (the bands are what it compares with) and stops short of
  // the pay-mix bars, which it would otherwise strike through (the pointer above the plot says what it is).
  if (n.offer) {
    const pieces = n.regions.map((_, i) => {
      const top = regionTops[i] ?? y;
      return { from: i === 0 ? plotTop - 2 : top, to: top + BAND_Y + BAND_H + 4 };
    });
    if (pieces.length === 0) pieces.push({ from: plotTop - 2, to: plotBottom });
    for (const piece of pieces) {
      body.push(
        `<line x1="${num(offerX)}" y1="${num(piece.from)}" x2="${num(offerX)}" y2="${num(piece.to)}" stroke="${C.offer}" stroke-width="6"/>`,
      );
    }
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
