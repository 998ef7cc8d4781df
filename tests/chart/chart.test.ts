import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeBandChart } from '../../src/chart/alt-text.js';
import { buildBandChartSvg, CHART_COLOURS, dollarsToX } from '../../src/chart/layout.js';
import type { ChartInput, ChartRegion, RenderedChart } from '../../src/chart/model.js';
import { CHART_FONT_FILES, rasteriseSvg, renderBandChart, renderBandChartAsync } from '../../src/chart/rasterise.js';

const range = (low: number, high: number) => ({ low, high });

const REGIONS: ChartRegion[] = [
  {
    id: 'detroit',
    name: 'Detroit',
    base: range(128000, 168000),
    stock: range(28000, 52000),
    bonus: range(26000, 42000),
    totalComp: range(182000, 262000),
    target: range(240000, 262000),
  },
  {
    id: 'charlotte',
    name: 'Charlotte',
    base: range(134000, 176000),
    stock: range(29000, 55000),
    bonus: range(27000, 44000),
    totalComp: range(191000, 275000),
    target: range(252000, 275000),
  },
  {
    id: 'ny',
    name: 'New York',
    base: range(151000, 198000),
    stock: range(33000, 61000),
    bonus: range(31000, 50000),
    totalComp: range(215000, 309000),
    target: range(285000, 309000),
  },
];

const INPUT: ChartInput = {
  title: 'Total comp by region vs. your SoFi offer',
  regions: REGIONS,
  offer: { label: 'Your offer (SoFi)', dollars: 245000 },
  ask: { regionId: 'detroit', range: range(255000, 262000) },
};

/** Width and height from a PNG's signature and IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const hex = (c: string) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));

/** Centre x of the columns holding the most pixels of the offer colour, and that count. */
function findMarker(chart: RenderedChart): { x: number; count: number } {
  const image = rasteriseSvg(chart.svg);
  const { width, height } = image;
  const px = image.pixels;
  const [r, g, b] = hex(CHART_COLOURS.offer);
  const counts = new Array<number>(width).fill(0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (
        Math.abs((px[i] ?? 0) - (r ?? 0)) <= 6 &&
        Math.abs((px[i + 1] ?? 0) - (g ?? 0)) <= 6 &&
        Math.abs((px[i + 2] ?? 0) - (b ?? 0)) <= 6
      ) {
        counts[x] = (counts[x] ?? 0) + 1;
      }
    }
  }
  const max = Math.max(...counts);
  const columns = counts.flatMap((c, x) => (c >= max * 0.8 ? [x] : []));
  const centre = columns.reduce((sum, x) => sum + x, 0) / columns.length + 0.5; // pixel centres
  return { x: centre, count: max };
}

describe('renderBandChart', () => {
  const chart = renderBandChart(INPUT);

  it('loads only the bundled font files', () => {
    expect(CHART_FONT_FILES.length).toBeGreaterThan(0);
    for (const f of CHART_FONT_FILES) expect(existsSync(f)).toBe(true);
  });

  it('returns a PNG with the chart size', () => {
    expect(chart.width).toBe(900);
    expect(chart.height).toBeGreaterThan(400);
    expect(pngSize(chart.png)).toEqual({ width: chart.width, height: chart.height });
    expect(chart.svg).toContain(`width="${chart.width}" height="${chart.height}"`);
  });

  it('grows in height with the number of regions', () => {
    const one = buildBandChartSvg({ ...INPUT, regions: REGIONS.slice(0, 1) });
    expect(one.height).toBeLessThan(chart.height);
    expect(one.width).toBe(chart.width);
  });

  it('draws the offer marker at dollarsToX(offer)', () => {
    const expected = dollarsToX(chart.scale, 245000);
    const marker = findMarker(chart);
    expect(marker.count).toBeGreaterThan(3 * 46); // across every region's band, not a stray pixel
    expect(Math.abs(marker.x - expected)).toBeLessThanOrEqual(2);
  });

  it('draws every label over the offer line, so the line never strikes one out', () => {
    // e.g. Charlotte's "$44K" bonus label sits where a $245K offer line crosses it.
    const lines = [
      ...chart.svg.matchAll(/<line [^>]*y1="([\d.]+)" [^>]*y2="([\d.]+)" stroke="(#[0-9A-F]+)" stroke-width="6"\/>/g),
    ];
    // The first is the legend's swatch; the rest are the line's pieces, one per region.
    const offerLines = lines.filter((m) => m[3] === CHART_COLOURS.offer).slice(1);
    const offerLine = offerLines.at(-1);
    if (!offerLine) throw new Error('no offer line');
    const top = Math.min(...offerLines.map((m) => Number(m[1])));
    const bottom = Math.max(...offerLines.map((m) => Number(m[2])));
    const texts = [...chart.svg.matchAll(/<text [^>]*y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)];
    const inPlot = texts.filter((m) => Number(m[1]) > top && Number(m[1]) < bottom);
    expect(inPlot.map((m) => m[2])).toContain('$44K');
    for (const text of inPlot) expect(text.index, text[2]).toBeGreaterThan(offerLine.index);
  });

  it('the offer line crosses each band but never the pay-mix bars or their labels', () => {
    const image = rasteriseSvg(chart.svg);
    // resvg's `pixels` copies the whole image on each read: read once.
    const p = image.pixels;
    const x = Math.round(dollarsToX(chart.scale, 245000));
    const [r, g, b] = hex(CHART_COLOURS.offer);
    const isOffer = (px: number, py: number) => {
      const i = (py * image.width + px) * 4;
      return (
        Math.abs((p[i] ?? 0) - (r ?? 0)) <= 6 &&
        Math.abs((p[i + 1] ?? 0) - (g ?? 0)) <= 6 &&
        Math.abs((p[i + 2] ?? 0) - (b ?? 0)) <= 6
      );
    };
    // The pay-mix bars are the rects 32 px high; the bands the ones 46 px high.
    const rows = (height: number) =>
      [
        ...chart.svg.matchAll(new RegExp(`<rect x="[\\d.]+" y="([\\d.]+)" width="[\\d.]+" height="${height}"`, 'g')),
      ].map((m) => Number(m[1]));
    const mixRows = [...new Set(rows(32))];
    const bandRows = [...new Set(rows(46))];
    expect(mixRows).toHaveLength(6);
    expect(bandRows.length).toBeGreaterThanOrEqual(3);
    for (const top of mixRows) {
      for (let py = Math.floor(top); py < top + 32; py++) expect(isOffer(x, py), `mix row at y=${py}`).toBe(false);
    }
    for (const top of bandRows) expect(isOffer(x, Math.round(top + 23))).toBe(true);
  });

  it('labels every pay-mix segment, low end and high end, in the same words, never over a pattern', () => {
    const texts = [...chart.svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
    const all = texts.join('\n');
    for (const region of REGIONS) {
      for (const at of ['low', 'high'] as const) {
        for (const part of ['stock', 'bonus'] as const) {
          const amount = `$${region[part][at] / 1000}K`;
          const inside = texts.includes(amount);
          const outside = all.includes(`${part} ${amount}`);
          expect(inside || outside, `${region.name} ${at} ${part} ${amount}`).toBe(true);
        }
      }
    }
    // One wording for all: "Stock $61K" only in New York's high end was the odd one out.
    expect(texts.some((t) => /^(Stock|Bonus) \$/.test(t))).toBe(false);
    // An amount inside a patterned segment sits on a white chip drawn just before it.
    const onChips = [...chart.svg.matchAll(/fill="#FFFFFF" rx="4"[^>]*\/>\n<text [^>]*>(\$\d+K)<\/text>/g)];
    const chips = [...chart.svg.matchAll(/fill="#FFFFFF" rx="4"/g)].length;
    expect(onChips).toHaveLength(chips);
    expect(chips).toBeGreaterThanOrEqual(6);
    // No label is haloed in a pattern's colour any more.
    expect(chart.svg).not.toMatch(
      new RegExp(`stroke="(${CHART_COLOURS.stock}|${CHART_COLOURS.bonus})" stroke-width="6"`),
    );
  });

  it('highlights a region: drawn first, framed, and the alt text says so', () => {
    const ny = REGIONS[2] as ChartRegion;
    const input = { ...INPUT, title: 'New York', regions: [ny, ...REGIONS.slice(0, 2)], highlightId: 'ny' };
    const highlighted = buildBandChartSvg(input);
    const plain = buildBandChartSvg({ ...input, highlightId: undefined });
    const frame = /<rect [^>]*fill="none" rx="10" stroke="[^"]+" stroke-width="5"\/>/g;
    expect([...highlighted.svg.matchAll(frame)]).toHaveLength(1);
    expect([...plain.svg.matchAll(frame)]).toHaveLength(0);
    const names = [...highlighted.svg.matchAll(/font-size="26"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(names).toEqual(['New York', 'Detroit', 'Charlotte']);
    expect(describeBandChart(input)).toMatch(/^New York\. New York is drawn first and framed\./);
    expect(buildBandChartSvg({ ...input, highlightId: 'atlanta' }).svg).toBe(plain.svg);
    // The frame shows in the pixels: dark at its left edge, across the highlighted block.
    const image = rasteriseSvg(highlighted.svg);
    const frameTop = Number(/<rect x="12" y="([\d.]+)"[^>]*fill="none" rx="10"/.exec(highlighted.svg)?.[1]);
    const i = (Math.round(frameTop + 40) * image.width + 13) * 4;
    expect(image.pixels[i] ?? 255).toBeLessThan(80);
  });

  it('fits every band and the offer inside a scale rounded to ticks', () => {
    const { scale } = chart;
    expect(scale.minDollars).toBe(0);
    expect(scale.maxDollars).toBeGreaterThanOrEqual(309000);
    expect(scale.maxDollars % 25000).toBe(0);
    expect(dollarsToX(scale, scale.minDollars)).toBe(scale.plotLeftPx);
    expect(dollarsToX(scale, scale.maxDollars)).toBe(scale.plotRightPx);
    expect(scale.plotLeftPx).toBeGreaterThanOrEqual(0);
    expect(scale.plotRightPx).toBeLessThanOrEqual(chart.width);
    expect(chart.svg).toContain('>$300K</text>');
  });

  it('widens the scale for an offer above every band and still shows it', () => {
    const high = renderBandChart({ ...INPUT, offer: { label: 'Your offer (Acme)', dollars: 400000 } });
    expect(high.scale.maxDollars).toBeGreaterThan(400000);
    expect(high.scale.maxDollars).toBeGreaterThan(chart.scale.maxDollars);
    const expected = dollarsToX(high.scale, 400000);
    expect(expected).toBeLessThan(high.scale.plotRightPx);
    const marker = findMarker(high);
    expect(marker.count).toBeGreaterThan(300);
    expect(Math.abs(marker.x - expected)).toBeLessThanOrEqual(2);
  });

  it('escapes user text and drops characters XML forbids', () => {
    const evil = `<script>alert("x")</script> & 'Co'\u0000\u0007\uD800`;
    const input: ChartInput = {
      ...INPUT,
      title: `Offer from ${evil}`,
      regions: [{ ...REGIONS[0], id: 'detroit', name: evil } as ChartRegion],
      offer: { label: `Your offer (${evil})`, dollars: 245000 },
    };
    const { svg } = buildBandChartSvg(input);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('\u0000');
    expect(svg).not.toContain('\u0007');
    expect(svg).not.toContain('\uD800');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;Co&apos;');
    expect(() => rasteriseSvg(svg)).not.toThrow();
  });

  it('describes the chart in words', () => {
    const alt = chart.altText;
    expect(alt.length).toBeLessThan(1000);
    for (const name of ['Detroit', 'Charlotte', 'New York']) expect(alt).toContain(name);
    expect(alt).toContain('Detroit $182K–$262K (target $240K–$262K)');
    expect(alt).toContain('Your offer (SoFi) $245K sits 79% up Detroit');
    expect(alt).toContain('The ask: Detroit $255K–$262K');
  });

  it('says where an offer outside a band sits, and stays under 1,000 characters', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      ...REGIONS[i % 3],
      id: `r${i}`,
      name: `A region with a very long name number ${i}`,
    })) as ChartRegion[];
    const alt = describeBandChart({ ...INPUT, regions: many, offer: { label: 'Offer', dollars: 150000 } });
    expect(alt.length).toBeLessThan(1000);
    expect(alt).toContain('Offer $150K sits $32K below A region with a very long name number 0');
    expect(describeBandChart({ ...INPUT, offer: { label: 'Offer', dollars: 320000 } })).toContain(
      '$11K above New York',
    );
  });

  it('rejects amounts that are not dollars', () => {
    expect(() => buildBandChartSvg({ ...INPUT, offer: { label: 'x', dollars: Number.NaN } })).toThrow(RangeError);
    expect(() => buildBandChartSvg({ ...INPUT, ask: { regionId: 'detroit', range: range(-1, 5) } })).toThrow(
      RangeError,
    );
  });

  it('renders the same PNG off the main thread', async () => {
    const offThread = await renderBandChartAsync(INPUT);
    expect(offThread.svg).toBe(chart.svg);
    expect(offThread.altText).toBe(chart.altText);
    expect(pngSize(offThread.png)).toEqual({ width: chart.width, height: chart.height });
    expect(offThread.png.equals(chart.png)).toBe(true);
  });

  it('renders without regions, offer or ask', () => {
    const empty = renderBandChart({ title: 'Nothing yet', regions: [] });
    expect(pngSize(empty.png)).toEqual({ width: empty.width, height: empty.height });
    expect(empty.altText).toContain('No salary bands');
  });
});
