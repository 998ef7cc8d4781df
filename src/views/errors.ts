import type { CommandError } from '../engine/commands.js';
import { escapeMrkdwn, type SlackMessage, section } from './blocks.js';
import { COMMAND } from './ids.js';

function orList(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

export function commandErrorText(error: CommandError): string {
  const input = escapeMrkdwn(error.input);
  if (error.kind === 'unknown_region') {
    const hint = error.suggestion ? ` Did you mean *${escapeMrkdwn(error.suggestion.shortName)}*?` : '';
    return `'${input}' is not a region; try ${orList(error.valid)}.${hint} \`${COMMAND} help\` lists every command.`;
  }
  const hint = error.suggestion ? ` Did you mean \`${COMMAND} ${error.suggestion}\`?` : '';
  return `'${input}' is not a command I know.${hint} Try ${orList(error.valid.map((word) => `\`${word}\``))}.`;
}

export function buildErrorMessage(error: CommandError): SlackMessage {
  const text = commandErrorText(error);
  return { text: text.replace(/[*`]/g, ''), blocks: [section(`:warning: ${text}`, 'error')] };
}

export function buildProblemMessage(text: string): SlackMessage {
  return { text, blocks: [section(`:warning: ${escapeMrkdwn(text)}`, 'problem')] };
}

/** Told once, privately, when the bot answered through response_url because it cannot post in the channel. */
export function buildAddBotHint(errorCode: string): SlackMessage {
  const why =
    errorCode === 'is_archived'
      ? 'This channel is archived, so I answered without the lever threads.'
      : 'I am not a member of this conversation, so I answered in one message instead of a message with lever threads.';
  const text = `${why} To get threads, add me: type \`/invite @allycomp\` in the channel (or open the channel details → Integrations → Add apps). In a DM or group DM, use me in my own DM instead.`;
  return { text: text.replace(/`/g, ''), blocks: [section(`:information_source: ${text}`, 'add_bot_hint')] };
}

/** A problem whose text is already mrkdwn (it may mention people); the caller escapes anything typed. */
export function buildFormattedProblem(mrkdwn: string): SlackMessage {
  return { text: mrkdwn.replace(/[*`_]/g, ''), blocks: [section(`:warning: ${mrkdwn}`, 'problem')] };
}
