import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { offerChart } from '../../answers/chart-input.js';
import { confirmedOffer, prepareOffer } from '../../answers/offer-prep.js';
import { regionIfKnown } from '../../engine/regions.js';
import { attachChart } from '../../slack/chart-upload.js';
import { sendToDm } from '../../slack/offer-delivery.js';
import { setOutcome } from '../../slack/outcome.js';
import { buildOfferAnswer } from '../../views/offer-answer.js';
import type { ListenerDeps } from '../deps.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/**
 * A "did you mean …?" button: the same offer re-run with the reading the person picked, everything else as they
 * typed it. The question was in their DM (or shown to them alone), so the answer goes to their DM too.
 */
export function confirmOffer(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context }: ButtonArgs) => {
    await ack();
    const { guide } = deps.loaded;
    const read = confirmedOffer(action.value);
    const region = regionIfKnown(guide, read?.confirmed.draft.regionId);
    if (!read || !region) {
      setOutcome(context, { kind: 'invalid' });
      return;
    }
    const prep = prepareOffer(guide, region, read.confirmed.draft, read.offer, read.confirmed.premiumIds);
    const dm = await sendToDm(client, body.user.id, buildOfferAnswer(deps.loaded, prep));
    if (!dm) {
      setOutcome(context, { kind: 'offer_submitted', own: { kind: 'dm_failed' } });
      return;
    }
    const chart = await attachChart(
      client,
      { channelId: dm.channel, threadTs: dm.ts },
      offerChart(guide, prep.pkg, true),
    );
    setOutcome(context, { kind: 'dm', chart });
  };
}
