import { bench, describe } from 'vitest';
import { buildBandChartSvg, type ChartInput, renderBandChart } from '../src/views/chart.js';

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
