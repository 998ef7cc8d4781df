import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppLogger, RequestLogLine } from '../logging.js';
import { slackErrorCode } from '../slack/delivery.js';
import { COACH_ACTIONS } from '../views/coach-card.js';
import { buildProblemMessage } from '../views/error-messages.js';
import { ACTIONS, actionPattern, CALLBACKS, COMMAND } from '../views/ids.js';

type Body = Record<string, unknown>;

const SAFE_ID = /^[\w./:-]{1,60}$/;

/**
 * A payload field as text, or '' when it is not a string. Never String(): a JSON object can carry a `toString`
 * key whose value is not a function, and converting it throws.
 */
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

const ACTION_PREFIXES: string[] = [
  ACTIONS.showRegion,
  ACTIONS.showMath,
  ACTIONS.openOffer,
  ACTIONS.retryOffer,
  COACH_ACTIONS.tick,
  COACH_ACTIONS.untick,
  COACH_ACTIONS.rehearse,
];
const KNOWN_ACTIONS = ACTION_PREFIXES.map(actionPattern);
const KNOWN_VIEWS = new Set<string>([CALLBACKS.offerModal]);
const KNOWN_SHORTCUTS = new Set<string>([CALLBACKS.prepShortcut, CALLBACKS.coachShortcut]);
/** Every id allycomp defines (an action id by its prefix), and the event types it subscribes to. */
const LOGGABLE_IDS = new Set<string>([
  COMMAND,
  ...ACTION_PREFIXES,
  ...KNOWN_VIEWS,
  ...KNOWN_SHORTCUTS,
  'app_home_opened',
  'message',
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

/** Web API failures that mean the token no longer works: the app stays up and says so on /readyz. */
export const TOKEN_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
]);

export interface RequestTracker {
  /** Requests whose handlers are still running (their ack has usually been sent already). */
  inFlight: number;
  onTokenError(code: string): void;
}

function responseUrlOf(body: Body): string | undefined {
  const url =
    body.response_url ?? (body.response_urls as Array<{ response_url?: string }> | undefined)?.[0]?.response_url;
  return typeof url === 'string' && url.startsWith('https://') ? url : undefined;
}

function userOf(body: Body): string | undefined {
  const event = body.event as { type?: string; user?: string } | undefined;
  if (body.type === 'event_callback' && event?.type !== 'message') return undefined;
  const user = body.user_id ?? (body.user as { id?: string } | undefined)?.id ?? event?.user;
  return typeof user === 'string' ? user : undefined;
}

/** What the person is told when their answer could not be posted, by the Web API's error code. */
export function failureNotice(code: string | undefined): string {
  if (code && TOKEN_ERRORS.has(code)) {
    return `I cannot post right now: Slack no longer accepts allycomp's access (${code}). Whoever runs allycomp has to reinstall it; trying again will not help until then.`;
  }
  if (code === 'slack_webapi_rate_limited_error') {
    return 'Slack asked me to slow down (ratelimited), so your answer was not posted. Nothing was lost: please try again in a minute.';
  }
  return `Slack did not accept my answer just now${code ? ` (${code})` : ''}. Nothing was lost: please try again in a minute.`;
}

/**
 * When a handler fails after its ack (Slack kept answering 5xx, a rate limit too long to wait, a timeout, a
 * revoked token), the person is told privately instead of getting silence: through response_url, which needs no
 * token, or else in their DM (not when the token is the problem).
 */
async function tellThePerson(body: Body, client: WebClient, code: string | undefined): Promise<void> {
  const notice = buildProblemMessage(failureNotice(code));
  const url = responseUrlOf(body);
  if (url) {
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...notice }),
      signal: AbortSignal.timeout(5_000),
    });
    return;
  }
  const user = userOf(body);
  if (user && !(code && TOKEN_ERRORS.has(code)))
    await client.chat.postMessage({ channel: user, text: notice.text, blocks: notice.blocks });
}

/** One structured log line per request, a count of requests in flight, and a private word when one fails. */
export function requestLog(logger: AppLogger, tracker: RequestTracker): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context, client }) => {
    const started = performance.now();
    const described = describeRequest(body as Body);
    const retry = typeof context.retryNum === 'number' ? context.retryNum : undefined;
    // Acknowledge once handling ends if no listener did (none matched, or one failed before its ack), before the
    // slower work of telling the person: set up by createApp, which tracks the request's ack.
    const ackIfNobodyDid =
      typeof context.ackIfNobodyDid === 'function'
        ? (context.ackIfNobodyDid as () => Promise<boolean>)
        : async () => false;
    tracker.inFlight += 1;
    try {
      await next();
      const unacked = await ackIfNobodyDid();
      const outcome = typeof context.outcome === 'string' ? context.outcome : unacked ? 'unacked' : 'ok';
      logger.request({
        ...described,
        outcome,
        ms: Math.round(performance.now() - started),
        ...(retry ? { retry } : {}),
      });
    } catch (error) {
      await ackIfNobodyDid();
      const found = slackErrorCode(error);
      // Error codes come from Slack or its client (not_in_channel, slack_webapi_request_error): logged when id-like.
      const code = found && SAFE_ID.test(found) ? found : undefined;
      logger.request({
        ...described,
        outcome: `error:${code ?? 'unexpected'}`,
        ms: Math.round(performance.now() - started),
      });
      if (code && TOKEN_ERRORS.has(code)) tracker.onTokenError(code);
      await tellThePerson(body as Body, client, code).catch(() => undefined);
    } finally {
      tracker.inFlight -= 1;
    }
  };
}

/** Remembers keys for a few seconds, to drop a retried event or a double click. Holds ids, never user data. */
export class RecentKeys {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  /** True the first time a key is seen within the window. */
  firstTime(key: string, now = Date.now()): boolean {
    for (const [old, at] of this.seen) {
      if (now - at < this.ttlMs && this.seen.size < this.max) break;
      this.seen.delete(old);
    }
    if (this.seen.has(key)) return false;
    this.seen.set(key, now);
    return true;
  }
}

/**
 * Slack retries an event it thinks we missed (x-slack-retry-num), and people double-click. The first copy is
 * handled; later copies are acknowledged and dropped, so nothing is posted twice.
 */
export function dropDuplicates(): Middleware<AnyMiddlewareArgs> {
  const events = new RecentKeys(10 * 60_000);
  const clicks = new RecentKeys(3_000);
  return async ({ body, next, context, ...rest }) => {
    const b = body as Body;
    let key: string | undefined;
    if (b.type === 'event_callback' && typeof b.event_id === 'string') key = `event:${b.event_id}`;
    if (b.type === 'block_actions') {
      const action = (b.actions as Array<{ action_id?: unknown; value?: unknown }> | undefined)?.[0];
      const container = b.container as { message_ts?: unknown; view_id?: unknown } | undefined;
      key = `click:${userOf(b)}:${asText(action?.action_id)}:${asText(action?.value)}:${asText(container?.message_ts) || asText(container?.view_id)}`;
    }
    const fresh = key === undefined || (key.startsWith('event:') ? events : clicks).firstTime(key);
    if (fresh) {
      await next();
      return;
    }
    // requestLog writes the request's one line, with this outcome.
    context.outcome = 'duplicate';
    const ack = (rest as { ack?: () => Promise<void> }).ack;
    if (ack) await ack();
  };
}

/**
 * A payload no listener handles (a button from an older version, a stray callback id, a command typo'd in the
 * manifest) gets a clean answer at once instead of Slack's timeout error.
 */
export function answerUnknown(): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, ...rest }) => {
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
    (rest as { context: Record<string, unknown> }).context.outcome = 'unknown_id';
    if (ack) await ack();
    if (respond && (typeof b.command === 'string' || b.type === 'block_actions')) {
      const notice = buildProblemMessage(
        'That button or command is not one I know (it may be from an older version of allycomp). Try /allycomp help.',
      );
      await respond({ response_type: 'ephemeral', replace_original: false, ...notice }).catch(() => undefined);
    }
  };
}
