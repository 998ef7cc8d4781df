import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { setOutcome } from '../slack/outcome.js';
import { asText, type Body, userOf } from '../slack/payload.js';
import type { Store } from '../store/store.js';

/** How long a retried event is recognised (Slack retries within minutes) and a double click (seconds). */
export const EVENT_KEY_TTL_MS = 10 * 60_000;
export const CLICK_KEY_TTL_MS = 3_000;

/**
 * Slack retries an event it thinks we missed (x-slack-retry-num), and people double-click. The first copy is
 * handled; later copies are acknowledged and dropped, so nothing is posted twice. The keys are claimed in the
 * store, so with PostgreSQL a copy that reaches another replica is dropped too. A store that cannot answer fails the
 * request (Slack retries it later) rather than risk answering twice.
 */
export function dropDuplicates(store: Pick<Store, 'claim'>): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context, ...rest }) => {
    const b = body as Body;
    let key: string | undefined;
    if (b.type === 'event_callback' && typeof b.event_id === 'string') key = `event:${b.event_id}`;
    if (b.type === 'block_actions') {
      const action = (b.actions as Array<{ action_id?: unknown; value?: unknown }> | undefined)?.[0];
      const container = b.container as { message_ts?: unknown; view_id?: unknown } | undefined;
      key = `click:${userOf(b)}:${asText(action?.action_id)}:${asText(action?.value)}:${asText(container?.message_ts) || asText(container?.view_id)}`;
    }
    const fresh =
      key === undefined ||
      (await store.claim(key, key.startsWith('event:') ? EVENT_KEY_TTL_MS : CLICK_KEY_TTL_MS)) === 'first';
    if (fresh) {
      await next();
      return;
    }
    // requestLog writes the request's one line, with this outcome.
    setOutcome(context, { kind: 'duplicate' });
    const ack = (rest as { ack?: () => Promise<void> }).ack;
    if (ack) await ack();
  };
}
