/**
 * Every message and view the app can build, checked against Slack's limits (tests/support/limits.ts): what Slack would
 * reject with invalid_blocks or msg_too_long fails here first. Both guides, so a new guide is covered too.
 */
import { join } from 'node:path';
import type { HomeView, ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { answerCommand, mathAnswer, regionAnswer } from '../../src/answers/answers.js';
import { coachInDmProblem, rehearsalMessage } from '../../src/answers/coach.js';
import { buildOfferProblems, describeDraft, offerAnswerFromWords } from '../../src/answers/offer-flow.js';
import { prepareOffer } from '../../src/answers/offer-prep.js';
import { describeBandChart } from '../../src/chart/alt-text.js';
import { buildAskPackage } from '../../src/engine/ask/index.js';
import { compareRegions } from '../../src/engine/bands.js';
import { type CoachCardState, coachSteps, setStep } from '../../src/engine/coach.js';
import { MAX_NAME } from '../../src/engine/offer/collector.js';
import { normaliseOffer, type OfferInput, readOfferFromText } from '../../src/engine/offer/index.js';
import { type CommandError, parseCommand } from '../../src/engine/parse-command.js';
import { primaryAlias } from '../../src/engine/regions.js';
import { type LoadedGuide, loadGuide, projectRoot } from '../../src/guide/load.js';
import type { Region } from '../../src/guide/schema.js';
import { encodeRetry } from '../../src/slack/open-offer-modal.js';
import type { SlackMessage } from '../../src/views/blocks.js';
import { buildCoachCard } from '../../src/views/coach-card.js';
import {
  buildConsentAnswered,
  buildConsentOutcomeForCoach,
  buildConsentRequest,
  buildConsentSent,
} from '../../src/views/coach-consent.js';
import { buildCompareMessage } from '../../src/views/compare.js';
import {
  buildAddBotHint,
  buildChartFailedNote,
  buildErrorMessage,
  buildExpiredTriggerMessage,
  buildFormattedProblem,
  buildProblemMessage,
} from '../../src/views/error-messages.js';
import {
  buildLevelsMessage,
  buildLeversMessage,
  buildPremiumsMessage,
  buildSourcesMessage,
} from '../../src/views/guide-parts.js';
import { buildHelpMessage } from '../../src/views/help.js';
import { buildHomeView } from '../../src/views/home.js';
import { buildChannelOnlyNote, buildOfferFormPrompt } from '../../src/views/messages-tab.js';
import { buildOfferAnswer } from '../../src/views/offer-answer.js';
import { buildOfferModal } from '../../src/views/offer-modal.js';
import { buildFigureFreeShare } from '../../src/views/offer-share.js';
import {
  buildBusyAnswer,
  buildHeldBackAnswer,
  buildNotPostedBusy,
  buildQueuedNote,
} from '../../src/views/queue-notes.js';
import { buildChartMessage, chartImageBlock, withChartImage } from '../../src/views/shared-chart.js';
import { checkMessage, checkView } from '../support/limits.js';

const GUIDES: Array<[string, LoadedGuide]> = [
  ['Ally PM guide', loadGuide()],
  ['second guide', loadGuide(join(projectRoot(), 'tests', 'fixtures', 'guides', 'second-company.guide.yml'))],
];

type Payload = { kind: 'message'; message: SlackMessage } | { kind: 'view'; view: ModalView | HomeView };

/** A long, hostile thing a person might type: mrkdwn control characters inflate when escaped. */
const LONG_TYPED = `<@U0&>${'&<>'.repeat(600)}${'atlanta '.repeat(200)}`;

function offersFor(loaded: LoadedGuide): Array<[string, OfferInput, Region, string[]]> {
  const { guide } = loaded;
  const regions = guide.regions;
  const first = regions[0] as Region;
  const last = regions[regions.length - 1] as Region;
  const top = Math.max(...regions.map((region) => region.band.totalComp.high));
  const allPremiums = guide.premiums.map((premium) => premium.id);
  return [
    ['total comp only', { company: 'SoFi', totalComp: 245_000 }, first, []],
    [
      'base, annual RSU and a bonus %, one premium',
      {
        company: 'Capital One',
        title: 'Senior Product Manager',
        base: 170_000,
        equity: { kind: 'annual', dollars: 40_000 },
        bonus: { kind: 'percent', percent: 15 },
      },
      last,
      allPremiums.slice(0, 1),
    ],
    [
      'above every band, with a front-loaded grant and a sign-on',
      {
        company: 'Big Tech Co',
        companyKind: 'big-tech',
        base: 260_000,
        equity: { kind: 'grant', dollars: 600_000, vesting: { kind: 'front-loaded-5-15-40-40' } },
        bonus: { kind: 'dollars', dollars: 60_000 },
        signOn: 75_000,
      },
      first,
      [],
    ],
    ['far above the band (twice the top)', { company: 'Hedge fund', totalComp: top * 2 }, last, allPremiums],
    [
      'a traditional bank, custom vesting, every premium',
      {
        company: 'JPMorgan Chase',
        companyKind: 'traditional-bank',
        title: 'Vice President, Product',
        base: 180_000,
        equity: { kind: 'grant', dollars: 120_000, vesting: { kind: 'custom', percents: [10, 20, 30, 40] } },
        bonus: { kind: 'percent', percent: 20 },
        signOn: 25_000,
      },
      first,
      allPremiums,
    ],
    ['below the band, no company named', { base: 90_000 }, last, []],
    [
      'a company name at the limit of the form',
      { company: `${'&<>'.repeat(26)}Co`, companyKind: 'other', title: 'x'.repeat(80), totalComp: 200_000 },
      first,
      allPremiums,
    ],
    // The new answers of the ask package: each must stay inside Slack's limits too.
    ['a slipped digit: did you mean…? (buttons)', { company: 'SoFi', totalComp: 24_500 }, first, []],
    [
      'equity that may be a whole grant',
      { company: 'SoFi', base: 170_000, equity: { kind: 'annual', dollars: 300_000 } },
      last,
      [],
    ],
    [
      'a capped base: a named trade, and a first-year gap: a sign-on ask',
      { company: 'SoFi', base: 200_000, equity: { kind: 'annual', dollars: 30_000 }, signOn: 90_000 },
      first,
      allPremiums,
    ],
    [
      'another level: no band figures',
      { company: 'Capital One', title: 'VP, Product Management', totalComp: 320_000 },
      last,
      [],
    ],
    ['the company being negotiated with', { company: 'Ally Financial', totalComp: 245_000 }, first, []],
    [
      'a bonus % beside a total comp alone',
      { company: 'SoFi', totalComp: 245_000, bonus: { kind: 'percent', percent: 15 } },
      first,
      [],
    ],
    ...regions.flatMap(
      (region): Array<[string, OfferInput, Region, string[]]> => [
        [
          `at its largest, every warning beside an ask: ${region.id}`,
          largestOffer(region, 'above'),
          region,
          allPremiums,
        ],
        [`at its largest, far above the band: ${region.id}`, largestOffer(region, 'far'), region, allPremiums],
      ],
    ),
  ];
}

/** The longest company the offer form takes (80 characters). */
const LONGEST_COMPANY = 'Acme & <Sons> '.repeat(6).slice(0, MAX_NAME);

/**
 * An offer answer at its largest: the longest company, a title the guide does not map, no company kind, every part
 * just over its band top (base and bonus capped, RSU carried above its band) and a sign-on over the first-year gap.
 * `above` stays under the far-above-band line, so it gets the above-band warning and the ask's full text; `far` is
 * the level-review answer. Equity stays a year below the hold-back line, so the ask is given.
 */
function largestOffer(region: Region, how: 'above' | 'far'): OfferInput {
  const { base, stock, bonus } = region.band;
  const over = (top: number, far: number, near: number) => Math.round(how === 'far' ? top * far : top + near);
  return {
    company: LONGEST_COMPANY,
    title: 'Chief Product Wizard',
    base: over(base.high, 1.3, 1_000),
    equity: { kind: 'annual', dollars: over(stock.high, 1.8, 2_000) },
    bonus: { kind: 'dollars', dollars: over(bonus.high, 1.3, 2_000) },
    signOn: 150_000,
    // Over half the TC: confirmed as typed, so the answer carries it (the largest first-year figures).
    signOnConfirmed: true,
  };
}

function errorsFor(loaded: LoadedGuide): Array<[string, CommandError]> {
  const { guide } = loaded;
  const valid = guide.regions.map(primaryAlias);
  return [
    [
      'unknown region with a suggestion',
      { kind: 'unknown_region', input: 'detriot', valid, suggestion: guide.regions[0] },
    ],
    ['unknown region without one', { kind: 'unknown_region', input: 'atlanta', valid, suggestion: undefined }],
    [
      'unknown word with a suggestion',
      { kind: 'unknown_word', input: 'levls', suggestion: 'levels', valid: ['levels'] },
    ],
    ['unknown word without one', { kind: 'unknown_word', input: 'xyzzy', valid: ['help', 'all', 'levels'] }],
    ['a very long input', { kind: 'unknown_region', input: LONG_TYPED, valid, suggestion: undefined }],
  ];
}

/** Every command a person can type that is answered from the guide alone. */
function commandWords(loaded: LoadedGuide): string[] {
  const aliases = loaded.guide.regions.flatMap((region) => region.aliases);
  return [
    '',
    'help',
    'all',
    'compare',
    'levers',
    'levels',
    'premiums',
    'sources',
    'math',
    ...aliases,
    ...aliases.map((alias) => `${alias} private`),
    ...aliases.map((alias) => `levers ${alias}`),
    ...aliases.map((alias) => `math ${alias}`),
    'atlanta',
    'detriot',
    'levls',
    LONG_TYPED,
  ];
}

function payloadsFor(loaded: LoadedGuide): Array<[string, Payload]> {
  const { guide } = loaded;
  const out: Array<[string, Payload]> = [];
  const message = (label: string, built: SlackMessage) => out.push([label, { kind: 'message', message: built }]);
  const view = (label: string, built: ModalView | HomeView) => out.push([label, { kind: 'view', view: built }]);

  message('help', buildHelpMessage(guide));
  message('compare', buildCompareMessage(loaded, compareRegions(guide)));
  message('levels', buildLevelsMessage(guide));
  message('premiums', buildPremiumsMessage(loaded));
  message('sources', buildSourcesMessage(guide));
  for (const region of guide.regions) {
    const answer = regionAnswer(loaded, region);
    message(`${region.id}: region message`, answer.message);
    for (const [index, reply] of answer.thread.entries()) message(`${region.id}: lever reply ${index + 1}`, reply);
    message(`${region.id}: standalone (private, fallback, thread reply)`, answer.standalone);
    // As chart-posts.ts posts it once the workspace has the chart: the image inside the message.
    if (!answer.chart) throw new Error(`no chart for ${region.id}`);
    const altText = describeBandChart(answer.chart);
    message(
      `${region.id}: region message with its chart`,
      withChartImage(answer.message, chartImageBlock('F0', altText)),
    );
    message(`${region.id}: chart alone`, buildChartMessage('F0', answer.chart.title, altText));
    // Past the queue's caps: the busy answer goes back in the slash command's ack() body.
    for (const scope of ['channel', 'global'] as const) {
      message(`${region.id}: busy answer (${scope})`, buildBusyAnswer(answer.standalone, scope));
    }
    message(`${region.id}: held-back answer`, buildHeldBackAnswer(answer.standalone));
    message(`${region.id}: levers`, buildLeversMessage(loaded, buildAskPackage(guide, region)));
    message(`${region.id}: math`, mathAnswer(loaded, region));
  }
  for (const words of commandWords(loaded)) {
    const answer = answerCommand(loaded, parseCommand(guide, words));
    if (!answer) continue;
    const label = `/allycomp ${words.slice(0, 30)}`;
    message(`${label}: message`, answer.message);
    for (const [index, reply] of answer.thread.entries()) message(`${label}: reply ${index + 1}`, reply);
    message(`${label}: standalone`, answer.standalone);
  }
  for (const [label, error] of errorsFor(loaded)) message(`error: ${label}`, buildErrorMessage(error));
  for (const code of ['not_in_channel', 'channel_not_found', 'is_archived']) {
    message(`add-bot hint: ${code}`, buildAddBotHint(code));
  }
  message('problem: formatted', buildFormattedProblem('Only <@U0COACH> or <@U0MATE> can update this card.'));
  for (const code of ['missing_scope', 'http_500', 'upload_unreachable', 'render_failed', 'some_new_error']) {
    message(`chart failed: ${code}`, buildChartFailedNote(code));
  }
  for (const hadDraft of [false, true]) {
    message(
      `expired trigger${hadDraft ? ' (a draft)' : ''}`,
      buildExpiredTriggerMessage(
        encodeRetry({ channelId: 'C0', responseUrl: `https://hooks.slack.test/${'x'.repeat(400)}` }),
        hadDraft,
      ),
    );
  }
  for (const region of loaded.guide.regions) {
    const state: CoachCardState = { regionId: region.id, coachId: 'U0COACH', teammateId: 'U0MATE', ticks: {} };
    const ticked = coachSteps(loaded.guide, region).reduce(
      (card, step) => setStep(card, step.id, true, 'U0MATE', 1_700_000_000),
      state,
    );
    message(`coach card: ${region.id}`, buildCoachCard(loaded.guide, state));
    message(`coach card, all ticked: ${region.id}`, buildCoachCard(loaded.guide, ticked));
    message(`coach card, group: ${region.id}`, buildCoachCard(loaded.guide, { ...state, teammateId: undefined }));
    const consent = { regionId: region.id, coachId: 'U0COACH', teammateId: 'U0MATE', channelId: 'C0CHANNEL' };
    message(`coach consent request: ${region.id}`, buildConsentRequest(loaded.guide, consent));
    message(`coach consent sent: ${region.id}`, buildConsentSent(loaded.guide, consent));
    for (const answer of ['accepted', 'declined', 'not_posted'] as const) {
      message(`coach consent ${answer}: ${region.id}`, buildConsentAnswered(loaded.guide, consent, answer));
    }
    for (const answer of ['declined', 'not_posted'] as const) {
      message(`coach consent ${answer}, to the coach: ${region.id}`, buildConsentOutcomeForCoach(consent, answer));
    }
    // The rehearsal the app posts (rehearsalMessage), for every lever of the guide: none may be missing.
    for (const lever of loaded.guide.levers) {
      const rehearsal = rehearsalMessage(loaded.guide, state, lever.number);
      if (!rehearsal) throw new Error(`no rehearsal for lever ${lever.number} in ${region.id}`);
      message(`rehearse ${lever.number}: ${region.id}`, rehearsal);
    }
  }
  message('problem: not available', buildProblemMessage('`chart` is not available yet. Try `/allycomp help`.'));
  message('problem: long', buildProblemMessage(LONG_TYPED));
  message('Messages tab: offer form prompt', buildOfferFormPrompt());
  message('Messages tab: coach is for channels', buildChannelOnlyNote(coachInDmProblem(loaded)));
  message('queued note', buildQueuedNote());
  for (const scope of ['channel', 'global'] as const) {
    message(`chart not posted, busy (${scope})`, buildNotPostedBusy('the chart', scope));
  }
  message('DM notice', { text: 'Sent to your DM with allycomp: only you can see it.', blocks: [] });

  view('App Home', buildHomeView(loaded));
  view('offer modal, empty, from App Home', buildOfferModal(guide, { origin: {}, canShare: false }));
  const letter =
    'Offer from Capital One: Senior Product Manager, base $170,000, RSU grant of $160,000 vesting over 4 years, ' +
    `bonus 15%, sign-on $20,000. Location ${guide.regions[0]?.name}. ${'Benefits and more details. '.repeat(300)}`;
  const read = readOfferFromText(guide, letter);
  view(
    'offer modal, prefilled from a message',
    buildOfferModal(guide, {
      origin: {
        channelId: 'C0CHANNEL',
        threadTs: '1700000000.000100',
        responseUrl: `https://hooks.slack.com/actions/T0/1/${'x'.repeat(2_990)}`,
      },
      initial: read.draft,
      canShare: true,
      prefillNote: describeDraft(guide, read),
    }),
  );
  view(
    'offer modal, prefilled from nothing readable',
    buildOfferModal(guide, {
      origin: { channelId: 'C0CHANNEL' },
      canShare: true,
      prefillNote: describeDraft(guide, readOfferFromText(guide, LONG_TYPED)),
    }),
  );

  for (const [label, input, region, premiums] of offersFor(loaded)) {
    const normalised = normaliseOffer(input);
    if (!normalised.ok) throw new Error(`${label}: ${JSON.stringify(normalised.problems)}`);
    const prep = prepareOffer(guide, region, { ...input, regionId: region.id }, normalised.offer, premiums, [
      'Base: read as $170,000',
    ]);
    message(`offer ${label}: mine`, buildOfferAnswer(loaded, prep));
    message(`offer ${label}: shared with figures`, buildOfferAnswer(loaded, prep, { sharedBy: 'U0PERSON' }));
    message(`offer ${label}: mine, share held back`, buildOfferAnswer(loaded, prep, { shareHeldBack: true }));
  }
  for (const region of guide.regions) {
    message(`${region.id}: shared without figures`, buildFigureFreeShare(loaded, region, 'U0PERSON'));
  }
  const alias = primaryAlias(guide.regions[0] as Region);
  for (const words of [`SoFi 245k ${alias}`, `SoFi 245 ${alias}`, 'SoFi 245k', 'nothing useful', '', `${LONG_TYPED}`]) {
    message(
      `quick offer "${words.slice(0, 30)}"`,
      offerAnswerFromWords(loaded, words.split(' ').filter(Boolean)).message,
    );
  }
  message(
    'offer problems',
    buildOfferProblems(
      [
        { field: 'base', message: 'Base looks too low for a year.', example: '170k' },
        { field: 'region', message: `Which region?`, example: `offer SoFi 245k ${alias}` },
      ],
      ['Base: 170 read as $170,000'],
    ),
  );
  return out;
}

describe.each(GUIDES)('every payload built from the %s', (_name, loaded) => {
  const payloads = payloadsFor(loaded);

  it('builds a payload of every kind', () => {
    expect(payloads.length).toBeGreaterThan(60);
    expect(payloads.filter(([, payload]) => payload.kind === 'view')).toHaveLength(4);
  });

  it.each(payloads)('%s is within Slack’s limits', (_label, payload) => {
    if (payload.kind === 'view') {
      expect(checkView(payload.view)).toEqual([]);
      return;
    }
    expect(checkMessage(payload.message)).toEqual([]);
    // The notification and screen-reader text is never empty, and never just a placeholder.
    expect(payload.message.text.trim().length).toBeGreaterThan(10);
    // A footnote mark right after a closing * or _ keeps Slack from reading it as bold or italic: the marks showed.
    expect(JSON.stringify(payload.message.blocks)).not.toMatch(/[^\s*_][*_][¹²³⁴⁵⁶⁷⁸⁹⁰]/);
  });
});

describe('the largest offer answer', () => {
  const [, loaded] = GUIDES[0] as [string, LoadedGuide];
  const codes = (region: Region, how: 'above' | 'far') => {
    const input = largestOffer(region, how);
    const normalised = normaliseOffer(input);
    if (!normalised.ok) throw new Error(JSON.stringify(normalised.problems));
    const pkg = buildAskPackage(loaded.guide, region, normalised.offer);
    return { ask: pkg.ask !== undefined, codes: new Set(pkg.warnings.map((warning) => warning.code)) };
  };

  it.each(loaded.guide.regions.map((region) => [region.id, region] as const))(
    'in %s carries every warning that can stand beside an ask',
    (_id, region) => {
      expect(LONGEST_COMPANY).toHaveLength(MAX_NAME);
      const above = codes(region, 'above');
      expect(above.ask).toBe(true);
      for (const code of [
        'above-band',
        'part-capped',
        'part-above-band',
        'first-year-gap',
        'title-not-mapped',
        'kind-unknown',
      ] as const) {
        expect(above.codes).toContain(code);
      }
      const far = codes(region, 'far');
      expect(far.ask).toBe(true);
      expect(far.codes).toContain('far-above-band');
    },
  );
});

/** Every text a block shows, table cells included, in order. */
function blockTexts(block: unknown): string {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') return;
    if (Array.isArray(value)) for (const item of value) walk(item);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.text === 'string') out.push(record.text);
      for (const [key, inner] of Object.entries(record)) if (key !== 'text') walk(inner);
      if (record.text && typeof record.text === 'object') walk(record.text);
    }
  };
  walk(block);
  return out.join('\n');
}

const MARKS = '¹²³⁴⁵⁶⁷⁸⁹';

describe.each(GUIDES)('footnote markers in every message built from the %s', (_name, loaded) => {
  const messages = payloadsFor(loaded).flatMap(([label, payload]) =>
    payload.kind === 'message' ? [[label, payload.message] as const] : [],
  );

  it('has messages with footnotes to check', () => {
    const withNotes = messages.filter(([, message]) =>
      message.blocks.some((block) => new RegExp(`(^|\\n)[${MARKS}] `).test(blockTexts(block))),
    );
    expect(withNotes.length).toBeGreaterThan(5);
  });

  it.each(messages)('%s: each footnote’s marker appears above it, at its figure', (_label, message) => {
    message.blocks.forEach((block, index) => {
      if (block.type !== 'context') return;
      for (const element of (block as { elements: Array<{ text?: string }> }).elements) {
        const mark = new RegExp(`^([${MARKS}]) `).exec(element.text ?? '')?.[1];
        if (!mark) continue;
        const above = message.blocks.slice(0, index).map(blockTexts).join('\n');
        expect(above, `marker ${mark} for "${(element.text ?? '').slice(0, 60)}…"`).toContain(mark);
      }
    });
  });
});

describe('an error for a very long input', () => {
  it('echoes its start, and the hint after it is never cut off', () => {
    const error: CommandError = {
      kind: 'unknown_region',
      input: 'a'.repeat(3_000),
      valid: ['detroit'],
      suggestion: undefined,
    };
    const message = buildErrorMessage(error);
    expect(message.text).toContain(`'${'a'.repeat(60)}…' is not a region`);
    expect(message.text).toContain('/allycomp help lists every command.');
  });
});
