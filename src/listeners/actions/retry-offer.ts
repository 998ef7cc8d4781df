import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { deliveryContext } from '../../slack/delivery.js';
import { decodeRetry, openOfferModal } from '../../slack/open-offer-modal.js';
import { setOutcome } from '../../slack/outcome.js';
import type { ListenerDeps } from '../deps.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** "Open the offer form" after an expired trigger: the same form, for the same place, with a fresh trigger. */
export function retryOffer(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context }: ButtonArgs) => {
    await ack();
    const { origin } = decodeRetry(action.value);
    setOutcome(
      context,
      await openOfferModal(deps.loaded.guide, deliveryContext(deps.delivery, { client, context }), body.trigger_id, {
        ...origin,
        userId: body.user.id,
      }),
    );
  };
}
