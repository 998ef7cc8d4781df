import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { bench, describe } from 'vitest';
import {
  buildBandChartSvg,
  CHART_COLOURS,
  CHART_FONT_FAMILY,
  CHART_FONT_FILES,
  type ChartInput,
  describeBandChart,
  renderBandChart,
} from '../src/views/chart.js';

const range = (low: number, high: number) => ({ low, high });

const INPUT: ChartInput = {
  title: 'Total comp by region vs. your SoFi offer',
  regions: [
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
  ],
  offer: { label: 'Your offer (SoFi)', dollars: 245000 },
  ask: { regionId: 'detroit', range: range(255000, 262000) },
};

describe('band chart, three regions with an offer', () => {
  bench('renderBandChart (SVG + PNG + alt text)', () => {
    renderBandChart(INPUT);
  });
  bench('buildBandChartSvg (SVG only)', () => {
    buildBandChartSvg(INPUT);
  });
});

// The same options as chart.ts's rasteriseSvg (not exported there): keep them in step.
const RESVG_OPTIONS: ResvgRenderOptions = {
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
const { svg } = buildBandChartSvg(INPUT);
const parsed = new Resvg(svg, RESVG_OPTIONS);
const image = parsed.render();

describe('band chart, where the time goes', () => {
  bench('new Resvg: load the fonts, parse the SVG, shape the text', () => {
    new Resvg(svg, RESVG_OPTIONS);
  });
  bench('render: rasterise', () => {
    parsed.render();
  });
  bench('asPng: encode the PNG', () => {
    image.asPng();
  });
  bench('describeBandChart (alt text)', () => {
    describeBandChart(INPUT);
  });
});
