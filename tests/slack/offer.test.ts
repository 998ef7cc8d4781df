/**
 * Competing-offer prep through the real receiver: every way into the modal, its validation, the answer in the
 * person's DM, sharing with or without figures, the quick form, and a search of the logs for any offer data.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAskPackage } from '../../src/engine/ask/index.js';
import { formatMoney, formatMoneyExact, formatRange } from '../../src/engine/money.js';
import { normaliseOffer, type OfferInput } from '../../src/engine/offer/index.js';
import { OFFER_BLOCKS } from '../../src/views/ids.js';
import type { ViewStateValues } from '../../src/views/offer-form.js';
import { decodeOrigin, encodeOrigin } from '../../src/views/offer-modal.js';
import { checkMessage, checkView, formatViolations } from '../support/limits.js';
import { loggedText } from '../support/logged-text.js';
import { formValues, initialValues, type OfferFieldName } from '../support/offer-view.js';
import {
  type ApiCall,
  blockActions,
  CHANNEL,
  guide,
  RESPONSE_HOST,
  responseUrl,
  sendCommand,
  sendInteraction,
  settle,
  startTestSlack,
  viewSubmission as submission,
  TEAM,
  type TestSlack,
  testConfig,
  USER,
  waitFor,
} from '../support/slack.js';

const REGION_MESSAGE_TS = '1700000000.000100';
const OFFER_MESSAGE_TS = '1700000555.000200';

let slack: TestSlack;
let started: Promise<TestSlack> | undefined;

async function start(logLevel = 'info'): Promise<TestSlack> {
  started = startTestSlack({ config: testConfig({ LOG_LEVEL: logLevel }) });
  slack = await started;
  return slack;
}

beforeEach(async (context) => {
  // The log-search test starts its own app at debug level.
  if (!context.task.name.startsWith('[debug]')) await start();
});

afterEach(async () => {
  if (!started) return;
  await settle(20);
  // Every payload built in these flows passes Slack's limits.
  const problems = payloadProblems(slack);
  await slack.stop();
  started = undefined;
  expect(problems, problems.join('\n')).toEqual([]);
});

function payloadProblems(app: TestSlack): string[] {
  const problems: string[] = [];
  for (const call of app.calls) {
    if (call.method === 'views.open') {
      const violations = checkView(call.args.view as ModalView);
      if (violations.length > 0) problems.push(`views.open: ${formatViolations(violations)}`);
    }
    if (call.method === 'chat.postMessage') {
      const violations = checkMessage({ text: call.args.text as string, blocks: call.args.blocks as KnownBlock[] });
      if (violations.length > 0) problems.push(`chat.postMessage: ${formatViolations(violations)}`);
    }
  }
  for (const response of app.responses) {
    const violations = checkMessage(response.body as { text?: string; blocks?: KnownBlock[] });
    if (violations.length > 0) problems.push(`response_url: ${formatViolations(violations)}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Slack payloads
// ---------------------------------------------------------------------------------------------------------------

const user = { id: USER, username: 'person', name: 'person', team_id: TEAM.id };

function globalShortcut(triggerId = '2222.global.trigger') {
  return {
    type: 'shortcut',
    token: 'deprecated',
    action_ts: '1700000010.000001',
    team: TEAM,
    user,
    is_enterprise_install: false,
    enterprise: null,
    callback_id: 'prep_negotiation',
    trigger_id: triggerId,
  };
}

function messageShortcut(text: string, options: { url?: string; threadTs?: string; triggerId?: string } = {}) {
  return {
    type: 'message_action',
    token: 'deprecated',
    action_ts: '1700000600.000001',
    team: TEAM,
    user,
    channel: { id: CHANNEL, name: 'negotiation-prep' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: 'coach_offer',
    trigger_id: options.triggerId ?? '3333.message.trigger',
    response_url: options.url ?? responseUrl(),
    message_ts: OFFER_MESSAGE_TS,
    message: {
      type: 'message',
      user: 'U0RECRUITER',
      ts: OFFER_MESSAGE_TS,
      text,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    },
  };
}

function viewSubmission(values: ViewStateValues, privateMetadata = encodeOrigin({ channelId: CHANNEL })) {
  return submission(values, privateMetadata);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading what reached Slack
// ---------------------------------------------------------------------------------------------------------------

async function openedView(): Promise<{ call: ApiCall; view: ModalView }> {
  const [call] = await waitFor(
    () => slack.callsTo('views.open').length > 0 && slack.callsTo('views.open'),
    'views.open',
  );
  if (!call) throw new Error('no views.open');
  return { call, view: call.args.view as ModalView };
}

/** views.open is the first and only Web API call: nothing slow runs before it spends the trigger. */
async function expectModalOnly(triggerId: string): Promise<ModalView> {
  const { call, view } = await openedView();
  await settle();
  expect(slack.calls.map((c) => c.method)).toEqual(['views.open']);
  expect(call.args.trigger_id).toBe(triggerId);
  expect(view.callback_id).toBe('offer_modal');
  expect(slack.responses).toEqual([]);
  return view;
}

function deliveryChoices(view: ModalView): string[] {
  const block = (view.blocks as KnownBlock[]).find((b) => b.block_id === OFFER_BLOCKS.delivery) as {
    element: { options: { value: string }[] };
  };
  return block.element.options.map((option) => option.value);
}

function prefillNote(view: ModalView): string | undefined {
  const first = (view.blocks as KnownBlock[])[0] as { block_id?: string; elements?: { text: string }[] };
  return first.block_id === 'offer_prefill_note' ? first.elements?.[0]?.text : undefined;
}

const posts = () => slack.callsTo('chat.postMessage');
const dms = () => posts().filter((call) => call.args.channel === USER);
const payloadText = (call: ApiCall | undefined) => `${String(call?.args.text)}\n${JSON.stringify(call?.args.blocks)}`;

async function submitValid(values: ViewStateValues, metadata?: string, expectedPosts = 1) {
  const response = await sendInteraction(slack, viewSubmission(values, metadata));
  expect(response.status).toBe(200);
  expect(response.text).toBe(''); // an empty ack closes the modal
  await waitFor(() => posts().length >= expectedPosts && posts(), `${expectedPosts} posts`);
  await settle();
  return response;
}

// ---------------------------------------------------------------------------------------------------------------
// Ways in
// ---------------------------------------------------------------------------------------------------------------

describe('the modal opens on each way in, before anything else', () => {
  it('/allycomp offer: the command’s trigger, the channel and its response_url in private_metadata', async () => {
    const url = responseUrl();
    const response = await sendCommand(slack, 'offer', { trigger_id: '1111.command.trigger', response_url: url });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const view = await expectModalOnly('1111.command.trigger');
    expect(decodeOrigin(view.private_metadata)).toEqual({ channelId: CHANNEL, responseUrl: url });
    expect(deliveryChoices(view)).toEqual(['dm', 'share-positions', 'share-figures']);
    expect(initialValues(view)).toEqual({});
    expect(prefillNote(view)).toBeUndefined();
  });

  it('a long response_url never pushes private_metadata past 3,000 characters', async () => {
    const long = `${RESPONSE_HOST}/commands/T0TEAM/${'9'.repeat(3100)}/secret`;
    await sendCommand(slack, 'offer', { response_url: long });
    const { view } = await openedView();
    expect(view.private_metadata?.length).toBeLessThanOrEqual(3000);
    expect(decodeOrigin(view.private_metadata)).toEqual({ channelId: CHANNEL });
  });

  it('"Prep with my competing offer" on a region message: that message’s thread, the region preselected', async () => {
    const payload = blockActions({ action_id: 'offer_open', value: 'new-york' }, {}, { trigger_id: '5555.button' });
    const response = await sendInteraction(slack, payload);
    expect(response.status).toBe(200);
    const view = await expectModalOnly('5555.button');
    expect(decodeOrigin(view.private_metadata)).toEqual({
      channelId: CHANNEL,
      threadTs: REGION_MESSAGE_TS,
      responseUrl: payload.response_url,
    });
    expect(initialValues(view)).toEqual({ region: 'new-york' });
    expect(deliveryChoices(view)).toEqual(['dm', 'share-positions', 'share-figures']);
  });

  it('the button on a reply inside a thread keeps the thread’s parent', async () => {
    const payload = blockActions(
      { action_id: 'offer_open', value: 'detroit' },
      {},
      { message: { type: 'message', ts: '1700000009.000900', thread_ts: REGION_MESSAGE_TS, text: 'lever' } },
    );
    await sendInteraction(slack, payload);
    const { view } = await openedView();
    expect(decodeOrigin(view.private_metadata).threadTs).toBe(REGION_MESSAGE_TS);
    expect(initialValues(view)).toEqual({ region: 'detroit' });
  });

  it('the button on the App Home: no conversation, so the answer can only be a DM', async () => {
    const payload = blockActions(
      { action_id: 'offer_open', value: 'not-a-region' },
      { type: 'view', view_id: 'V0HOME' },
      { channel: undefined, message: undefined, response_url: undefined, view: { id: 'V0HOME', type: 'home' } },
    );
    await sendInteraction(slack, payload);
    const view = await expectModalOnly('1234.5678.trigger');
    expect(decodeOrigin(view.private_metadata)).toEqual({});
    expect(deliveryChoices(view)).toEqual(['dm']);
    expect(initialValues(view)).toEqual({});
  });

  it('the global shortcut "Prep a negotiation": no channel, so only "Just me"', async () => {
    const response = await sendInteraction(slack, globalShortcut('2222.global.trigger'));
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const view = await expectModalOnly('2222.global.trigger');
    expect(decodeOrigin(view.private_metadata)).toEqual({});
    expect(deliveryChoices(view)).toEqual(['dm']);
  });
});

describe('the message shortcut "Coach this offer" prefills what it read, and only that', () => {
  type Expected = Partial<Record<OfferFieldName, string>>;
  const phrasings: [text: string, fields: Expected, note: RegExp][] = [
    [
      'SoFi offered 170k base, 40k RSU a year, 15% bonus and a 20k sign-on',
      {
        company: 'SoFi',
        kind: 'digital-bank-or-fintech',
        base: '$170K',
        equity: '$40K',
        equityKind: 'annual',
        bonus: '15%',
        signOn: '$20K',
      },
      /base \$170K, equity \$40K a year, bonus 15%, sign-on \$20K.*Not in the message: the Ally Financial region/,
    ],
    [
      'Capital One: $245K TC',
      { company: 'Capital One', kind: 'other', totalComp: '$245K' },
      /company Capital One, total comp \$245K.*Capital One read as another kind of company/,
    ],
    [
      'Got an offer from Chime — base $180,000, equity $160k over 4 years, bonus 10%',
      {
        company: 'Chime',
        kind: 'digital-bank-or-fintech',
        base: '$180K',
        equity: '$160K',
        equityKind: 'grant',
        vesting: 'even-4',
        bonus: '10%',
      },
      /equity grant \$160K evenly over 4 years/,
    ],
    [
      'base: 175k\nrsu: 200k/4yrs\nbonus: 25k\nsign on: 30k',
      { base: '$175K', equity: '$200K', equityKind: 'grant', vesting: 'even-4', bonus: '$25K', signOn: '$30K' },
      /Not in the message: the company, the Ally Financial region; fill them in/,
    ],
    [
      'Discover is at 165 base + 15% bonus',
      { company: 'Discover', kind: 'digital-bank-or-fintech', base: '$165K', bonus: '15%' },
      /base 165 read as \$165,000/,
    ],
    [
      'Offer from Goldman Sachs Marcus: $190k salary, $50k/yr stock, $35k target bonus, $25k signing bonus, New York',
      {
        company: 'Goldman Sachs Marcus',
        kind: 'digital-bank-or-fintech',
        region: 'new-york',
        base: '$190K',
        equity: '$50K',
        equityKind: 'annual',
        bonus: '$35K',
        signOn: '$25K',
      },
      /region New York\./,
    ],
    [
      'Amazon: 160k base, 120k RSUs vesting 5/15/40/40, 40k sign-on',
      {
        company: 'Amazon',
        kind: 'big-tech',
        base: '$160K',
        equity: '$120K',
        equityKind: 'grant',
        vesting: 'front-loaded',
        signOn: '$40K',
      },
      /equity grant \$120K over 4 years, 5\/15\/40\/40/,
    ],
    [
      'They came back with 185K base and 20% bonus, no equity',
      { base: '$185K', equity: '$0', bonus: '20%' },
      /no equity read as \$0 stock/,
    ],
    [
      'JPMorgan Chase offered me $200,000 base salary with a 30,000 annual bonus in Charlotte',
      {
        company: 'JPMorgan Chase',
        kind: 'traditional-bank',
        region: 'charlotte',
        base: '$200K',
        bonus: '$30K',
      },
      /region Charlotte\..*Check each field/,
    ],
    [
      'Recruiter from Wells Fargo called: Senior Product Manager, 172k base, 12% bonus, 90k RSUs over 3 years',
      {
        company: 'Wells Fargo',
        kind: 'traditional-bank',
        titleText: 'Senior Product Manager',
        base: '$172K',
        equity: '$90K',
        equityKind: 'grant',
        vesting: 'custom',
        vestingCustom: '33.3/33.3/33.3',
        bonus: '12%',
      },
      /title Senior Product Manager.*evenly over 3 years/,
    ],
    [
      '*Offer update* from <https://sofi.com|SoFi>: base *$168,500*, stock 30k/yr, sign-on $15k :tada: <@U0RECRUITER>',
      {
        company: 'SoFi',
        kind: 'digital-bank-or-fintech',
        base: '$168.5K',
        equity: '$30K',
        equityKind: 'annual',
        signOn: '$15K',
      },
      /company SoFi, base \$168\.5K/,
    ],
    [
      'TC 250k at Capital One for a VP, Product Management role, Detroit',
      {
        company: 'Capital One',
        kind: 'other',
        titlePick: 'Capital One|VP, Product Management',
        region: 'detroit',
        totalComp: '$250K',
      },
      /title VP, Product Management, total comp \$250K, region Detroit/,
    ],
    [
      'Chime offered 180k base with RSUs 100k vesting 10/20/30/40, bonus 12.5%, in Charlotte',
      {
        company: 'Chime',
        kind: 'digital-bank-or-fintech',
        region: 'charlotte',
        base: '$180K',
        equity: '$100K',
        equityKind: 'grant',
        vesting: 'custom',
        vestingCustom: '10/20/30/40',
        bonus: '12.5%',
      },
      /10%\/20%\/30%\/40%, bonus 12\.5%/,
    ],
    [
      'Amazon: 160k base, 120k RSUs vesting 5/15/40/40, 40k sign-on, plus 5000 for something',
      {
        company: 'Amazon',
        kind: 'big-tech',
        base: '$160K',
        equity: '$120K',
        equityKind: 'grant',
        vesting: 'front-loaded',
        signOn: '$40K',
      },
      /Could not use: I couldn't tell what this amount is for: 5000/,
    ],
    [
      'lol good luck with the negotiation!',
      {},
      /^I could not read an offer in that message: fill in the form below\.$/,
    ],
  ];

  it.each(phrasings)('%j', async (text, fields, note) => {
    const url = responseUrl();
    const response = await sendInteraction(slack, messageShortcut(text, { url, triggerId: '3333.message.trigger' }));
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const view = await expectModalOnly('3333.message.trigger');
    // Every field it read, and nothing else: what it could not read stays empty for the person to fill.
    expect(initialValues(view)).toEqual(fields);
    expect(prefillNote(view)).toMatch(note);
    expect(decodeOrigin(view.private_metadata)).toEqual({
      channelId: CHANNEL,
      threadTs: OFFER_MESSAGE_TS,
      responseUrl: url,
    });
    expect(deliveryChoices(view)).toEqual(['dm', 'share-positions', 'share-figures']);
  });

  it('on a reply in a thread, sharing goes to that thread', async () => {
    await sendInteraction(slack, messageShortcut('SoFi: 240k TC', { threadTs: '1700000400.000001' }));
    const { view } = await openedView();
    expect(decodeOrigin(view.private_metadata).threadTs).toBe('1700000400.000001');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Submitting
// ---------------------------------------------------------------------------------------------------------------

describe('an invalid submission keeps the modal open with an error on each field', () => {
  it.each([
    ['a base that is not a number', { base: 'abc' }, {}, OFFER_BLOCKS.base, /"abc" isn't an amount.*Example: 170k/],
    ['a negative amount', { base: '170k', signOn: '-20k' }, {}, OFFER_BLOCKS.signOn, /negative.*Example: 20k/],
    ['an amount out of range', { base: '50M' }, {}, OFFER_BLOCKS.base, /over the \$10,000,000 maximum.*Example/],
    [
      'vesting that does not add up to 100',
      { base: '170k', equity: '160k', vestingCustom: '10/20/30' },
      { equityKind: 'grant', vesting: 'custom' },
      OFFER_BLOCKS.vestingCustom,
      /adds up to 60%.*Example: 10\/20\/30\/40/,
    ],
    ['an ambiguous bonus', { base: '170k', bonus: '15' }, {}, OFFER_BLOCKS.bonus, /15% or \$15K.*Example: 15% or 25k/],
    ['no amount at all', { company: 'SoFi' }, {}, OFFER_BLOCKS.base, /base salary.*Example: 170k/],
  ] as const)('%s', async (_name, typed, picked, blockId, message) => {
    const response = await sendInteraction(slack, viewSubmission(formValues(typed, { region: 'detroit', ...picked })));
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ response_action: 'errors', errors: { [blockId]: expect.stringMatching(message) } });
    await settle();
    expect(slack.calls).toEqual([]);
    expect(slack.responses).toEqual([]);
  });

  it('no region, and every other problem, in one answer', async () => {
    const values = formValues(
      { base: 'abc', totalComp: '-5k', equity: '50M', vestingCustom: '10/20/30', bonus: '15' },
      { equityKind: 'grant', vesting: 'custom' },
    );
    const response = await sendInteraction(slack, viewSubmission(values));
    expect(response.json?.response_action).toBe('errors');
    const errors = response.json?.errors as Record<string, string>;
    expect(Object.keys(errors).sort()).toEqual(
      [
        OFFER_BLOCKS.region,
        OFFER_BLOCKS.base,
        OFFER_BLOCKS.totalComp,
        OFFER_BLOCKS.equity,
        OFFER_BLOCKS.vestingCustom,
        OFFER_BLOCKS.bonus,
      ].sort(),
    );
    for (const message of Object.values(errors)) expect(message).toMatch(/[Ee]xample/);
    expect(errors[OFFER_BLOCKS.region]).toMatch(/Choose the Ally Financial region/);
    await settle();
    expect(slack.calls).toEqual([]);
  });
});

describe('a valid submission closes the modal and sends the full answer to the person’s DM', () => {
  it('golden: Capital One at $245K against Detroit, as the guide’s own example', async () => {
    await submitValid(
      formValues({ company: 'Capital One', totalComp: '245k' }, { kind: 'traditional-bank', region: 'detroit' }),
    );
    // The DM, then the chart uploaded into the DM's thread; nothing ephemeral, nothing anywhere else.
    await waitFor(() => slack.callsTo('files.completeUploadExternal').length >= 1, 'the chart');
    expect(slack.calls.map((call) => call.method)).toEqual([
      'chat.postMessage',
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);
    expect(slack.callsTo('chat.postEphemeral')).toEqual([]);
    const [dm] = posts();
    expect(dm?.args.channel).toBe(USER);
    expect(dm?.args.thread_ts).toBeUndefined();
    expect(String(dm?.args.text)).toBe(
      'Capital One offer: annual TC $245K; ask Detroit for $255K–$262K TC (base $165K–$168K, RSU $49K–$52K a year, bonus target 25%).',
    );
    const text = payloadText(dm);
    expect(text).toContain('*Annual TC:* $245K');
    expect(text).toContain('*First-year TC:* $245K');
    expect(text).toContain(
      '*What to ask for in Detroit:* *TC $255K–$262K* = base *$165K–$168K* + RSU *$49K–$52K* a year¹ + bonus *$41.3K–$42K* (target *25%* of base)',
    );
    expect(text).toContain(
      "I have a competing offer from Capital One at $245K TC. [only if true: It is for a product with 10% of Ally Auto's",
    );
    // The scripts say the opening only; the floor is the person's, shown beside the ask and never said.
    expect(text).toContain("bringing Ally's total comp to $262K to");
    expect(text).toContain('base salary at $168K to');
    expect(text).toContain('RSU component increased to $52K a year');
    expect(text).toContain('bonus target increased to 25%');
    expect(text).toContain(
      "*Your floor (don't say it):* $255K TC = base $165K + RSU $49K a year + bonus $41.3K (25% target).",
    );
    // The guide's own lever figures stay visible, labelled as the guide's, with the note that they fall short.
    expect(text).toContain("The guide's own figures, for its Detroit example:");
    expect(text).toContain('$9K–$12K short of its own TC ask');
    expect(text).toContain('*Walk-away:* $245K TC a year, your competing offer. Below it');
    for (const lever of [1, 2, 3, 4]) expect(text).toContain(`Lever ${lever} of 4`);
    // Where it sits, in every region, with the ask there.
    const table = (dm?.args.blocks as KnownBlock[] | undefined)?.find((block) => block.type === 'table') as
      | { rows: { text: string }[][] }
      | undefined;
    expect(table?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['Region', 'TC band', 'Your offer sits', 'Ask (TC)'],
      ['Detroit', '$182K–$262K', '79% up the band', '$255K–$262K'],
      ['Charlotte', '$191K–$275K', '64% up the band', '$255K–$275K'],
      ['New York', '$215K–$309K', '32% up the band', '$285K–$309K'],
    ]);
    // A traditional bank: the guide's 15–25% branchless premium, as a reason, with no dollar figure on the offer.
    // One premium story: the branchless 15–25% is the reason to hold at the top, never a second Ally TC figure.
    expect(text).toContain('Your competing offer is from a traditional bank');
    expect(text).toContain('by 15%–25%, so hold at the top of the range');
    expect(text).not.toContain('on your offer');
    expect(text).not.toContain('an Ally TC of');
    expect(text).toContain('*Open at* $262K TC, the top of the range, the one TC figure to say: a premium applies');
    expect(text).toContain('The guide prices the branchless premium twice');
    for (const source of guide().guide.sources) expect(text).toContain(source.title);
    expect(text).toContain("The guide's compensation bands are for Product Manager only");
  });

  it('an offer in parts: annual and first-year TC, each with its math', async () => {
    await submitValid(
      formValues(
        { company: 'SoFi', base: '170k', equity: '40k', bonus: '15%', signOn: '20k' },
        { region: 'detroit', equityKind: 'annual' },
      ),
    );
    const text = payloadText(dms()[0]);
    expect(text).toContain(
      '*Annual TC:* $235.5K — $170K base + $25.5K bonus + $40K equity a year = $235.5K. The sign-on is left out',
    );
    expect(text).toContain(
      '*First-year TC:* $255.5K — $170K base + $25.5K bonus + $40K equity vesting in year one + $20K sign-on = $255.5K',
    );
    expect(text).toContain('first-year TC is what lands in year one');
    expect(text).toContain('I have a competing offer from SoFi at $235.5K TC.');
    expect(text).toContain('total comp to $262K to');
    // The sign-on per end, on its own line (never inside the TC sum): $255.5K − $246K → $10K; the opening covers it.
    expect(text).toContain(
      '*First year:* your competing first year is $255.5K; at the floor ask a *$10K* sign-on, at the opening none (its TC covers the first year).',
    );
    expect(text).not.toContain('+ sign-on');
    // SoFi's kind came from its name, and the answer says so.
    expect(text).toContain('_Read as:_ Kind of company: not picked, read as digital bank or fintech from its name');
    expect(text).not.toContain('Branchless premium:');
  });

  it('a kind guessed from the company name shows the guide’s reason, in the same words as the quick form', async () => {
    const kindBlock = (call: ApiCall | undefined) =>
      (call?.args.blocks as KnownBlock[] | undefined)?.find((block) => block.block_id === 'offer_kind');
    await submitValid(formValues({ company: 'Chase', totalComp: '245k' }, { region: 'detroit' }));
    const fromForm = kindBlock(dms()[0]);
    const reason = guide().guide.companies.find((company) => company.name === 'Chase')?.reason ?? '';
    expect(JSON.stringify(fromForm)).toContain(JSON.stringify(`_Kind of company:_ Chase: ${reason}`).slice(1, -1));
    await sendCommand(slack, 'offer Chase 245k detroit');
    await waitFor(() => dms().length >= 2, 'the quick form’s DM');
    expect(kindBlock(dms()[1])).toEqual(fromForm);
  });

  it('a kind picked against the guide’s list is said to be the person’s choice', async () => {
    await submitValid(
      formValues({ company: 'Capital One', totalComp: '245k' }, { region: 'detroit', kind: 'traditional-bank' }),
    );
    expect(payloadText(dms()[0])).toContain(
      "_Kind of company:_ A traditional bank, as you chose it (the guide's list says another kind of company)",
    );
  });

  it('a front-loaded grant: year one is 5% of it, the annual value is the average', async () => {
    await submitValid(
      formValues(
        { company: 'Amazon', base: '160k', equity: '200k' },
        { region: 'new-york', equityKind: 'grant', vesting: 'front-loaded' },
      ),
    );
    const text = payloadText(dms()[0]);
    expect(text).toContain('*Annual TC:* $210K — $160K base + $50K equity a year = $210K');
    expect(text).toContain('*First-year TC:* $170K — $160K base + $10K equity vesting in year one = $170K');
    expect(text).toContain('the grant averaged over its vest');
  });

  it('an offer far above the published band is said plainly, with a level review first', async () => {
    await submitValid(formValues({ company: 'Google', totalComp: '320k' }, { region: 'detroit', kind: 'big-tech' }));
    const text = payloadText(dms()[0]);
    expect(text).toContain("Your competing $320K is $58K (22%) above Detroit's published band top $262K");
    expect(text).toContain('Start with a level review: ask for the Senior Product Manager band in writing');
    expect(text).toContain('*If they say no:* First a level review');
    // The guide's target ($240K–$262K) is not quoted under a higher ask.
    expect(text).not.toContain('$240K–$262K TC');
    expect(text).toContain('*TC $330K–$337K*');
    expect(text).toContain('$11K above the band');
  });

  it('the premiums the person ticked, each with its case, summed with the math', async () => {
    await submitValid(
      formValues({ base: '170', company: 'Chime' }, { region: 'charlotte' }, [
        'responsible-ai',
        'empathetic-automation',
      ]),
    );
    const text = payloadText(dms()[0]);
    expect(text).toContain("$18K–$33K in the guide's Ally.ai premiums, the case for holding at the top of the range");
    expect(text).toContain(
      '_Read as:_ Kind of company: not picked, read as digital bank or fintech from its name; Base: read as $170,000',
    );
  });

  it('a peer title maps to the Ally level, with the honest note about the bands', async () => {
    await submitValid(
      formValues({ totalComp: '300k' }, { region: 'new-york', titlePick: 'Capital One|VP, Product Management' }),
    );
    const text = payloadText(dms()[0]);
    // Said once, in the other-level warning (no Level line repeating it).
    const blocks = JSON.stringify(dms()[0]?.args.blocks);
    expect(blocks.split("VP, Product Management at Capital One maps to Ally's Director of Product")).toHaveLength(2);
    expect(text).toContain('bands are for Product Manager only');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Sharing
// ---------------------------------------------------------------------------------------------------------------

const GOLDEN = { company: 'Capital One', totalComp: '245k' };
const fromRegionMessage = (url?: string) =>
  encodeOrigin({ channelId: CHANNEL, threadTs: REGION_MESSAGE_TS, ...(url ? { responseUrl: url } : {}) });

/** Every figure of the person's own, and every figure derived from them, in every way they could be written. */
function personalStrings(input: OfferInput, regionId: string): string[] {
  const { guide: g } = guide();
  const normalised = normaliseOffer(input);
  if (!normalised.ok) throw new Error('bad offer');
  const offer = normalised.offer;
  const figures = [offer.base, offer.equityPerYear, offer.equityFirstYear, offer.bonus, offer.signOn]
    .concat([offer.annualTc, offer.firstYearTc])
    .flatMap((figure) => (figure ? [figure.value] : []));
  const strings = figures.flatMap((value) => [
    formatMoney(value),
    formatMoneyExact(value),
    String(value),
    formatMoneyExact(value).slice(1),
    formatMoney(value).slice(1),
  ]);
  for (const region of g.regions) {
    const ask = buildAskPackage(g, region, offer).ask;
    if (!ask) continue;
    for (const figure of [ask.tc, ask.base, ask.rsuPerYear, ask.bonus]) {
      if (figure.personal) strings.push(formatRange(figure.value), formatMoney(figure.value.low));
    }
  }
  void regionId;
  // A figure that is also one of the guide's public band figures (an ask at a band top) is no secret.
  const published = new Set(
    g.regions.flatMap((region) =>
      [...Object.values(region.band), region.strategy.target].flatMap((range) => [
        formatMoney(range.low),
        formatMoney(range.high),
        formatRange(range),
      ]),
    ),
  );
  return [...new Set(strings)].filter((secret) => !published.has(secret));
}

describe('sharing in the channel’s thread', () => {
  it('with figures: the person’s DM, then the thread, with the dollars and who shared it', async () => {
    await submitValid(
      formValues(GOLDEN, { kind: 'traditional-bank', region: 'detroit', delivery: 'share-figures' }),
      fromRegionMessage(),
      2,
    );
    const [dm, shared] = posts();
    expect(dm?.args.channel).toBe(USER);
    expect(shared?.args.channel).toBe(CHANNEL);
    expect(shared?.args.thread_ts).toBe(REGION_MESSAGE_TS);
    const text = payloadText(shared);
    expect(text).toContain(`Shared by <@${USER}>`);
    expect(text).toContain('*Annual TC:* $245K');
    expect(text).toContain('I have a competing offer from Capital One at $245K TC.');
    expect(text).toContain('$255K–$262K');
    expect(text).toContain('The offer sits');
    expect(slack.responses).toEqual([]);
  });

  it('positions and percentages only: none of the person’s figures, in any form, anywhere in the shared copy', async () => {
    await submitValid(
      formValues(GOLDEN, { kind: 'traditional-bank', region: 'detroit', delivery: 'share-positions' }),
      fromRegionMessage(),
      2,
    );
    const [dm, shared] = posts();
    expect(shared?.args.channel).toBe(CHANNEL);
    expect(shared?.args.thread_ts).toBe(REGION_MESSAGE_TS);
    const everything = JSON.stringify(shared?.args);
    const secrets = personalStrings(
      { company: 'Capital One', companyKind: 'traditional-bank', totalComp: 245_000 },
      'detroit',
    );
    expect(secrets).toEqual(expect.arrayContaining(['$245K', '245,000', '245000', '$255K–$262K', '$255K']));
    for (const secret of secrets) expect(everything, secret).not.toContain(secret);
    for (const secret of ['$245K', '$255K–$262K']) expect(payloadText(dm)).toContain(secret);
    // What the team does see: positions, percentages, the guide's own figures, the scripts with placeholders.
    const text = payloadText(shared);
    // What the team does see: that the person is preparing, the region's public band and target, the scripts
    // with blanks. No position in the band, no company.
    expect(text).toContain(`<@${USER}> is preparing a pay conversation`);
    expect(text).toContain('Their offer (company and figures) stays with them');
    expect(text).not.toMatch(/up the band|quarter of the band/);
    expect(text).toContain('I have a competing offer from [company] at [their TC] TC.');
    expect(text).toContain("bringing Ally's total comp to [your total-comp ask]");
    expect(text).toContain('bonus target increased to [your bonus target]');
    expect(text).toContain('target *$240K–$262K²* total comp');
  });

  it('positions only, for an offer in parts with distinctive amounts', async () => {
    await submitValid(
      formValues(
        { company: 'SoFi', base: '171,300', equity: '44,700', bonus: '15.5%', signOn: '25,500' },
        { region: 'charlotte', equityKind: 'annual', delivery: 'share-positions' },
      ),
      fromRegionMessage(),
      2,
    );
    const [dm, shared] = posts();
    const secrets = personalStrings(
      {
        company: 'SoFi',
        base: 171_300,
        equity: { kind: 'annual', dollars: 44_700 },
        bonus: { kind: 'percent', percent: 15.5 },
        signOn: 25_500,
      },
      'charlotte',
    );
    expect(secrets.length).toBeGreaterThan(20);
    const everything = JSON.stringify(shared?.args);
    for (const secret of secrets) expect(everything, secret).not.toContain(secret);
    expect(payloadText(dm)).toContain('$171.3K');
    expect(payloadText(dm)).toContain('$25.5K sign-on');
  });

  it('the bot is not in the channel: the shared copy goes through the stored response_url, in the channel', async () => {
    slack.respondTo('chat.postMessage', (args) =>
      args.channel === CHANNEL
        ? { body: { ok: false, error: 'not_in_channel' } }
        : { body: { ok: true, ts: '1700000800.000100', channel: String(args.channel) } },
    );
    const url = responseUrl();
    await submitValid(
      formValues(GOLDEN, { region: 'detroit', delivery: 'share-positions' }),
      fromRegionMessage(url),
      2,
    );
    const [shared] = await waitFor(() => slack.responses.length > 0 && slack.responses, 'response_url post');
    expect(`${RESPONSE_HOST}${shared?.path}`).toBe(url);
    expect(shared?.body.response_type).toBe('in_channel');
    expect(JSON.stringify(shared?.body)).toContain(`<@${USER}> is preparing`);
    expect(JSON.stringify(shared?.body)).not.toContain('$245K');
    expect(dms()).toHaveLength(1);
    expect(slack.responses).toHaveLength(1);
  });

  it('not in the channel and no response_url: the person is told in the DM', async () => {
    slack.respondTo('chat.postMessage', (args) =>
      args.channel === CHANNEL
        ? { body: { ok: false, error: 'not_in_channel' } }
        : { body: { ok: true, ts: '1700000800.000100', channel: String(args.channel) } },
    );
    await submitValid(formValues(GOLDEN, { region: 'detroit', delivery: 'share-figures' }), fromRegionMessage(), 3);
    const [answer, note] = dms();
    expect(String(answer?.args.text)).toContain('$245K');
    expect(String(note?.args.text)).toContain('I could not share your offer prep in that channel');
    expect(String(note?.args.text)).toContain('/invite @allycomp');
    expect(slack.responses).toEqual([]);
  });

  it('a figure still to confirm holds the share back, and the person is told in their DM', async () => {
    await submitValid(
      formValues({ company: 'Capital One', totalComp: '24.5k' }, { region: 'detroit', delivery: 'share-figures' }),
      fromRegionMessage(responseUrl()),
    );
    const [question] = dms();
    expect(payloadText(question)).toContain('Did you mean');
    expect(payloadText(question)).toContain('Nothing was shared in the channel');
    expect(posts().filter((call) => call.args.channel === CHANNEL)).toEqual([]);
    expect(slack.responses.filter((response) => response.body.response_type === 'in_channel')).toEqual([]);
  });

  it('a DM that cannot be posted falls back to the person alone through the response_url', async () => {
    slack.respondTo('chat.postMessage', () => ({ body: { ok: false, error: 'channel_not_found' } }));
    const url = responseUrl();
    await sendInteraction(slack, viewSubmission(formValues(GOLDEN, { region: 'detroit' }), fromRegionMessage(url)));
    const [answer] = await waitFor(() => slack.responses.length > 0 && slack.responses, 'response_url post');
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer?.body)).toContain('$255K–$262K');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Quick form
// ---------------------------------------------------------------------------------------------------------------

describe('the quick form answers at once, without a modal', () => {
  it('/allycomp offer SoFi 245k detroit: the answer in the DM, and a private "sent to your DM"', async () => {
    const response = await sendCommand(slack, 'offer SoFi 245k detroit');
    expect(response.text).toBe('');
    const [note] = await waitFor(() => slack.responses.length > 0 && slack.responses, 'ephemeral note');
    expect(note?.body).toEqual({
      response_type: 'ephemeral',
      text: 'Sent to your DM with allycomp: only you can see it.',
    });
    expect(slack.calls.map((call) => call.method)).toEqual(['chat.postMessage']);
    const [dm] = dms();
    const text = payloadText(dm);
    expect(text).toContain('I have a competing offer from SoFi at $245K TC.');
    expect(text).toContain('*TC $255K–$262K*');
    expect(text).toContain('_Read as:_ 245k read as $245K total comp; SoFi read as a digital bank or fintech');
  });

  it('no region: a private, specific problem with an example, and nothing posted', async () => {
    await sendCommand(slack, 'offer SoFi 245k');
    const [problem] = await waitFor(() => slack.responses.length > 0 && slack.responses, 'problem');
    expect(problem?.body.response_type).toBe('ephemeral');
    const text = JSON.stringify(problem?.body);
    expect(text).toContain('Which Ally Financial region should I compare with? Add one of detroit, charlotte, ny.');
    expect(text).toContain('for example `/allycomp offer SoFi 245k detroit`');
    await settle();
    expect(slack.calls).toEqual([]);
  });

  it('no amount: says what it did not find, with an example', async () => {
    await sendCommand(slack, 'offer abc detroit');
    const [problem] = await waitFor(() => slack.responses.length > 0 && slack.responses, 'problem');
    expect(problem?.body.response_type).toBe('ephemeral');
    expect(String(problem?.body.text)).toContain("I found no amount in 'abc detroit'");
    expect(JSON.stringify(problem?.body.blocks)).toContain('`/allycomp offer SoFi 245k detroit`');
    await settle();
    expect(slack.calls).toEqual([]);
  });

  it('an amount it cannot use: the amount’s own problem', async () => {
    await sendCommand(slack, 'offer SoFi -245k detroit');
    const [problem] = await waitFor(() => slack.responses.length > 0 && slack.responses, 'problem');
    expect(String(problem?.body.text)).toContain("Total comp: amounts can't be negative.");
  });

  it('when the DM cannot be posted, the answer comes privately instead', async () => {
    slack.respondTo('chat.postMessage', () => ({ body: { ok: false, error: 'channel_not_found' } }));
    await sendCommand(slack, 'offer SoFi 245k detroit');
    const [answer] = await waitFor(() => slack.responses.length > 0 && slack.responses, 'private answer');
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer?.body)).toContain('$255K–$262K');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Privacy: the logs
// ---------------------------------------------------------------------------------------------------------------

describe('privacy: no offer figure, company name or typed text in any log line', () => {
  it('[debug] the whole flow with distinctive amounts, logs captured at debug level', async () => {
    await start('debug');
    expect(slack.app.logger.getLevel()).toBe('debug');
    const company = 'Zyxwvut Capital';
    const typedWord = 'Quillfeather';
    let requests = 0;
    const send = async <T>(request: Promise<T>) => {
      requests += 1;
      const result = await request;
      await settle(30);
      return result;
    };

    // 1. The quick form.
    await send(sendCommand(slack, `offer ${company} 173,917 detroit`));
    // 2. The quick form with a problem that quotes what was typed.
    await send(sendCommand(slack, `offer ${company} ${typedWord} charlotte`));
    // 3. The message shortcut on a message with the offer and other typed text.
    const message = `${company} offered 173,917 base and 41,239 RSU a year. ${typedWord} says hi, New York`;
    await send(sendInteraction(slack, messageShortcut(message)));
    const { view } = await openedView();
    expect(initialValues(view)).toMatchObject({ company, base: '$173,917', equity: '$41,239', region: 'new-york' });
    // 4. An invalid submission whose error quotes the typed text back (to the modal only).
    const invalid = await send(
      sendInteraction(slack, viewSubmission(formValues({ company, base: typedWord }, { region: 'detroit' }))),
    );
    expect(JSON.stringify(invalid.json)).toContain(typedWord);
    // 5. The submission, shared with figures in a channel the bot is not in (the response_url fallback).
    slack.respondTo('chat.postMessage', (args) =>
      args.channel === CHANNEL
        ? { body: { ok: false, error: 'not_in_channel' } }
        : { body: { ok: true, ts: '1700000900.000100', channel: String(args.channel) } },
    );
    const url = responseUrl();
    await send(
      sendInteraction(
        slack,
        viewSubmission(
          formValues(
            { company, base: '173,917', equity: '41,239', bonus: '17.3917%', signOn: '17,391', titleText: typedWord },
            { region: 'new-york', equityKind: 'annual', delivery: 'share-figures' },
            ['responsible-ai'],
          ),
          fromRegionMessage(url),
        ),
      ),
    );
    await waitFor(() => slack.responses.some((r) => r.body.response_type === 'in_channel'), 'shared copy');
    // 6. A Web API failure the handler does not expect, so the error path logs too.
    slack.respondTo('chat.postMessage', () => ({ body: { ok: false, error: 'invalid_blocks' } }));
    await send(sendCommand(slack, `offer ${company} 173,917 ny`));
    await settle(100);

    // The figures did reach Slack (so the search below is meaningful)...
    const reachedSlack = JSON.stringify([slack.calls, slack.responses]);
    for (const figure of ['$173,917', '$41,239', company, typedWord]) expect(reachedSlack).toContain(figure);

    // ...and none of them reached a log line, in any format.
    const logs = loggedText(slack.logs);
    const forbidden = [
      '173917',
      '173,917',
      '173.9',
      '$173.9K',
      '174K',
      '174k',
      '41239',
      '41,239',
      '41.2K',
      '17391',
      '17,391',
      '17.3917',
      // annual TC 173,917 + 30,163 (17.3917% bonus) + 41,239 = 245,319
      '245319',
      '245,319',
      '30163',
      '30,163',
      'Zyxwvut',
      'zyxwvut',
      'Capital',
      typedWord,
      typedWord.toLowerCase(),
      'offered',
      'says hi',
    ];
    for (const text of forbidden) expect(logs, text).not.toContain(text);

    // Each request produced its one structured line: what was asked (by id), how it ended, how long it took.
    const lines = slack.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.some((line) => line.level === 'debug')).toBe(true);
    const requestLines = lines.filter((line) => line.msg === 'request');
    expect(requestLines).toHaveLength(requests);
    for (const line of requestLines) {
      expect(Object.keys(line).sort()).toEqual(['id', 'kind', 'level', 'logger', 'ms', 'msg', 'outcome', 't']);
      expect(typeof line.ms).toBe('number');
    }
    // A line is written when its request finishes, so the order follows how long each took.
    const byOutcome = (a: unknown[], b: unknown[]) => String(a).localeCompare(String(b));
    expect(requestLines.map((line) => [line.kind, line.id, line.outcome]).sort(byOutcome)).toEqual(
      [
        ['command', '/allycomp', 'dm+chart'],
        ['command', '/allycomp', 'invalid'],
        ['shortcut', 'coach_offer', 'modal'],
        ['view', 'offer_modal', 'invalid'],
        ['view', 'offer_modal', 'dm+chart+share-figures+response_url'],
        ['command', '/allycomp', 'error:invalid_blocks'],
      ].sort(byOutcome),
    );
  });
});

it('the payload check itself catches a broken payload', () => {
  const broken = { text: '', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] };
  expect(checkMessage(broken).map((violation) => violation.rule)).toEqual([
    'message_text_empty',
    'section_text_too_long',
  ]);
});
