import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { regionIfKnown } from '../../engine/regions.js';
import { carryOutConsent, claimConsent } from '../../slack/consent.js';
import { deliveryContext } from '../../slack/delivery.js';
import { setOutcome, setOutcomeWhenDelivered } from '../../slack/outcome.js';
import { decodeConsent } from '../../views/coach-consent.js';
import { buildFormattedProblem } from '../../views/error-messages.js';
import type { ListenerDeps } from '../deps.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/**
 * The teammate's Accept or Decline, in their DM. Accept posts the card in the coach's channel; decline posts
 * nothing there and tells the coach privately. Only the first answer counts (slack/consent.ts).
 */
export function answerConsent(deps: ListenerDeps, accept: boolean) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs) => {
    await ack();
    const consent = decodeConsent(action.value);
    const dm = body.channel?.id;
    const ts = body.message?.ts;
    if (!consent || !regionIfKnown(deps.loaded.guide, consent.regionId) || !dm || !ts) {
      setOutcome(context, { kind: 'bad_card' });
      return;
    }
    if (body.user.id !== consent.teammateId) {
      const refusal = buildFormattedProblem(`Only <@${consent.teammateId}> can answer this request.`);
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: refusal.text,
        blocks: refusal.blocks,
      });
      setOutcome(context, { kind: 'refused' });
      return;
    }
    const request = { channel: dm, ts };
    if (!(await claimConsent(deps.store, request))) {
      setOutcome(context, { kind: 'duplicate' });
      return;
    }
    const ctx = deliveryContext(deps.delivery, { client, context, respond });
    setOutcomeWhenDelivered(context, carryOutConsent(deps, ctx, client, { consent, accept, request }));
  };
}
