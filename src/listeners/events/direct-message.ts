import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerCommand } from '../../answers/answers.js';
import { regionChartInput } from '../../answers/chart-input.js';
import { coachInDmProblem } from '../../answers/coach.js';
import { offerAnswerFromWords } from '../../answers/offer-flow.js';
import { parseCommand } from '../../engine/parse-command.js';
import { deliverAnswerToDm, deliverChartToDm, deliverMessageToDm } from '../../slack/answer-delivery.js';
import { deliveryContext } from '../../slack/delivery.js';
import { deliverOfferToDm } from '../../slack/offer-delivery.js';
import { type Outcome, setOutcome, setOutcomeWhenDelivered } from '../../slack/outcome.js';
import { buildProblemMessage } from '../../views/error-messages.js';
import { COMMAND } from '../../views/ids.js';
import { buildChannelOnlyNote, buildOfferFormPrompt } from '../../views/messages-tab.js';
import type { ListenerDeps } from '../deps.js';

/** The command's name typed in front of the words out of habit (`/allycomp ny`, `allycomp ny`): dropped. */
const COMMAND_NAME = new RegExp(`^/?${COMMAND.replace(/^\//, '')}\\s*`, 'i');

/** In the bot's DM (the Messages tab), the same words as the slash command work without the slash. */
export function directMessage(deps: ListenerDeps) {
  return async ({ message, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message || !message.user) {
      setOutcome(context, { kind: 'ignored' });
      return;
    }
    const text = 'text' in message && typeof message.text === 'string' ? message.text : '';
    const parsed = parseCommand(deps.loaded.guide, text.replace(COMMAND_NAME, ''));
    // Every answer here goes through the person's lane of the delivery queue (a DM is a channel too).
    const ctx = deliveryContext(deps.delivery, { client, context });
    const dm = { userId: message.user, channel: message.channel };
    const { intent } = parsed;
    if (intent.kind === 'offer' && intent.words.length === 0) {
      setOutcomeWhenDelivered(context, deliverMessageToDm(ctx, dm, buildOfferFormPrompt()));
      return;
    }
    if (intent.kind === 'chart' && intent.words.length === 0) {
      const chart = regionChartInput(deps.loaded.guide, intent.region);
      setOutcomeWhenDelivered(context, deliverChartToDm(ctx, dm, chart));
      return;
    }
    if (intent.kind === 'offer' || intent.kind === 'chart') {
      // `chart detroit SoFi 245k` is an offer with its chart: here, like the quick form, the answer and its chart.
      const words = intent.kind === 'chart' && intent.region ? [...intent.words, intent.region.id] : intent.words;
      const quick = offerAnswerFromWords(deps.loaded, words[0]?.toLowerCase() === 'offer' ? words.slice(1) : words);
      if (!quick.ok) {
        setOutcomeWhenDelivered(context, deliverMessageToDm(ctx, dm, quick.message));
        return;
      }
      setOutcomeWhenDelivered(
        context,
        deliverOfferToDm(ctx, dm, quick).then((sent): Outcome => sent ?? { kind: 'dm_failed' }),
      );
      return;
    }
    if (intent.kind === 'coach') {
      setOutcomeWhenDelivered(
        context,
        deliverMessageToDm(ctx, dm, buildChannelOnlyNote(coachInDmProblem(deps.loaded))),
      );
      return;
    }
    const answer = answerCommand(deps.loaded, parsed);
    if (!answer) {
      const problem = buildProblemMessage(
        `\`${parsed.intent.kind}\` works from a channel: try \`${COMMAND} ${parsed.intent.kind}\` there.`,
      );
      setOutcomeWhenDelivered(context, deliverMessageToDm(ctx, dm, problem));
      return;
    }
    if (answer.onlyToRequester) {
      setOutcomeWhenDelivered(context, deliverMessageToDm(ctx, dm, answer.standalone));
      return;
    }
    setOutcomeWhenDelivered(context, deliverAnswerToDm(ctx, dm, answer));
  };
}
