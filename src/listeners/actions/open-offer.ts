import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { regionIfKnown } from '../../engine/regions.js';
import { deliveryContext } from '../../slack/delivery.js';
import { openOfferModal } from '../../slack/open-offer-modal.js';
import { setOutcome } from '../../slack/outcome.js';
import type { ListenerDeps } from '../deps.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** "Prep with my competing offer" (help, region messages, App Home): opens the modal for whoever clicked. */
export function openOffer(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context }: ButtonArgs) => {
    await ack();
    const { guide } = deps.loaded;
    const inMessage = body.container?.type === 'message' && !body.container?.is_ephemeral;
    const regionId = regionIfKnown(guide, action.value)?.id;
    setOutcome(
      context,
      await openOfferModal(
        deps.loaded.guide,
        deliveryContext(deps.delivery, { client, context }),
        body.trigger_id,
        {
          channelId: body.channel?.id,
          threadTs: inMessage ? ((body.message?.thread_ts as string | undefined) ?? body.message?.ts) : undefined,
          responseUrl: body.response_url,
          userId: body.user.id,
        },
        regionId ? { regionId } : undefined,
      ),
    );
  };
}
