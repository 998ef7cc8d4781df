/**
 * The only I/O of the chart: rasterising its SVG to PNG with @resvg/resvg-js, with the bundled font files only.
 *
 * Font: DejaVu Sans (Book and Bold), cut down to the characters a chart shows (assets/fonts/, built from the npm
 * package `dejavu-fonts-ttf` by scripts/subset-chart-font.mjs: resvg parses the whole font on every render, and the
 * full files cost ~25 ms a chart). Licence: the Bitstream Vera Fonts licence, with DejaVu's changes in the public
 * domain and the Arev glyphs under the equivalent Arev licence: free to use, embed and redistribute (see
 * assets/fonts/DejaVu-LICENSE.txt). Only these two files are loaded (no system fonts), so a chart renders the
 * same on every machine.
 */
import { join } from 'node:path';
import { type RenderedImage, Resvg, type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import { projectRoot } from '../paths.js';
import { describeBandChart } from './alt-text.js';
import { CHART_FONT_FAMILY } from './font-metrics.js';
import { buildBandChartSvg, CHART_COLOURS } from './layout.js';
import type { ChartInput, RenderedChart } from './model.js';

const fontDir = join(projectRoot(), 'assets', 'fonts');
export const CHART_FONT_FILES: readonly string[] = [
  join(fontDir, 'DejaVuSans-chart.ttf'),
  join(fontDir, 'DejaVuSans-Bold-chart.ttf'),
];

/** How every chart is rasterised: the bundled fonts only. Exported for the benchmark's where-the-time-goes split. */
export const RESVG_OPTIONS: ResvgRenderOptions = {
  font: {
    fontFiles: [...CHART_FONT_FILES],
    loadSystemFonts: false,
    defaultFontFamily: CHART_FONT_FAMILY,
    sansSerifFamily: CHART_FONT_FAMILY,
  },
  fitTo: { mode: 'original' },
  background: CHART_COLOURS.background,
  logLevel: 'off',
};

/** Rasterises chart SVG with the bundled font only. `.asPng()` gives the PNG, `.pixels` the RGBA bytes. */
export function rasteriseSvg(svg: string): RenderedImage {
  return new Resvg(svg, RESVG_OPTIONS).render();
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
