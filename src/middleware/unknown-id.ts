import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { setOutcome } from '../slack/outcome.js';
import { asText, type Body } from '../slack/payload.js';
import { buildProblemMessage } from '../views/error-messages.js';
import { ACTION_PREFIXES, actionPattern, COMMAND, SHORTCUT_CALLBACKS, VIEW_CALLBACKS } from '../views/ids.js';

const KNOWN_ACTIONS = ACTION_PREFIXES.map(actionPattern);
const KNOWN_VIEWS = new Set<string>(VIEW_CALLBACKS);
const KNOWN_SHORTCUTS = new Set<string>(SHORTCUT_CALLBACKS);

/**
 * A payload no listener handles (a button from an older version, a stray callback id, a command typo'd in the
 * manifest) gets a clean answer at once instead of Slack's timeout error.
 */
export function answerUnknown(): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context, ...rest }) => {
    const b = body as Body;
    const ack = (rest as { ack?: (response?: unknown) => Promise<void> }).ack;
    const respond = (rest as { respond?: (message: unknown) => Promise<unknown> }).respond;
    let known = true;
    if (typeof b.command === 'string') known = b.command === COMMAND;
    else if (b.type === 'block_actions') {
      const actions: Array<{ action_id?: unknown } | null> = Array.isArray(b.actions) ? b.actions : [];
      known = actions.length > 0 && actions.every((a) => KNOWN_ACTIONS.some((p) => p.test(asText(a?.action_id))));
    } else if (b.type === 'view_submission' || b.type === 'view_closed') {
      known = KNOWN_VIEWS.has(asText((b.view as { callback_id?: unknown } | undefined)?.callback_id));
    } else if (b.type === 'shortcut' || b.type === 'message_action') known = KNOWN_SHORTCUTS.has(asText(b.callback_id));
    if (known) {
      await next();
      return;
    }
    // requestLog writes the request's one line, with this outcome.
    setOutcome(context, { kind: 'unknown_id' });
    if (ack) await ack();
    if (respond && (typeof b.command === 'string' || b.type === 'block_actions')) {
      const notice = buildProblemMessage(
        'That button or command is not one I know (it may be from an older version of allycomp). Try /allycomp help.',
      );
      await respond({ response_type: 'ephemeral', replace_original: false, ...notice }).catch(() => undefined);
    }
  };
}
