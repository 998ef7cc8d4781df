import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { CommandAnswer } from '../answers/answers.js';
import type { SlackMessage } from '../views/blocks.js';
import { buildAddBotHint } from '../views/error-messages.js';
import { attachChart } from './chart-upload.js';
import { isNoAccessError, slackErrorCode } from './errors.js';
import type { Outcome } from './outcome.js';

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

/**
 * Deliver a command's answer: in the channel with its thread when the bot can post there; otherwise the whole
 * answer in one message through response_url, plus (to the person alone, once) how to add the bot for threads.
 */
export async function deliverAnswer(args: {
  client: WebClient;
  respond: RespondFn;
  channelId: string;
  answer: CommandAnswer;
}): Promise<Outcome> {
  const { client, respond, channelId, answer } = args;
  if (answer.onlyToRequester) {
    await respond({ response_type: 'ephemeral', text: answer.standalone.text, blocks: answer.standalone.blocks });
    return { kind: 'private' };
  }
  let parentTs: string | undefined;
  try {
    const parent = await client.chat.postMessage({
      channel: channelId,
      text: answer.message.text,
      blocks: answer.message.blocks,
    });
    parentTs = parent.ts;
  } catch (error) {
    if (!isNoAccessError(error)) throw error;
    await respond({ response_type: 'in_channel', text: answer.standalone.text, blocks: answer.standalone.blocks });
    const hint = buildAddBotHint(slackErrorCode(error) ?? 'not_in_channel');
    await respond({ response_type: 'ephemeral', replace_original: false, text: hint.text, blocks: hint.blocks });
    return { kind: 'fallback' };
  }
  await postReplies(client, channelId, parentTs, answer.thread);
  if (!answer.chart) return { kind: 'posted' };
  return { kind: 'posted', chart: await attachChart(client, { channelId, threadTs: parentTs }, answer.chart) };
}
