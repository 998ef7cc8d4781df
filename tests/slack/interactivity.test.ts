import type { KnownBlock } from '@slack/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandList } from '../../src/views/help.js';
import { OFFER_BLOCKS } from '../../src/views/ids.js';
import { checkMessage, checkView } from '../support/limits.js';
import {
  appHomeAction,
  blockActions,
  CHANNEL,
  guide,
  post,
  sendEvent,
  sendInteraction,
  settle,
  startTestSlack,
  TEAM,
  type TestSlack,
  USER,
  waitFor,
} from '../support/slack.js';

let slack: TestSlack;
beforeEach(async () => {
  slack = await startTestSlack();
});
afterEach(async () => {
  await slack.stop();
});

type Blocks = KnownBlock[];
const DM = 'D0PERSONDM';
const MESSAGE_TS = '1700000000.000100';
const ALL_TC = ['$182K–$262K', '$191K–$275K', '$215K–$309K'];

function tableCells(blocks: Blocks): string[][] {
  const table = blocks.find((block) => block.type === 'table') as { rows: Array<Array<{ text: string }>> } | undefined;
  return table ? table.rows.map((row) => row.map((cell) => cell.text)) : [];
}

const allText = (value: unknown) => JSON.stringify(value);

function expectWithinLimits(args: Record<string, unknown> | undefined) {
  expect(checkMessage({ text: String(args?.text), blocks: args?.blocks as Blocks })).toEqual([]);
}

/** Every action id in a payload: what the person can click. */
function actionIds(blocks: Blocks): string[] {
  return blocks.flatMap((block) =>
    block.type === 'actions' ? block.elements.map((element) => (element as { action_id: string }).action_id) : [],
  );
}

function seeRegion(regionId: string, container: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return blockActions({ action_id: `region_show:${regionId}`, value: regionId }, container, extra);
}

describe('"See <region>" on a region message', () => {
  it('posts that region as a reply in the clicked message’s thread, and never rewrites the message', async () => {
    const response = await sendInteraction(slack, seeRegion('detroit'));
    expect(response.status).toBe(200);
    const [reply] = await waitFor(() => slack.callsTo('chat.postMessage').length >= 1 && slack.calls, 'thread reply');
    expect(reply?.method).toBe('chat.postMessage');
    expect(reply?.args.channel).toBe(CHANNEL);
    expect(reply?.args.thread_ts).toBe(MESSAGE_TS);
    const blocks = reply?.args.blocks as Blocks;
    expect(tableCells(blocks)[4]).toEqual(['Total comp', '$182K', '$262K']);
    // In a thread there is no thread of its own: the lever scripts come inline, with Detroit's numbers.
    expect(allText(blocks)).toContain('Lever 4 of 4');
    expect(allText(blocks)).toContain('base salary at $168K');
    expectWithinLimits(reply?.args);
    await settle();
    expect(slack.calls.map((call) => call.method)).toEqual(['chat.postMessage']);
    expect(slack.responses).toEqual([]);
  });

  it('on a message that is itself a thread reply, posts under that thread’s parent', async () => {
    const parentTs = '1699999000.000200';
    await sendInteraction(
      slack,
      seeRegion(
        'charlotte',
        { thread_ts: parentTs },
        { message: { type: 'message', ts: MESSAGE_TS, thread_ts: parentTs, text: 'region', user: 'U0ALLYCOMP' } },
      ),
    );
    const [reply] = await waitFor(() => slack.callsTo('chat.postMessage').length >= 1 && slack.calls, 'thread reply');
    expect(reply?.args.thread_ts).toBe(parentTs);
    expect(tableCells(reply?.args.blocks as Blocks)[4]).toEqual(['Total comp²', '$191K', '$275K']);
    await settle();
    expect(slack.callsTo('chat.update')).toEqual([]);
    expect(slack.calls).toHaveLength(1);
  });

  it('from an ephemeral message, answers the clicker alone through response_url', async () => {
    await sendInteraction(slack, seeRegion('new-york', { is_ephemeral: true }));
    const [answer] = await waitFor(() => slack.responses.length >= 1 && slack.responses, 'response_url post');
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(answer?.body.replace_original).toBe(false);
    expect(tableCells(answer?.body.blocks as Blocks)[4]).toEqual(['Total comp', '$215K', '$309K']);
    expectWithinLimits(answer?.body);
    await settle();
    expect(slack.calls).toEqual([]);
    expect(slack.responses).toHaveLength(1);
  });

  it('in a conversation the bot is not in (an answer sent through response_url), still answers the clicker', async () => {
    slack.respondTo('chat.postMessage', () => ({ body: { ok: false, error: 'not_in_channel' } }));
    await sendInteraction(slack, seeRegion('detroit'));
    const [answer] = await waitFor(() => slack.responses.length >= 1 && slack.responses, 'response_url post');
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(answer?.body.replace_original).toBe(false);
    expect(allText(answer?.body.blocks)).toContain('$182K');
    await settle();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slack.callsTo('chat.update')).toEqual([]);
  });

  it('from App Home, posts the region in the person’s DM with the four levers in its thread', async () => {
    // Posting to a user id lands in the DM; Slack answers with the DM's own id, where the replies must go.
    let ts = 1_700_000_500;
    slack.respondTo('chat.postMessage', (args) => {
      ts += 1;
      const channel = args.channel === USER ? DM : args.channel;
      return { body: { ok: true, channel, ts: `${ts}.000100`, message: { ts: `${ts}.000100` } } };
    });
    await sendInteraction(slack, appHomeAction({ action_id: 'region_show:detroit', value: 'detroit' }));
    const [parent, ...replies] = await waitFor(
      () => slack.callsTo('chat.postMessage').length >= 2 && slack.callsTo('chat.postMessage'),
      'region and levers in the DM',
    );
    expect(parent?.args.channel).toBe(USER);
    expect(parent?.args.thread_ts).toBeUndefined();
    expect(tableCells(parent?.args.blocks as Blocks)[1]).toEqual(['Base', '$128K', '$168K']);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.args.channel).toBe(DM);
    expect(replies[0]?.args.thread_ts).toBe('1700000501.000100');
    for (const n of [1, 2, 3, 4]) expect(allText(replies[0]?.args.blocks)).toContain(`Lever ${n} of 4`);
    await settle();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
    // The band chart goes into the same DM thread.
    const [upload] = await waitFor(
      () => slack.callsTo('files.completeUploadExternal').length >= 1 && slack.callsTo('files.completeUploadExternal'),
      'chart',
    );
    expect(upload?.args).toMatchObject({ channel_id: DM, thread_ts: '1700000501.000100' });
    expect(slack.responses).toEqual([]);
  });
  it('from App Home, a lever reply that fails is not answered a second time', async () => {
    slack.respondTo('chat.postMessage', (args, index) =>
      index === 1
        ? { body: { ok: false, error: 'internal_error' } }
        : { body: { ok: true, channel: args.channel === USER ? DM : args.channel, ts: `170000060${index}.000100` } },
    );
    await sendInteraction(slack, appHomeAction({ action_id: 'region_show:new-york', value: 'new-york' }));
    await waitFor(() => slack.callsTo('chat.postMessage').length >= 3, 'the failing reply and the notice');
    await settle(100);
    // The parent is there; repeating the whole answer would post the band twice.
    // Instead the person is told, in their DM, that Slack did not take the rest.
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(3);
    expect(posts[2]?.args.channel).toBe(USER);
    expect(String(posts[2]?.args.text)).toContain('Slack did not accept my answer just now (internal_error)');
    expect(slack.logs.some((line) => line.includes('"outcome":"error:internal_error"'))).toBe(true);
  });
});

describe('"Show the math"', () => {
  it('answers only the clicker with every figure and where it comes from', async () => {
    await sendInteraction(slack, blockActions({ action_id: 'math_show:new-york', value: 'new-york' }));
    const [answer] = await waitFor(() => slack.responses.length >= 1 && slack.responses, 'response_url post');
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(answer?.body.replace_original).toBe(false);
    expectWithinLimits(answer?.body);
    const blocks = answer?.body.blocks as Blocks;
    const lines = blocks
      .filter((block) => block.type === 'section' && block.block_id?.startsWith('math_'))
      .flatMap((block) => ((block as { text: { text: string } }).text.text ?? '').split('\n'));
    // The four band figures, the target, the ask (TC, its three parts, the bonus target, where to open) and the
    // guide's own four lever figures.
    expect(lines).toHaveLength(15);
    for (const line of lines) expect(line).toMatch(/^• \*.+: .+\*[¹²³⁴⁵⁶⁷⁸⁹]* \((guide figure|computed)\) — \S/);
    for (const figure of [
      'New York base: $151K–$198K* (guide figure)',
      'New York RSU a year: $33K–$61K* (guide figure)',
      'New York bonus: $31K–$50K* (guide figure)',
      'New York total comp: $215K–$309K* (guide figure)',
      'New York negotiate-up target: $285K–$309K* (guide figure)',
      'New York base ask: $194K–$198K* (computed)',
      'New York TC ask: $285K–$309K* (guide figure)',
      'New York RSU ask a year: $52K–$61K* (computed)',
      'Guide lever 1 base: $165K* (guide figure)',
    ]) {
      expect(lines.join('\n')).toContain(figure);
    }
    expect(String(answer?.body.text)).toContain('15 figures');
    await settle();
    expect(slack.calls).toEqual([]);
    expect(slack.responses).toHaveLength(1);
  });
});

describe('"Prep with my competing offer"', () => {
  it('opens the offer modal with the click’s trigger_id before anything else, the region preselected', async () => {
    const payload = blockActions({ action_id: 'offer_open', value: 'charlotte' }, {}, { trigger_id: '999.888.fresh' });
    const response = await sendInteraction(slack, payload);
    expect(response.status).toBe(200);
    const [open] = await waitFor(() => slack.calls.length >= 1 && slack.calls, 'views.open');
    expect(open?.method).toBe('views.open');
    expect(open?.args.trigger_id).toBe('999.888.fresh');
    const view = open?.args.view as {
      type: string;
      callback_id: string;
      blocks: Array<{ block_id?: string; element?: { initial_option?: { value: string } } }>;
    };
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe('offer_modal');
    const region = view.blocks.find((block) => block.block_id === OFFER_BLOCKS.region);
    expect(region?.element?.initial_option?.value).toBe('charlotte');
    expect(checkView(open?.args.view as Parameters<typeof checkView>[0])).toEqual([]);
    await settle();
    expect(slack.calls).toHaveLength(1);
    expect(slack.responses).toEqual([]);
  });
});

describe('App Home', () => {
  function homeOpened(tab: 'home' | 'messages') {
    return { type: 'app_home_opened', user: USER, channel: DM, tab, event_ts: '1700000000.000900' };
  }

  it('publishes, for the person who opened it, every region’s figures, the commands and the buttons', async () => {
    const response = await sendEvent(slack, homeOpened('home'));
    expect(response.status).toBe(200);
    const [publish] = await waitFor(() => slack.callsTo('views.publish').length >= 1 && slack.callsTo('views.publish'));
    expect(publish?.args.user_id).toBe(USER);
    const view = publish?.args.view as { type: string; blocks: Blocks };
    expect(view.type).toBe('home');
    const text = allText(view.blocks);
    for (const range of ALL_TC) expect(text).toContain(range);
    // The whole command list, each with its example.
    const commands = commandList(guide().guide);
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const entry of commands) expect(text).toContain(`/allycomp ${entry.words}`);
    expect(actionIds(view.blocks)).toEqual([
      'region_show:detroit',
      'region_show:charlotte',
      'region_show:new-york',
      'offer_open',
    ]);
    expect(checkView(view as Parameters<typeof checkView>[0])).toEqual([]);
    await settle();
    expect(slack.calls).toHaveLength(1);
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    expect((await sendEvent(slack, homeOpened('messages'))).status).toBe(200);
    await settle();
    expect(slack.calls).toEqual([]);
  });

  it('a retried delivery of the same event (x-slack-retry-num) is acknowledged and dropped: one publish', async () => {
    const body = JSON.stringify({
      token: 'deprecated',
      team_id: TEAM.id,
      api_app_id: 'A0ALLYCOMP',
      event: homeOpened('home'),
      type: 'event_callback',
      event_id: 'Ev0RETRIED',
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: TEAM.id, user_id: 'U0ALLYCOMP', is_bot: true }],
    });
    expect((await post(slack, body, 'application/json')).status).toBe(200);
    const retry = await post(slack, body, 'application/json', {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await waitFor(() => slack.callsTo('views.publish').length >= 1, 'the first publish');
    await settle();
    expect(slack.calls).toHaveLength(1);
    expect(slack.logs.some((line) => line.includes('"outcome":"duplicate"'))).toBe(true);
  });
});

describe('the bot’s DM (Messages tab)', () => {
  function dm(fields: Record<string, unknown>) {
    return {
      type: 'message',
      channel: DM,
      channel_type: 'im',
      ts: '1700000100.000100',
      event_ts: '1700000100.000100',
      ...fields,
    };
  }

  it('answers "ny" in the DM, with the four lever scripts as replies in its thread', async () => {
    const response = await sendEvent(slack, dm({ user: USER, text: 'ny' }));
    expect(response.status).toBe(200);
    const [parent, ...replies] = await waitFor(
      () => slack.callsTo('chat.postMessage').length >= 2 && slack.callsTo('chat.postMessage'),
      'answer and the levers reply',
    );
    expect(parent?.args.channel).toBe(DM);
    expect(parent?.args.thread_ts).toBeUndefined();
    expect(tableCells(parent?.args.blocks as Blocks)[4]).toEqual(['Total comp', '$215K', '$309K']);
    expectWithinLimits(parent?.args);
    expect(replies).toHaveLength(1);
    const parentTs = replies[0]?.args.thread_ts;
    expect(parentTs).toMatch(/^\d+\.\d+$/);
    expect(replies[0]?.args.channel).toBe(DM);
    for (const n of [1, 2, 3, 4]) expect(allText(replies[0]?.args.blocks)).toContain(`Lever ${n} of 4`);
    expectWithinLimits(replies[0]?.args);
    await settle();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
    const [upload] = await waitFor(
      () => slack.callsTo('files.completeUploadExternal').length >= 1 && slack.callsTo('files.completeUploadExternal'),
      'chart',
    );
    expect(upload?.args).toMatchObject({ thread_ts: parentTs });
  });

  it('"offer" alone offers the form with a button (a typed message has no trigger to open it with)', async () => {
    await sendEvent(slack, dm({ user: USER, text: 'offer' }));
    const [post] = await waitFor(
      () => slack.callsTo('chat.postMessage').length >= 1 && slack.callsTo('chat.postMessage'),
    );
    expect(post?.args.channel).toBe(DM);
    expect(actionIds(post?.args.blocks as Blocks)).toEqual(['offer_open']);
    expect(allText(post?.args.blocks as Blocks)).not.toContain('I found no amount');
    expectWithinLimits(post?.args);
    await settle();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('"chart ny" when uploads are turned off: the DM says why, not that an answer above is complete', async () => {
    slack.respondTo('files.completeUploadExternal', () => ({ body: { ok: false, error: 'file_uploads_disabled' } }));
    await sendEvent(slack, dm({ user: USER, text: 'chart ny' }));
    const [note] = await waitFor(
      () => slack.callsTo('chat.postMessage').length >= 1 && slack.callsTo('chat.postMessage'),
      'the note in the DM',
    );
    expect(note?.args.channel).toBe(DM);
    expect(note?.args.text).toBe('I could not post the chart here: this workspace has turned file uploads off.');
    expectWithinLimits(note?.args);
  });

  it('"chart" and "chart ny" post the chart in the DM', async () => {
    await sendEvent(slack, dm({ user: USER, text: 'chart ny' }));
    const [upload] = await waitFor(
      () => slack.callsTo('files.getUploadURLExternal').length >= 1 && slack.callsTo('files.getUploadURLExternal'),
    );
    expect(String(upload?.args.alt_txt)).toContain('New York is drawn first');
    const [done] = await waitFor(
      () => slack.callsTo('files.completeUploadExternal').length >= 1 && slack.callsTo('files.completeUploadExternal'),
    );
    expect(done?.args.channel_id).toBe(DM);
    expect(slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('"coach" says it works in a channel, with the exact command to type there', async () => {
    await sendEvent(slack, dm({ user: USER, text: 'coach ny' }));
    const [post] = await waitFor(
      () => slack.callsTo('chat.postMessage').length >= 1 && slack.callsTo('chat.postMessage'),
    );
    expect(post?.args.channel).toBe(DM);
    expect(String(post?.args.text)).toContain('type /allycomp coach @teammate detroit');
    expect(String(post?.args.text)).toContain('/allycomp coach detroit for the whole channel');
    expectWithinLimits(post?.args);
  });

  it.each([
    ['another bot', { bot_id: 'B0OTHERBOT', user: 'U0OTHERBOT', text: 'ny' }],
    ['allycomp itself', { bot_id: 'B0ALLYCOMP', user: 'U0ALLYCOMP', text: 'ny' }],
    ['an edit', { subtype: 'message_changed', message: { user: USER, text: 'ny' } }],
  ])('ignores a message from %s', async (_who, fields) => {
    expect((await sendEvent(slack, dm(fields))).status).toBe(200);
    await settle();
    expect(slack.calls).toEqual([]);
  });
});
