import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { deliveryContext } from '../../slack/delivery.js';
import { openOfferModal } from '../../slack/open-offer-modal.js';
import { setOutcome } from '../../slack/outcome.js';
import type { ListenerDeps } from '../deps.js';

type GlobalShortcutArgs = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<GlobalShortcut>;

/** Global shortcut "Prep a negotiation": the offer modal from anywhere (no channel, so the answer is a DM). */
export function prepNegotiation(deps: ListenerDeps) {
  return async ({ ack, shortcut, client, context }: GlobalShortcutArgs) => {
    await ack();
    setOutcome(
      context,
      await openOfferModal(
        deps.loaded.guide,
        deliveryContext(deps.delivery, { client, context }),
        shortcut.trigger_id,
        { userId: shortcut.user.id },
      ),
    );
  };
}
