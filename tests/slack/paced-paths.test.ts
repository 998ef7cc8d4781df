/**
 * Every way allycomp posts, under Slack's per-channel pace (tests/support/paced-slack.ts, time ×5): the region
 * buttons, the chart command, the prep card, the shared offer and the DM go through the same per-channel queue as
 * `/allycomp <region>` (in order, paced, nobody told to retry), and a chart without anyone's figures is uploaded once
 * per workspace and then shown as the message's own image. A chart with a person's figures is uploaded every time.
 */
import type { KnownBlock } from '@slack/types';
import { afterEach, describe, expect, it } from 'vitest';
import { regionChartInput } from '../../src/answers/chart-input.js';
import { describeBandChart } from '../../src/chart/alt-text.js';
import { regionById } from '../../src/engine/regions.js';
import { encodeOrigin } from '../../src/views/offer-modal.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { formValues } from '../support/offer-view.js';
import { type PacedSlack, startPacedSlack, toldToRetry, until } from '../support/paced-slack.js';
import {
  appHomeAction,
  blockActions,
  guide,
  sendCommand,
  sendEvent,
  sendInteraction,
  settle,
  viewSubmission,
} from '../support/slack.js';

const { guide: g } = guide();
const BUSY = 'C0BUSY';
const PARENT_TS = '1700000000.000100';

let paced: PacedSlack | undefined;
afterEach(async () => {
  await paced?.stop();
  paced = undefined;
});

async function start(): Promise<PacedSlack> {
  paced = await startPacedSlack();
  return paced;
}

type Image = { type: string; slack_file?: { id: string }; alt_text?: string; title?: { text: string } };

/** The slack_file image a post shows, if any. */
function imageOf(call: RecordedCall | undefined): Image | undefined {
  return (call?.args.blocks as Image[] | undefined)?.find((block) => block.type === 'image' && block.slack_file);
}

const uploads = (p: PacedSlack) => p.fake.callsTo('files.completeUploadExternal');

describe('"See <region>" under the channel’s pace', () => {
  it('clicked 5 times in a channel already busy with answers: each lands in the thread, in order; nobody is told to retry', async () => {
    const p = await start();
    // Six region answers first (12 posts): the channel is well past its burst when the clicks arrive.
    for (let i = 0; i < 6; i++) {
      await sendCommand(p.target, 'ny', { channel_id: BUSY, user_id: `U0ASK${i}`, response_url: p.fake.responseUrl() });
    }
    const clicked = ['detroit', 'charlotte', 'new-york', 'detroit', 'charlotte'];
    for (const [i, region] of clicked.entries()) {
      const click = blockActions(
        { action_id: `region_show:${region}`, value: region },
        { channel_id: BUSY, message_ts: PARENT_TS },
        {
          user: { id: `U0CLICK${i}`, username: 'person', team_id: 'T0TEAM' },
          channel: { id: BUSY, name: 'busy' },
          response_url: p.fake.responseUrl(),
        },
      );
      expect((await sendInteraction(p.target, click)).status).toBe(200);
    }
    await until(() => p.fake.messages(BUSY).length >= 12 + 5, 'the answers and the five clicks', 10_000);
    await settle(300);

    const posts = p.fake.messages(BUSY);
    expect(posts).toHaveLength(17);
    // The clicks after the answers already queued, in the order they were clicked, each in the clicked thread.
    const replies = posts.slice(12);
    expect(replies.map((post) => post.thread_ts)).toEqual(Array(5).fill(PARENT_TS));
    const names = replies.map((post) => String(post.args.text));
    for (const [i, region] of clicked.entries()) expect(names[i]).toContain(regionById(g, region).shortName);
    // In a thread the levers come inline; the picture is the region message's own, so no upload for a click.
    for (const reply of replies) expect(JSON.stringify(reply.args.blocks)).toContain('Lever 4 of 4');
    expect(p.fake.callsTo('files.getUploadURLExternal')).toHaveLength(1);

    expect(toldToRetry(p.fake)).toEqual([]);
    expect(p.outcomes().filter((outcome) => outcome === 'thread')).toHaveLength(5);
  });

  it('clicked 5 times from App Home: each answer whole in the DM, in order, the chart uploaded once and then shown in the message', async () => {
    const p = await start();
    const clicked = ['detroit', 'charlotte', 'new-york', 'detroit', 'charlotte'];
    for (const [i, region] of clicked.entries()) {
      const click = appHomeAction({ action_id: `region_show:${region}`, value: region });
      // The tab opened afresh each time (another view id), so no click is taken for a double click.
      (click.container as Record<string, unknown>).view_id = `V0HOME${i}`;
      (click.user as Record<string, unknown>).id = 'U0HOME';
      expect((await sendInteraction(p.target, click)).status).toBe(200);
    }
    const inDm = () => p.fake.messages().filter((post) => post.channel === 'U0HOME' || post.channel === 'D0HOME');
    await until(() => inDm().length >= 10, 'five answers in the DM', 10_000);
    await settle(300);

    const parents = inDm().filter((post) => post.thread_ts === undefined);
    expect(parents).toHaveLength(5);
    for (const [i, region] of clicked.entries()) {
      expect(String(parents[i]?.args.text).startsWith(regionById(g, region).shortName)).toBe(true);
    }
    expect(uploads(p)).toHaveLength(1);
    const fileId = p.fake.uploads[0]?.fileId;
    expect(uploads(p)[0]?.args.channel_id).toBe('D0HOME');
    for (const parent of parents.slice(1)) expect(imageOf(parent)?.slack_file?.id).toBe(fileId);
    expect(p.outcomes()).toEqual(Array(5).fill('dm+chart'));
  });
  it('a reply Slack refuses: the person is told in the DM after the answers already waiting there, paced like them', async () => {
    const p = await start();
    // The first answer's levers reply (the first post to the DM's own id) is refused. Its first post is held a second,
    // long enough on a busy machine for the other three clicks to queue behind it; posts after the clicks are not held.
    p.fake.inject('chat.postMessage', { error: 'internal_error', channel: 'D0HOME' });
    p.fake.delay('chat.postMessage', 1_000);
    const clicked = ['detroit', 'charlotte', 'new-york', 'detroit'];
    for (const [i, region] of clicked.entries()) {
      const click = appHomeAction({ action_id: `region_show:${region}`, value: region });
      (click.container as Record<string, unknown>).view_id = `V0HOME${i}`;
      (click.user as Record<string, unknown>).id = 'U0HOME';
      expect((await sendInteraction(p.target, click)).status).toBe(200);
    }
    p.fake.delay('chat.postMessage', 0);
    const inDm = () => p.fake.messages().filter((post) => post.channel === 'U0HOME' || post.channel === 'D0HOME');
    // The first answer's parent, three whole answers, then the notice.
    await until(() => inDm().length >= 8, 'the answers and the notice', 10_000);
    await settle(300);
    const posts = inDm();
    expect(posts).toHaveLength(8);
    const notice = posts.at(-1);
    expect(notice?.channel).toBe('U0HOME');
    expect(String(notice?.args.text)).toContain('Slack did not accept my answer just now (internal_error)');
    for (const post of posts.slice(0, -1)) expect(String(post.args.text)).not.toContain('did not accept');
    // In the lane's pace: Slack never had to refuse a post for the rate.
    expect(p.fake.rejected.filter((call) => call.status === 429)).toEqual([]);
    expect(p.outcomes()).toEqual(['error:internal_error', 'dm+chart', 'dm+chart', 'dm+chart']);
  });
});

describe('/allycomp chart', () => {
  it('chart ny twice, then in the DM: one upload; after it the chart is a message showing that file', async () => {
    const p = await start();
    await sendCommand(p.target, 'chart ny', { channel_id: BUSY, response_url: p.fake.responseUrl() });
    await sendCommand(p.target, 'chart ny', { channel_id: BUSY, response_url: p.fake.responseUrl() });
    await until(() => p.fake.messages(BUSY).length >= 1, 'the second chart');
    await sendEvent(p.target, {
      type: 'message',
      channel: 'D0PERSON',
      channel_type: 'im',
      user: 'U0PERSON',
      text: 'chart ny',
    });
    await until(() => p.fake.messages('D0PERSON').length >= 1, 'the chart in the DM');
    await settle(300);

    expect(p.fake.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(uploads(p)[0]?.args.channel_id).toBe(BUSY);
    const ny = regionChartInput(g, regionById(g, 'new-york'));
    for (const post of [...p.fake.messages(BUSY), ...p.fake.messages('D0PERSON')]) {
      const image = imageOf(post);
      expect(image?.slack_file?.id).toBe(p.fake.uploads[0]?.fileId);
      expect(image?.title?.text).toBe(ny.title);
      expect(image?.alt_text).toBe(describeBandChart(ny));
    }
    expect(p.outcomes()).toEqual(['chart', 'chart', 'chart']);
  });
});

describe('the prep card', () => {
  it('two cards in a channel: the band chart uploaded into the first card’s thread, shown in the second’s band message', async () => {
    const p = await start();
    await sendCommand(p.target, 'coach ny', { channel_id: BUSY, response_url: p.fake.responseUrl() });
    await until(() => uploads(p).length >= 1, 'the first card’s chart');
    await sendCommand(p.target, 'coach ny', { channel_id: BUSY, response_url: p.fake.responseUrl() });
    await until(() => p.fake.messages(BUSY).length >= 6, 'the second card and its thread');
    await settle(300);

    const posts = p.fake.messages(BUSY);
    expect(posts.map((post) => (post.thread_ts === undefined ? 'card' : 'thread'))).toEqual([
      'card',
      'thread',
      'thread',
      'card',
      'thread',
      'thread',
    ]);
    expect(posts[4]?.thread_ts).toBe(posts[3]?.ts);
    expect(imageOf(posts[4])?.slack_file?.id).toBe(p.fake.uploads[0]?.fileId);
    expect(uploads(p)).toHaveLength(1);
    expect(p.outcomes()).toEqual(['group_card+chart', 'group_card+chart']);
  });
});

describe('the offer, privately and shared', () => {
  async function submit(p: PacedSlack, n: number, delivery: 'share-positions' | 'share-figures'): Promise<void> {
    const values = formValues(
      { company: 'Capital One', totalComp: '245k' },
      { kind: 'traditional-bank', region: 'detroit', delivery },
    );
    const payload = viewSubmission(values, encodeOrigin({ channelId: BUSY, threadTs: PARENT_TS }));
    (payload.view as Record<string, unknown>).id = `V0OFFER${n}`; // a new form each time, not a resubmission
    expect((await sendInteraction(p.target, payload)).status).toBe(200);
  }

  it('the person’s own chart is uploaded every time and never shown again; the figure-free share reuses the bands', async () => {
    const p = await start();
    await submit(p, 1, 'share-positions');
    await until(() => uploads(p).length >= 2, 'the DM chart and the shared bands');
    await submit(p, 2, 'share-positions');
    await until(() => p.fake.messages(BUSY).length >= 2, 'the second shared copy');
    await submit(p, 3, 'share-figures');
    await until(() => uploads(p).length >= 5, 'the third DM chart and the shared offer chart');
    await settle(300);

    const personal = p.fake.uploads.filter((upload) => upload.alt_txt?.includes('Your offer'));
    const bands = p.fake.uploads.filter((upload) => !upload.alt_txt?.includes('Your offer'));
    // Three DM charts and the chart shared with figures: each the person's, each uploaded for that answer alone.
    expect(personal).toHaveLength(4);
    expect(bands).toHaveLength(1);
    const shown = p.fake.messages().flatMap((post) => {
      const image = imageOf(post);
      return image?.slack_file ? [image.slack_file.id] : [];
    });
    expect(shown).toEqual([bands[0]?.fileId]);
    const [, second] = p.fake.messages(BUSY);
    expect(imageOf(second)?.slack_file?.id).toBe(bands[0]?.fileId);
    expect(JSON.stringify(second?.args.blocks as KnownBlock[])).not.toContain('245');
    expect(p.outcomes()).toEqual([
      'dm+chart+share-positions+chart',
      'dm+chart+share-positions+chart',
      'dm+chart+share-figures+chart',
    ]);
  });
});

describe('the bot’s DM', () => {
  it('ny twice: the levers in each answer’s thread, the chart uploaded once and then shown in the message', async () => {
    const p = await start();
    const ask = () =>
      sendEvent(p.target, { type: 'message', channel: 'D0PERSON', channel_type: 'im', user: 'U0PERSON', text: 'ny' });
    await ask();
    await until(() => uploads(p).length >= 1, 'the first answer’s chart');
    await ask();
    await until(() => p.fake.messages('D0PERSON').length >= 4, 'the second answer');
    await settle(300);

    const [first, firstLevers, second, secondLevers] = p.fake.messages('D0PERSON');
    expect(firstLevers?.thread_ts).toBe(first?.ts);
    expect(secondLevers?.thread_ts).toBe(second?.ts);
    expect(imageOf(first)).toBeUndefined();
    expect(imageOf(second)?.slack_file?.id).toBe(p.fake.uploads[0]?.fileId);
    expect(uploads(p)).toHaveLength(1);
    expect(p.outcomes()).toEqual(['dm+chart', 'dm+chart']);
  });
});
