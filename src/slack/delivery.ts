import { LogLevel, type RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { CommandAnswer } from '../answers/answers.js';
import { describeBandChart } from '../chart/alt-text.js';
import type { AppLogger } from '../logging.js';
import type { SlackMessage } from '../views/blocks.js';
import { buildAddBotHint } from '../views/error-messages.js';
import { buildHeldBackAnswer, buildQueuedNote } from '../views/queue-notes.js';
import { chartImageBlock, withChartImage } from '../views/shared-chart.js';
import type { ChannelQueue, DeliveryJob, Reservation } from './channel-queue.js';
import { attachChart, prepareChart } from './chart-upload.js';
import type { DeliveryClients } from './delivery-client.js';
import { isNoAccessError, slackErrorCode } from './errors.js';
import type { Outcome } from './outcome.js';
import { attemptSlackCall } from './post-attempt.js';
import type { SharedCharts } from './shared-chart.js';
import { isSlackFileRefusal } from './shared-files.js';

/** Post replies under a parent message, one at a time so they keep their order. */
export async function postReplies(
  client: WebClient,
  channel: string,
  threadTs: string | undefined,
  replies: SlackMessage[],
) {
  for (const reply of replies) {
    await client.chat.postMessage({ channel, thread_ts: threadTs, text: reply.text, blocks: reply.blocks });
  }
}

/** Where a message landed: a post to a user id lands in the DM, whose id Slack returns. */
export interface Posted {
  channel: string;
  ts?: string;
}

/** Post a message (optionally itself in a thread) and then its replies. */
export async function postWithThread(
  client: WebClient,
  channel: string,
  message: SlackMessage,
  replies: SlackMessage[],
  inThreadTs?: string,
): Promise<Posted> {
  const parent = await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    ...(inThreadTs ? { thread_ts: inThreadTs } : {}),
  });
  // Slack answers with the conversation's id: a post to a user id lands in the DM (D…), where the replies belong.
  const posted = { channel: parent.channel ?? channel, ts: parent.ts };
  await postReplies(client, posted.channel, inThreadTs ?? parent.ts, replies);
  return posted;
}

/** What a public answer's delivery needs besides Bolt's arguments: the per-channel queue and the shared chart. */
export interface DeliveryServices {
  queue: ChannelQueue;
  charts: SharedCharts;
  logger: AppLogger;
  clients: DeliveryClients;
}

/**
 * Deliver a command's answer through its channel's queue (a slot reserved at ack time): the message, with the shared
 * chart as an image when the workspace already has it, and its thread (one reply). The first answer of a workspace
 * uploads the chart into its thread, and later answers reuse that file. When the bot cannot post there: the whole
 * answer in one message through response_url, plus (to the person alone, once) how to add the bot for threads.
 * A 429 is waited out by the queue; past ~10 s the person is told privately, once, that the answer is queued.
 */
export async function deliverAnswer(args: {
  client: WebClient;
  respond: RespondFn;
  channelId: string;
  teamId: string;
  answer: CommandAnswer;
  reservation: Reservation;
  services: DeliveryServices;
}): Promise<Outcome> {
  const { client, respond, channelId, teamId, answer, reservation, services } = args;
  if (answer.onlyToRequester) {
    reservation.release();
    await respond({ response_type: 'ephemeral', text: answer.standalone.text, blocks: answer.standalone.blocks });
    return { kind: 'private' };
  }
  // The queue's own client for the request's token: 429s come straight back to it.
  const poster = client.token ? services.clients.for(client.token) : client;
  const job: DeliveryJob<Outcome> = async (send) => {
    const post = (message: SlackMessage, threadTs?: string) =>
      send(() =>
        attemptSlackCall(() =>
          poster.chat.postMessage({
            channel: channelId,
            text: message.text,
            blocks: message.blocks,
            ...(threadTs ? { thread_ts: threadTs } : {}),
          }),
        ),
      );
    const plan = answer.chart ? await services.charts.plan(teamId, answer.chart) : undefined;
    if (plan && plan.kind !== 'reuse' && answer.chart) prepareChart(answer.chart);
    try {
      let parentTs: string | undefined;
      let reused = false;
      try {
        if (plan?.kind === 'reuse' && answer.chart) {
          const image = chartImageBlock(plan.fileId, describeBandChart(answer.chart));
          try {
            parentTs = (await post(withChartImage(answer.message, image))).ts;
            reused = true;
          } catch (error) {
            // Still processing (or gone): post as before, upload into the thread, try the reuse again later.
            if (!isSlackFileRefusal(error)) throw error;
            services.charts.refused(plan.key, plan.fileId);
            parentTs = (await post(answer.message)).ts;
          }
        } else {
          parentTs = (await post(answer.message)).ts;
        }
      } catch (error) {
        if (!isNoAccessError(error)) throw error;
        await respond({ response_type: 'in_channel', text: answer.standalone.text, blocks: answer.standalone.blocks });
        const hint = buildAddBotHint(slackErrorCode(error) ?? 'not_in_channel');
        await respond({ response_type: 'ephemeral', replace_original: false, text: hint.text, blocks: hint.blocks });
        return { kind: 'fallback' };
      }
      for (const reply of answer.thread) await post(reply, parentTs);
      if (!answer.chart) return { kind: 'posted' };
      if (reused) return { kind: 'posted', chart: { attached: true } };
      const { fileId, ...chart } = await attachChart(client, { channelId, threadTs: parentTs }, answer.chart);
      if (plan?.kind === 'upload' && fileId) plan.uploaded(fileId);
      return { kind: 'posted', chart };
    } finally {
      if (plan?.kind === 'upload') plan.failed();
    }
  };
  const outcome = await reservation.submit(job, {
    onWaiting: () => {
      const note = buildQueuedNote();
      respond({ response_type: 'ephemeral', replace_original: false, text: note.text, blocks: note.blocks }).catch(
        () => undefined,
      );
    },
  });
  if (outcome.kind === 'delivered') return outcome.value;
  if (outcome.kind === 'failed') throw outcome.error;
  services.logger.event(LogLevel.WARN, 'delivery_expired', { posts: outcome.posts, rate_limited: outcome.rateLimited });
  if (outcome.posts === 0) {
    const held = buildHeldBackAnswer(answer.standalone);
    await respond({ response_type: 'ephemeral', replace_original: false, text: held.text, blocks: held.blocks }).catch(
      () => undefined,
    );
  }
  return { kind: 'queue_expired' };
}
