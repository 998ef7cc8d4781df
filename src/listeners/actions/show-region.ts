import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { sharedRegionAnswer } from '../../answers/answers.js';
import { regionIfKnown } from '../../engine/regions.js';
import { deliverAnswerToDm, deliverInThread } from '../../slack/answer-delivery.js';
import { deliveryContext } from '../../slack/delivery.js';
import { setOutcome, setOutcomeWhenDelivered } from '../../slack/outcome.js';
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
    const answer = sharedRegionAnswer(deps.loaded, region);
    const ctx = deliveryContext(deps.delivery, { client, context, respond });
    const container = body.container as { type?: string; is_ephemeral?: boolean };
    if (container.type === 'message' && !container.is_ephemeral && body.channel?.id && body.message?.ts) {
      const threadTs = (body.message.thread_ts as string | undefined) ?? body.message.ts;
      setOutcomeWhenDelivered(context, deliverInThread(ctx, { channelId: body.channel.id, threadTs, answer }));
      return;
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
    setOutcomeWhenDelivered(context, deliverAnswerToDm(ctx, { userId: body.user.id }, answer));
  };
}
