import { actions, button, type SlackMessage, section } from './blocks.js';
import { ACTIONS, BLOCKS } from './ids.js';

/** `offer` alone in the bot's DM: a typed message carries no trigger to open a form with, so a button does. */
export function buildOfferFormPrompt(): SlackMessage {
  const text =
    'The offer form asks for each part of the offer. Click to open it; or type the offer in one line, e.g. `offer SoFi 245k detroit`.';
  return {
    text: text.replace(/`/g, ''),
    blocks: [
      section(`:memo: ${text}`, BLOCKS.dmOfferPrompt),
      actions(BLOCKS.dmOfferActions, [button('Open the offer form', ACTIONS.openOffer, 'dm', 'primary')]),
    ],
  };
}

/** Something that works in a channel only, with the exact words to type there (mrkdwn, from the answers). */
export function buildChannelOnlyNote(mrkdwn: string): SlackMessage {
  return { text: mrkdwn.replace(/`/g, ''), blocks: [section(`:information_source: ${mrkdwn}`, BLOCKS.dmChannelOnly)] };
}
