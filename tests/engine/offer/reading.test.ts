import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  guessCompanyKind,
  type OfferDraft,
  type ReadOffer,
  readOfferFromText,
  readOfferWords,
} from '../../../src/engine/offer/index.js';
import { loadGuide } from '../../../src/guide/load.js';

const { guide } = loadGuide();

const fromText = (text: string): ReadOffer => readOfferFromText(guide, text);
const fromWords = (line: string): ReadOffer => readOfferWords(guide, line.split(' '));

describe('readOfferFromText reads the phrasings people use', () => {
  const cases: [text: string, draft: OfferDraft, readAs?: string[]][] = [
    [
      'SoFi offered 170k base, 40k RSU a year, 15% bonus and a 20k sign-on',
      {
        company: 'SoFi',
        companyKind: 'digital-bank-or-fintech',
        base: 170_000,
        equity: { kind: 'annual', dollars: 40_000, statedYearly: true },
        bonus: { kind: 'percent', percent: 15 },
        signOn: 20_000,
      },
      ['SoFi read as a digital bank or fintech'],
    ],
    [
      'Capital One: $245K TC',
      { company: 'Capital One', companyKind: 'other', totalComp: 245_000 },
      ['Capital One read as another kind of company'],
    ],
    [
      'Got an offer from Chime — base $180,000, equity $160k over 4 years, bonus 10%',
      {
        company: 'Chime',
        companyKind: 'digital-bank-or-fintech',
        base: 180_000,
        equity: { kind: 'grant', dollars: 160_000, vesting: { kind: 'even', years: 4 } },
        bonus: { kind: 'percent', percent: 10 },
      },
    ],
    [
      'base: 175k\nrsu: 200k/4yrs\nbonus: 25k\nsign on: 30k',
      {
        base: 175_000,
        equity: { kind: 'grant', dollars: 200_000, vesting: { kind: 'even', years: 4 } },
        bonus: { kind: 'dollars', dollars: 25_000 },
        signOn: 30_000,
      },
      [],
    ],
    [
      'Discover is at 165 base + 15% bonus',
      {
        company: 'Discover',
        companyKind: 'digital-bank-or-fintech',
        base: 165_000,
        bonus: { kind: 'percent', percent: 15 },
      },
      ['Discover read as a digital bank or fintech', 'base 165 read as $165,000'],
    ],
    [
      'Offer from Goldman Sachs Marcus: $190k salary, $50k/yr stock, $35k target bonus, $25k signing bonus, New York',
      {
        company: 'Goldman Sachs Marcus',
        companyKind: 'digital-bank-or-fintech',
        regionId: 'new-york',
        base: 190_000,
        equity: { kind: 'annual', dollars: 50_000, statedYearly: true },
        bonus: { kind: 'dollars', dollars: 35_000 },
        signOn: 25_000,
      },
      ['Goldman Sachs Marcus read as a digital bank or fintech', 'New York read as the New York region'],
    ],
    [
      'Amazon: 160k base, 120k RSUs vesting 5/15/40/40, 40k sign-on',
      {
        company: 'Amazon',
        companyKind: 'big-tech',
        base: 160_000,
        equity: { kind: 'grant', dollars: 120_000, vesting: { kind: 'front-loaded-5-15-40-40' } },
        signOn: 40_000,
      },
    ],
    ['total comp of $1.2M from Meta', { company: 'Meta', companyKind: 'big-tech', totalComp: 1_200_000 }],
    [
      // Decision: "no equity" is an explicit zero, so "they said none" differs from "not mentioned".
      'They came back with 185K base and 20% bonus, no equity',
      { base: 185_000, bonus: { kind: 'percent', percent: 20 }, equity: { kind: 'annual', dollars: 0 } },
      ['no equity read as $0 stock'],
    ],
    [
      'JPMorgan Chase offered me $200,000 base salary with a 30,000 annual bonus in Charlotte',
      {
        company: 'JPMorgan Chase',
        companyKind: 'traditional-bank',
        regionId: 'charlotte',
        base: 200_000,
        bonus: { kind: 'dollars', dollars: 30_000 },
      },
      ['JPMorgan Chase read as a traditional bank', 'Charlotte read as the Charlotte, NC region'],
    ],
    ['lol good luck with the negotiation!', {}, []],
    [
      // Decision: yearly percentages are kept as typed; only 5/15/40/40 has its own kind.
      'Stripe 210k base, 25/25/25/25 on 300k RSU, bonus 15%',
      {
        company: 'Stripe',
        companyKind: 'digital-bank-or-fintech',
        base: 210_000,
        equity: { kind: 'grant', dollars: 300_000, vesting: { kind: 'custom', percents: [25, 25, 25, 25] } },
        bonus: { kind: 'percent', percent: 15 },
      },
    ],
  ];

  it.each(cases)('%j', (text, draft, readAs) => {
    const result = fromText(text);
    expect(result.draft).toEqual(draft);
    expect(result.problems).toEqual([]);
    if (readAs) expect(result.readAs).toEqual(readAs);
  });
});

describe('readOfferFromText, more phrasings', () => {
  const cases: [text: string, draft: OfferDraft][] = [
    [
      'rsu: 200k\nvesting: 5/15/40/40',
      { equity: { kind: 'grant', dollars: 200_000, vesting: { kind: 'front-loaded-5-15-40-40' } } },
    ],
    [
      'RSU 160k vesting 25% a year',
      { equity: { kind: 'grant', dollars: 160_000, vesting: { kind: 'even', years: 4 } } },
    ],
    ['Level 5 base 170k', { base: 170_000 }],
    [
      '170k base 40k RSU 15% bonus',
      { base: 170_000, equity: { kind: 'annual', dollars: 40_000 }, bonus: { kind: 'percent', percent: 15 } },
    ],
    ['TC 245k, Charlotte NC', { totalComp: 245_000, regionId: 'charlotte' }],
    ['Base Salary: $170,000.50', { base: 170_001 }],
    ['base 1.2mm', { base: 1_200_000 }],
    ['no bonus, no sign-on, 170k base', { base: 170_000, bonus: { kind: 'dollars', dollars: 0 }, signOn: 0 }],
    ['no equity, but 40k RSU a year', { equity: { kind: 'annual', dollars: 40_000, statedYearly: true } }],
    [
      'Chase: $210k base, 1 year cliff, 4 year vesting on $200k RSUs',
      {
        company: 'Chase',
        companyKind: 'traditional-bank',
        base: 210_000,
        equity: { kind: 'grant', dollars: 200_000, vesting: { kind: 'even', years: 4 } },
      },
    ],
    [
      'Robinhood offered a Senior Product Manager role: 175k base, 4-year vest on 200k RSU, NYC. I start in 2 weeks, 401k match',
      {
        company: 'Robinhood',
        companyKind: 'digital-bank-or-fintech',
        title: 'Senior Product Manager',
        regionId: 'new-york',
        base: 175_000,
        equity: { kind: 'grant', dollars: 200_000, vesting: { kind: 'even', years: 4 } },
      },
    ],
    ['Acme Corp offered 170k base', { company: 'Acme Corp', base: 170_000 }],
    ['Update: Acme Corp offered 170k base', { company: 'Acme Corp', base: 170_000 }],
    ['An offer from Northwind Bank: 200k TC', { company: 'Northwind Bank', totalComp: 200_000 }],
    // Everyday words are not companies unless capitalised next to a cue.
    ['Current offer: 170k base', { base: 170_000 }],
    ["I'll chase them and chime in later; base 170k", { base: 170_000 }],
    ['offer from them for 170k base', { base: 170_000 }],
    ['Base: 175k', { base: 175_000 }],
    // Slack formatting, entities and mentions.
    [
      '*SoFi* offered _170k_ base &amp; 15% bonus <@U123>',
      {
        company: 'SoFi',
        companyKind: 'digital-bank-or-fintech',
        base: 170_000,
        bonus: { kind: 'percent', percent: 15 },
      },
    ],
    [
      '<https://example.com|Capital One>: $245K TC',
      { company: 'Capital One', companyKind: 'other', totalComp: 245_000 },
    ],
  ];

  it.each(cases)('%j', (text, draft) => {
    const result = fromText(text);
    expect(result.draft).toEqual(draft);
    expect(result.problems).toEqual([]);
  });

  it('echoes the stock reading when the text does not say yearly or grant', () => {
    expect(fromText('equity 160k')).toEqual({
      draft: { equity: { kind: 'annual', dollars: 160_000 } },
      problems: [],
      readAs: ['$160K stock read as a yearly value (say "over 4 years" if it is a grant)'],
    });
    expect(fromText('300k RSU grant').readAs).toEqual([
      '$300K stock grant read as vesting evenly over 4 years (no schedule given)',
    ]);
  });
});

describe('readOfferFromText problems', () => {
  it('a vesting schedule that does not add up to 100% is a vesting problem; the grant is left out', () => {
    expect(fromText('RSU 100k vesting 10/20/30')).toEqual({
      draft: {},
      problems: [
        {
          field: 'vesting',
          message: "Vesting: '10/20/30' adds up to 60%; the yearly percentages must add up to 100%.",
          example: '5/15/40/40, 25/25/25/25 or over 4 years',
        },
      ],
      readAs: [],
    });
  });

  it('amounts out of range are problems on their field with the parser reason', () => {
    const result = fromText('base 50M, sign-on $500, 170k bonus');
    expect(result.draft).toEqual({ bonus: { kind: 'dollars', dollars: 170_000 } });
    expect(result.problems).toEqual([
      {
        field: 'base',
        message: "Base: $50,000,000 is over the $10,000,000 maximum for a year's pay.",
        example: '170k or $170,000',
      },
      {
        field: 'signOn',
        message: "Sign-on: $500 is under the $1,000 minimum for a year's pay.",
        example: '20k or $20,000',
      },
    ]);
  });

  it('a small bare number right after its label is read beside other amounts, not dropped', () => {
    // It was dropped as too weak to be money once the sentence had another amount: the answer went on without a bonus.
    expect(fromWords('SoFi base 150k bonus 15 equity 30k/yr detroit').problems).toEqual([
      {
        field: 'bonus',
        message: 'Bonus: 15 could mean 15% or $15K; add a % sign or a k to say which.',
        example: '15% or 25k',
      },
    ]);
    const stock = fromWords('SoFi base 150k bonus 15% equity 30 detroit');
    expect(stock.problems).toEqual([]);
    expect(stock.draft.equity).toEqual({ kind: 'annual', dollars: 30_000 });
    expect(stock.readAs).toContain('stock 30 read as $30,000');
    const signOn = fromWords('SoFi base 150k sign-on: 20 detroit');
    expect(signOn.draft.signOn).toBe(20_000);
    expect(signOn.readAs).toContain('sign-on 20 read as $20,000');
  });

  it('a small bare number away from any label is still not money', () => {
    const read = fromText('SoFi base 150k with 2 kids, bonus 10%');
    expect(read.problems).toEqual([]);
    expect(read.draft).toMatchObject({ base: 150_000, bonus: { kind: 'percent', percent: 10 } });
  });

  it('a percentage given as stock is a stock problem', () => {
    expect(fromText('equity 15%').problems).toEqual([
      {
        field: 'equity',
        message: 'Stock: "15%" is a percentage, but this needs a dollar amount.',
        example: '40k a year, or 160k over 4 years',
      },
    ]);
  });

  it('a bare bonus under 100 is ambiguous', () => {
    expect(fromText('bonus 15').problems).toEqual([
      {
        field: 'bonus',
        message: 'Bonus: 15 could mean 15% or $15K; add a % sign or a k to say which.',
        example: '15% or 25k',
      },
    ]);
  });

  it('two different amounts for one field are a problem, not a pick', () => {
    const result = fromText('base 170k, base 180k');
    expect(result.draft).toEqual({});
    expect(result.problems).toEqual([
      {
        field: 'base',
        message: 'Base: the message gives two different amounts (170k and 180k); say which one it is.',
        example: '170k or $170,000',
      },
    ]);
  });

  it('two regions are a region problem', () => {
    const result = fromText('Detroit or New York, 170k base');
    expect(result.draft).toEqual({ base: 170_000 });
    expect(result.problems.map((problem) => problem.field)).toEqual(['region']);
  });

  it('an amount with no label is named in a words problem', () => {
    const result = fromText('Acme Corp offered 170k base and 30k bonus. Also they mentioned 50k');
    expect(result.draft).toEqual({ company: 'Acme Corp', base: 170_000, bonus: { kind: 'dollars', dollars: 30_000 } });
    expect(result.problems).toEqual([
      {
        field: 'words',
        message:
          "I couldn't tell what this amount is for: 50k. Put base, stock, bonus, sign-on or TC next to each amount.",
        example: '170k base, 40k stock a year, 15% bonus, 20k sign-on',
      },
    ]);
  });

  it('reads only the first 4,000 characters of a very long message', () => {
    const result = fromText(`${'x '.repeat(3000)}base 170k`);
    expect(result.draft).toEqual({});
    expect(result.problems.map((problem) => problem.field)).toEqual(['words']);
  });
});

describe('readOfferWords, positional', () => {
  const cases: [line: string, draft: OfferDraft][] = [
    [
      'SoFi 245k detroit',
      { company: 'SoFi', companyKind: 'digital-bank-or-fintech', totalComp: 245_000, regionId: 'detroit' },
    ],
    [
      'capital one 250k new york',
      { company: 'Capital One', companyKind: 'other', totalComp: 250_000, regionId: 'new-york' },
    ],
    ['SoFi', { company: 'SoFi', companyKind: 'digital-bank-or-fintech' }],
    ['detroit', { regionId: 'detroit' }],
    ['245', { totalComp: 245_000 }],
    ['$ 245 k Acme', { company: 'Acme', totalComp: 245_000 }],
    ['offer from Acme Bank: 245k TC in charlotte', { company: 'Acme Bank', totalComp: 245_000, regionId: 'charlotte' }],
    // Named parts read as prose.
    [
      'SoFi 170k base 15% bonus',
      {
        company: 'SoFi',
        companyKind: 'digital-bank-or-fintech',
        base: 170_000,
        bonus: { kind: 'percent', percent: 15 },
      },
    ],
  ];

  it.each(cases)('%j', (line, draft) => {
    const result = fromWords(line);
    expect(result.draft).toEqual(draft);
    expect(result.problems).toEqual([]);
  });

  it('echoes the one amount as total comp', () => {
    expect(fromWords('SoFi 245k detroit').readAs).toEqual([
      '245k read as $245K total comp',
      'SoFi read as a digital bank or fintech',
    ]);
    expect(fromWords('245').readAs).toEqual(['245 read as $245K total comp']);
  });

  it('no words is an empty draft', () => {
    expect(readOfferWords(guide, [])).toEqual({ draft: {}, problems: [], readAs: [] });
  });

  it('several amounts or a percentage need flags', () => {
    const several = fromWords('SoFi 170k 40k');
    expect(several.draft).toEqual({ company: 'SoFi', companyKind: 'digital-bank-or-fintech' });
    expect(several.problems).toEqual([
      {
        field: 'words',
        message:
          'I saw 2 amounts (170k, 40k); without flags I read one amount, as total comp. Name each part with a flag.',
        example: '--base 170k --stock 40k --bonus 15% --sign-on 20k',
      },
    ]);
    expect(fromWords('SoFi 15%').problems.map((problem) => problem.field)).toEqual(['words']);
  });

  it('an amount out of range is a totalComp problem', () => {
    expect(fromWords('SoFi 20M').problems).toEqual([
      {
        field: 'totalComp',
        message: "Total comp: $20,000,000 is over the $10,000,000 maximum for a year's pay.",
        example: '245k or $245,000',
      },
    ]);
  });
});

describe('readOfferWords, parts said plainly', () => {
  it('a total first, then labelled parts: each label takes the amount after it', () => {
    // "SoFi 245k bonus 15% detroit" paired 245k with "bonus" and answered "I found no amount".
    const bonus = fromWords('SoFi 245k bonus 15% detroit');
    expect(bonus.problems).toEqual([]);
    expect(bonus.draft).toMatchObject({ totalComp: 245_000, bonus: { kind: 'percent', percent: 15 } });
    // Amount first with as many amounts as labels still pairs amount-first.
    expect(fromWords('170k base 15% bonus SoFi detroit').draft).toMatchObject({
      base: 170_000,
      bonus: { kind: 'percent', percent: 15 },
    });
    // A total beside a base is not guessed at: the error names the amount it could not place, not the labelled one.
    expect(fromWords('SoFi 245k base 170k detroit').problems[0]?.message).toContain('for: 245k');
  });

  it('"equity 0" is no equity, not a year under the minimum', () => {
    const read = fromWords('Acme base 230k bonus 0 equity 0 charlotte');
    expect(read.problems).toEqual([]);
    expect(read.draft).toMatchObject({
      base: 230_000,
      bonus: { kind: 'dollars', dollars: 0 },
      equity: { kind: 'annual', dollars: 0 },
    });
  });

  it('"grant 120k" is a stock grant, vesting over 4 years when no schedule is given', () => {
    const read = fromWords('Chime base 140k bonus 10% grant 120k sign-on 15k charlotte');
    expect(read.problems).toEqual([]);
    expect(read.draft.equity).toEqual({ kind: 'grant', dollars: 120_000, vesting: { kind: 'even', years: 4 } });
    expect(read.draft.signOn).toBe(15_000);
  });

  it('an amount flag ends where another part is named: "--grant 120k sign-on 15k"', () => {
    // It read "120k sign-on 15k" as the grant and answered "that looks like two amounts".
    const read = fromWords('Chime base 140k bonus 10% --grant 120k sign-on 15k charlotte');
    expect(read.problems).toEqual([]);
    expect(read.draft).toMatchObject({ base: 140_000, signOn: 15_000, regionId: 'charlotte' });
    expect(read.draft.equity).toMatchObject({ kind: 'grant', dollars: 120_000 });
  });
});

describe('readOfferWords, a lead-in before the company', () => {
  it('"got an offer from" is not part of the name, in the quick form and with labels', () => {
    // The scripts said "a competing offer from I got an offer from Capital One" and "my from Chime offer".
    expect(fromWords('I got an offer from Capital One for 250k in charlotte').draft.company).toBe('Capital One');
    const chime = fromWords('Got an offer from Chime: 180k base, 10% bonus, 25k signing. Detroit');
    expect(chime.draft).toMatchObject({ company: 'Chime', companyKind: 'digital-bank-or-fintech', base: 180_000 });
  });

  it('a package over years is read as its yearly share', () => {
    // "SoFi 1.2M total over 4 years detroit" answered "I saw 2 amounts (1.2M, 4)".
    const read = fromWords('SoFi 1.2M total over 4 years detroit');
    expect(read.problems).toEqual([]);
    expect(read.draft).toMatchObject({ company: 'SoFi', totalComp: 300_000, regionId: 'detroit' });
    expect(read.readAs.join(' ')).toMatch(/1\.2M over 4 years read as \$300(K|,000) total comp a year/);
  });

  it('a name that starts with digits is a name, not a second amount', () => {
    // "23andMe 240k ny" answered "I saw 2 amounts (23andMe, 240k)".
    const read = fromWords('23andMe 240k ny');
    expect(read.problems).toEqual([]);
    expect(read.draft).toMatchObject({ company: '23andMe', totalComp: 240_000 });
    // A slipped key stays an amount, and the error names it.
    expect(fromWords('SoFi 245kk detroit').problems[0]?.message).toContain('unknown suffix "kk"');
  });

  it('a name that only looks like a lead-in word stays whole', () => {
    expect(fromWords('Target 245k detroit').draft.company).toBe('Target');
    expect(fromWords('Summary Labs 245k detroit').draft.company).toBe('Summary Labs');
  });
});

describe('readOfferWords, flags', () => {
  it('reads every flag', () => {
    const line =
      '--company SoFi --kind fintech --title "Senior Product Manager" --base 170k --stock 40k --bonus 15% --sign-on 20k --tc 245k --region detroit';
    expect(fromWords(line)).toEqual({
      draft: {
        company: 'SoFi',
        companyKind: 'digital-bank-or-fintech',
        title: 'Senior Product Manager',
        base: 170_000,
        equity: { kind: 'annual', dollars: 40_000, statedYearly: true },
        bonus: { kind: 'percent', percent: 15 },
        signOn: 20_000,
        totalComp: 245_000,
        regionId: 'detroit',
      },
      problems: [],
      readAs: [],
    });
  });

  const cases: [line: string, draft: OfferDraft][] = [
    [
      '--grant 160k --vesting 5/15/40/40 --bonus 25k',
      {
        equity: { kind: 'grant', dollars: 160_000, vesting: { kind: 'front-loaded-5-15-40-40' } },
        bonus: { kind: 'dollars', dollars: 25_000 },
      },
    ],
    [
      '--grant 160k --vesting 25/25/25/25',
      { equity: { kind: 'grant', dollars: 160_000, vesting: { kind: 'custom', percents: [25, 25, 25, 25] } } },
    ],
    [
      '--grant 160k --vesting even 3 years',
      { equity: { kind: 'grant', dollars: 160_000, vesting: { kind: 'even', years: 3 } } },
    ],
    ['--grant 160k --vesting 4y', { equity: { kind: 'grant', dollars: 160_000, vesting: { kind: 'even', years: 4 } } }],
    ['--grant 160k/4yrs', { equity: { kind: 'grant', dollars: 160_000, vesting: { kind: 'even', years: 4 } } }],
    ['--grant 160k over 3 years', { equity: { kind: 'grant', dollars: 160_000, vesting: { kind: 'even', years: 3 } } }],
    ['--stock 40k/yr', { equity: { kind: 'annual', dollars: 40_000, statedYearly: true } }],
    [
      '--stock none --sign-on none --bonus none',
      { equity: { kind: 'annual', dollars: 0 }, signOn: 0, bonus: { kind: 'dollars', dollars: 0 } },
    ],
    ['--company Acme Bank --kind bank', { company: 'Acme Bank', companyKind: 'traditional-bank' }],
    ['--company SoFi --kind other', { company: 'SoFi', companyKind: 'other' }],
    ['--kind tech', { companyKind: 'big-tech' }],
    ['--kind digital-bank', { companyKind: 'digital-bank-or-fintech' }],
    ['--kind big-tech', { companyKind: 'big-tech' }],
    ['--kind traditional-bank', { companyKind: 'traditional-bank' }],
    ['--region New York', { regionId: 'new-york' }],
    ['--base=170k --tc=$245,000', { base: 170_000, totalComp: 245_000 }],
    ['—company SoFi —base 170k', { company: 'SoFi', companyKind: 'digital-bank-or-fintech', base: 170_000 }],
    ['--signing-bonus 20k --salary 170k --total 245k', { signOn: 20_000, base: 170_000, totalComp: 245_000 }],
    [
      'SoFi detroit --base 170k',
      { company: 'SoFi', companyKind: 'digital-bank-or-fintech', regionId: 'detroit', base: 170_000 },
    ],
  ];

  it.each(cases)('%j', (line, draft) => {
    const result = fromWords(line);
    expect(result.draft).toEqual(draft);
    expect(result.problems).toEqual([]);
  });

  it('a grant with no schedule is read as even over 4 years, and echoed', () => {
    expect(fromWords('--grant 160k')).toEqual({
      draft: { equity: { kind: 'grant', dollars: 160_000, vesting: { kind: 'even', years: 4 } } },
      problems: [],
      readAs: ['$160K stock grant read as vesting evenly over 4 years (no schedule given)'],
    });
  });

  it('unknown flags are a words problem listing the valid flags', () => {
    const flags = '--company, --kind, --title, --base, --stock, --grant, --vesting, --bonus, --sign-on, --tc, --region';
    expect(fromWords('--foo 1 --basee 170k').problems).toEqual([
      {
        field: 'words',
        message: `'--foo' is not a flag I know. The flags are ${flags}.`,
        example: '--company SoFi --base 170k --stock 40k --bonus 15% --region detroit',
      },
      {
        field: 'words',
        message: `'--basee' is not a flag I know (did you mean --base?). The flags are ${flags}.`,
        example: '--company SoFi --base 170k --stock 40k --bonus 15% --region detroit',
      },
    ]);
  });

  it('bad values are problems on their field with a working example', () => {
    const result = fromWords('--base abc --region chicago --kind banana --bonus 15k% --sign-on -5k --tc');
    expect(result.draft).toEqual({});
    expect(result.problems).toEqual([
      { field: 'totalComp', message: '--tc needs a value, like --tc 245k.', example: '--tc 245k' },
      {
        field: 'company',
        message: "Company kind: 'banana' is not a kind I know; use traditional-bank, fintech, big-tech or other.",
        example: '--kind traditional-bank',
      },
      { field: 'base', message: 'Base: "abc" isn\'t an amount I can read.', example: '170k or $170,000' },
      {
        field: 'bonus',
        message: 'Bonus: "15k%" looks like a dollar amount; give a percentage.',
        example: '15% or 25k',
      },
      { field: 'signOn', message: "Sign-on: amounts can't be negative.", example: '20k or $20,000' },
      {
        field: 'region',
        message: "Region: 'chicago' is not a region I know; use one of detroit, charlotte, ny.",
        example: 'detroit, charlotte, ny',
      },
    ]);
  });

  it('suggests a region for a typo', () => {
    expect(fromWords('--region detriot').problems[0]?.message).toBe(
      "Region: 'detriot' is not a region I know (did you mean detroit?); use one of detroit, charlotte, ny.",
    );
  });

  it('vesting problems', () => {
    expect(fromWords('--grant 100k --vesting 10/20/30')).toEqual({
      draft: {},
      problems: [
        {
          field: 'vesting',
          message: "Vesting: '10/20/30' adds up to 60%; the yearly percentages must add up to 100%.",
          example: '5/15/40/40, 25/25/25/25 or over 4 years',
        },
      ],
      readAs: [],
    });
    expect(fromWords('--vesting even').problems.map((problem) => problem.field)).toEqual(['vesting']);
    expect(fromWords('--grant 100k --vesting sometimes').problems.map((problem) => problem.field)).toEqual(['vesting']);
    expect(fromWords('--grant 100k --vesting 30% a year').problems.map((problem) => problem.field)).toEqual([
      'vesting',
    ]);
    const stockWithVesting = fromWords('--stock 40k --vesting even');
    expect(stockWithVesting.draft).toEqual({ equity: { kind: 'annual', dollars: 40_000, statedYearly: true } });
    expect(stockWithVesting.problems.map((problem) => problem.field)).toEqual(['vesting']);
  });

  it('--stock and --grant together, or a flag given twice, leave the field out', () => {
    const both = fromWords('--stock 40k --grant 100k');
    expect(both.draft).toEqual({});
    expect(both.problems.map((problem) => problem.field)).toEqual(['equity']);
    const twice = fromWords('--base 170k --base 180k');
    expect(twice.draft).toEqual({});
    expect(twice.problems).toEqual([
      { field: 'base', message: '--base is given more than once; give it once.', example: '--base 170k' },
    ]);
  });

  it('a value given before the flags and as a flag: the flag wins, with a words problem', () => {
    const result = fromWords('SoFi 245k --company Chime');
    expect(result.draft).toEqual({ company: 'Chime', companyKind: 'digital-bank-or-fintech', totalComp: 245_000 });
    expect(result.problems.map((problem) => problem.field)).toEqual(['words']);
    // The flag's company brings its own kind (none for an unknown name), not SoFi's.
    expect(fromWords('SoFi --company Acme').draft).toEqual({ company: 'Acme' });
  });

  it('keeps Slack control syntax out of names', () => {
    const result = fromWords('--company <!channel> Acme --title "<@U1> Lead PM"');
    expect(result.draft).toEqual({ company: 'Acme', title: 'Lead PM' });
  });
});

describe('guessCompanyKind', () => {
  const cases: [company: string | undefined, kind: ReturnType<typeof guessCompanyKind>][] = [
    ['Chase', 'traditional-bank'],
    ['JPMorgan Chase', 'traditional-bank'],
    ['J.P. Morgan', 'traditional-bank'],
    ['Bank of America', 'traditional-bank'],
    ['wells fargo', 'traditional-bank'],
    ['Citi', 'traditional-bank'],
    ['Truist', 'traditional-bank'],
    ['PNC', 'traditional-bank'],
    ['U.S. Bank', 'traditional-bank'],
    ['Capital One', 'other'],
    ['Discover', 'digital-bank-or-fintech'],
    ['SoFi', 'digital-bank-or-fintech'],
    ['Chime', 'digital-bank-or-fintech'],
    ['Marcus', 'digital-bank-or-fintech'],
    ['Goldman Sachs Marcus', 'digital-bank-or-fintech'],
    ['Marcus by Goldman Sachs', 'digital-bank-or-fintech'],
    ['LendingTree', 'digital-bank-or-fintech'],
    ['Ally', 'digital-bank-or-fintech'],
    ['Varo', 'digital-bank-or-fintech'],
    ['Current', 'digital-bank-or-fintech'],
    ['Revolut', 'digital-bank-or-fintech'],
    ['Stripe', 'digital-bank-or-fintech'],
    ['Google', 'big-tech'],
    ['Meta', 'big-tech'],
    ['Amazon', 'big-tech'],
    ['Apple', 'big-tech'],
    ['Microsoft', 'big-tech'],
    ['Netflix', 'big-tech'],
    ['Chime Financial', 'digital-bank-or-fintech'],
    ['Acme Corp', undefined],
    ['Undercurrent Labs', undefined],
    ['', undefined],
    [undefined, undefined],
  ];

  it.each(cases)('%j', (company, kind) => {
    expect(guessCompanyKind(guide, company)).toBe(kind);
  });
});

describe('never throws', () => {
  const vocabulary = [
    'SoFi',
    'Chase',
    'offered',
    'from',
    ':',
    '—',
    '--base',
    '--grant',
    '--vesting',
    '--kind',
    '--region',
    '--foo',
    '—company',
    'base',
    'rsu',
    'bonus',
    'sign-on',
    'TC',
    'no',
    'equity',
    'vesting',
    'over',
    '4',
    'years',
    '/yr',
    '5/15/40/40',
    '10/20',
    '170k',
    '$1.2M',
    '15%',
    '15',
    '0',
    '-5k',
    '$200,000',
    '1,2,3',
    '401k',
    'New York',
    'NY',
    'detroit',
    ',',
    '\n',
    'and',
    '"',
    '<@U1>',
    '&amp;',
    '25% a year',
  ];
  const phrase = fc.array(fc.constantFrom(...vocabulary), { maxLength: 30 });

  function wellFormed(result: ReadOffer): void {
    for (const problem of result.problems) {
      expect(problem.message.length).toBeGreaterThan(0);
      expect(problem.example.length).toBeGreaterThan(0);
    }
    for (const value of [
      result.draft.base,
      result.draft.totalComp,
      result.draft.signOn,
      result.draft.equity?.dollars,
    ]) {
      if (value !== undefined) expect(Number.isSafeInteger(value)).toBe(true);
    }
  }

  it('random strings through readOfferFromText', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 })), (text) => {
        wellFormed(readOfferFromText(guide, text));
      }),
      { numRuns: 500 },
    );
  });

  it('random words through readOfferWords', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 20 }), (words) => {
        wellFormed(readOfferWords(guide, words));
      }),
      { numRuns: 500 },
    );
  });

  it('random offer-like phrases through both', () => {
    fc.assert(
      fc.property(phrase, (words) => {
        wellFormed(readOfferFromText(guide, words.join(' ')));
        wellFormed(readOfferWords(guide, words));
      }),
      { numRuns: 1000 },
    );
  });

  it('non-string input', () => {
    expect(readOfferFromText(guide, undefined as unknown as string)).toEqual({ draft: {}, problems: [], readAs: [] });
    expect(readOfferWords(guide, [1, null, 'SoFi'] as unknown as string[]).draft).toEqual({
      company: 'SoFi',
      companyKind: 'digital-bank-or-fintech',
    });
  });
});
