import { App, type Logger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { SocketStatus } from '../../src/slack/socket-status.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { type FakeSocket, startFakeSocket } from '../support/fake-socket.js';

const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let slack: FakeSlack | undefined;
let socket: FakeSocket | undefined;
let app: App | undefined;
afterEach(async () => {
  await app?.stop().catch(() => undefined);
  await socket?.close();
  await slack?.close();
  app = undefined;
});

/**
 * The Socket Mode receiver pointed at the fakes: installerOptions.clientOptions is what Bolt hands to the socket
 * client's own WebClient (bolt dist/receivers/SocketModeReceiver.js:36), so apps.connections.open follows it.
 */
async function socketApp(options: { helloOnConnect?: boolean; retries?: number } = {}) {
  socket = await startFakeSocket();
  socket.helloOnConnect = options.helloOnConnect ?? true;
  slack = await startFakeSlack({ socketUrl: socket.url });
  const log: string[] = [];
  let status: SocketStatus | undefined;
  // p-retry calls onFailedAttempt; RetryOptions (retry's WrapOptions) does not declare it, hence the variable.
  const retryConfig = {
    retries: options.retries ?? 2,
    minTimeout: 10,
    maxTimeout: 20,
    onFailedAttempt: (error: unknown) => status?.failed(error),
  };
  const receiver = new SocketModeReceiver({
    appToken: 'xapp-fake',
    logger: quiet,
    clientPingTimeout: 300,
    installerOptions: { clientOptions: { slackApiUrl: slack.apiUrl, retryConfig } },
  });
  status = new SocketStatus(receiver.client, (event, fields) => log.push(fields ? `${event}:${fields.reason}` : event));
  app = new App({ receiver, token: 'xoxb-fake', botId: 'B1', botUserId: 'U1', logger: quiet });
  return { app, receiver, status, log, slack, socket };
}

describe('Socket Mode pointed at SLACK_API_URL and observed', () => {
  it('opens the connection through the configured API URL and is ready only after hello', async () => {
    const { app, status, log, slack, socket } = await socketApp({ helloOnConnect: false });
    const started = app.start();
    await until(() => socket.connections === 1, 'the socket');
    expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
    expect(status.phase).toBe('connecting');
    expect(status.ready).toBe(false);
    socket.send({ type: 'hello', num_connections: 1 });
    await started;
    expect(status.ready).toBe(true);
    expect(log).toEqual(['socket_connecting', 'socket_connected']);
  });

  it('says why Slack asked it to reconnect, is down meanwhile, and connects again', async () => {
    const { app, status, log, slack, socket } = await socketApp();
    await app.start();
    socket.disconnect('refresh_requested');
    await until(() => status.phase !== 'connected', 'the drop');
    expect(status.ready).toBe(false);
    await until(() => status.ready && slack.callsTo('apps.connections.open').length === 2, 'the reconnection');
    expect(log).toEqual([
      'socket_connecting',
      'socket_connected',
      'socket_failed:disconnect_refresh_requested',
      'socket_down',
      'socket_connecting',
      'socket_connected',
    ]);
  });

  it('logs the reason of each failed apps.connections.open attempt, one code a line', async () => {
    const { app, log, slack } = await socketApp({ retries: 1 });
    slack.inject('apps.connections.open', { error: { status: 503 }, times: 2 });
    const error = await app.start().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'slack_webapi_http_error', statusCode: 503 });
    // p-retry reports every failed attempt, the last one included: two attempts, two lines.
    expect(log).toEqual(['socket_failed:http_503', 'socket_failed:http_503']);
  });

  it('fails the start at once on a revoked app token (no retries), with the Slack error', async () => {
    const { app, slack } = await socketApp();
    slack.inject('apps.connections.open', { error: 'invalid_auth' });
    const error = await app.start().catch((e: unknown) => e);
    expect(error).toMatchObject({ data: { error: 'invalid_auth' } });
    expect(slack.rejected.map((r) => r.error)).toEqual(['invalid_auth']);
  });
});
