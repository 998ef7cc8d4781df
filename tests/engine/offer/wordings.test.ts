import { describe, expect, it } from 'vitest';
import { type OfferDraft, readEquityField, readOfferWords } from '../../../src/engine/offer/index.js';
import { parseCommand } from '../../../src/engine/parse-command.js';
import { loadGuide } from '../../../src/guide/load.js';

const { guide } = loadGuide();
const words = (line: string) => readOfferWords(guide, line.split(' '));

// Every wording issue 12 lists as failing, read the way the person meant it.
describe('the wordings people type (issue 12)', () => {
  const cases: [line: string, draft: OfferDraft][] = [
    [
      'SoFi base 170k bonus 15% stock 40k ny',
      {
        company: 'SoFi',
        companyKind: 'digital-bank-or-fintech',
        regionId: 'new-york',
        base: 170_000,
        bonus: { kind: 'percent', percent: 15 },
        equity: { kind: 'annual', dollars: 40_000 },
      },
    ],
    [
      'SoFi --base 170k --bonus 15 ny',
      {
        company: 'SoFi',
        companyKind: 'digital-bank-or-fintech',
        regionId: 'new-york',
        base: 170_000,
        bonus: { kind: 'percent', percent: 15 },
      },
    ],
    [
      'SoFi 245k --bonus 15% detroit',
      {
        company: 'SoFi',
        companyKind: 'digital-bank-or-fintech',
        regionId: 'detroit',
        totalComp: 245_000,
        bonus: { kind: 'percent', percent: 15 },
      },
    ],
    [
      'SoFi --base 170k --grant 160k --vesting 4 detroit',
      {
        company: 'SoFi',
        companyKind: 'digital-bank-or-fintech',
        regionId: 'detroit',
        base: 170_000,
        equity: { kind: 'grant', dollars: 160_000, vesting: { kind: 'even', years: 4 } },
      },
    ],
    [
      'SoFi 245k/yr ny',
      { company: 'SoFi', companyKind: 'digital-bank-or-fintech', regionId: 'new-york', totalComp: 245_000 },
    ],
    [
      'capital one 300k detroit --kind traditional-bank',
      { company: 'Capital One', companyKind: 'traditional-bank', regionId: 'detroit', totalComp: 300_000 },
    ],
    [
      'Capital One 300k detroit',
      { company: 'Capital One', companyKind: 'other', regionId: 'detroit', totalComp: 300_000 },
    ],
  ];
  it.each(cases)('%s', (line, draft) => {
    const read = words(line);
    expect(read.problems).toEqual([]);
    expect(read.draft).toEqual(draft);
  });

  it('the form accepts its own placeholders', () => {
    expect(readEquityField('160k as a total grant')).toEqual({ ok: true, dollars: 160_000, kind: 'grant' });
    expect(readEquityField('40k a year')).toEqual({ ok: true, dollars: 40_000, kind: 'annual' });
    expect(readEquityField('160k over 4 years')).toEqual({ ok: true, dollars: 160_000, kind: 'grant', years: 4 });
    expect(readEquityField('40k')).toEqual({ ok: true, dollars: 40_000 });
    expect(readEquityField('lots').ok).toBe(false);
  });

  it('--vesting reads a 3-year even vest shown to rounding (33.3/33.3/33.3) as the even vest, like the form', () => {
    const read = words('--company Acme --grant 90k --vesting 33.3/33.3/33.3 --region detroit');
    expect(read.problems).toEqual([]);
    expect(read.draft.equity).toEqual({ kind: 'grant', dollars: 90_000, vesting: { kind: 'even', years: 3 } });
    const off = words('--company Acme --grant 90k --vesting 33/33/33 --region detroit');
    expect(off.problems[0]?.message).toContain('adds up to 99%');
  });

  it('a bare greeting gets help, not "did you mean Detroit?"', () => {
    expect(parseCommand(guide, 'hi').intent).toEqual({ kind: 'help' });
    expect(parseCommand(guide, 'thanks').intent).toEqual({ kind: 'help' });
    const typo = parseCommand(guide, 'detriot').intent;
    expect(typo.kind === 'error' && typo.error.kind === 'unknown_region' && typo.error.suggestion?.id).toBe('detroit');
  });
});
