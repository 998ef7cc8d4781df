import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../engine/commands.js';
import { answerCommand } from '../../views/answers.js';
import { buildFormattedProblem, buildProblemMessage } from '../../views/errors.js';
import { deliverAnswer } from '../delivery.js';
import type { ListenerDeps } from '../deps.js';
import { answerQuickOffer } from '../offer-delivery.js';
import { openOfferModal } from '../open-offer-modal.js';
import { coachWordsProblem, postCoachCard } from './coach.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/allycomp …`: private answers ride on the ack itself; public ones are posted after it, with their thread. */
export function allycompCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond, client, context }: CommandArgs) => {
    const parsed = parseCommand(deps.loaded.guide, command.text ?? '');
    const { intent } = parsed;

    if (intent.kind === 'offer') {
      if (intent.words.length === 0) {
        await ack();
        context.outcome = await openOfferModal(deps, client, command.trigger_id, {
          channelId: command.channel_id,
          userId: command.user_id,
          responseUrl: command.response_url,
        });
        return;
      }
      await ack();
      context.outcome = await answerQuickOffer(deps, { client, respond, userId: command.user_id, words: intent.words });
      return;
    }

    if (intent.kind === 'coach') {
      const problem = coachWordsProblem(deps, intent.words);
      if (problem) {
        const message = buildFormattedProblem(problem);
        await ack({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
        context.outcome = 'invalid';
        return;
      }
      await ack();
      context.outcome = await postCoachCard(deps, {
        client,
        respond,
        channelId: command.channel_id,
        coachId: command.user_id,
        words: intent.words,
      });
      return;
    }

    const answer = answerCommand(deps.loaded, parsed);
    if (!answer) {
      const problem = buildProblemMessage(`\`${intent.kind}\` is not available yet. Try \`/allycomp help\`.`);
      await ack({ response_type: 'ephemeral', text: problem.text, blocks: problem.blocks });
      return;
    }
    if (answer.onlyToRequester) {
      await ack({ response_type: 'ephemeral', text: answer.standalone.text, blocks: answer.standalone.blocks });
      context.outcome = 'private';
      return;
    }
    await ack();
    context.outcome = await deliverAnswer({ client, respond, channelId: command.channel_id, answer });
  };
}
