import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { type CoachRequest, coachCardAnswer, teammateProblemText } from '../../answers/coach.js';
import { postCoachCard, teammateProblem } from '../../slack/coach.js';
import { type DeliveryContext, deliverMessage, forSomeoneElse } from '../../slack/delivery.js';
import type { Outcome } from '../../slack/outcome.js';
import { buildConsentNotSent, buildConsentRequest, buildConsentSent } from '../../views/coach-consent.js';
import { buildAddBotHint, buildFormattedProblem } from '../../views/error-messages.js';
import type { ListenerDeps } from '../deps.js';

/**
 * `/allycomp coach [@teammate] <region>`. A group session posts its card at once. A named teammate is asked first,
 * privately: the card naming them is posted only when they accept (listeners/actions/coach-consent.ts).
 */
export async function coachCommand(
  deps: ListenerDeps,
  args: {
    client: WebClient;
    /** The request's delivery (deliveryContext), for the card and the teammate's DM. */
    delivery: DeliveryContext;
    respond: RespondFn;
    channelId: string;
    coachId: string;
    request: CoachRequest & { ok: true };
  },
): Promise<Outcome> {
  const { client, delivery, respond, channelId, coachId, request } = args;
  const tellOnly = async (mrkdwn: string) => {
    const message = buildFormattedProblem(mrkdwn);
    await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
  };
  const { teammateId, region } = request;
  if (!teammateId) {
    const answer = coachCardAnswer(deps.loaded, { regionId: region.id, coachId, ticks: {} });
    const outcome = await postCoachCard(delivery, channelId, answer, 'group_card');
    if (outcome.kind === 'not_in_channel') {
      await respond({
        response_type: 'ephemeral',
        text: `A prep card needs me in the channel. ${buildAddBotHint('not_in_channel').text}`,
      });
    }
    return outcome;
  }
  const problem = await teammateProblem(client, channelId, teammateId);
  if (problem) {
    await tellOnly(teammateProblemText(problem, teammateId, region));
    return { kind: problem };
  }
  const consent = { regionId: region.id, coachId, teammateId, channelId };
  const ask = buildConsentRequest(deps.loaded.guide, consent);
  // A post to a user id lands in their DM with allycomp: only they see it.
  const asked = await deliverMessage(forSomeoneElse(delivery), teammateId, { channel: teammateId }, ask).catch(
    () => undefined,
  );
  if (asked?.kind !== 'delivered' || asked.value.kind !== 'posted') {
    const why = asked?.kind === 'busy' ? 'busy' : asked?.kind === 'expired' ? 'held_back' : 'unreachable';
    const notSent = buildConsentNotSent(teammateId, why);
    await respond({ response_type: 'ephemeral', text: notSent.text, blocks: notSent.blocks });
    return { kind: why === 'busy' ? 'busy' : why === 'held_back' ? 'queue_expired' : 'dm_failed' };
  }
  const sent = buildConsentSent(deps.loaded.guide, consent);
  await respond({ response_type: 'ephemeral', text: sent.text, blocks: sent.blocks });
  return { kind: 'consent_asked' };
}
