/**
 * The Web API transport (SLACK_HTTP_TRANSPORT) under a real WebClient, against a Slack on loopback that answers what
 * each test scripts: both transports must hand the client the same statuses and headers (Retry-After above all), be
 * abandoned at the client's timeout, and carry the rate-limit and Slack-words wrappers the app puts on top. Then the
 * wiring: the app's default sends its calls with undici, SLACK_HTTP_TRANSPORT=fetch with the built-in fetch.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient, WebClientEvent } from '@slack/web-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AllycompApp, createApp } from '../../src/app.js';
import { AppLogger } from '../../src/logging.js';
import { INTERACTIVE_POLICY, rateLimitedFetch } from '../../src/slack/rate-limited-fetch.js';
import { withoutSlackMessages } from '../../src/slack/slack-words.js';
import { webApiTransport } from '../../src/slack/web-api-transport.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { guide, sendCommand, type TestSlack, testConfig } from '../support/slack.js';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

interface ScriptedSlack {
  apiUrl: string;
  /** Methods called, in order. */
  calls: string[];
  /** Requests whose connection closed before an answer was finished (abandoned by the client). */
  abandoned: number;
  close(): Promise<void>;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };
};
const OK = json(200, { ok: true, channel: 'C1', ts: '1.000100' });

let servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  servers = [];
});

/** Answers the n-th call with `answers[n]` (the last one from then on). */
async function scriptedSlack(answers: Answer[]): Promise<ScriptedSlack> {
  const state: ScriptedSlack = { apiUrl: '', calls: [], abandoned: 0, close: async () => undefined };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.calls.push((req.url ?? '').replace(/^\/api\//, ''));
      res.on('close', () => {
        if (!res.writableFinished) state.abandoned += 1;
      });
      const answer = answers[Math.min(state.calls.length - 1, answers.length - 1)] as Answer;
      answer(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  return state;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the call succeeded');
    },
    (error: unknown) => error as Record<string, unknown>,
  );

describe.each(['undici', 'fetch'] as const)('SLACK_HTTP_TRANSPORT=%s under the WebClient', (kind) => {
  const client = (apiUrl: string, options: ConstructorParameters<typeof WebClient>[1] = {}) =>
    new WebClient('xoxb-test', { slackApiUrl: apiUrl, fetch: webApiTransport(kind), ...options });

  it("the client's own 429 handling sees Retry-After: it waits that long and the retry lands", async () => {
    const slack = await scriptedSlack([json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' }), OK]);
    const web = client(slack.apiUrl, { retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
    const heard: number[] = [];
    web.on(WebClientEvent.RATE_LIMITED, (seconds: number) => heard.push(seconds));
    await expect(web.chat.postMessage({ channel: 'C1', text: 'hi' })).resolves.toMatchObject({ ok: true });
    expect(heard).toEqual([1]);
    expect(slack.calls).toEqual(['chat.postMessage', 'chat.postMessage']);
  });

  it('with rejectRateLimitedCalls the 429 comes back as a rate-limit error carrying Retry-After', async () => {
    const slack = await scriptedSlack([json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '120' })]);
    const web = client(slack.apiUrl, { rejectRateLimitedCalls: true, retryConfig: { retries: 2 } });
    expect(await failure(web.chat.postMessage({ channel: 'C1', text: 'hi' }))).toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 120,
    });
    expect(slack.calls).toHaveLength(1);
  });

  it('a 5xx is retried by the client and the retry lands; a lasting one is an HTTP error with its status', async () => {
    const flaky = await scriptedSlack([json(503, { ok: false }), OK]);
    const retries = { retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 0 } };
    await expect(client(flaky.apiUrl, retries).chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
    expect(flaky.calls).toHaveLength(2);
    const down = await scriptedSlack([json(502, { ok: false })]);
    expect(await failure(client(down.apiUrl, retries).chat.postMessage({ channel: 'C1', text: 'x' }))).toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 502,
    });
    expect(down.calls).toHaveLength(3);
  });

  it("is abandoned at the client's timeout, whether Slack never answers or stalls mid-body", async () => {
    const silent = await scriptedSlack([() => undefined]);
    const stalled = await scriptedSlack([
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"ok":true,');
      },
    ]);
    for (const slack of [silent, stalled]) {
      // As the app composes it: the body is read inside the fetch, so a stall mid-body is a request error, which the
      // client retries (left to the client, a built-in fetch's body would throw a bare TimeoutError, never retried).
      const web = client(slack.apiUrl, {
        timeout: 150,
        retryConfig: { retries: 0 },
        fetch: withoutSlackMessages(webApiTransport(kind)),
      });
      expect(await failure(web.chat.postMessage({ channel: 'C1', text: 'x' }))).toMatchObject({
        code: 'slack_webapi_request_error',
      });
      await vi.waitFor(() => expect(slack.abandoned).toBe(1));
    }
  });

  it("the app's wrappers work over it: a short Retry-After waited inside the call, Slack's words dropped", async () => {
    const limited = await scriptedSlack([json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' }), OK]);
    const web = client(limited.apiUrl, {
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: 5_000,
      fetch: withoutSlackMessages(rateLimitedFetch(INTERACTIVE_POLICY, webApiTransport(kind))),
    });
    await expect(web.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    expect(limited.calls).toHaveLength(2);

    const wordy = await scriptedSlack([
      json(200, {
        ok: false,
        error: 'invalid_blocks',
        response_metadata: { messages: ['[ERROR] quoted $194,000'], warnings: ['missing_charset'] },
      }),
    ]);
    const quiet = client(wordy.apiUrl, {
      retryConfig: { retries: 0 },
      fetch: withoutSlackMessages(webApiTransport(kind)),
    });
    const error = await failure(quiet.chat.postMessage({ channel: 'C1', text: 'x' }));
    expect(error).toMatchObject({
      data: { error: 'invalid_blocks', response_metadata: { warnings: ['missing_charset'] } },
    });
    expect(JSON.stringify(error.data)).not.toContain('194');
  });
});

describe('the app sends its Web API calls with the transport SLACK_HTTP_TRANSPORT names', () => {
  let fake: FakeSlack | undefined;
  let allycomp: AllycompApp | undefined;
  afterEach(async () => {
    await allycomp?.stop(2_000);
    await fake?.close();
    vi.restoreAllMocks();
    allycomp = undefined;
    fake = undefined;
  });

  it.each([
    ['undici (the default): no post through the built-in fetch', {}, false],
    ['fetch: every post through the built-in fetch', { SLACK_HTTP_TRANSPORT: 'fetch' }, true],
  ] as const)('%s', async (_name, env, throughBuiltInFetch) => {
    fake = await startFakeSlack({ channelRate: false });
    const apiUrl = fake.apiUrl;
    const builtIn = vi.spyOn(globalThis, 'fetch');
    allycomp = createApp(testConfig({ SLACK_API_URL: apiUrl, ...env }), guide(), {
      logger: new AppLogger('error', () => undefined),
      botId: 'B0ALLYCOMP',
      botUserId: 'U0ALLYCOMP',
      chartSettleMs: 0,
    });
    const { port } = await allycomp.start();
    const answered = await sendCommand({ baseUrl: `http://127.0.0.1:${port}` } as TestSlack, 'ny', {
      channel_id: 'C0WIRED',
      response_url: fake.responseUrl(),
    });
    expect(answered.status).toBe(200);
    // The region message and the levers reply.
    await vi.waitFor(() => expect(fake?.messages('C0WIRED').length).toBeGreaterThanOrEqual(2), { timeout: 5_000 });
    const posts = builtIn.mock.calls.filter(([url]) => String(url) === `${apiUrl}chat.postMessage`);
    expect(posts).toHaveLength(throughBuiltInFetch ? fake.messages('C0WIRED').length : 0);
  });
});
