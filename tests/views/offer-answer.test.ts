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
});
