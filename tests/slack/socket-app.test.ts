/**
 * The app itself in Socket Mode, against the fake Web API (SLACK_API_URL) and the fake socket server: where it
 * opens the connection, readiness before and after hello and while down, the log lines, and a busy channel whose
 * commands come over the socket (time ×5, as in busy-channel.test.ts).
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type AllycompApp, createApp } from '../../src/app.js';
import { AppLogger } from '../../src/logging.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { type FakeSocket, startFakeSocket } from '../support/fake-socket.js';
import { INTERVAL_MS, PACED_QUEUE, PACED_RATE, SCALE, toldToRetry, until } from '../support/paced-slack.js';
import { guide, testConfig } from '../support/slack.js';

let fake: FakeSlack | undefined;
let socket: FakeSocket | undefined;
let allycomp: AllycompApp | undefined;
afterEach(async () => {
  await allycomp?.stop(2_000).catch(() => undefined);
  await socket?.close();
  await fake?.close();
  allycomp = undefined;
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function start() {
  socket = await startFakeSocket();
  socket.helloOnConnect = false;
  fake = await startFakeSlack({ socketUrl: socket.url, channelRate: PACED_RATE });
  const port = await freePort();
  const logs: string[] = [];
  const config = testConfig({
    SLACK_APP_TOKEN: 'xapp-1-A0ALLYCOMP-fake',
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
  });
  allycomp = createApp(config, guide(), {
    logger: new AppLogger('info', (line) => logs.push(line)),
    botId: 'B0ALLYCOMP',
    botUserId: 'U0ALLYCOMP',
    queue: PACED_QUEUE,
    chartSettleMs: 0,
  });
  const readyz = async () => {
    const response = await fetch(`http://127.0.0.1:${port}/readyz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { fake, socket, app: allycomp, logs, readyz };
}

const messages = (logs: string[]) => logs.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('Socket Mode', () => {
  it('opens through SLACK_API_URL, is ready only after hello and not while down; the log says connecting, connected, why', async () => {
    const { fake, socket, app, logs, readyz } = await start();
    const started = app.start();
    await until(() => socket.connections === 1, 'the socket');
    expect(fake.callsTo('apps.connections.open')).toHaveLength(1);
    expect(await readyz()).toEqual({
      status: 503,
      body: expect.objectContaining({ ready: false, socket: 'connecting' }),
    });
    socket.send({ type: 'hello', num_connections: 1 });
    await started;
    expect(await readyz()).toEqual({
      status: 200,
      body: expect.objectContaining({ ready: true, socket: 'connected' }),
    });

    // Slack asks for a new connection: not ready meanwhile, and the log says why (the reconnection itself, after
    // the socket client's own delay, is in socket-mode.test.ts).
    socket.disconnect('refresh_requested');
    await until(() => !app.readiness().ready, 'the drop');
    expect((await readyz()).status).toBe(503);
    const events = messages(logs)
      .filter((line) => String(line.msg).startsWith('socket_'))
      .map((line) => (line.reason ? `${line.msg}:${line.reason}` : line.msg));
    expect(events.slice(0, 4)).toEqual([
      'socket_connecting',
      'socket_connected',
      'socket_failed:disconnect_refresh_requested',
      expect.stringMatching(/^socket_(down|connecting)$/),
    ]);
    expect(logs.join('\n')).not.toContain('xapp-');
  });

  it('20 × /allycomp ny over the socket in one channel: whole, in order, one upload, nobody told to retry', async () => {
    const { fake, socket, app } = await start();
    socket.helloOnConnect = true;
    await app.start();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const startedAt = Date.now();
    for (let i = 0; i < 20; i++) {
      socket.send({
        envelope_id: `env-${i}`,
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          command: '/allycomp',
          text: 'ny',
          team_id: 'T0TEAM',
          channel_id: 'C0BUSY',
          user_id: `U0P${i}`,
          response_url: fake.responseUrl(),
          trigger_id: `t${i}`,
          api_app_id: 'A0ALLYCOMP',
        },
      });
      await new Promise((resolve) => setTimeout(resolve, 2_000 / SCALE / 20));
    }
    await until(() => fake.messages('C0BUSY').length >= 40, '40 posts', 20_000);
    const posts = fake.messages('C0BUSY');
    const lastAt = Math.max(...posts.map((call) => call.at));
    for (let i = 0; i < 20; i++) {
      expect(posts[2 * i]?.thread_ts).toBeUndefined();
      expect(posts[2 * i + 1]?.thread_ts).toBe(posts[2 * i]?.ts);
    }
    expect(fake.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    // Every envelope acknowledged over the socket.
    expect(socket.received.filter((m) => typeof m.envelope_id === 'string')).toHaveLength(20);
    expect(toldToRetry(fake)).toEqual([]);
    expect(lastAt - startedAt).toBeLessThanOrEqual(1.2 * 40 * INTERVAL_MS);
  });
});
