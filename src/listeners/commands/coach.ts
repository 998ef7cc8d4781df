import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { regionAnswer } from '../../answers/answers.js';
import { type CoachCardState, readCoachTarget } from '../../engine/coach.js';
import { findRegion, primaryAlias } from '../../engine/regions.js';
import { attachChart } from '../../slack/chart-upload.js';
import { postReplies } from '../../slack/delivery.js';
import { isNoAccessError } from '../../slack/errors.js';
import type { Outcome } from '../../slack/outcome.js';
import { escapeMrkdwn } from '../../views/blocks.js';
import { buildCoachCard } from '../../views/coach-card.js';
import { buildAddBotHint, buildFormattedProblem, commandErrorText } from '../../views/error-messages.js';
import type { ListenerDeps } from '../deps.js';

/** A specific private answer for a coach command that cannot become a card. */
export type CoachProblem = string;

const MEMBER_PAGES = 20;

async function isChannelMember(client: WebClient, channel: string, userId: string): Promise<boolean | undefined> {
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MEMBER_PAGES; page++) {
      const result = await client.conversations.members({ channel, limit: 1000, ...(cursor ? { cursor } : {}) });
      if (result.members?.includes(userId)) return true;
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) return false;
    }
  } catch {
    // Without the membership list (a DM, a missing scope) the post itself is the check.
    return undefined;
  }
  return undefined;
}

/** What is wrong with `/allycomp coach …` before Slack is asked anything, or undefined if the words are fine. */
export function coachWordsProblem(deps: ListenerDeps, words: string[]): CoachProblem | undefined {
  const { guide } = deps.loaded;
  const { target, rest } = readCoachTarget(words);
  const firstRegion = guide.regions.map(primaryAlias)[0] ?? 'ny';
  const example = `/allycomp coach @teammate ${firstRegion}`;
  if (target.kind === 'usergroup') {
    return `${escapeMrkdwn(target.handle)} is a group: coach one person at a time (\`${example}\`), or the whole channel with \`/allycomp coach ${firstRegion}\`.`;
  }
  if (target.kind === 'unresolved') {
    return `I could not tell who ${escapeMrkdwn(target.text)} is: pick the person from Slack's @-mention list so it becomes a mention, e.g. \`${example}\`.`;
  }
  if (rest.length === 0) return `Which region? For example \`${example}\`.`;
  const region = findRegion(guide, rest.join(' '));
  if (!region.ok) return commandErrorText(region.error);
  return undefined;
}

/** `/allycomp coach [@teammate] <region>`: a prep card in the channel, the band and levers in its thread. */
export async function postCoachCard(
  deps: ListenerDeps,
  args: { client: WebClient; respond: RespondFn; channelId: string; coachId: string; words: string[] },
): Promise<Outcome> {
  const { guide } = deps.loaded;
  const { client, respond, channelId, coachId, words } = args;
  const tellOnly = async (text: string) => {
    const problem = buildFormattedProblem(text);
    await respond({ response_type: 'ephemeral', text: problem.text, blocks: problem.blocks });
  };
  const { target, rest } = readCoachTarget(words);
  const lookup = findRegion(guide, rest.join(' '));
  if (!lookup.ok) return { kind: 'invalid' };
  const teammateId = target.kind === 'person' ? target.userId : undefined;

  if (teammateId) {
    const info = await client.users.info({ user: teammateId }).catch(() => undefined);
    if (info?.user?.is_bot || teammateId === 'USLACKBOT') {
      await tellOnly(
        `<@${teammateId}> is a bot: a prep card is for a person. Try \`/allycomp coach @teammate ${escapeMrkdwn(rest.join(' '))}\`.`,
      );
      return { kind: 'bot' };
    }
    if (info?.user?.deleted) {
      await tellOnly(`<@${teammateId}> has left the workspace, so there is nobody to prepare.`);
      return { kind: 'deleted' };
    }
    if ((await isChannelMember(client, channelId, teammateId)) === false) {
      await tellOnly(
        `<@${teammateId}> is not in this channel. Invite them first (\`/invite @…\`), or prep them where they are.`,
      );
      return { kind: 'not_member' };
    }
  }

  const state: CoachCardState = {
    regionId: lookup.region.id,
    coachId,
    ...(teammateId ? { teammateId } : {}),
    ticks: {},
  };
  const card = buildCoachCard(guide, state);
  let cardTs: string | undefined;
  try {
    const posted = await client.chat.postMessage({ channel: channelId, text: card.text, blocks: card.blocks });
    cardTs = posted.ts;
  } catch (error) {
    if (!isNoAccessError(error)) throw error;
    const hint = buildAddBotHint('not_in_channel');
    await respond({ response_type: 'ephemeral', text: `A prep card needs me in the channel. ${hint.text}` });
    return { kind: 'not_in_channel' };
  }
  const answer = regionAnswer(deps.loaded, lookup.region);
  await postReplies(client, channelId, cardTs, [answer.message, ...answer.thread]);
  const kind = teammateId ? 'card' : 'group_card';
  if (!answer.chart) return { kind };
  return { kind, chart: await attachChart(client, { channelId, threadTs: cardTs }, answer.chart) };
}
