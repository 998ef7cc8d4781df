import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { mathAnswer } from '../../answers/answers.js';
import { regionIfKnown } from '../../engine/regions.js';
import { deliverMessageToDm } from '../../slack/answer-delivery.js';
import { deliveryContext } from '../../slack/delivery.js';
import { setOutcome, setOutcomeWhenDelivered } from '../../slack/outcome.js';
import type { ListenerDeps } from '../deps.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** "Show the math": only the person who clicked sees where every number comes from. */
export function showMath(deps: ListenerDeps) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs) => {
    await ack();
    const { guide } = deps.loaded;
    const region = regionIfKnown(guide, action.value);
    if (!region) {
      setOutcome(context, { kind: 'unknown_region' });
      return;
    }
    const message = mathAnswer(deps.loaded, region);
    if (body.response_url || body.container?.type === 'message') {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: message.text,
        blocks: message.blocks,
      });
      setOutcome(context, { kind: 'private' });
      return;
    }
    // App Home: the person's DM with the bot.
    const ctx = deliveryContext(deps.delivery, { client, context });
    setOutcomeWhenDelivered(context, deliverMessageToDm(ctx, { userId: body.user.id }, message));
  };
}
