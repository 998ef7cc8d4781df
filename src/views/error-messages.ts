import type { CommandError } from '../engine/parse-command.js';
import { actions, button, context, escapeMrkdwn, type SlackMessage, section } from './blocks.js';
import { ACTIONS, BLOCKS, COMMAND } from './ids.js';

function orList(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** What they typed, as echoed back: enough to recognise, never so long that the hint after it is cut off. */
const ECHO_MAX = 60;

export function commandErrorText(error: CommandError): string {
  const echoed = error.input.length > ECHO_MAX ? `${error.input.slice(0, ECHO_MAX)}…` : error.input;
  const input = escapeMrkdwn(echoed);
  if (error.kind === 'unknown_region') {
    const hint = error.suggestion ? ` Did you mean *${escapeMrkdwn(error.suggestion.shortName)}*?` : '';
    return `'${input}' is not a region; try ${orList(error.valid)}.${hint} \`${COMMAND} help\` lists every command.`;
  }
  const hint = error.suggestion ? ` Did you mean \`${COMMAND} ${error.suggestion}\`?` : '';
  return `'${input}' is not a command I know.${hint} Try ${orList(error.valid.map((word) => `\`${word}\``))}.`;
}

export function buildErrorMessage(error: CommandError): SlackMessage {
  const text = commandErrorText(error);
  return { text: text.replace(/[*`]/g, ''), blocks: [section(`:warning: ${text}`, BLOCKS.error)] };
}

export function buildProblemMessage(text: string): SlackMessage {
  return { text, blocks: [section(`:warning: ${escapeMrkdwn(text)}`, BLOCKS.problem)] };
}

/** Told once, privately, when the bot answered through response_url because it cannot post in the channel. */
export function buildAddBotHint(errorCode: string): SlackMessage {
  const why =
    errorCode === 'is_archived'
      ? 'This channel is archived, so I answered without the lever threads.'
      : 'I am not a member of this conversation, so I answered in one message instead of a message with lever threads.';
  const text = `${why} To get threads, add me: type \`/invite @allycomp\` in the channel (or open the channel details → Integrations → Add apps). In a DM or group DM, use me in my own DM instead.`;
  return { text: text.replace(/`/g, ''), blocks: [section(`:information_source: ${text}`, BLOCKS.addBotHint)] };
}

/** A problem whose text is already mrkdwn (it may mention people); the caller escapes anything typed. */
export function buildFormattedProblem(mrkdwn: string): SlackMessage {
  return { text: mrkdwn.replace(/[*`_]/g, ''), blocks: [section(`:warning: ${mrkdwn}`, BLOCKS.problem)] };
}

/** Why a chart could not be attached, in words, from Slack's error code (or our own: render_failed, upload_failed). */
function chartFailureReason(errorCode: string): string {
  const why: Record<string, string> = {
    missing_scope:
      'allycomp lacks the files:write permission; an admin can add it by reinstalling the app from manifest.yml',
    not_allowed_token_type: 'this token may not upload files',
    file_uploads_disabled: 'this workspace has turned file uploads off',
    file_uploads_except_images_disabled: 'this workspace does not accept uploads here',
    not_in_channel: 'I am not a member of this conversation',
    channel_not_found: 'I cannot see this conversation',
    is_archived: 'this channel is archived',
    upload_unreachable: 'Slack’s file upload could not be reached',
    render_failed: 'drawing it went wrong on my side',
    upload_failed: 'the upload went wrong',
  };
  const http = /^http_(\d{3})$/.exec(errorCode)?.[1];
  return (
    why[errorCode] ??
    (http
      ? `Slack’s file upload answered HTTP ${http}${http.startsWith('5') ? ' (a problem on Slack’s side; it may work next time)' : ''}`
      : `Slack answered ${errorCode}`)
  );
}

/** Said once, in the thread, when the chart could not be attached: the answer itself went out without it. */
export function buildChartFailedNote(errorCode: string): SlackMessage {
  const text = `I could not attach the band chart: ${chartFailureReason(errorCode)}. Everything above is complete without it.`;
  return { text, blocks: [context([`:frame_with_picture: ${escapeMrkdwn(text)}`], BLOCKS.chartFailed)] };
}

/**
 * To the person alone, when `chart` (the chart on its own) could not be posted: the reason, and where the bot cannot
 * post, how to add it or to ask in its DM instead.
 */
export function buildChartNotPosted(errorCode: string): SlackMessage {
  const noAccess = ['not_in_channel', 'channel_not_found', 'is_archived'].includes(errorCode);
  const text =
    `I could not post the chart here: ${chartFailureReason(errorCode)}.` +
    (noAccess ? ` Add me to the channel (/invite @allycomp), or try ${COMMAND} chart in my DM.` : '');
  return { text, blocks: [section(`:frame_with_picture: ${escapeMrkdwn(text)}`, BLOCKS.problem)] };
}

/**
 * The form could not open in time (Slack allows 3 seconds): a button to open it again, for the same place. A form
 * that was filled in from a message opens empty the second time (figures are never kept): the text says so.
 */
export function buildExpiredTriggerMessage(retryValue: string, hadDraft = false): SlackMessage {
  const text = hadDraft
    ? 'The offer form took too long to open, so Slack closed the chance. Click to open it again. It opens empty: I keep no figures, so to have it filled in from the message, use "Coach this offer" on it again.'
    : 'The offer form took too long to open, so Slack closed the chance. Click to open it again.';
  return {
    text,
    blocks: [
      section(`:hourglass: ${text}`, BLOCKS.offerRetryText),
      actions(BLOCKS.offerRetryActions, [button('Open the offer form', ACTIONS.retryOffer, retryValue, 'primary')]),
    ],
  };
}
