/**
 * The ack net wraps Bolt's `processEvent` and copies one decision of Bolt's internals (which payloads it routes).
 * These tests fail if a Bolt upgrade changes either: the copy is compared with Bolt's own helper (imported here by
 * its dist/ path on purpose: src/ must not, and if the file moves this test says so), and the wrapper is driven
 * through a real App.
 */
import { App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { getTypeAndConversation } from '@slack/bolt/dist/helpers.js';
import { describe, expect, it } from 'vitest';
import { AppLogger } from '../../src/logging.js';
import { boltRoutes, installAckNet } from '../../src/slack/ack-net.js';

const PAYLOADS: Record<string, unknown>[] = [
  { command: '/allycomp', text: 'ny' },
  { type: 'block_actions', actions: [{ action_id: 'region_show' }] },
  { type: 'block_actions' },
  { actions: [] },
  { type: 'dialog_submission' },
  { type: 'block_suggestion' },
  { name: 'options' },
  { type: 'shortcut', callback_id: 'prep_negotiation' },
  { type: 'message_action', callback_id: 'coach_offer' },
  { type: 'view_submission', view: {} },
  { type: 'view_closed', view: {} },
  { type: 'event_callback', event: { type: 'app_home_opened' } },
  { event: {} },
  { type: 'url_verification', challenge: 'x' },
  { type: 'interactive_message' },
  { type: 'workflow_step_edit' },
  { token: 'x' },
  {},
];

describe('which payloads Bolt routes', () => {
  it.each(PAYLOADS.map((body) => [JSON.stringify(body), body] as const))('%s: the same answer as Bolt', (_, body) => {
    expect(boltRoutes(body)).toBe(getTypeAndConversation(body).type !== undefined);
  });
});

class NoReceiver implements Receiver {
  init(): void {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

function appWithNet() {
  const lines: string[] = [];
  const logger = new AppLogger('info', (line) => lines.push(line));
  const app = new App({ token: 'xoxb-test', receiver: new NoReceiver(), botId: 'B1', botUserId: 'U1', logger });
  installAckNet(app, logger);
  return { app, lines };
}

function event(body: Record<string, unknown>) {
  const acks: unknown[] = [];
  const received: ReceiverEvent = {
    body,
    ack: async (response?: unknown) => {
      acks.push(response ?? 'empty');
    },
  };
  return { received, acks };
}

describe('the ack net on a real App', () => {
  it('is installed over App.processEvent, the method every receiver calls', () => {
    expect(typeof App.prototype.processEvent).toBe('function');
    const { app } = appWithNet();
    expect(app.processEvent).not.toBe(App.prototype.processEvent);
  });

  it('acknowledges a payload Bolt would drop, once, and logs it as unroutable', async () => {
    const { app, lines } = appWithNet();
    const { received, acks } = event({ type: 'interactive_message' });
    await app.processEvent(received);
    expect(acks).toEqual(['empty']);
    expect(lines.map((line) => JSON.parse(line).outcome)).toContain('unroutable');
  });

  it('acknowledges a routable payload no listener answers, and gives middleware ackIfNobodyDid', async () => {
    const { app } = appWithNet();
    let seen: unknown;
    app.use(async ({ context, next }) => {
      seen = context.ackIfNobodyDid;
      await next();
    });
    const { received, acks } = event({
      type: 'shortcut',
      callback_id: 'nobody_listens',
      trigger_id: 't',
      user: { id: 'U2' },
    });
    await app.processEvent(received);
    expect(typeof seen).toBe('function');
    expect(acks).toEqual(['empty']);
  });

  it('acknowledges and drops a payload with a field Bolt would trip over (Socket Mode has no 400), logged by kind', async () => {
    const { app, lines } = appWithNet();
    let reached = false;
    app.use(async () => {
      reached = true;
    });
    for (const body of [null, { type: 'view_submission', view: null, user: { id: 'U2' } }] as never[]) {
      const { received, acks } = event(body);
      await app.processEvent(received);
      expect(acks).toEqual(['empty']);
    }
    expect(reached).toBe(false);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'payload_refused', kind: 'not_object' }),
      expect.objectContaining({ msg: 'payload_refused', kind: 'view' }),
    ]);
  });

  it('does not acknowledge twice when a listener did', async () => {
    const { app } = appWithNet();
    app.shortcut('prep_negotiation', async ({ ack }) => {
      await ack();
    });
    const { received, acks } = event({
      type: 'shortcut',
      callback_id: 'prep_negotiation',
      trigger_id: 't',
      user: { id: 'U2' },
    });
    await app.processEvent(received);
    expect(acks).toHaveLength(1);
  });
});
