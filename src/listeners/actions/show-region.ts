import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { regionAnswer } from '../../answers/answers.js';
import { regionIfKnown } from '../../engine/regions.js';
import { attachChart } from '../../slack/chart-upload.js';
import { postWithThread } from '../../slack/delivery.js';
import { isNoAccessError } from '../../slack/errors.js';
import { setOutcome } from '../../slack/outcome.js';
import type { ListenerDeps } from '../deps.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/**
 * "See Detroit" and the other region buttons. On a message in a channel: the region goes in that message's
 * thread (never rewriting what others are reading). On a private message: privately. On App Home: in the DM.
 */
export function showRegion(deps: ListenerDeps) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs) => {
    await ack();
    const { guide } = deps.loaded;
    const region = regionIfKnown(guide, action.value);
    if (!region) {
      setOutcome(context, { kind: 'unknown_region' });
      return;
    }
    const answer = regionAnswer(deps.loaded, region);
    const container = body.container as {
      type?: string;
      is_ephemeral?: boolean;
      thread_ts?: string;
      message_ts?: string;
    };
    if (container.type === 'message' && !container.is_ephemeral && body.channel?.id && body.message?.ts) {
      const threadTs = (body.message.thread_ts as string | undefined) ?? body.message.ts;
      try {
        await postWithThread(client, body.channel.id, answer.standalone, [], threadTs);
        setOutcome(context, { kind: 'thread' });
        return;
      } catch (error) {
        // A message the bot answered through response_url, in a conversation it is not in: answer the clicker.
        if (!isNoAccessError(error)) throw error;
      }
    }
    if (container.type === 'message') {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: answer.standalone.text,
        blocks: answer.standalone.blocks,
      });
      setOutcome(context, { kind: 'private' });
      return;
    }
    // App Home: the person's DM with the bot (posting to a user id opens it), with the levers in the thread.
    const posted = await postWithThread(client, body.user.id, answer.message, answer.thread);
    const chart = answer.chart
      ? await attachChart(client, { channelId: posted.channel, threadTs: posted.ts }, answer.chart)
      : undefined;
    setOutcome(context, chart ? { kind: 'dm', chart } : { kind: 'dm' });
  };
}
