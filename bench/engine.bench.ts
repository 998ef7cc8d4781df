import { bench, describe } from 'vitest';
import { buildAskPackage } from '../src/engine/ask/index.js';
import { normaliseOffer } from '../src/engine/offer/index.js';
import { parseCommand } from '../src/engine/parse-command.js';
import { detroit, guide, newYork, OFFER_INPUT } from './fixtures.js';

describe('engine: region answer', () => {
  bench('parseCommand("ny")', () => {
    parseCommand(guide, 'ny');
  });
  bench('buildAskPackage (New York, no offer)', () => {
    buildAskPackage(guide, newYork);
  });
});

describe('engine: offer ask', () => {
  bench('normaliseOffer + an ask package per region (SoFi, Detroit, two premiums)', () => {
    const result = normaliseOffer(OFFER_INPUT);
    if (!result.ok) throw new Error('benchmark offer is invalid');
    for (const region of [detroit, ...guide.regions.filter((other) => other.id !== detroit.id)]) {
      buildAskPackage(guide, region, result.offer, { premiumIds: ['responsible-ai', 'branchless'] });
    }
  });
});
