import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { rehearsalMessage } from '../../answers/coach.js';
import { type CoachCardState, canUpdateCard, setStep } from '../../engine/coach.js';
import { regionIfKnown } from '../../engine/regions.js';
import { postRehearsal } from '../../slack/coach.js';
import { deliveryContext } from '../../slack/delivery.js';
import { type Outcome, setOutcome, setOutcomeWhenDelivered } from '../../slack/outcome.js';
import { buildCoachCard, decodeCardState, whoMayTick } from '../../views/coach-card.js';
import { buildFormattedProblem } from '../../views/error-messages.js';
import { COACH_ACTIONS } from '../../views/ids.js';
import type { ListenerDeps } from '../deps.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

function cardOf(deps: ListenerDeps, value: string | undefined): CoachCardState | undefined {
  const state = decodeCardState(value);
  if (!state || !regionIfKnown(deps.loaded.guide, state.regionId)) return undefined;
  return state;
}

/** Tick or untick a step: only the coach and the teammate may; updates to one card are applied one at a time, in order. */
export function tickStep(deps: ListenerDeps) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs) => {
    await ack();
    const fromPayload = cardOf(deps, action.value);
    const channel = body.channel?.id;
    const ts = body.message?.ts;
    if (!fromPayload || !channel || !ts) {
      setOutcome(context, { kind: 'bad_card' });
      return;
    }
    const [kind, stepId = ''] = action.action_id.split(':');
    const ticked = kind === COACH_ACTIONS.tick;
    const userId = body.user.id;
    // Serialised per card in the store: across replicas too when it is PostgreSQL.
    const outcome = await deps.store.withCard(
      `${channel}:${ts}`,
      async (latest): Promise<{ state?: CoachCardState; result: Outcome }> => {
        const current = latest ?? fromPayload;
        if (!canUpdateCard(current, userId)) {
          const refusal = buildFormattedProblem(`Only ${whoMayTick(current)} can update this card.`);
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: refusal.text,
            blocks: refusal.blocks,
          });
          return { result: { kind: 'refused' } };
        }
        const next = setStep(current, stepId, ticked, userId, Math.floor(Date.now() / 1000));
        const card = buildCoachCard(deps.loaded.guide, next);
        await client.chat.update({ channel, ts, text: card.text, blocks: card.blocks });
        return { state: next, result: { kind: ticked ? 'ticked' : 'unticked' } };
      },
    );
    setOutcome(context, outcome);
  };
}

/** "Rehearse lever N": the script with the region's numbers, in the card's thread, for the teammate to answer. */
export function rehearseLever(deps: ListenerDeps) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs) => {
    await ack();
    const state = cardOf(deps, action.value);
    const channel = body.channel?.id;
    const ts = body.message?.ts;
    const leverNumber = Number(action.action_id.split(':')[1]);
    if (!state || !channel || !ts) {
      setOutcome(context, { kind: 'bad_card' });
      return;
    }
    const message = rehearsalMessage(deps.loaded.guide, state, leverNumber);
    if (!message) {
      setOutcome(context, { kind: 'unknown_lever' });
      return;
    }
    const threadTs = (body.message?.thread_ts as string | undefined) ?? ts;
    const ctx = deliveryContext(deps.delivery, { client, context, respond });
    setOutcomeWhenDelivered(context, postRehearsal(ctx, { channelId: channel, threadTs }, message));
  };
}
