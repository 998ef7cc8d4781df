import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerCommand } from '../../answers/answers.js';
import { regionChartInput } from '../../answers/chart-input.js';
import { coachInDmProblem } from '../../answers/coach.js';
import { offerAnswerFromWords } from '../../answers/offer-flow.js';
import { parseCommand } from '../../engine/parse-command.js';
import { attachChart } from '../../slack/chart-upload.js';
import { postWithThread } from '../../slack/delivery.js';
import { setOutcome } from '../../slack/outcome.js';
import type { SlackMessage } from '../../views/blocks.js';
import { buildProblemMessage } from '../../views/error-messages.js';
import { buildChannelOnlyNote, buildOfferFormPrompt } from '../../views/messages-tab.js';
import type { ListenerDeps } from '../deps.js';

/** In the bot's DM (the Messages tab), the same words as the slash command work without the slash. */
export function directMessage(deps: ListenerDeps) {
  return async ({ message, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) {
      setOutcome(context, { kind: 'ignored' });
      return;
    }
    const text = 'text' in message && typeof message.text === 'string' ? message.text : '';
    const parsed = parseCommand(deps.loaded.guide, text.replace(/^\/?allycomp\s*/i, ''));
    const channel = message.channel;
    const post = (reply: SlackMessage) => client.chat.postMessage({ channel, text: reply.text, blocks: reply.blocks });
    const { intent } = parsed;
    if (intent.kind === 'offer' && intent.words.length === 0) {
      await post(buildOfferFormPrompt());
      return;
    }
    if (intent.kind === 'chart' && intent.words.length === 0) {
      const chart = await attachChart(
        client,
        { channelId: channel },
        regionChartInput(deps.loaded.guide, intent.region),
      );
      setOutcome(context, { kind: 'chart', chart });
      return;
    }
    if (intent.kind === 'offer' || intent.kind === 'chart') {
      // `chart detroit SoFi 245k` is an offer with its chart: here, like the quick form, the answer itself.
      const words = intent.kind === 'chart' && intent.region ? [...intent.words, intent.region.id] : intent.words;
      const quick = offerAnswerFromWords(deps.loaded, words[0]?.toLowerCase() === 'offer' ? words.slice(1) : words);
      await post(quick.message);
      return;
    }
    if (intent.kind === 'coach') {
      await post(buildChannelOnlyNote(coachInDmProblem(deps.loaded)));
      return;
    }
    const answer = answerCommand(deps.loaded, parsed);
    if (!answer) {
      const problem = buildProblemMessage(
        `\`${parsed.intent.kind}\` works from a channel: try \`/allycomp ${parsed.intent.kind}\` there.`,
      );
      await client.chat.postMessage({ channel, text: problem.text, blocks: problem.blocks });
      return;
    }
    if (answer.onlyToRequester) {
      await client.chat.postMessage({ channel, text: answer.standalone.text, blocks: answer.standalone.blocks });
      return;
    }
    const posted = await postWithThread(client, channel, answer.message, answer.thread);
    if (answer.chart) {
      const chart = await attachChart(client, { channelId: posted.channel, threadTs: posted.ts }, answer.chart);
      setOutcome(context, { kind: 'chart', chart });
    }
  };
}
