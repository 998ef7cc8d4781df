import { describe, expect, it } from 'vitest';
import { buildAskPackage } from '../../src/engine/ask/index.js';
import { normaliseOffer } from '../../src/engine/offer/index.js';
import { loadGuide } from '../../src/guide/load.js';
import { signOnLine } from '../../src/views/ask-package.js';

const { guide } = loadGuide();

/** SoFi in Detroit, a total comp and a $30K sign-on: a sign-on at the floor, none at the opening. */
function lineFor(totalComp: number): string | undefined {
  const result = normaliseOffer({ company: 'SoFi', totalComp, signOn: 30_000 });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return signOnLine(buildAskPackage(guide, 'detroit', result.offer));
}

describe('the first-year line', () => {
  it('no sign-on at the opening says why: its TC covers the first year, or the gap is under the minimum', () => {
    expect(lineFor(232_000)).toBe(
      '*First year:* your competing first year is $262K; at the floor ask a *$20K* sign-on, at the opening none (its TC covers the first year).',
    );
    expect(lineFor(233_000)).toBe(
      '*First year:* your competing first year is $263K; at the floor ask a *$20K* sign-on, at the opening none (within $1K).',
    );
  });
});
