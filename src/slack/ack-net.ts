import { type App, LogLevel } from '@slack/bolt';
import type { AppLogger } from '../logging.js';
import { outcomeLabel } from './outcome.js';
import { type Body, describeRequest } from './payload.js';
import { checkPayload } from './payload-shape.js';

/** Set on every request's context: acknowledges it unless a listener (or a middleware) already did. */
export type AckIfNobodyDid = () => Promise<boolean>;

/**
 * Whether Bolt will route this payload to middleware and listeners. Bolt decides with an internal helper
 * (getTypeAndConversation, not public API): a payload with none of these it drops without acknowledging.
 * tests/slack/ack-net.test.ts compares this with Bolt's own answer, so an upgrade that changes it fails there.
 */
export function boltRoutes(body: Body): boolean {
  if (body.event !== undefined || body.command !== undefined) return true;
  if (body.name !== undefined || body.type === 'block_suggestion') return true;
  if (body.actions !== undefined || body.type === 'dialog_submission') return true;
  return ['shortcut', 'message_action', 'view_submission', 'view_closed'].includes(body.type as string);
}

/**
 * Every request is acknowledged, so Slack never waits 3 seconds for a 404. Bolt's public API cannot do this:
 * it drops a payload whose kind it cannot tell (no command, actions, event, view or shortcut) without
 * acknowledging it, and one no listener matches (a shortcut or view type allycomp does not handle) or whose
 * listener fails before its ack would wait too. So `processEvent` (public on App, what every receiver calls) is
 * wrapped: requestLog acks through `context.ackIfNobodyDid` as soon as handling ends; this is the net under it.
 */
export function installAckNet(app: App, logger: AppLogger): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    let acked = false;
    const ack: typeof event.ack = async (response) => {
      acked = true;
      await event.ack(response);
    };
    const ackIfNobodyDid: AckIfNobodyDid = async () => {
      if (acked) return false;
      await ack().catch(() => undefined);
      return true;
    };
    // A payload Bolt would trip over (a null field it reads) is acknowledged and dropped before Bolt sees it. Over
    // HTTP the receiver has already answered such a body 400; in Socket Mode an ack is the only answer there is.
    const check = checkPayload(event.body);
    if (!check.ok) {
      await ackIfNobodyDid();
      logger.event(LogLevel.WARN, 'payload_refused', { kind: check.kind });
      return;
    }
    const body = event.body as Body;
    if (!boltRoutes(body)) {
      await ackIfNobodyDid();
      logger.request({ ...describeRequest(body), outcome: outcomeLabel({ kind: 'unroutable' }), ms: 0 });
      return;
    }
    // If Bolt itself throws (a payload it trips over), the receiver's processEventErrorHandler answers instead.
    await processEvent({ ...event, ack, customProperties: { ...event.customProperties, ackIfNobodyDid } });
    await ackIfNobodyDid();
  };
}
