import { Resvg } from '@resvg/resvg-js';
import { bench, describe } from 'vitest';
import { chartFromWords } from '../src/answers/chart-input.js';
import { describeBandChart } from '../src/chart/alt-text.js';
import { buildBandChartSvg } from '../src/chart/layout.js';
import type { ChartInput } from '../src/chart/model.js';
import { RESVG_OPTIONS, renderBandChart } from '../src/chart/rasterise.js';
import { detroit, guide } from './fixtures.js';

// The input the bot builds for a SoFi $245K offer against Detroit, from the shipped guide (not retyped figures).
const request = chartFromWords(guide, detroit, ['SoFi', '245k']);
if (!request.ok) throw new Error(`benchmark chart input is invalid: ${request.problem}`);
const INPUT: ChartInput = request.input;

describe('band chart, three regions with an offer', () => {
  bench('renderBandChart (SVG + PNG + alt text)', () => {
    renderBandChart(INPUT);
  });
  bench('buildBandChartSvg (SVG only)', () => {
    buildBandChartSvg(INPUT);
  });
});

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
