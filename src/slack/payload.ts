import type { RequestLogLine } from '../logging.js';
import { ACTION_PREFIXES, COMMAND, EVENTS, SHORTCUT_CALLBACKS, VIEW_CALLBACKS } from '../views/ids.js';

/** A Slack request body before Bolt has typed it: every field is checked before use. */
export type Body = Record<string, unknown>;

/**
 * A payload field as text, or '' when it is not a string. Never String(): a JSON object can carry a `toString`
 * key whose value is not a function, and converting it throws.
 */
export const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Every id allycomp defines (an action id by its prefix), and the event types it subscribes to. */
const LOGGABLE_IDS = new Set<string>([
  COMMAND,
  ...ACTION_PREFIXES,
  ...VIEW_CALLBACKS,
  ...SHORTCUT_CALLBACKS,
  ...Object.values(EVENTS),
]);

/**
 * Ids come from Slack payloads: one is logged only when it is an id allycomp itself defines (an action id by its
 * prefix, without the region or step after the colon); anything else, however id-like, is logged as `unknown`.
 */
function safeId(value: unknown): string {
  const id = asText(value).split(':')[0] ?? '';
  return LOGGABLE_IDS.has(id) ? id : 'unknown';
}

/** What was asked, by id only: the command name, action id, callback id or event type. */
export function describeRequest(body: Body): Pick<RequestLogLine, 'kind' | 'id'> {
  if (typeof body.command === 'string') return { kind: 'command', id: safeId(body.command) };
  const type = body.type;
  if (type === 'block_actions') {
    const action = (body.actions as Array<{ action_id?: string }> | undefined)?.[0];
    return { kind: 'action', id: safeId(action?.action_id) };
  }
  if (type === 'view_submission' || type === 'view_closed') {
    return { kind: 'view', id: safeId((body.view as { callback_id?: string } | undefined)?.callback_id) };
  }
  if (type === 'shortcut' || type === 'message_action') return { kind: 'shortcut', id: safeId(body.callback_id) };
  if (type === 'event_callback')
    return { kind: 'event', id: safeId((body.event as { type?: string } | undefined)?.type) };
  return { kind: 'other', id: 'unknown' };
}

/** The request's response_url (a command's, a click's, or a modal's first), when it is an https URL. */
export function responseUrlOf(body: Body): string | undefined {
  const url =
    body.response_url ?? (body.response_urls as Array<{ response_url?: string }> | undefined)?.[0]?.response_url;
  return typeof url === 'string' && url.startsWith('https://') ? url : undefined;
}

/** The person who asked, when there is one (events other than a DM message have none to answer). */
export function userOf(body: Body): string | undefined {
  const event = body.event as { type?: string; user?: string } | undefined;
  if (body.type === 'event_callback' && event?.type !== 'message') return undefined;
  const user = body.user_id ?? (body.user as { id?: string } | undefined)?.id ?? event?.user;
  return typeof user === 'string' ? user : undefined;
}
