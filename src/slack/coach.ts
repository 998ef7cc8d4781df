import type { WebClient } from '@slack/web-api';
import type { CoachCardAnswer } from '../answers/coach.js';
import { attachChart } from './chart-upload.js';
import { postReplies } from './delivery.js';
import { isNoAccessError } from './errors.js';
import type { Outcome } from './outcome.js';

const MEMBER_PAGES = 20;

/** Whether a person is in a channel; undefined when Slack will not say (a DM, a missing scope). */
export async function isChannelMember(
  client: WebClient,
  channel: string,
  userId: string,
): Promise<boolean | undefined> {
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MEMBER_PAGES; page++) {
      const result = await client.conversations.members({ channel, limit: 1000, ...(cursor ? { cursor } : {}) });
      if (result.members?.includes(userId)) return true;
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) return false;
    }
  } catch {
    // Without the membership list the post itself is the check.
    return undefined;
  }
  return undefined;
}

/** Why a named teammate cannot get a card here (a bot, gone, not in the channel), or undefined. */
export async function teammateProblem(
  client: WebClient,
  channelId: string,
  teammateId: string,
): Promise<'bot' | 'deleted' | 'not_member' | undefined> {
  const info = await client.users.info({ user: teammateId }).catch(() => undefined);
  if (info?.user?.is_bot || teammateId === 'USLACKBOT') return 'bot';
  if (info?.user?.deleted) return 'deleted';
  if ((await isChannelMember(client, channelId, teammateId)) === false) return 'not_member';
  return undefined;
}

/** Post a prep card in the channel, its band and levers in its thread, then the chart; 'not_in_channel' if barred. */
export async function postCoachCard(
  client: WebClient,
  channelId: string,
  answer: CoachCardAnswer,
  kind: 'card' | 'group_card',
): Promise<Outcome> {
  let cardTs: string | undefined;
  try {
    const posted = await client.chat.postMessage({
      channel: channelId,
      text: answer.card.text,
      blocks: answer.card.blocks,
    });
    cardTs = posted.ts;
  } catch (error) {
    if (!isNoAccessError(error)) throw error;
    return { kind: 'not_in_channel' };
  }
  await postReplies(client, channelId, cardTs, answer.thread);
  if (!answer.chart) return { kind };
  return { kind, chart: await attachChart(client, { channelId, threadTs: cardTs }, answer.chart) };
}
