import { createHmac } from 'node:crypto';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { setOutcome } from '../slack/outcome.js';
import { asText, type Body, userOf } from '../slack/payload.js';
import type { Store } from '../store/store.js';

/** How long a retried event or a replayed form is recognised (Slack retries within minutes) and a double click (seconds). */
export const EVENT_KEY_TTL_MS = 10 * 60_000;
export const VIEW_KEY_TTL_MS = 10 * 60_000;
export const CLICK_KEY_TTL_MS = 3_000;

export type DuplicateKind = 'event' | 'view' | 'click';

const TTL: Record<DuplicateKind, number> = { event: EVENT_KEY_TTL_MS, view: VIEW_KEY_TTL_MS, click: CLICK_KEY_TTL_MS };

/**
 * What makes two requests the same, as a fixed-size keyed hash (HMAC-SHA256, 64 hex characters whatever the payload
 * carries): an event by its id; a form submission by person, view id, view hash and what was submitted (a corrected
 * resubmission after an error is new, a replay is not); a click by person, action, value and the message or view it
 * was on. Keyed with a secret every replica has (the signing secret, or the app token in Socket Mode), so a stored
 * key cannot be tested against guessed figures, and a copy reaching another replica has the same key.
 */
export function duplicateKey(body: Body, secret: string): { kind: DuplicateKind; key: string } | undefined {
  let kind: DuplicateKind | undefined;
  let fields: unknown[] = [];
  if (body.type === 'event_callback' && typeof body.event_id === 'string') {
    kind = 'event';
    fields = [body.event_id];
  } else if (body.type === 'view_submission') {
    const view = body.view as { id?: unknown; hash?: unknown; state?: { values?: unknown } } | undefined;
    kind = 'view';
    fields = [userOf(body), asText(view?.id), asText(view?.hash), view?.state?.values ?? null];
  } else if (body.type === 'block_actions') {
    const action = (body.actions as Array<{ action_id?: unknown; value?: unknown }> | undefined)?.[0];
    const container = body.container as { message_ts?: unknown; view_id?: unknown } | undefined;
    kind = 'click';
    fields = [
      userOf(body),
      asText(action?.action_id),
      asText(action?.value),
      asText(container?.message_ts) || asText(container?.view_id),
    ];
  }
  if (!kind) return undefined;
  const key = createHmac('sha256', secret)
    .update(JSON.stringify([kind, ...fields]))
    .digest('hex');
  return { kind, key: `${kind}:${key}` };
}

/**
 * Slack retries an event it thinks we missed (x-slack-retry-num), people double-click, and a form can be submitted
 * twice or replayed. The first copy is handled; later copies are acknowledged and dropped, so nothing is posted
 * twice. The keys are claimed in the store, so with PostgreSQL a copy that reaches another replica is dropped too. A
 * store that cannot answer fails the request (Slack retries it later) rather than risk answering twice.
 */
export function dropDuplicates(store: Pick<Store, 'claim'>, secret: string): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context, ...rest }) => {
    const found = duplicateKey(body as Body, secret);
    if (!found || (await store.claim(found.key, TTL[found.kind])) === 'first') {
      await next();
      return;
    }
    // requestLog writes the request's one line, with this outcome.
    setOutcome(context, { kind: 'duplicate' });
    const ack = (rest as { ack?: () => Promise<void> }).ack;
    if (ack) await ack();
  };
}
