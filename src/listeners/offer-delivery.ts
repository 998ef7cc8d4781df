import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../views/blocks.js';
import { offerAnswerFromWords } from '../views/offer-flow.js';
import { isNoAccessError } from './delivery.js';
import type { ListenerDeps } from './deps.js';

/**
 * An offer answer goes to the person's DM with the bot: private, and still there tomorrow (an ephemeral
 * message is neither). Returns false when the DM could not be posted.
 */
export async function sendToDm(client: WebClient, userId: string, message: SlackMessage): Promise<boolean> {
  try {
    await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks });
    return true;
  } catch (error) {
    if (isNoAccessError(error)) return false;
    throw error;
  }
}

/** `/allycomp offer SoFi 245k detroit`: answered at once from the words, to the person alone. */
export async function answerQuickOffer(
  deps: ListenerDeps,
  args: { client: WebClient; respond: RespondFn; userId: string; words: string[] },
): Promise<'dm' | 'ephemeral' | 'invalid'> {
  const result = offerAnswerFromWords(deps.loaded, args.words);
  if (!result.ok) {
    await args.respond({ response_type: 'ephemeral', text: result.message.text, blocks: result.message.blocks });
    return 'invalid';
  }
  if (await sendToDm(args.client, args.userId, result.message)) {
    await args.respond({ response_type: 'ephemeral', text: 'Sent to your DM with allycomp: only you can see it.' });
    return 'dm';
  }
  await args.respond({ response_type: 'ephemeral', text: result.message.text, blocks: result.message.blocks });
  return 'ephemeral';
}
