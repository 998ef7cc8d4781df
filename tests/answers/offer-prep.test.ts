import { describe, expect, it } from 'vitest';
import { offerPackages } from '../../src/answers/offer-prep.js';
import { readOfferWords } from '../../src/engine/offer/index.js';
import { normaliseOffer } from '../../src/engine/offer/normalise.js';
import { loadGuide } from '../../src/guide/load.js';

const { guide } = loadGuide();

function packagesFor(words: string[]) {
  const read = readOfferWords(guide, words);
  if (read.problems.length > 0) throw new Error(JSON.stringify(read.problems));
  const normalised = normaliseOffer(read.draft);
  if (!normalised.ok) throw new Error(JSON.stringify(normalised.problems));
  const region = guide.regions.find((r) => r.id === read.draft.regionId);
  if (!region) throw new Error('no region');
  return offerPackages(guide, region, normalised.offer);
}

describe('the company kind in the offer answer says where it came from', () => {
  it('a kind read from the guide’s company list gives the list’s reason, not "as you chose it"', () => {
    const [pkg] = packagesFor(['Wells', 'Fargo', '205k', 'charlotte']);
    expect(pkg?.companyKind?.kind).toBe('traditional-bank');
    expect(pkg?.companyKind?.reason).toMatch(/^Wells Fargo: /);
  });

  it('a kind the person gave against the list is said to be their choice', () => {
    const [pkg] = packagesFor(['Wells', 'Fargo', '205k', 'charlotte', '--kind', 'big-tech']);
    expect(pkg?.companyKind?.kind).toBe('big-tech');
    expect(pkg?.companyKind?.reason).toBe("Big tech, as you chose it (the guide's list says a traditional bank).");
  });
});
