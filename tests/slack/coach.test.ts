import type { KnownBlock } from '@slack/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCardState } from '../../src/views/coach-card.js';
import { checkMessage } from '../support/limits.js';
import {
  blockActions,
  CHANNEL,
  sendCommand,
  sendInteraction,
  settle,
  startTestSlack,
  type TestSlack,
  USER,
  waitFor,
} from '../support/slack.js';

const COACH = USER;
const TEAMMATE = 'U0TEAMMATE';
const BYSTANDER = 'U0BYSTANDER';

let slack: TestSlack;
beforeEach(async () => {
  slack = await startTestSlack();
  slack.respondTo('users.info', (args) => ({
    body: { ok: true, user: { id: args.user, is_bot: args.user === 'U0SOMEBOT', deleted: false } },
  }));
  slack.respondTo('conversations.members', () => ({
    body: { ok: true, members: [COACH, TEAMMATE, BYSTANDER], response_metadata: { next_cursor: '' } },
  }));
});
afterEach(async () => {
  await slack.stop();
});

function json(value: unknown): string {
  return JSON.stringify(value);
}

async function postCard(words: string) {
  const response = await sendCommand(slack, words);
  const posts = await waitFor(
    () => slack.callsTo('chat.postMessage').length >= 6 && slack.callsTo('chat.postMessage'),
    'card + thread',
  );
  return { response, posts };
}

/** The card's latest blocks: the last chat.update, or the posted card. */
function currentCard(): KnownBlock[] {
  const updates = slack.callsTo('chat.update');
  const last = updates[updates.length - 1];
  return (last?.args.blocks ?? slack.callsTo('chat.postMessage')[0]?.args.blocks) as KnownBlock[];
}

function stepButton(blocks: KnownBlock[], stepId: string) {
  const block = blocks.find((b) => b.block_id === `coach_step_${stepId}`) as {
    accessory: { action_id: string; value: string };
  };
  return block.accessory;
}

function click(userId: string, button: { action_id: string; value: string }, ts = '1700000000.000100') {
  return sendInteraction(
    slack,
    blockActions(
      { action_id: button.action_id, value: button.value, block_id: 'x' },
      { message_ts: ts },
      {
        user: { id: userId, username: 'someone', team_id: 'T0TEAM' },
        message: { type: 'message', ts, text: 'card', user: 'U0ALLYCOMP' },
      },
    ),
  );
}

describe('/allycomp coach @teammate <region>', () => {
  it('posts a prep card for the teammate, then the band and the four levers in its thread', async () => {
    const { response, posts } = await postCard(`coach <@${TEAMMATE}|teammate> ny`);
    expect(response.text).toBe('');
    const [card, band, ...levers] = posts;
    expect(card?.args.thread_ts).toBeUndefined();
    const text = json(card?.args.blocks);
    expect(text).toContain(`Negotiation prep for <@${TEAMMATE}>`);
    expect(text).toContain(`coached by <@${COACH}>`);
    expect(text).toContain('$285K–$309K');
    for (const step of [
      'Know the band',
      'Bring a competing offer',
      'Claim the premiums that apply',
      'Pick the levers',
      'Rehearse the scripts',
      'Agree the number to ask for',
    ]) {
      expect(text).toContain(step);
    }
    expect(checkMessage({ text: String(card?.args.text), blocks: card?.args.blocks as KnownBlock[] })).toEqual([]);
    const cardTs = band?.args.thread_ts;
    expect(cardTs).toMatch(/^\d+\.\d+$/);
    expect(json(band?.args.blocks)).toContain('$151K');
    expect(levers).toHaveLength(4);
    for (const lever of levers) expect(lever.args.thread_ts).toBe(cardTs);
    expect(slack.callsTo('users.info')[0]?.args.user).toBe(TEAMMATE);
  });

  it('without a person prepares the whole channel (a group session)', async () => {
    const { posts } = await postCard('coach detroit');
    expect(json(posts[0]?.args.blocks)).toContain('this channel (group session)');
    expect(json(posts[0]?.args.blocks)).toContain('anyone in this channel');
    expect(slack.callsTo('users.info')).toEqual([]);
  });

  it.each([
    ['a user group', 'coach <!subteam^S0GROUP|@pm-team> ny', /@pm-team is a group: coach one person at a time/],
    ['@channel', 'coach <!channel> ny', /@channel is a group/],
    ['an unresolved name', 'coach @someone ny', /I could not tell who @someone is/],
    ['no region', `coach <@${TEAMMATE}>`, /Which region\?/],
    ['an unknown region', `coach <@${TEAMMATE}> atlanta`, /'atlanta' is not a region/],
  ])('%s gets a specific private error and no card', async (_name, words, expected) => {
    const response = await sendCommand(slack, words);
    expect(response.json?.response_type).toBe('ephemeral');
    expect(String(response.json?.text)).toMatch(expected);
    await settle();
    expect(slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it.each([
    ['a bot', 'U0SOMEBOT', /is a bot: a prep card is for a person/],
    ['someone not in the channel', 'U0OUTSIDER', /is not in this channel/],
  ])('%s gets a specific private error and no card', async (_name, userId, expected) => {
    await sendCommand(slack, `coach <@${userId}> ny`);
    const [reply] = await waitFor(() => slack.responses.length >= 1 && slack.responses, 'private error');
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(String(reply?.body.text)).toMatch(expected);
    await settle();
    expect(slack.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('ticking steps', () => {
  it('the teammate and the coach can tick; the card updates in place with who and when', async () => {
    await postCard(`coach <@${TEAMMATE}> ny`);
    await click(TEAMMATE, stepButton(currentCard(), 'band'));
    await waitFor(() => slack.callsTo('chat.update').length >= 1, 'first update');
    const update = slack.callsTo('chat.update')[0];
    expect(update?.args.channel).toBe(CHANNEL);
    expect(update?.args.ts).toBe('1700000000.000100');
    expect(json(update?.args.blocks)).toMatch(new RegExp(`Know the band~ — ticked by <@${TEAMMATE}> <!date\\^\\d+\\^`));
    expect(json(update?.args.blocks)).toContain('1 of 6 done');

    await click(COACH, stepButton(currentCard(), 'offer'));
    await waitFor(() => slack.callsTo('chat.update').length >= 2, 'second update');
    expect(json(currentCard())).toContain(`ticked by <@${COACH}>`);
    expect(json(currentCard())).toContain('2 of 6 done');

    // Untick goes back to an open step.
    await click(COACH, stepButton(currentCard(), 'band'));
    await waitFor(() => slack.callsTo('chat.update').length >= 3, 'untick');
    expect(stepButton(currentCard(), 'band').action_id).toBe('coach_tick:band');
    expect(json(currentCard())).toContain('1 of 6 done');
  });

  it('anyone else is refused privately and the card does not change', async () => {
    await postCard(`coach <@${TEAMMATE}> ny`);
    await click(BYSTANDER, stepButton(currentCard(), 'band'));
    const [refusal] = await waitFor(() => slack.responses.length >= 1 && slack.responses, 'refusal');
    expect(refusal?.body.response_type).toBe('ephemeral');
    expect(refusal?.body.replace_original).toBe(false);
    expect(String(refusal?.body.text)).toBe(`Only <@${COACH}> or <@${TEAMMATE}> can update this card.`);
    await settle();
    expect(slack.callsTo('chat.update')).toEqual([]);
  });

  it('two clicks arriving together both land: updates to one card are applied one at a time', async () => {
    await postCard(`coach <@${TEAMMATE}> ny`);
    slack.respondTo('chat.update', () => ({ body: { ok: true } }));
    const original = currentCard();
    await Promise.all([
      click(TEAMMATE, stepButton(original, 'band')),
      click(COACH, stepButton(original, 'premiums')),
      click(TEAMMATE, stepButton(original, 'levers')),
    ]);
    await waitFor(() => slack.callsTo('chat.update').length >= 3, 'three updates');
    const final = decodeCardState(stepButton(currentCard(), 'band').value);
    expect(Object.keys(final?.ticks ?? {}).sort()).toEqual(['band', 'levers', 'premiums']);
    expect(json(currentCard())).toContain('3 of 6 done');
  });

  it('a double click on the same step ticks it once', async () => {
    await postCard(`coach <@${TEAMMATE}> ny`);
    const button = stepButton(currentCard(), 'number');
    await Promise.all([click(TEAMMATE, button), click(TEAMMATE, button)]);
    await waitFor(() => slack.callsTo('chat.update').length >= 1, 'the first click');
    await settle();
    // The second click is recognised as the same click and dropped; even if it were not, setting a tick is idempotent.
    expect(slack.callsTo('chat.update')).toHaveLength(1);
    expect(json(currentCard())).toContain('1 of 6 done');
  });
});

describe('rehearse and prep-my-offer', () => {
  it('Rehearse lever N posts that lever with the region’s numbers in the card’s thread, inviting the teammate', async () => {
    await postCard(`coach <@${TEAMMATE}> ny`);
    const actionsBlock = currentCard().find((b) => b.block_id === 'coach_actions') as {
      elements: Array<{ action_id: string; value: string }>;
    };
    const rehearse1 = actionsBlock.elements.find((e) => e.action_id === 'coach_rehearse:1');
    if (!rehearse1) throw new Error('no rehearse button');
    const before = slack.callsTo('chat.postMessage').length;
    await click(COACH, rehearse1);
    const posts = await waitFor(
      () => slack.callsTo('chat.postMessage').length > before && slack.callsTo('chat.postMessage'),
    );
    const rehearsal = posts[posts.length - 1];
    expect(rehearsal?.args.thread_ts).toBe('1700000000.000100');
    expect(json(rehearsal?.args.blocks)).toContain('base salary at $194K');
    expect(json(rehearsal?.args.blocks)).toContain(`<@${TEAMMATE}>, reply in this thread`);
  });

  it('Prep my offer opens the competing-offer modal for whoever clicks, tied to the card’s thread', async () => {
    await postCard(`coach <@${TEAMMATE}> detroit`);
    const actionsBlock = currentCard().find((b) => b.block_id === 'coach_actions') as {
      elements: Array<{ action_id: string; value: string }>;
    };
    const prep = actionsBlock.elements.find((e) => e.action_id === 'offer_open');
    if (!prep) throw new Error('no prep button');
    await click(BYSTANDER, prep);
    const [open] = await waitFor(() => slack.callsTo('views.open').length >= 1 && slack.callsTo('views.open'));
    const view = open?.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('offer_modal');
    expect(JSON.parse(view.private_metadata)).toMatchObject({ c: CHANNEL, t: '1700000000.000100' });
    // The card's region is preselected in the form (the delivery radio always has an initial option, so look at the region).
    const regionBlock = (
      view as unknown as { blocks: Array<{ block_id?: string; element?: { initial_option?: { value?: string } } }> }
    ).blocks.find((block) => block.block_id === 'offer_region');
    expect(regionBlock?.element?.initial_option?.value).toBe('detroit');
  });
});
