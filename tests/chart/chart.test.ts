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
    expect(marker.count).toBeGreaterThan(300); // a line across all regions, not a stray pixel
    expect(Math.abs(marker.x - expected)).toBeLessThanOrEqual(2);
  });

  it('draws every label over the offer line, so the line never strikes one out', () => {
    // e.g. Charlotte's "$44K" bonus label sits where a $245K offer line crosses it.
    const lines = [
      ...chart.svg.matchAll(/<line [^>]*y1="([\d.]+)" [^>]*y2="([\d.]+)" stroke="(#[0-9A-F]+)" stroke-width="6"\/>/g),
    ];
    const offerLine = lines.filter((m) => m[3] === CHART_COLOURS.offer).at(-1);
    if (!offerLine) throw new Error('no offer line');
    const [top, bottom] = [Number(offerLine[1]), Number(offerLine[2])];
    const texts = [...chart.svg.matchAll(/<text [^>]*y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)];
    const inPlot = texts.filter((m) => Number(m[1]) > top && Number(m[1]) < bottom);
    expect(inPlot.map((m) => m[2])).toContain('$44K');
    for (const text of inPlot) expect(text.index, text[2]).toBeGreaterThan(offerLine.index);
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
