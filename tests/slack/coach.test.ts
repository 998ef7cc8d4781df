import type { KnownBlock } from '@slack/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCardState } from '../../src/views/coach-card.js';
import { BLOCK_PREFIXES, BLOCKS, OFFER_BLOCKS } from '../../src/views/ids.js';
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

async function startCoachSlack(app?: NonNullable<Parameters<typeof startTestSlack>[0]>['app']): Promise<TestSlack> {
  slack = await startTestSlack(app ? { app } : {});
  slack.respondTo('users.info', (args) => ({
    body: { ok: true, user: { id: args.user, is_bot: args.user === 'U0SOMEBOT', deleted: false } },
  }));
  slack.respondTo('conversations.members', () => ({
    body: { ok: true, members: [COACH, TEAMMATE, BYSTANDER], response_metadata: { next_cursor: '' } },
  }));
  return slack;
}

beforeEach(async () => {
  await startCoachSlack();
});
afterEach(async () => {
  await slack.stop();
});

function json(value: unknown): string {
  return JSON.stringify(value);
}

const TEAMMATE_DM = 'D0TEAMMATE';

/** What allycomp posted in the channel (the card and its thread), not in anyone's DM. */
function channelPosts() {
  return slack.callsTo('chat.postMessage').filter((call) => call.args.channel === CHANNEL);
}

/** The request the teammate got in their DM (a post to their user id), with its Accept and Decline buttons. */
async function consentRequest(teammate = TEAMMATE) {
  const [ask] = await waitFor(() => {
    const asks = slack.callsTo('chat.postMessage').filter((call) => call.args.channel === teammate);
    return asks.length >= 1 && asks;
  }, 'the request in the teammate’s DM');
  const buttons = ((ask?.args.blocks ?? []) as KnownBlock[]).find((b) => b.block_id === BLOCKS.coachConsentActions) as {
    elements: Array<{ action_id: string; value: string }>;
  };
  const button = (id: string) => {
    const found = buttons.elements.find((element) => element.action_id === id);
    if (!found) throw new Error(`no ${id} button`);
    return found;
  };
  return { ask, accept: button('coach_accept'), decline: button('coach_decline') };
}

/** A click in the teammate's DM with allycomp. */
function clickInDm(userId: string, button: { action_id: string; value: string }, ts = '1700000000.000900') {
  return sendInteraction(
    slack,
    blockActions(
      { action_id: button.action_id, value: button.value, block_id: BLOCKS.coachConsentActions },
      { message_ts: ts, channel_id: TEAMMATE_DM },
      {
        user: { id: userId, username: 'someone', team_id: 'T0TEAM' },
        channel: { id: TEAMMATE_DM, name: 'directmessage' },
        message: { type: 'message', ts, text: 'request', user: 'U0ALLYCOMP' },
      },
    ),
  );
}

/** The card in the channel: a group session posts at once; a named teammate must accept first. */
async function postCard(words: string) {
  const response = await sendCommand(slack, words);
  if (words.includes('<@')) {
    const { accept } = await consentRequest();
    await clickInDm(TEAMMATE, accept);
  }
  const posts = await waitFor(() => channelPosts().length >= 3 && channelPosts(), 'card + thread');
  return { response, posts };
}

/** Updates of the card in the channel (the teammate's request in their DM is updated too, once answered). */
function cardUpdates() {
  return slack.callsTo('chat.update').filter((call) => call.args.channel === CHANNEL);
}

/** The card's latest blocks: the last chat.update in the channel, or the posted card. */
function currentCard(): KnownBlock[] {
  const updates = cardUpdates();
  const last = updates[updates.length - 1];
  return (last?.args.blocks ?? channelPosts()[0]?.args.blocks) as KnownBlock[];
}

function stepButton(blocks: KnownBlock[], stepId: string) {
  const block = blocks.find((b) => b.block_id === `${BLOCK_PREFIXES.coachStep}${stepId}`) as {
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
    // The levers in one reply (four sections); rehearsing still posts one lever at a time.
    expect(levers).toHaveLength(1);
    for (const lever of levers) expect(lever.args.thread_ts).toBe(cardTs);
    for (const n of [1, 2, 3, 4]) expect(json(levers[0]?.args.blocks)).toContain(`Lever ${n} of 4`);
    expect(slack.callsTo('users.info')[0]?.args.user).toBe(TEAMMATE);
  });

  it('without a person prepares the whole channel (a group session)', async () => {
    const { posts } = await postCard('coach detroit');
    expect(json(posts[0]?.args.blocks)).toContain('this channel (group session)');
    expect(json(posts[0]?.args.blocks)).toContain('Anyone in this channel can tick steps.');
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

describe('consent: the teammate is asked before anything names them in the channel', () => {
  it('asks the teammate privately (who, which region, where), tells the coach privately, posts nothing yet', async () => {
    const response = await sendCommand(slack, `coach <@${TEAMMATE}|teammate> ny`);
    expect(response.text).toBe('');
    const { ask, accept, decline } = await consentRequest();
    const text = json(ask?.args.blocks);
    expect(text).toContain(`<@${COACH}> would like to prepare a pay negotiation with you in <#${CHANNEL}>`);
    expect(text).toContain('New York');
    expect(checkMessage({ text: String(ask?.args.text), blocks: ask?.args.blocks as KnownBlock[] })).toEqual([]);
    // The request travels in the buttons, and carries ids and a region, never a figure.
    for (const value of [accept.value, decline.value]) {
      expect(JSON.parse(value)).toEqual({ r: 'new-york', c: COACH, m: TEAMMATE, ch: CHANNEL });
      expect(value).not.toMatch(/\$|\d{3}/);
    }
    const [told] = await waitFor(() => slack.responses.length >= 1 && slack.responses, 'the coach is told');
    expect(told?.body.response_type).toBe('ephemeral');
    expect(String(told?.body.text)).toContain(`I asked <@${TEAMMATE}> privately`);
    await settle();
    expect(channelPosts()).toEqual([]);
  });

  it('the teammate cannot be reached privately: the coach is told so, with nothing asked or posted', async () => {
    let ts = 1;
    slack.respondTo('chat.postMessage', (args) => ({
      body:
        args.channel === TEAMMATE
          ? { ok: false, error: 'cannot_dm_bot' }
          : { ok: true, ts: `${ts++}.000100`, channel: args.channel },
    }));
    await sendCommand(slack, `coach <@${TEAMMATE}|teammate> ny`);
    const [told] = await waitFor(() => slack.responses.length >= 1 && slack.responses, 'the coach is told');
    expect(told?.body.response_type).toBe('ephemeral');
    expect(String(told?.body.text)).toBe(
      `I could not reach <@${TEAMMATE}> privately. I asked nothing and posted nothing.`,
    );
    await settle();
    expect(channelPosts()).toEqual([]);
  });

  it('the queue is full: the coach is told that, not that the teammate is unreachable, and when to try again', async () => {
    await slack.stop();
    await startCoachSlack({ queue: { maxDeliveries: 0 } });
    await sendCommand(slack, `coach <@${TEAMMATE}|teammate> ny`);
    const [told] = await waitFor(() => slack.responses.length >= 1 && slack.responses, 'the coach is told');
    expect(told?.body.response_type).toBe('ephemeral');
    expect(String(told?.body.text)).toContain('as many messages waiting to be posted as it can hold');
    expect(String(told?.body.text)).toContain('Run the command again in a minute');
    expect(String(told?.body.text)).not.toContain('could not reach');
    await settle();
    expect(slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('accept posts the card naming the teammate in the channel, with its thread, and closes the request', async () => {
    await sendCommand(slack, `coach <@${TEAMMATE}> detroit`);
    const { accept } = await consentRequest();
    await clickInDm(TEAMMATE, accept);
    const posts = await waitFor(() => channelPosts().length >= 3 && channelPosts(), 'card + thread');
    expect(json(posts[0]?.args.blocks)).toContain(`Negotiation prep for <@${TEAMMATE}>`);
    const [closed] = await waitFor(
      () =>
        slack.callsTo('chat.update').filter((c) => c.args.channel === TEAMMATE_DM).length >= 1 &&
        slack.callsTo('chat.update').filter((c) => c.args.channel === TEAMMATE_DM),
    );
    expect(json(closed?.args.blocks)).toContain('You accepted');
    expect(json(closed?.args.blocks)).not.toContain('coach_accept');
  });

  it('decline posts nothing in the channel and tells the coach privately', async () => {
    await sendCommand(slack, `coach <@${TEAMMATE}> ny`);
    const { decline } = await consentRequest();
    await clickInDm(TEAMMATE, decline);
    const [toCoach] = await waitFor(() => {
      const dms = slack.callsTo('chat.postMessage').filter((call) => call.args.channel === COACH);
      return dms.length >= 1 && dms;
    }, 'the coach is told');
    expect(String(toCoach?.args.text)).toBe(
      `<@${TEAMMATE}> declined the prep card for <#${CHANNEL}>. Nothing was posted there.`,
    );
    await settle();
    expect(channelPosts()).toEqual([]);
    expect(json(slack.callsTo('chat.update')[0]?.args.blocks)).toContain('You declined');
  });

  it('only the teammate can answer; an answer after the first is ignored', async () => {
    await sendCommand(slack, `coach <@${TEAMMATE}> ny`);
    const { accept, decline } = await consentRequest();
    await clickInDm(BYSTANDER, accept);
    await waitFor(() => slack.responses.some((r) => String(r.body.text).includes('Only <@U0TEAMMATE> can answer')));
    await settle();
    expect(channelPosts()).toEqual([]);
    await Promise.all([clickInDm(TEAMMATE, accept), clickInDm(TEAMMATE, decline)]);
    await waitFor(() => channelPosts().length >= 3, 'card + thread');
    await settle();
    expect(channelPosts().filter((call) => json(call.args.blocks).includes('coach_intro'))).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage').filter((call) => call.args.channel === COACH)).toEqual([]);
  });

  it('accepted, but the bot is not in the channel: both are told privately, nothing is posted', async () => {
    slack.respondTo('chat.postMessage', (args) =>
      args.channel === CHANNEL
        ? { body: { ok: false, error: 'not_in_channel' } }
        : { body: { ok: true, channel: args.channel, ts: '1700000000.000900' } },
    );
    await sendCommand(slack, `coach <@${TEAMMATE}> ny`);
    const { accept } = await consentRequest();
    await clickInDm(TEAMMATE, accept);
    const [toCoach] = await waitFor(() => {
      const dms = slack.callsTo('chat.postMessage').filter((call) => call.args.channel === COACH);
      return dms.length >= 1 && dms;
    }, 'the coach is told');
    expect(String(toCoach?.args.text)).toContain('I could not post it');
    expect(json(slack.callsTo('chat.update')[0]?.args.blocks)).toContain('I could not post');
  });

  it('a group session names nobody and asks nobody: the card is posted at once', async () => {
    await postCard('coach charlotte');
    expect(slack.callsTo('chat.postMessage').every((call) => call.args.channel === CHANNEL)).toBe(true);
    expect(json(channelPosts()[0]?.args.blocks)).not.toMatch(/<@U0(?!PERSON)/);
  });
});

describe('ticking steps', () => {
  it('the teammate and the coach can tick; the card updates in place with who and when', async () => {
    await postCard(`coach <@${TEAMMATE}> ny`);
    await click(TEAMMATE, stepButton(currentCard(), 'band'));
    await waitFor(() => cardUpdates().length >= 1, 'first update');
    const update = cardUpdates()[0];
    expect(update?.args.channel).toBe(CHANNEL);
    expect(update?.args.ts).toBe('1700000000.000100');
    expect(json(update?.args.blocks)).toMatch(new RegExp(`Know the band~ — ticked by <@${TEAMMATE}> <!date\\^\\d+\\^`));
    expect(json(update?.args.blocks)).toContain('1 of 6 done');

    await click(COACH, stepButton(currentCard(), 'offer'));
    await waitFor(() => cardUpdates().length >= 2, 'second update');
    expect(json(currentCard())).toContain(`ticked by <@${COACH}>`);
    expect(json(currentCard())).toContain('2 of 6 done');

    // Untick goes back to an open step.
    await click(COACH, stepButton(currentCard(), 'band'));
    await waitFor(() => cardUpdates().length >= 3, 'untick');
    expect(stepButton(currentCard(), 'band').action_id).toBe('coach_tick:band');
    expect(json(currentCard())).toContain('1 of 6 done');
  });

  it('anyone else is refused privately and the card does not change', async () => {
    await postCard(`coach <@${TEAMMATE}> ny`);
    const before = slack.responses.length;
    await click(BYSTANDER, stepButton(currentCard(), 'band'));
    const [refusal] = await waitFor(() => slack.responses.length > before && slack.responses.slice(before), 'refusal');
    expect(refusal?.body.response_type).toBe('ephemeral');
    expect(refusal?.body.replace_original).toBe(false);
    expect(String(refusal?.body.text)).toBe(`Only <@${COACH}> or <@${TEAMMATE}> can update this card.`);
    await settle();
    expect(cardUpdates()).toEqual([]);
  });

  it('two clicks arriving together both land: updates to one card are applied one at a time', async () => {
    await postCard(`coach <@${TEAMMATE}> ny`);
    slack.respondTo('chat.update', (args) => ({ body: { ok: true, channel: args.channel } }));
    const original = currentCard();
    await Promise.all([
      click(TEAMMATE, stepButton(original, 'band')),
      click(COACH, stepButton(original, 'premiums')),
      click(TEAMMATE, stepButton(original, 'levers')),
    ]);
    await waitFor(() => cardUpdates().length >= 3, 'three updates');
    const final = decodeCardState(stepButton(currentCard(), 'band').value);
    expect(Object.keys(final?.ticks ?? {}).sort()).toEqual(['band', 'levers', 'premiums']);
    expect(json(currentCard())).toContain('3 of 6 done');
  });

  it('a double click on the same step ticks it once', async () => {
    await postCard(`coach <@${TEAMMATE}> ny`);
    const button = stepButton(currentCard(), 'number');
    await Promise.all([click(TEAMMATE, button), click(TEAMMATE, button)]);
    await waitFor(() => cardUpdates().length >= 1, 'the first click');
    await settle();
    // The second click is recognised as the same click and dropped; even if it were not, setting a tick is idempotent.
    expect(cardUpdates()).toHaveLength(1);
    expect(json(currentCard())).toContain('1 of 6 done');
  });
});

describe('rehearse and prep-my-offer', () => {
  it('Rehearse lever N posts that lever with the region’s numbers in the card’s thread, inviting the teammate', async () => {
    await postCard(`coach <@${TEAMMATE}> ny`);
    const actionsBlock = currentCard().find((b) => b.block_id === BLOCKS.coachActions) as {
      elements: Array<{ action_id: string; value: string }>;
    };
    const rehearse1 = actionsBlock.elements.find((e) => e.action_id === 'coach_rehearse:1');
    if (!rehearse1) throw new Error('no rehearse button');
    const before = channelPosts().length;
    await click(COACH, rehearse1);
    const posts = await waitFor(() => channelPosts().length > before && channelPosts());
    const rehearsal = posts[posts.length - 1];
    expect(rehearsal?.args.thread_ts).toBe('1700000000.000100');
    // The same words as the levers reply in the region's thread (the ask package's scripts): the opening figure
    // (the top of the ask, never a range said aloud) and marked claims.
    expect(json(rehearsal?.args.blocks)).toContain('base salary at $198K to');
    expect(json(rehearsal?.args.blocks)).toContain('[only if true:');
    expect(json(rehearsal?.args.blocks)).toContain(`<@${TEAMMATE}>, reply in this thread`);
  });

  it('Prep my offer opens the competing-offer modal for whoever clicks, tied to the card’s thread', async () => {
    await postCard(`coach <@${TEAMMATE}> detroit`);
    const actionsBlock = currentCard().find((b) => b.block_id === BLOCKS.coachActions) as {
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
    ).blocks.find((block) => block.block_id === OFFER_BLOCKS.region);
    expect(regionBlock?.element?.initial_option?.value).toBe('detroit');
  });
});
