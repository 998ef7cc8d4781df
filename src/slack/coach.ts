import type { WebClient } from '@slack/web-api';
import type { CoachCardAnswer } from '../answers/coach.js';
import type { SlackMessage } from '../views/blocks.js';
import { buildBusyAnswer, buildNotPostedBusy } from '../views/queue-notes.js';
import { postAnswer } from './chart-posts.js';
import { type DeliveryContext, deliver, deliverMessage, postFirst } from './delivery.js';
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

/**
 * A prep card in the channel, then in its thread the region's band (with the shared chart as its image when the
 * workspace has it) and its levers, then the chart if it was not reused: all through the channel's lane. Beyond the
 * queue's caps nothing is posted and the requester is told so.
 */
export async function postCoachCard(
  ctx: DeliveryContext,
  channelId: string,
  answer: CoachCardAnswer,
  kind: 'card' | 'group_card',
): Promise<Outcome> {
  const result = await deliver(ctx, channelId, async (run): Promise<Outcome> => {
    const card = await postFirst(run, channelId, answer.card);
    if (card.kind === 'no_access') return { kind: 'not_in_channel' };
    const [band, ...replies] = answer.thread;
    if (!band) return { kind };
    const posted = await postAnswer(run, {
      channel: card.posted.channel,
      message: band,
      replies,
      ...(answer.chart ? { chart: answer.chart } : {}),
      ...(card.posted.ts ? { inThreadTs: card.posted.ts } : {}),
    });
    return posted.kind === 'posted' && posted.chart ? { kind, chart: posted.chart } : { kind };
  });
  if (result.kind === 'delivered') return result.value;
  if (result.kind === 'expired') return { kind: 'queue_expired' };
  await ctx.notify?.(buildNotPostedBusy('the prep card', result.scope));
  return { kind: 'busy' };
}

/** A lever to rehearse, in the card's thread; beyond the caps the clicker gets it privately. */
export async function postRehearsal(
  ctx: DeliveryContext,
  target: { channelId: string; threadTs: string },
  message: SlackMessage,
): Promise<Outcome> {
  const result = await deliverMessage(
    ctx,
    target.channelId,
    { channel: target.channelId, threadTs: target.threadTs },
    message,
  );
  if (result.kind === 'busy') {
    await ctx.notify?.(buildBusyAnswer(message, result.scope));
    return { kind: 'busy' };
  }
  if (result.kind === 'expired') return { kind: 'queue_expired' };
  return { kind: result.value.kind === 'posted' ? 'thread' : 'not_in_channel' };
}
