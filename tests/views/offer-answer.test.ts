import { describe, expect, it } from 'vitest';
import { offerAnswerFromWords } from '../../src/answers/offer-flow.js';
import { loadGuide } from '../../src/guide/load.js';

const loaded = loadGuide();

function answerText(words: string[]): string {
  const result = offerAnswerFromWords(loaded, words);
  if (!result.ok) throw new Error(`no answer for ${words.join(' ')}: ${result.message.text}`);
  return JSON.stringify(result.message.blocks);
}

describe('the offer answer', () => {
  it('another level: its warning says the mapping once; no Level line repeats it', () => {
    const text = answerText(['SoFi', '245k', 'detroit', '--title', '"Senior', 'Product', 'Manager"']);
    expect(text.match(/maps to Ally's/g)).toHaveLength(1);
    expect(text).not.toContain('offer_level');
  });

  it('the level the bands cover: the Level line says so', () => {
    expect(answerText(['SoFi', '245k', 'detroit'])).toContain('"block_id":"offer_level"');
  });

  it('a year-or-grant question says what it waits for, not a slipped digit', () => {
    const text = answerText(['Stripe', 'base', '210k', 'rsu', '150k', 'ny']);
    expect(text).toContain('No ask until you say whether the equity is a year or the whole grant');
    expect(text).not.toContain('slipped digit');
    expect(answerText(['SoFi', '24.5k', 'detroit'])).toContain('an ask built on a slipped digit');
  });

  it('a walk-away with a first year of its own says "below either"', () => {
    const text = answerText(['Google', 'base', '170k', 'rsu', '55k', 'bonus', '15%', 'signon', '30k', 'detroit']);
    expect(text).toContain(
      'and $280.5K in the first year, your competing offer. Below either, the other offer is better.',
    );
    expect(answerText(['SoFi', '245k', 'detroit'])).toContain(
      'your competing offer. Below it, the other offer is better.',
    );
  });
});
