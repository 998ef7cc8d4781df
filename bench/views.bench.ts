import { bench, describe } from 'vitest';
import { answerCommand, regionAnswer } from '../src/answers/answers.js';
import { prepareOffer } from '../src/answers/offer-prep.js';
import { parseCommand } from '../src/engine/parse-command.js';
import { buildOfferAnswer } from '../src/views/offer-answer.js';
import { buildFigureFreeShare } from '../src/views/offer-share.js';
import { detroit, guide, loaded, newYork, normalisedOffer } from './fixtures.js';

const offer = normalisedOffer();
const prep = prepareOffer(guide, detroit, { company: offer.company }, offer, ['responsible-ai', 'branchless']);

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
    buildOfferAnswer(loaded, prep);
  });
  bench('buildFigureFreeShare (shared copy without figures)', () => {
    buildFigureFreeShare(loaded, detroit, 'U0COACH');
  });
});
