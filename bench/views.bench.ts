import { bench, describe } from 'vitest';
import { answerCommand, regionAnswer } from '../src/answers/answers.js';
import { analyseOffer } from '../src/engine/offer-analysis.js';
import { parseCommand } from '../src/engine/parse-command.js';
import { buildOfferAnswer } from '../src/views/offer-answer.js';
import { detroit, guide, loaded, newYork, normalisedOffer } from './fixtures.js';

const analysis = analyseOffer(guide, normalisedOffer(), detroit, ['responsible-ai', 'branchless']);

describe('views: region answer', () => {
  bench('regionAnswer (New York: message, 4 replies, standalone)', () => {
    regionAnswer(loaded, newYork);
  });
  bench('parseCommand + answerCommand("ny"): the work before the ack', () => {
    answerCommand(loaded, parseCommand(guide, 'ny'));
  });
});

describe('views: offer answer', () => {
  bench('buildOfferAnswer (with figures)', () => {
    buildOfferAnswer(loaded, analysis, { showFigures: true });
  });
  bench('buildOfferAnswer (shared copy, figures hidden)', () => {
    buildOfferAnswer(loaded, analysis, { showFigures: false, sharedBy: 'U0COACH' });
  });
});
