import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { setOutcome } from '../slack/outcome.js';
import { asText, type Body, userOf } from '../slack/payload.js';

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
    setOutcome(context, { kind: 'duplicate' });
    const ack = (rest as { ack?: () => Promise<void> }).ack;
    if (ack) await ack();
  };
}
