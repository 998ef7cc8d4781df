import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { coachCardAnswer } from '../../answers/coach.js';
import type { CoachConsent } from '../../engine/coach.js';
import { regionIfKnown } from '../../engine/regions.js';
import { postCoachCard } from '../../slack/coach.js';
import { type DeliveryContext, deliverMessage, deliveryContext, forSomeoneElse } from '../../slack/delivery.js';
import { type Outcome, setOutcome } from '../../slack/outcome.js';
import type { SlackMessage } from '../../views/blocks.js';
import { buildConsentAnswered, buildConsentOutcomeForCoach, decodeConsent } from '../../views/coach-consent.js';
import { buildFormattedProblem } from '../../views/error-messages.js';
import type { ListenerDeps } from '../deps.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/**
 * The teammate's Accept or Decline, in their DM. Accept posts the card in the coach's channel; decline posts
 * nothing there and tells the coach privately. Answers to one request run one at a time (through the store, so across
 * replicas too), and only the first counts.
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
    const ctx = deliveryContext(deps.delivery, { client, context, respond });
    const outcome = await deps.store.withCard(
      `consent:${dm}:${ts}`,
      async (already: true | undefined): Promise<{ state?: true; result: Outcome }> => {
        if (already) return { result: { kind: 'duplicate' } };
        const replace = (message: SlackMessage) =>
          client.chat.update({ channel: dm, ts, text: message.text, blocks: message.blocks });
        // The coach's DM, through its own lane; queue notes would reach the teammate who clicked: none.
        const tellCoach = (message: SlackMessage) =>
          deliverMessage(forSomeoneElse(ctx), consent.coachId, { channel: consent.coachId }, message);
        if (!accept) {
          await replace(buildConsentAnswered(deps.loaded.guide, consent, 'declined'));
          await tellCoach(buildConsentOutcomeForCoach(consent, 'declined'));
          return { state: true, result: { kind: 'declined' } };
        }
        const result = await postCard(deps, ctx, consent);
        // Beyond the queue's caps nothing was posted (the clicker was told): the request stays open to accept again.
        if (result.kind === 'busy') return { result };
        if (result.kind === 'not_in_channel') {
          await replace(buildConsentAnswered(deps.loaded.guide, consent, 'not_posted'));
          await tellCoach(buildConsentOutcomeForCoach(consent, 'not_posted'));
        } else {
          await replace(buildConsentAnswered(deps.loaded.guide, consent, 'accepted'));
        }
        return { state: true, result };
      },
    );
    setOutcome(context, outcome);
  };
}

function postCard(deps: ListenerDeps, ctx: DeliveryContext, consent: CoachConsent): Promise<Outcome> {
  const state = { regionId: consent.regionId, coachId: consent.coachId, teammateId: consent.teammateId, ticks: {} };
  return postCoachCard(ctx, consent.channelId, coachCardAnswer(deps.loaded, state), 'card');
}
