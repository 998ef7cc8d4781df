/**
 * A Bolt App on the hardened receiver, on 127.0.0.1 with an ephemeral port, and raw-socket clients that send
 * exactly the bytes a test needs (headers without a body, a body a byte at a time, nothing at all).
 */
import { createHmac } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { App, type CustomRoute } from '@slack/bolt';
import { AppLogger } from '../../src/logging.js';
import { HardenedReceiver, type ReceiverLimits } from '../../src/slack/hardened-receiver.js';

export const SECRET = 'harness-signing-secret-0123456789';

export function signature(body: string, timestamp: number, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export interface Harness {
  app: App;
  receiver: HardenedReceiver;
  /** The listening server: its 'request' event says a request's headers were read. */
  server: import('node:http').Server;
  port: number;
  logs: string[];
  /** What the listeners saw, by kind: proof a payload reached Bolt. */
  reached: string[];
  stop(): Promise<void>;
}

/**
 * Listeners that read the fields allycomp's listeners read (user ids, channel ids, view state, the action's value,
 * the message's text), so a payload the shape check lets through but Bolt or a listener trips over would show.
 */
function registerReaders(app: App, reached: string[]): void {
  app.command('/allycomp', async ({ ack, command }) => {
    await ack();
    reached.push(`command:${command.user_id}:${command.channel_id}:${command.text.length}:${command.response_url}`);
  });
  app.action(/.*/, async ({ ack, body, action }) => {
    await ack();
    const b = body as { user: { id: string }; channel?: { id: string }; message?: { ts?: string } };
    const value = 'value' in action ? action.value : undefined;
    reached.push(`action:${b.user.id}:${b.channel?.id}:${b.message?.ts}:${value}`);
  });
  app.shortcut({ type: 'shortcut' }, async ({ ack, shortcut }) => {
    await ack();
    reached.push(`shortcut:${shortcut.user.id}:${shortcut.trigger_id}`);
  });
  app.shortcut({ type: 'message_action' }, async ({ ack, shortcut }) => {
    await ack();
    const s = shortcut as { channel: { id: string }; message: { ts?: string; text?: string } };
    reached.push(`message_action:${shortcut.user.id}:${s.channel.id}:${s.message.text?.length}`);
  });
  app.view(/.*/, async ({ ack, body, view }) => {
    await ack();
    const blocks = Object.keys(view.state.values).length;
    reached.push(`view:${body.user.id}:${view.private_metadata?.length}:${blocks}`);
  });
  app.event('app_home_opened', async ({ event }) => {
    reached.push(`event:${event.user}:${event.tab}`);
  });
  app.message(async ({ message }) => {
    const m = message as { channel: string; text?: string; channel_type?: string };
    reached.push(`message:${m.channel}:${m.channel_type}:${m.text?.length}`);
  });
}

export async function startHarness(
  options: { limits?: Partial<ReceiverLimits>; customRoutes?: CustomRoute[]; readers?: boolean } = {},
): Promise<Harness> {
  const logs: string[] = [];
  const reached: string[] = [];
  const logger = new AppLogger('debug', (line) => logs.push(line));
  const receiver = new HardenedReceiver({
    signingSecret: SECRET,
    logger,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.customRoutes ? { customRoutes: options.customRoutes } : {}),
  });
  const app = new App({
    token: 'xoxb-harness',
    receiver,
    logger,
    botId: 'B0HARNESS',
    botUserId: 'U0HARNESS',
    // Nothing here may reach a network: a port nobody listens on.
    clientOptions: { slackApiUrl: 'http://127.0.0.1:9/api/', retryConfig: { retries: 0 } },
  });
  if (options.readers !== false) registerReaders(app, reached);
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  const http = server as import('node:http').Server;
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, receiver, server: http, port, logs, reached, stop: () => receiver.stop(2_000) };
}

export interface RawReply {
  /** The HTTP status, or undefined when the server closed without answering. */
  status?: number;
  /** Milliseconds from connecting until the socket closed. */
  closedAfterMs: number;
  /** Body bytes the client had written when the answer arrived. */
  sentBeforeAnswer: number;
}

/** Opens a connection to the harness on loopback. */
export function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Sends `head` then, if given, `bodyBytes` in `chunkBytes` pieces every `everyMs`; resolves when the server
 * closes the connection (or after `giveUpMs`), with what it answered and when.
 */
export async function rawExchange(
  port: number,
  head: string,
  drip: { bodyBytes: number; chunkBytes: number; everyMs: number } | undefined,
  giveUpMs: number,
): Promise<RawReply> {
  const started = Date.now();
  const socket = await open(port);
  let sent = 0;
  let sentBeforeAnswer = -1;
  let received = '';
  let timer: NodeJS.Timeout | undefined;
  return new Promise((resolve) => {
    const done = () => {
      if (timer) clearInterval(timer);
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      resolve({
        ...(match ? { status: Number(match[1]) } : {}),
        closedAfterMs: Date.now() - started,
        sentBeforeAnswer: sentBeforeAnswer < 0 ? sent : sentBeforeAnswer,
      });
    };
    const giveUp = setTimeout(() => socket.destroy(), giveUpMs);
    socket.on('data', (chunk) => {
      if (sentBeforeAnswer < 0) sentBeforeAnswer = sent;
      received += chunk.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(giveUp);
      done();
    });
    socket.write(head);
    if (!drip) return;
    const chunk = Buffer.alloc(drip.chunkBytes, 0x61);
    timer = setInterval(() => {
      if (socket.destroyed || sent >= drip.bodyBytes) {
        clearInterval(timer);
        return;
      }
      socket.write(chunk);
      sent += chunk.length;
    }, drip.everyMs);
  });
}

/** A POST /slack/events head with the given headers (no body yet). */
export function postHead(headers: Record<string, string | number>): string {
  const lines = ['POST /slack/events HTTP/1.1', 'host: 127.0.0.1'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** A signed request through fetch, as Slack sends it. */
export async function sendSigned(
  port: number,
  body: string,
  contentType: string,
  options: { timestamp?: number; secret?: string } = {},
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? nowSeconds();
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(body, timestamp, options.secret),
    },
    body,
    signal: AbortSignal.timeout(5_000),
  });
  return { status: response.status, text: await response.text() };
}

export function sendInteractive(port: number, payload: unknown) {
  return sendSigned(
    port,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
  );
}

export function sendJson(port: number, payload: unknown) {
  return sendSigned(port, JSON.stringify(payload), 'application/json');
}
