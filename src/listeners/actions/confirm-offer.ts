import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { confirmedOffer, ownCopy, prepareOffer } from '../../answers/offer-prep.js';
import { regionIfKnown } from '../../engine/regions.js';
import { deliveryContext } from '../../slack/delivery.js';
import { deliverOfferToDm } from '../../slack/offer-delivery.js';
import { setOutcome, setOutcomeWhenDelivered } from '../../slack/outcome.js';
import type { ListenerDeps } from '../deps.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/**
 * A "did you mean …?" button: the same offer re-run with the reading the person picked, everything else as they
 * typed it. The question was in their DM (or shown to them alone), so the answer goes to their DM too.
 */
export function confirmOffer(deps: ListenerDeps) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs) => {
    await ack();
    const { guide } = deps.loaded;
    const read = confirmedOffer(action.value);
    const region = regionIfKnown(guide, read?.confirmed.draft.regionId);
    if (!read || !region) {
      setOutcome(context, { kind: 'invalid' });
      return;
    }
    const prep = prepareOffer(guide, region, read.confirmed.draft, read.offer, read.confirmed.premiumIds);
    const ctx = deliveryContext(deps.delivery, { client, context, respond });
    setOutcomeWhenDelivered(
      context,
      deliverOfferToDm(ctx, { userId: body.user.id }, ownCopy(deps.loaded, prep)).then(
        (dm) => dm ?? { kind: 'offer_submitted', own: { kind: 'dm_failed' } },
      ),
    );
  };
}
