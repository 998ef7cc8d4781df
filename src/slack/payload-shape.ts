import { z } from 'zod';

/**
 * The shape of a signed Slack payload, checked before Bolt sees it. Bolt reads `body.ssl_check` on a `null` body,
 * `body.user.id` on a view submission without asking whether `user` is an object, `'id' in event.channel` on an
 * event whose channel is `null`; each of those throws inside the receiver and the request hangs or gets a 500. So
 * each payload kind gets a small strict schema of the fields Bolt and allycomp read, and nothing more: unknown
 * fields pass untouched, fields Slack really sends as `null` (`team` on an org-wide install, `enterprise`) may be
 * `null`, and everything else must be the type Slack documents or absent.
 */
export type PayloadKind =
  | 'not_object'
  | 'ssl_check'
  | 'url_verification'
  | 'event'
  | 'command'
  | 'options'
  | 'action'
  | 'shortcut'
  | 'message_action'
  | 'view'
  | 'other';

export type PayloadCheck = { ok: true; kind: PayloadKind } | { ok: false; kind: PayloadKind };

const text = z.string();
const optionalText = text.optional();
/** `{ id }` objects: the user, channel and team Bolt reads ids from. */
const withId = z.looseObject({ id: text });
/** `team` is `null` on an org-wide install; Bolt then reads `user.team_id`. */
const team = z.looseObject({ id: optionalText, enterprise_id: optionalText }).nullable().optional();
const enterprise = z.looseObject({ id: optionalText }).nullable().optional();
const user = z.looseObject({ id: text, team_id: optionalText });
const message = z.looseObject({ ts: optionalText, thread_ts: optionalText, text: optionalText });

/** Events API: Bolt reads the event's user, channel, item and subteam with `in`, which throws on anything but an object. */
const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  team_id: optionalText,
  enterprise_id: optionalText.nullable(),
  event_id: optionalText,
  authorizations: z
    .array(
      z.looseObject({
        team_id: optionalText.nullable(),
        enterprise_id: optionalText.nullable(),
        is_enterprise_install: z.boolean().optional(),
      }),
    )
    .optional(),
  event: z.looseObject({
    type: text,
    user: z.union([text, withId]).optional(),
    channel: z.union([text, withId]).optional(),
    channel_id: optionalText,
    channel_type: optionalText,
    subtype: optionalText,
    bot_id: optionalText,
    text: optionalText,
    tab: optionalText,
    ts: optionalText,
    thread_ts: optionalText,
    item: z.looseObject({ channel: optionalText }).optional(),
    subteam: z.looseObject({ created_by: optionalText }).optional(),
  }),
});

/** Slash commands arrive form-encoded: every field a string (a repeated field would be an array). */
const command = z.looseObject({
  command: text,
  text: text,
  user_id: text,
  channel_id: text,
  team_id: optionalText,
  enterprise_id: optionalText,
  channel_name: optionalText,
  response_url: text,
  trigger_id: optionalText,
  is_enterprise_install: optionalText,
});

const interactive = {
  user,
  team,
  enterprise,
  is_enterprise_install: z.boolean().optional(),
  trigger_id: optionalText,
  response_url: optionalText,
};

const options = z.looseObject({ ...interactive, type: optionalText, name: optionalText, value: optionalText });

const action = z.looseObject({
  ...interactive,
  type: z.enum(['block_actions', 'interactive_message', 'dialog_submission']),
  // Bolt hands `actions[0]` to the listener and matches on its ids: an empty list has nothing to match.
  actions: z
    .array(z.looseObject({ action_id: optionalText, block_id: optionalText, type: optionalText, value: optionalText }))
    .min(1)
    .optional(),
  callback_id: optionalText,
  channel: withId.optional(),
  container: z.looseObject({ type: optionalText, channel_id: optionalText, message_ts: optionalText }).optional(),
  message: message.optional(),
  view: z.looseObject({ id: optionalText }).optional(),
});

const shortcut = z.looseObject({ ...interactive, type: z.literal('shortcut'), callback_id: text, trigger_id: text });

const messageAction = z.looseObject({
  ...interactive,
  type: z.literal('message_action'),
  callback_id: text,
  trigger_id: text,
  channel: withId,
  message,
});

const viewFields = {
  id: text,
  callback_id: text,
  hash: optionalText,
  private_metadata: optionalText,
  app_installed_team_id: optionalText,
};
/** The form's answers: block id → action id → the element's state (checked field by field where it is read). */
const viewState = z.looseObject({ values: z.record(text, z.record(text, z.looseObject({}))) });
const viewEnvelope = { ...interactive, response_urls: z.array(z.looseObject({ response_url: text })).optional() };
const view = z.union([
  z.looseObject({
    ...viewEnvelope,
    type: z.literal('view_submission'),
    view: z.looseObject({ ...viewFields, state: viewState }),
  }),
  z.looseObject({
    ...viewEnvelope,
    type: z.literal('view_closed'),
    view: z.looseObject({ ...viewFields, state: viewState.optional() }),
  }),
]);

const sslCheck = z.looseObject({ ssl_check: z.literal('1') });
const urlVerification = z.looseObject({ type: z.literal('url_verification'), challenge: text });

/** Which kind of payload this is, in the order Bolt tells them apart (`getTypeAndConversation`). */
export function payloadKind(body: Record<string, unknown>): Exclude<PayloadKind, 'not_object'> {
  if (body.ssl_check !== undefined) return 'ssl_check';
  if (body.type === 'url_verification') return 'url_verification';
  if (body.event !== undefined) return 'event';
  if (body.command !== undefined) return 'command';
  if (body.name !== undefined || body.type === 'block_suggestion') return 'options';
  if (body.actions !== undefined || body.type === 'dialog_submission') return 'action';
  if (body.type === 'shortcut') return 'shortcut';
  if (body.type === 'message_action') return 'message_action';
  if (body.type === 'view_submission' || body.type === 'view_closed') return 'view';
  return 'other';
}

const SCHEMAS: Record<Exclude<PayloadKind, 'not_object' | 'other'>, z.ZodType> = {
  ssl_check: sslCheck,
  url_verification: urlVerification,
  event: eventCallback,
  command,
  options,
  action,
  shortcut,
  message_action: messageAction,
  view,
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether Bolt and allycomp can read this payload without tripping. A kind Bolt cannot route (`other`) passes:
 * Bolt reads nothing from it and the app acknowledges it as unroutable.
 */
export function checkPayload(body: unknown): PayloadCheck {
  if (!isPlainObject(body)) return { ok: false, kind: 'not_object' };
  const kind = payloadKind(body);
  if (kind === 'other') return { ok: true, kind };
  return { ok: SCHEMAS[kind].safeParse(body).success, kind };
}
