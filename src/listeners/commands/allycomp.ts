import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerCommand, isPrivateAnswer } from '../../answers/answers.js';
import { readCoachRequest } from '../../answers/coach.js';
import { parseCommand } from '../../engine/parse-command.js';
import { deliverAnswer } from '../../slack/answer-delivery.js';
import { deliveryContext } from '../../slack/delivery.js';
import { answerQuickOffer } from '../../slack/offer-delivery.js';
import { openOfferModal } from '../../slack/open-offer-modal.js';
import { setOutcome, setOutcomeWhenDelivered } from '../../slack/outcome.js';
import { buildFormattedProblem, buildProblemMessage } from '../../views/error-messages.js';
import { buildBusyAnswer } from '../../views/queue-notes.js';
import type { ListenerDeps } from '../deps.js';
import { postChart } from './chart.js';
import { coachCommand } from './coach.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/allycomp …`: private answers ride on the ack itself; public ones are posted after it, with their thread. */
export function allycompCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond, client, context }: CommandArgs) => {
    const parsed = parseCommand(deps.loaded.guide, command.text ?? '');
    const { intent } = parsed;
    const delivery = deliveryContext(deps.delivery, { client, context, respond });

    if (intent.kind === 'offer') {
      if (intent.words.length === 0) {
        await ack();
        setOutcome(
          context,
          await openOfferModal(deps.loaded.guide, delivery, command.trigger_id, {
            channelId: command.channel_id,
            userId: command.user_id,
            responseUrl: command.response_url,
          }),
        );
        return;
      }
      await ack();
      setOutcomeWhenDelivered(
        context,
        answerQuickOffer(deps.loaded, delivery, { respond, userId: command.user_id, words: intent.words }),
      );
      return;
    }

    if (intent.kind === 'coach') {
      const request = readCoachRequest(deps.loaded, intent.words);
      if (!request.ok) {
        const message = buildFormattedProblem(request.problem);
        await ack({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
        setOutcome(context, { kind: 'invalid' });
        return;
      }
      await ack();
      setOutcomeWhenDelivered(
        context,
        coachCommand(deps, {
          client,
          delivery,
          respond,
          channelId: command.channel_id,
          coachId: command.user_id,
          request,
        }),
      );
      return;
    }

    if (intent.kind === 'chart') {
      await ack();
      setOutcomeWhenDelivered(
        context,
        postChart(deps, {
          delivery,
          respond,
          channelId: command.channel_id,
          userId: command.user_id,
          words: intent.words,
          region: intent.region,
        }),
      );
      return;
    }

    if (isPrivateAnswer(parsed)) {
      // A private answer rides on the ack itself: it is built first (a millisecond or two of pure work).
      const answer = answerCommand(deps.loaded, parsed);
      const message = answer?.standalone ?? buildProblemMessage('Try /allycomp help.');
      await ack({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
      setOutcome(context, { kind: 'private' });
      return;
    }
    // A public answer waits its turn in the channel's queue: the slot is taken before the ack, so the ack is honest.
    const admission = deps.delivery.queue.reserve(command.channel_id);
    if (admission.kind === 'busy') {
      const answer = answerCommand(deps.loaded, parsed);
      const message = buildBusyAnswer(
        answer?.standalone ?? buildProblemMessage('Try /allycomp help.'),
        admission.scope,
      );
      await ack({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
      setOutcome(context, { kind: 'busy' });
      return;
    }
    // Built after the ack (and shared by the process for regions), so Slack hears back before any of the work.
    await ack();
    const answer = answerCommand(deps.loaded, parsed);
    if (!answer) {
      admission.reservation.release();
      return;
    }
    setOutcomeWhenDelivered(
      context,
      deliverAnswer(delivery, {
        respond,
        channelId: command.channel_id,
        answer,
        reservation: admission.reservation,
      }),
    );
  };
}
