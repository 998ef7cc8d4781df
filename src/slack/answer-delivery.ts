/**
 * A command's answer (a region, the comparison, the levers…) delivered where it was asked for: a channel, the
 * thread of a clicked message, or the person's DM. Each goes through its lane of the delivery queue (delivery.ts)
 * and posts with postAnswer, so a region answer reuses the workspace's shared chart.
 */
import type { RespondFn } from '@slack/bolt';
import type { CommandAnswer } from '../answers/answers.js';
import type { ChartInput } from '../chart/model.js';
import type { SlackMessage } from '../views/blocks.js';
import { buildAddBotHint, buildChartNotPosted } from '../views/error-messages.js';
import { buildBusyAnswer, buildNotPostedBusy } from '../views/queue-notes.js';
import type { Reservation } from './channel-queue.js';
import { postAnswer, postChartAlone } from './chart-posts.js';
import type { ChartFailureNote } from './chart-upload.js';
import {
  type DeliveryContext,
  type DeliveryResult,
  type DmTarget,
  deliver,
  deliverMessage,
  dmChannel,
} from './delivery.js';
import type { ChartOutcome, Outcome } from './outcome.js';

/**
 * A command's answer in its channel, through the slot reserved at the ack: the message (with the shared chart as its
 * image when the workspace has it) and its thread. Where the bot cannot post: the whole answer in one message
 * through the response URL, plus (to the person alone) how to add the bot for threads.
 */
export async function deliverAnswer(
  ctx: DeliveryContext,
  args: { respond: RespondFn; channelId: string; answer: CommandAnswer; reservation: Reservation },
): Promise<Outcome> {
  const { respond, channelId, answer, reservation } = args;
  if (answer.onlyToRequester) {
    reservation.release();
    await respond({ response_type: 'ephemeral', text: answer.standalone.text, blocks: answer.standalone.blocks });
    return { kind: 'private' };
  }
  const result = await deliverWholeAnswer(ctx, reservation, channelId, answer);
  if (result.kind !== 'delivered') return notDelivered(result);
  const posted = result.value;
  if (posted.kind === 'no_access') {
    await respond({ response_type: 'in_channel', text: answer.standalone.text, blocks: answer.standalone.blocks });
    const hint = buildAddBotHint(posted.code);
    await respond({ response_type: 'ephemeral', replace_original: false, text: hint.text, blocks: hint.blocks });
    return { kind: 'fallback' };
  }
  return posted.chart ? { kind: 'posted', chart: posted.chart } : { kind: 'posted' };
}

/** The message, its levers reply and its chart, through the lane (a channel's, or the person's for a DM). */
function deliverWholeAnswer(
  ctx: DeliveryContext,
  lane: Parameters<typeof deliver>[1],
  channel: string,
  answer: CommandAnswer,
) {
  return deliver(
    ctx,
    lane,
    (run) =>
      postAnswer(run, {
        channel,
        message: answer.message,
        replies: answer.thread,
        ...(answer.chart ? { chart: answer.chart } : {}),
      }),
    { heldBack: answer.standalone },
  );
}

/**
 * An answer in the thread of a message someone clicked ("See Detroit"): one message with the levers inline, since a
 * thread has no thread of its own. No chart: the picture is the one the region message above already shows. Where
 * the bot cannot post, or the channel's queue is full, the clicker gets it privately.
 */
export async function deliverInThread(
  ctx: DeliveryContext,
  args: { channelId: string; threadTs: string; answer: CommandAnswer },
): Promise<Outcome> {
  const { channelId, threadTs, answer } = args;
  const result = await deliver(
    ctx,
    channelId,
    (run) => postAnswer(run, { channel: channelId, message: answer.standalone, inThreadTs: threadTs }),
    { heldBack: answer.standalone },
  );
  if (result.kind === 'expired') return { kind: 'queue_expired' };
  if (result.kind === 'busy') {
    await ctx.notify?.(buildBusyAnswer(answer.standalone, result.scope));
    return { kind: 'busy' };
  }
  if (result.value.kind === 'no_access') {
    // A message the bot answered through response_url, in a conversation it is not in: answer the clicker.
    await ctx.notify?.(answer.standalone);
    return { kind: 'private' };
  }
  return { kind: 'thread' };
}

/** An answer in the person's DM with the bot (App Home, the Messages tab): the message, its thread, its chart. */
export async function deliverAnswerToDm(ctx: DeliveryContext, dm: DmTarget, answer: CommandAnswer): Promise<Outcome> {
  const result = await deliverWholeAnswer(ctx, dm.userId, dmChannel(dm), answer);
  if (result.kind !== 'delivered') return notDelivered(result);
  const posted = result.value;
  if (posted.kind === 'no_access') return { kind: 'dm_failed' };
  return posted.chart ? { kind: 'dm', chart: posted.chart } : { kind: 'dm' };
}

/** The chart on its own (`chart ny`), in a channel (its lane) or a DM (the person's lane). */
function deliverChart(
  ctx: DeliveryContext,
  target: { lane: string; channel: string },
  chart: ChartInput,
  failureNote: ChartFailureNote,
): Promise<DeliveryResult<ChartOutcome>> {
  return deliver(ctx, target.lane, (run) => postChartAlone(run, target.channel, chart, failureNote));
}

/**
 * The band chart on its own in a channel (`/allycomp chart ny`), through the channel's lane. What went wrong is told
 * to the person alone: beyond the queue's caps, that nothing was posted; a chart Slack refused, why.
 */
export async function deliverChartToChannel(
  ctx: DeliveryContext,
  channelId: string,
  chart: ChartInput,
): Promise<Outcome> {
  // Nothing is said in the channel: only the person who asked learns why there is no chart.
  const result = await deliverChart(ctx, { lane: channelId, channel: channelId }, chart, null);
  if (result.kind === 'expired') return { kind: 'queue_expired' };
  if (result.kind === 'busy') {
    await ctx.notify?.(buildNotPostedBusy('the chart', result.scope));
    return { kind: 'busy' };
  }
  const posted = result.value;
  if (!posted.attached) await ctx.notify?.(buildChartNotPosted(posted.code));
  return { kind: 'chart', chart: posted };
}

/** The chart on its own in the person's DM (`chart ny` in the Messages tab), through their lane. */
export async function deliverChartToDm(ctx: DeliveryContext, dm: DmTarget & { channel: string }, chart: ChartInput) {
  // In the DM only the person reads it, and there is no response URL: the reason goes there.
  const result = await deliverChart(ctx, { lane: dm.userId, channel: dm.channel }, chart, buildChartNotPosted);
  return result.kind === 'delivered'
    ? ({ kind: 'chart', chart: result.value } satisfies Outcome)
    : notDelivered(result);
}

/** A delivery that posted nothing for good: beyond the queue's caps, or out of time. */
function notDelivered(result: { kind: 'busy' } | { kind: 'expired' }): Outcome {
  return { kind: result.kind === 'busy' ? 'busy' : 'queue_expired' };
}

/** One message in the person's DM (a private answer, a note), through their lane. */
export async function deliverMessageToDm(ctx: DeliveryContext, dm: DmTarget, message: SlackMessage): Promise<Outcome> {
  const result = await deliverMessage(ctx, dm.userId, { channel: dmChannel(dm) }, message);
  if (result.kind !== 'delivered') return notDelivered(result);
  return { kind: result.value.kind === 'posted' ? 'dm' : 'dm_failed' };
}
