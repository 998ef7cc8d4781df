import { bench, describe } from 'vitest';
import { askFor } from '../src/engine/asks.js';
import { analyseOffer } from '../src/engine/offer-analysis.js';
import { normaliseOffer } from '../src/engine/offers.js';
import { parseCommand } from '../src/engine/parse-command.js';
import { renderLevers } from '../src/engine/scripts.js';
import { detroit, guide, newYork, OFFER_INPUT } from './fixtures.js';

describe('engine: region answer', () => {
  bench('parseCommand("ny")', () => {
    parseCommand(guide, 'ny');
  });
  bench('askFor + renderLevers (New York)', () => {
    renderLevers(guide, askFor(guide, newYork));
  });
});

describe('engine: offer analysis', () => {
  bench('normaliseOffer + analyseOffer (SoFi, Detroit, two premiums)', () => {
    const result = normaliseOffer(OFFER_INPUT);
    if (!result.ok) throw new Error('benchmark offer is invalid');
    analyseOffer(guide, result.offer, detroit, ['responsible-ai', 'branchless']);
  });
});
