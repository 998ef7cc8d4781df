import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { offerAnswerFromWords } from '../answers/offer-flow.js';
import type { LoadedGuide } from '../guide/load.js';
import type { SlackMessage } from '../views/blocks.js';
import { attachChart } from './chart-upload.js';
import type { Posted } from './delivery.js';
import { isNoAccessError } from './errors.js';
import type { QuickOfferOutcome } from './outcome.js';

/**
 * An offer answer goes to the person's DM with the bot: private, and still there tomorrow (an ephemeral
 * message is neither). Returns false when the DM could not be posted.
 */
export async function sendToDm(client: WebClient, userId: string, message: SlackMessage): Promise<Posted | undefined> {
  try {
    const posted = await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks });
    return { channel: posted.channel ?? userId, ts: posted.ts };
  } catch (error) {
    if (isNoAccessError(error)) return undefined;
    throw error;
  }
}

/** `/allycomp offer SoFi 245k detroit`: answered at once from the words, to the person alone. */
export async function answerQuickOffer(
  loaded: LoadedGuide,
  args: { client: WebClient; respond: RespondFn; userId: string; words: string[] },
): Promise<QuickOfferOutcome> {
  const result = offerAnswerFromWords(loaded, args.words);
  if (!result.ok) {
    await args.respond({ response_type: 'ephemeral', text: result.message.text, blocks: result.message.blocks });
    return { kind: 'invalid' };
  }
  const dm = await sendToDm(args.client, args.userId, result.message);
  if (dm) {
    await args.respond({ response_type: 'ephemeral', text: 'Sent to your DM with allycomp: only you can see it.' });
    return {
      kind: 'dm',
      chart: await attachChart(args.client, { channelId: dm.channel, threadTs: dm.ts }, result.chart),
    };
  }
  await args.respond({ response_type: 'ephemeral', text: result.message.text, blocks: result.message.blocks });
  return { kind: 'ephemeral' };
}
