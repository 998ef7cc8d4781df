import { context, type SlackMessage } from './blocks.js';

/** Said privately, once, when an answer has waited ~10 s for its turn in a busy channel. */
export function buildQueuedNote(): SlackMessage {
  const text =
    'This channel is busy, so your answer is queued: Slack lets an app post about once a second per channel. ' +
    'It will appear here on its own, in order; nothing to do.';
  return { text, blocks: [context([`:hourglass_flowing_sand: ${text}`], 'queued_note')] };
}

/**
 * Beyond the queue's caps the answer is not posted in the channel: the person gets it privately at once, with the
 * reason, instead of a promise the bot could not keep.
 */
export function buildBusyAnswer(answer: SlackMessage, scope: 'global' | 'channel'): SlackMessage {
  const why =
    scope === 'channel'
      ? 'So many answers are already waiting to be posted in this channel that yours would wait too long'
      : 'allycomp has as many answers waiting to be posted as it can hold right now';
  const text = `${why}, so here it is for you alone. Everything below is complete.`;
  return {
    text: `${text}\n${answer.text}`.slice(0, 3000),
    blocks: [context([text], 'busy_note'), ...answer.blocks].slice(0, 50),
  };
}

/**
 * Slack asked the bot to wait longer than the answer may (its response URL lives 30 minutes): the person gets the
 * answer privately while the response URL still works, rather than a request to try again.
 */
export function buildHeldBackAnswer(answer: SlackMessage): SlackMessage {
  const text =
    'Slack is holding back posts in this channel for longer than this answer can wait, so here it is for you alone. ' +
    'Everything below is complete.';
  return {
    text: `${text}\n${answer.text}`.slice(0, 3000),
    blocks: [context([text], 'held_back_note'), ...answer.blocks].slice(0, 50),
  };
}

/**
 * Beyond the queue's caps, for what cannot be handed over privately instead (a chart, a prep card): said at once,
 * plainly, with nothing posted.
 */
export function buildNotPostedBusy(what: string, scope: 'global' | 'channel'): SlackMessage {
  const why =
    scope === 'channel'
      ? `So many answers are already waiting to be posted in this channel that ${what} would wait too long`
      : 'allycomp has as many answers waiting to be posted as it can hold right now';
  const text = `${why}, so I did not post ${what}. Nothing was posted; it works again as soon as the queue has room.`;
  return { text, blocks: [context([text], 'busy_note')] };
}
