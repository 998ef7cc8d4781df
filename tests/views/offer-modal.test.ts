import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { describeDraft } from '../../src/answers/offer-flow.js';
import { readOfferFromText } from '../../src/engine/offer/index.js';
import { loadGuide } from '../../src/guide/load.js';
import { OFFER_BLOCKS } from '../../src/views/ids.js';
import { readOfferForm } from '../../src/views/offer-form.js';
import { buildOfferModal, decodeOrigin, encodeOrigin, type OfferModalOptions } from '../../src/views/offer-modal.js';
import { checkView } from '../support/limits.js';
import { formValues, initialValues, type OfferFieldName, submittedValues } from '../support/offer-view.js';

const { guide } = loadGuide();

type Element = {
  type: string;
  action_id?: string;
  max_length?: number;
  initial_value?: string;
  options?: PlainTextOption[];
  initial_option?: PlainTextOption;
  initial_options?: PlainTextOption[];
};

function modal(options: Partial<OfferModalOptions> = {}): ModalView {
  return buildOfferModal(guide, { origin: { channelId: 'C0CHANNEL' }, canShare: true, ...options });
}

function inputBlocks(view: ModalView): InputBlock[] {
  return (view.blocks as KnownBlock[]).filter((block): block is InputBlock => block.type === 'input');
}

function block(view: ModalView, blockId: string): InputBlock {
  const found = inputBlocks(view).find((candidate) => candidate.block_id === blockId);
  if (!found) throw new Error(`no input block ${blockId}`);
  return found;
}

function element(view: ModalView, blockId: string): Element {
  return block(view, blockId).element as Element;
}

/** The rules Slack applies to a modal beyond plain lengths (checkView covers those). */
function slackRuleProblems(view: ModalView): string[] {
  const problems: string[] = [];
  for (const input of inputBlocks(view)) {
    const el = input.element as Element;
    const at = input.block_id;
    if (el.action_id !== 'value') problems.push(`${at}: action_id is ${el.action_id}`);
    if (el.type === 'plain_text_input' && el.initial_value !== undefined) {
      if (el.initial_value.length > (el.max_length ?? 3000)) problems.push(`${at}: initial_value over max_length`);
      if (el.initial_value === '') problems.push(`${at}: empty initial_value`);
    }
    const options = el.options ?? [];
    const isOption = (chosen: PlainTextOption) =>
      options.some((option) => option.value === chosen.value && option.text.text === chosen.text.text);
    if (el.initial_option && !isOption(el.initial_option)) problems.push(`${at}: initial_option is not an option`);
    for (const chosen of el.initial_options ?? []) {
      if (!isOption(chosen)) problems.push(`${at}: initial_options has a stranger`);
    }
    for (const option of options) {
      if (option.text.text.length > 75) problems.push(`${at}: option text over 75`);
      if ((option.description?.text.length ?? 0) > 75) problems.push(`${at}: option description over 75`);
      if (option.value && option.value.length > 150) problems.push(`${at}: option value over 150`);
    }
    if (new Set(options.map((option) => option.value)).size !== options.length) {
      problems.push(`${at}: duplicate option values`);
    }
  }
  return problems;
}

describe('buildOfferModal', () => {
  it('is a valid modal: ids, limits and Slack’s element rules', () => {
    const view = modal();
    expect(view.callback_id).toBe('offer_modal');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.submit?.text).toBe('Show my numbers');
    expect(checkView(view)).toEqual([]);
    expect(slackRuleProblems(view)).toEqual([]);
    expect(inputBlocks(view).map((input) => input.block_id)).toEqual(Object.values(OFFER_BLOCKS));
  });

  it('asks for the region and the delivery; every other field is optional', () => {
    const view = modal();
    const required = inputBlocks(view)
      .filter((input) => input.optional !== true)
      .map((input) => input.block_id);
    expect(required).toEqual([OFFER_BLOCKS.region, OFFER_BLOCKS.delivery]);
  });

  it('delivery defaults to "Just me"; sharing is offered only where there is a conversation', () => {
    const withChannel = element(modal(), OFFER_BLOCKS.delivery);
    expect(withChannel.type).toBe('radio_buttons');
    expect(withChannel.options?.map((option) => option.value)).toEqual(['dm', 'share-positions', 'share-figures']);
    expect(withChannel.initial_option?.value).toBe('dm');
    expect(withChannel.initial_option?.text.text).toMatch(/^Just me/);

    const anywhere = element(modal({ origin: {}, canShare: false }), OFFER_BLOCKS.delivery);
    expect(anywhere.options?.map((option) => option.value)).toEqual(['dm']);
    expect(anywhere.initial_option).toEqual(anywhere.options?.[0]);
  });

  it('lists the four kinds of company, the peers’ titles and the premiums with their case', () => {
    const view = modal();
    expect(element(view, OFFER_BLOCKS.kind).options?.map((option) => option.text.text)).toEqual([
      'Traditional bank',
      'Digital bank or fintech',
      'Big tech',
      'Other',
    ]);
    const titles = element(view, OFFER_BLOCKS.titlePick).options?.map((option) => option.text.text);
    expect(titles).toContain('Capital One: VP, Product Management');
    expect(titles).toContain('Chime: Director of Product');
    expect(titles).toHaveLength(guide.levels.rows.length * guide.levels.peers.length);
    const premiums = element(view, OFFER_BLOCKS.premiums);
    expect(premiums.type).toBe('checkboxes');
    expect(premiums.options?.map((option) => option.value)).toEqual(guide.premiums.map((premium) => premium.id));
    for (const option of premiums.options ?? []) expect(option.description?.text.length).toBeGreaterThan(10);
    expect(element(view, OFFER_BLOCKS.region).options?.map((option) => option.value)).toEqual([
      'detroit',
      'charlotte',
      'new-york',
    ]);
  });

  it('preselects a region without other values', () => {
    const view = modal({ initial: { regionId: 'new-york' } });
    expect(initialValues(view)).toEqual({ region: 'new-york' });
    expect(element(view, OFFER_BLOCKS.region).initial_option?.text.text).toBe('New York');
    expect(slackRuleProblems(view)).toEqual([]);
  });

  it('an unknown region or kind is never an initial_option (Slack would reject the view)', () => {
    const view = modal({
      initial: { regionId: 'atlantis', companyKind: 'spaceship' as never, title: 'Chief Dreamer' },
    });
    expect(initialValues(view)).toEqual({ titleText: 'Chief Dreamer' });
    expect(slackRuleProblems(view)).toEqual([]);
  });

  it('never sets an initial_value longer than the field allows', () => {
    const view = modal({ initial: { company: 'A'.repeat(81), title: 'T'.repeat(200) } });
    expect(initialValues(view)).toEqual({});
    expect(slackRuleProblems(view)).toEqual([]);
    expect(checkView(view)).toEqual([]);
  });

  it('a peer title is picked from the list; another title is typed', () => {
    expect(initialValues(modal({ initial: { company: 'SoFi', title: 'Director of Product' } }))).toMatchObject({
      titlePick: 'SoFi|Director of Product',
    });
    const typed = initialValues(modal({ initial: { company: 'Google', title: 'Group Product Manager' } }));
    expect(typed.titlePick).toBeUndefined();
    expect(typed.titleText).toBe('Group Product Manager');
  });

  it('the prefill note sits first, escaped for mrkdwn, within the context limit', () => {
    const read = readOfferFromText(guide, `Acme <b>&</b> Co offered ${'170k base, '.repeat(400)}`);
    const view = modal({ initial: read.draft, prefillNote: describeDraft(guide, read) });
    const first = (view.blocks as KnownBlock[])[0] as { type: string; block_id: string; elements: { text: string }[] };
    expect(first.block_id).toBe('offer_prefill_note');
    expect(first.elements[0]?.text.length).toBeLessThanOrEqual(2000);
    expect(first.elements[0]?.text).not.toMatch(/[<>]/);
    expect(checkView(view)).toEqual([]);
  });
});

describe('a prefilled modal submitted unchanged reads back the same offer', () => {
  it.each([
    ['SoFi offered 170k base, 40k RSU a year, 15% bonus and a 20k sign-on in Detroit'],
    ['Amazon: 160k base, 120k RSUs vesting 5/15/40/40, 40k sign-on, New York'],
    ['Wells Fargo: 172k base, 12.5% bonus, 90k RSUs over 3 years, Charlotte'],
    ['Chime offered 180k base with RSUs 100k vesting 10/20/30/40, bonus 12.5%, in Charlotte'],
    ['They came back with 185K base and 20% bonus, no equity, no sign-on. Detroit'],
    ['Capital One: $245K TC in Detroit'],
    ['Stripe 210k base, 25/25/25/25 on 300k RSU, bonus $31,250, NYC'],
  ])('%s', (text) => {
    const read = readOfferFromText(guide, text);
    expect(read.problems).toEqual([]);
    const view = modal({ initial: read.draft });
    expect(slackRuleProblems(view)).toEqual([]);
    const form = readOfferForm(guide, submittedValues(view));
    expect(form.errors).toEqual({});
    const { company, companyKind, title, regionId, base, totalComp, equity, bonus, signOn } = form.draft;
    const expected = { ...read.draft };
    // A 3-year even vest is shown as 33.3/33.3/33.3 and still read back as the even vest it is.
    expect(
      JSON.parse(JSON.stringify({ company, companyKind, title, regionId, base, totalComp, equity, bonus, signOn })),
    ).toEqual(expected);
  });
});

describe('readOfferForm: every problem on its own field, with an example', () => {
  it('collects all the problems at once', () => {
    const form = readOfferForm(
      guide,
      formValues(
        {
          base: 'abc',
          totalComp: '-5k',
          equity: '50M',
          vestingCustom: '10/20/30',
          bonus: '15',
          signOn: 'lots',
        },
        { equityKind: 'grant', vesting: 'custom' },
      ),
    );
    expect(Object.keys(form.errors).sort()).toEqual(
      [
        OFFER_BLOCKS.region,
        OFFER_BLOCKS.base,
        OFFER_BLOCKS.totalComp,
        OFFER_BLOCKS.equity,
        OFFER_BLOCKS.vestingCustom,
        OFFER_BLOCKS.bonus,
        OFFER_BLOCKS.signOn,
      ].sort(),
    );
    expect(form.errors[OFFER_BLOCKS.base]).toBe(`"abc" isn't an amount I can read. Example: 170k or $170,000.`);
    expect(form.errors[OFFER_BLOCKS.totalComp]).toBe("Amounts can't be negative. Example: 245k or $245,000.");
    expect(form.errors[OFFER_BLOCKS.equity]).toMatch(/^\$50,000,000 is over the \$10,000,000 maximum.*Example: 40k/);
    expect(form.errors[OFFER_BLOCKS.vestingCustom]).toBe(
      "Vesting: '10/20/30' adds up to 60%; the yearly percentages must add up to 100%. Example: 10/20/30/40 or 25/25/25/25.",
    );
    expect(form.errors[OFFER_BLOCKS.bonus]).toBe(
      '15 could mean 15% or $15K; add a % sign or a k to say which. Example: 15% or 25k.',
    );
    expect(form.errors[OFFER_BLOCKS.region]).toMatch(/^Choose the Ally Financial region.*for example Detroit/);
    for (const message of Object.values(form.errors)) expect(message).toMatch(/(Example|for example)/);
  });

  it.each([
    [{ base: '170k', bonus: '15%' }, {}, {}],
    [{ bonus: '15%' }, {}, { [OFFER_BLOCKS.base]: /base salary/, [OFFER_BLOCKS.bonus]: /needs a base/ }],
    [{ base: '$500' }, {}, { [OFFER_BLOCKS.base]: /under the \$1,000 minimum/ }],
    [
      { base: '170k', equity: '160k', vestingCustom: 'soon' },
      { equityKind: 'grant', vesting: 'custom' },
      {
        [OFFER_BLOCKS.vestingCustom]: /'soon' is not a schedule I can read.*Example: 10\/20\/30\/40/,
      },
    ],
    [
      { base: '170k', equity: '160k' },
      { equityKind: 'grant', vesting: 'custom' },
      {
        [OFFER_BLOCKS.vestingCustom]: /needs the yearly percentages/,
      },
    ],
    [
      { base: '170k', equity: '160k', vestingCustom: '33/33/33' },
      { equityKind: 'grant', vesting: 'custom' },
      {
        [OFFER_BLOCKS.vestingCustom]: /adds up to 99%/,
      },
    ],
  ] as const)('%j %j', (typed, picked, expected) => {
    const form = readOfferForm(guide, formValues(typed, { region: 'detroit', ...picked }));
    expect(Object.keys(form.errors).sort()).toEqual(Object.keys(expected).sort());
    for (const [blockId, pattern] of Object.entries(expected)) expect(form.errors[blockId]).toMatch(pattern);
  });

  it('a bare number is read as thousands, and the answer says how it was read', () => {
    const form = readOfferForm(guide, formValues({ base: '999' }, { region: 'detroit' }));
    expect(form.errors).toEqual({});
    expect(form.draft.base).toBe(999_000);
    expect(form.readAs).toEqual(['Base: read as $999,000']);
  });

  it('reads a full offer: grant vesting, premiums, sharing choice, title from the list', () => {
    const form = readOfferForm(
      guide,
      formValues(
        { company: 'Capital One', base: '$170,000', equity: '200k', bonus: '15%', signOn: '20k' },
        {
          kind: 'traditional-bank',
          titlePick: 'Capital One|Senior Product Manager',
          region: 'charlotte',
          equityKind: 'grant',
          vesting: 'front-loaded',
          delivery: 'share-positions',
        },
        ['responsible-ai', 'not-a-premium', 'career-differentiator'],
      ),
    );
    expect(form.errors).toEqual({});
    expect(form.draft).toMatchObject({
      company: 'Capital One',
      companyKind: 'traditional-bank',
      title: 'Senior Product Manager',
      regionId: 'charlotte',
      base: 170_000,
      equity: { kind: 'grant', dollars: 200_000, vesting: { kind: 'front-loaded-5-15-40-40' } },
      bonus: { kind: 'percent', percent: 15 },
      signOn: 20_000,
    });
    expect(form.premiumIds).toEqual(['responsible-ai', 'career-differentiator']);
    expect(form.delivery).toBe('share-positions');
  });

  it('a known company name brings its kind when none is picked, and says so', () => {
    const form = readOfferForm(guide, formValues({ company: 'Chase', totalComp: '245k' }, { region: 'detroit' }));
    expect(form.draft.companyKind).toBe('traditional-bank');
    expect(form.readAs).toEqual(['Kind of company: not picked, read as traditional bank from its name']);
    const picked = readOfferForm(
      guide,
      formValues({ company: 'Capital One', totalComp: '245k' }, { region: 'detroit', kind: 'other' }),
    );
    expect(picked.draft.companyKind).toBe('other');
    expect(picked.readAs).toEqual([]);
  });

  it('says when total comp is not used because the parts were given', () => {
    const form = readOfferForm(guide, formValues({ base: '170k', totalComp: '245k' }, { region: 'detroit' }));
    expect(form.errors).toEqual({});
    expect(form.readAs.join(' ')).toContain('Total comp: not used');
  });

  it('a grant with no schedule chosen vests evenly over 4 years, and says so', () => {
    const form = readOfferForm(
      guide,
      formValues({ base: '170k', equity: '160k' }, { region: 'detroit', equityKind: 'grant' }),
    );
    expect(form.draft.equity).toEqual({ kind: 'grant', dollars: 160_000, vesting: { kind: 'even', years: 4 } });
    expect(form.readAs).toContain('Vesting: none chosen, read as evenly over 4 years');
  });

  it('an empty submission (nulls, as Slack sends them) only asks for the region and an amount', () => {
    const form = readOfferForm(guide, submittedValues(modal()));
    expect(Object.keys(form.errors).sort()).toEqual([OFFER_BLOCKS.base, OFFER_BLOCKS.region].sort());
    expect(form.delivery).toBe('dm');
  });
});

describe('the form accepts what it tells people to type', () => {
  const nameOf = Object.fromEntries(Object.entries(OFFER_BLOCKS).map(([name, id]) => [id, name as OfferFieldName]));
  /** Each text box's placeholder; "40k a year, or 160k as a total grant" offers two ways, each tried alone. */
  const placeholders = inputBlocks(modal()).flatMap((input) => {
    const el = input.element as Element & { placeholder?: { text: string } };
    if (el.type !== 'plain_text_input' || !el.placeholder) return [];
    return el.placeholder.text
      .split(/,? or /)
      .map((typed) => [nameOf[input.block_id ?? ''] as OfferFieldName, typed] as const);
  });
  /** What a field needs beside it to be read at all: custom vesting is read for a grant with "Custom" picked. */
  const beside: Partial<Record<OfferFieldName, { typed: Record<string, string>; picked: Record<string, string> }>> = {
    vestingCustom: { typed: { equity: '160k' }, picked: { equityKind: 'grant', vesting: 'custom' } },
  };

  it('has a placeholder in every text box', () => {
    expect(placeholders.map(([name]) => name)).toEqual(
      expect.arrayContaining(['company', 'base', 'totalComp', 'equity', 'bonus', 'signOn', 'vestingCustom']),
    );
  });

  it.each(placeholders)('%s: %j is read, with no error', (name, typed) => {
    const context = beside[name] ?? { typed: {}, picked: {} };
    const base = name === 'base' ? {} : { base: '170k' };
    const submit = (value?: string) =>
      readOfferForm(
        guide,
        formValues(
          { ...base, ...context.typed, ...(value === undefined ? {} : { [name]: value }) },
          { region: 'detroit', ...context.picked },
        ),
      );
    const form = submit(typed);
    expect(form.errors).toEqual({});
    // Read, not dropped: the offer differs from the one without it.
    expect(form.draft).not.toEqual(submit().draft);
  });

  it('the equity box says a grant and its years in words, which the pickers need not repeat', () => {
    const grant = readOfferForm(
      guide,
      formValues({ base: '170k', equity: '160k as a total grant' }, { region: 'detroit' }),
    );
    expect(grant.draft.equity).toEqual({ kind: 'grant', dollars: 160_000, vesting: { kind: 'even', years: 4 } });
    const threeYears = readOfferForm(
      guide,
      formValues({ base: '170k', equity: '90k over 3 years' }, { region: 'detroit' }),
    );
    expect(threeYears.errors).toEqual({});
    expect(threeYears.draft.equity).toEqual({ kind: 'grant', dollars: 90_000, vesting: { kind: 'even', years: 3 } });
    const yearly = readOfferForm(guide, formValues({ base: '170k', equity: '40k a year' }, { region: 'detroit' }));
    expect(yearly.draft.equity).toEqual({ kind: 'annual', dollars: 40_000, statedYearly: true });
  });

  it('words and pickers that disagree are an error on the picker, never a silent choice', () => {
    const kind = readOfferForm(
      guide,
      formValues({ base: '170k', equity: '160k as a total grant' }, { region: 'detroit', equityKind: 'annual' }),
    );
    expect(Object.keys(kind.errors)).toEqual([OFFER_BLOCKS.equityKind]);
    expect(kind.errors[OFFER_BLOCKS.equityKind]).toMatch(/says a total grant, but 'Per year' is picked.*Example: /);
    const years = readOfferForm(
      guide,
      formValues({ base: '170k', equity: '90k over 3 years' }, { region: 'detroit', vesting: 'even-4' }),
    );
    expect(Object.keys(years.errors)).toEqual([OFFER_BLOCKS.vesting]);
    expect(years.errors[OFFER_BLOCKS.vesting]).toMatch(/says over 3 years, but the vesting picked is over 4/);
  });

  it('custom vesting reads what --vesting reads: percent a year, even over years, front-loaded', () => {
    const custom = (vestingCustom: string) =>
      readOfferForm(
        guide,
        formValues(
          { base: '170k', equity: '160k', vestingCustom },
          { region: 'detroit', equityKind: 'grant', vesting: 'custom' },
        ),
      );
    expect(custom('25% a year').draft.equity).toMatchObject({ vesting: { kind: 'even', years: 4 } });
    expect(custom('5/15/40/40').draft.equity).toMatchObject({ vesting: { kind: 'front-loaded-5-15-40-40' } });
    expect(custom('10 20 30 40').draft.equity).toMatchObject({
      vesting: { kind: 'custom', percents: [10, 20, 30, 40] },
    });
  });
});

describe('private_metadata', () => {
  it('round-trips the origin', () => {
    const origin = { channelId: 'C0CHANNEL', threadTs: '1700000000.000100', responseUrl: 'https://hooks.slack.test/x' };
    expect(decodeOrigin(encodeOrigin(origin))).toEqual(origin);
    expect(decodeOrigin(encodeOrigin({}))).toEqual({});
  });

  it('stays under 3,000 characters: a response_url that would not fit is dropped, never cut', () => {
    const long = `https://hooks.slack.test/${'x'.repeat(3100)}`;
    const metadata = encodeOrigin({ channelId: 'C0CHANNEL', threadTs: '1.2', responseUrl: long });
    expect(metadata.length).toBeLessThanOrEqual(3000);
    expect(decodeOrigin(metadata)).toEqual({ channelId: 'C0CHANNEL', threadTs: '1.2' });
    const view = modal({ origin: { channelId: 'C0CHANNEL', responseUrl: long } });
    expect(checkView(view)).toEqual([]);
    const fits = `https://hooks.slack.test/${'y'.repeat(2000)}`;
    expect(decodeOrigin(encodeOrigin({ responseUrl: fits })).responseUrl).toBe(fits);
  });

  it('ignores what it cannot read', () => {
    expect(decodeOrigin('not json')).toEqual({});
    expect(decodeOrigin(undefined)).toEqual({});
    expect(decodeOrigin('{"c":42,"t":["x"]}')).toEqual({});
  });
});
