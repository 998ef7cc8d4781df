import { describe, expect, it } from 'vitest';
import {
  type OfferDraft,
  readEquityField,
  readOfferFromText,
  readOfferWords,
} from '../../../src/engine/offer/index.js';
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

  // A flag whose value comes from a closed set takes only the words naming one; the words after it are read as if
  // typed without flags. Free text (--company, --title) still takes every word up to the next flag.
  describe('a closed-set flag takes only its value', () => {
    const capitalOne: OfferDraft = {
      company: 'Capital One',
      companyKind: 'traditional-bank',
      regionId: 'detroit',
      totalComp: 245_000,
    };
    const closedSet: [line: string, draft: OfferDraft][] = [
      ['Capital One --kind traditional-bank 245k detroit', capitalOne],
      ['--kind traditional-bank Capital One 245k detroit', capitalOne],
      ['Capital One 245k --kind traditional-bank detroit', capitalOne],
      ['Capital One 245k detroit --kind traditional-bank', capitalOne],
      ['Capital One --kind traditional bank 245k detroit', capitalOne],
      ['Capital One --kind=bank 245k detroit', capitalOne],
      ['--company Capital One --kind traditional-bank --tc 245k detroit', capitalOne],
      [
        'Acme --kind=fintech 245k ny',
        { company: 'Acme', companyKind: 'digital-bank-or-fintech', regionId: 'new-york', totalComp: 245_000 },
      ],
      [
        '--kind=fintech Acme 245k ny',
        { company: 'Acme', companyKind: 'digital-bank-or-fintech', regionId: 'new-york', totalComp: 245_000 },
      ],
      [
        'Wells Fargo --kind other 245k charlotte',
        { company: 'Wells Fargo', companyKind: 'other', regionId: 'charlotte', totalComp: 245_000 },
      ],
      [
        '--region new york SoFi 245k',
        { company: 'SoFi', companyKind: 'digital-bank-or-fintech', regionId: 'new-york', totalComp: 245_000 },
      ],
      [
        'SoFi --grant 160k --vesting 5/15/40/40 245k ny',
        {
          company: 'SoFi',
          companyKind: 'digital-bank-or-fintech',
          regionId: 'new-york',
          totalComp: 245_000,
          equity: { kind: 'grant', dollars: 160_000, vesting: { kind: 'front-loaded-5-15-40-40' } },
        },
      ],
      [
        'SoFi --grant 160k --vesting even over 3 years detroit',
        {
          company: 'SoFi',
          companyKind: 'digital-bank-or-fintech',
          regionId: 'detroit',
          equity: { kind: 'grant', dollars: 160_000, vesting: { kind: 'even', years: 3 } },
        },
      ],
    ];
    it.each(closedSet)('%s', (line, draft) => {
      const read = words(line);
      expect(read.problems).toEqual([]);
      expect(read.draft).toEqual(draft);
    });

    it('the kind given is not contradicted by the guide list\'s kind in "read as"', () => {
      expect(words('Capital One --kind traditional-bank 245k detroit').readAs).toEqual([
        '245k read as $245K total comp',
      ]);
    });

    it('an unknown kind names the field and what was typed, with a working example, and the rest is still read', () => {
      const read = words('Capital One --kind branchbank 245k detroit');
      expect(read.problems).toEqual([
        {
          field: 'company',
          message: "Company kind: 'branchbank' is not a kind I know; use traditional-bank, fintech, big-tech or other.",
          example: '--kind traditional-bank',
        },
      ]);
      expect(read.draft).toEqual({
        company: 'Capital One',
        companyKind: 'other',
        regionId: 'detroit',
        totalComp: 245_000,
      });
    });

    it('a free-text flag still takes several words', () => {
      expect(words('--company Bank of America --kind bank 245k ny').draft).toEqual({
        company: 'Bank of America',
        companyKind: 'traditional-bank',
        regionId: 'new-york',
        totalComp: 245_000,
      });
    });
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

// The words before the first amount or label name the company, in the labelled-parts form as in the TC-only form,
// even when the name is also an everyday word (the cue rule is for prose, where "current" can be any word).
describe('the company typed first, before the amounts', () => {
  const cases: [line: string, company: string, kind: OfferDraft['companyKind']][] = [
    ['Citizens', 'Citizens', 'traditional-bank'],
    ['Affirm', 'Affirm', 'digital-bank-or-fintech'],
    ['Meta', 'Meta', 'big-tech'],
    ['Huntington', 'Huntington', 'traditional-bank'],
    ['citizens', 'Citizens', 'traditional-bank'],
    ['Acme Bank', 'Acme Bank', undefined],
  ];
  it.each(cases)('%s base 150k bonus 25k rsu 30k charlotte', (name, company, kind) => {
    const read = words(`${name} base 150k bonus 25k rsu 30k charlotte`);
    expect(read.problems).toEqual([]);
    expect(read.draft).toEqual({
      company,
      ...(kind ? { companyKind: kind } : {}),
      regionId: 'charlotte',
      base: 150_000,
      bonus: { kind: 'dollars', dollars: 25_000 },
      equity: { kind: 'annual', dollars: 30_000 },
    });
  });
  it.each(cases)('%s 205k charlotte', (name, company, kind) => {
    const read = words(`${name} 205k charlotte`);
    expect(read.problems).toEqual([]);
    expect(read.draft).toEqual({
      company,
      ...(kind ? { companyKind: kind } : {}),
      regionId: 'charlotte',
      totalComp: 205_000,
    });
  });
  it('region and joining words around the name are not part of it', () => {
    expect(words('ny Citizens base 170k').draft).toMatchObject({ company: 'Citizens', regionId: 'new-york' });
    expect(words('from Citizens: base 170k').draft.company).toBe('Citizens');
  });
  it('words that cannot be a name leave the company to the prose reading', () => {
    expect(words('my offer base 170k from SoFi').draft.company).toBe('SoFi');
    expect(words('base 170k bonus 15%').draft.company).toBeUndefined();
  });
});

// A label takes the amount right after it over one set apart by other words: "260k detroit signon 25k" is a
// total comp, a region and a sign-on, as "tc 260k signon 25k detroit" is.
describe('a sign-on after the region', () => {
  const capitalOne: OfferDraft = {
    company: 'Capital One',
    companyKind: 'other',
    regionId: 'detroit',
    totalComp: 260_000,
    signOn: 25_000,
  };
  it.each([
    'Capital One 260k detroit signon 25k',
    'Capital One 260k detroit sign-on 25k',
    'Capital One tc 260k signon 25k detroit',
  ])('%s', (line) => {
    const read = words(line);
    expect(read.problems).toEqual([]);
    expect(read.draft).toEqual(capitalOne);
  });
  it('the amount before the labels is echoed as total comp', () => {
    expect(words('Capital One 260k detroit signon 25k').readAs).toContain('260k read as $260K total comp');
  });
  it('"170k base 15% bonus" still pairs each amount with the label after it', () => {
    expect(words('SoFi 170k base 15% bonus').draft).toMatchObject({
      base: 170_000,
      bonus: { kind: 'percent', percent: 15 },
    });
  });
  it('in a message, the sign-on is the amount after it; the other is asked about, not read as TC', () => {
    const read = readOfferFromText(guide, 'Capital One 260k Detroit signon 25k');
    expect(read.draft.signOn).toBe(25_000);
    expect(read.draft.totalComp).toBeUndefined();
    expect(read.problems.map((p) => p.message).join(' ')).toContain('260k');
  });
});
