import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestRegion, editDistance, matchRegion, REGION_INPUT_MAX, withinEdits } from '../../src/engine/regions.js';
import { loadGuide } from '../../src/guide/load.js';

const guide = loadGuide().guide;

describe('bounded input before fuzzy region matching', () => {
  it(`text longer than ${REGION_INPUT_MAX} characters is no region typo: no suggestion, no comparison`, () => {
    expect(closestRegion(guide, 'detriot')?.id).toBe('detroit');
    expect(closestRegion(guide, `detriot ${'x'.repeat(REGION_INPUT_MAX)}`)).toBeUndefined();
    expect(closestRegion(guide, 'detroit '.repeat(128 * 1024))).toBeUndefined();
    expect(matchRegion(guide, ` ${' '.repeat(1024 * 1024)}detroit`)).toBeUndefined();
    expect(matchRegion(guide, '  Detroit ')?.id).toBe('detroit');
  });

  it('withinEdits gives the same answer as the edit distance, without the table for words of very different length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat(4), (a, b, max) => {
        expect(withinEdits(a, b, max)).toBe(editDistance(a, b) <= max);
      }),
      { seed: 15, numRuns: 500 },
    );
  });
});
