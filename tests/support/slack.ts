/**
 * Drives the real app the way Slack does: its real HTTP receiver on an ephemeral port, requests signed
 * exactly as Slack signs them, and the Web API and response_url intercepted with nock so tests can assert
 * on what would reach people. nock intercepts Node's built-in fetch, not undici.request, so `startTestSlack` runs
 * the app with SLACK_HTTP_TRANSPORT=fetch; tests against the loopback fake Slack (tests/support/fake-slack.ts) keep
 * `testConfig`'s production default, undici.
 */
import { createHmac } from 'node:crypto';
import nock from 'nock';
import { type AllycompApp, type CreateAppOptions, createApp } from '../../src/app.js';
import { type Config, readConfig } from '../../src/config.js';
import { type LoadedGuide, loadGuide } from '../../src/guide/load.js';
import { AppLogger } from '../../src/logging.js';

export const SIGNING_SECRET = '8f742231b10e8888abcd99aaaaaa85a5';
export const BOT_TOKEN = 'xoxb-test-token-allycomp';
export const API_HOST = 'http://slack.test';
export const RESPONSE_HOST = 'https://hooks.slack.test';
/** Where files.getUploadURLExternal sends the bytes of an upload (files.uploadV2's second step). */
export const FILES_HOST = 'https://files.slack.test';

export interface ApiCall {
  method: string;
  /** The token the call was made with (the Authorization header's bearer token), if any. */
  token?: string;
  /** Form fields, with `blocks`, `view` and `attachments` parsed from JSON. */
  args: Record<string, unknown>;
}

export interface ResponseUrlPost {
  path: string;
  body: Record<string, unknown>;
}

type ApiResponder = (
  args: Record<string, unknown>,
  callIndex: number,
) => {
  status?: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Answer this late (a slow or hanging Slack); the call is recorded when it arrives. */
  delayMs?: number;
};

export interface TestSlack {
  app: AllycompApp;
  baseUrl: string;
  calls: ApiCall[];
  responses: ResponseUrlPost[];
  /** File bytes posted to upload URLs (the chart PNGs). */
  uploads: Array<{ path: string; bytes: Buffer }>;
  logs: string[];
  /** Override what a Web API method answers (default: ok with a fresh ts). */
  respondTo(method: string, responder: ApiResponder): void;
  callsTo(method: string): ApiCall[];
  stop(): Promise<void>;
}

let tsCounter = 1_700_000_000;

function parseForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    out[key] = ['blocks', 'view', 'attachments'].includes(key) ? JSON.parse(value) : value;
  }
  return out;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return readConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${API_HOST}/api/`,
    PORT: '0',
    LOG_LEVEL: 'info',
    NODE_ENV: 'test',
    ...overrides,
  });
}

let cachedGuide: LoadedGuide | undefined;
export function guide(): LoadedGuide {
  cachedGuide ??= loadGuide();
  return cachedGuide;
}

export async function startTestSlack(
  options: {
    config?: Config;
    loaded?: LoadedGuide;
    app?: Pick<CreateAppOptions, 'webApiTimeoutMs' | 'store' | 'queue' | 'chartSettleMs'>;
  } = {},
): Promise<TestSlack> {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith('127.0.0.1') || host.startsWith('localhost'));
  const calls: ApiCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const logs: string[] = [];
  const responders = new Map<string, ApiResponder>();
  const counts = new Map<string, number>();
  const uploads: Array<{ path: string; bytes: Buffer }> = [];
  let fileCounter = 0;
  responders.set('files.getUploadURLExternal', () => {
    fileCounter += 1;
    return {
      body: { ok: true, upload_url: `${FILES_HOST}/upload/v1/F0CHART${fileCounter}`, file_id: `F0CHART${fileCounter}` },
    };
  });
  responders.set('files.completeUploadExternal', (args) => ({
    body: { ok: true, files: JSON.parse(String(args.files ?? '[]')) },
  }));
  nock(FILES_HOST)
    .persist()
    .post(/.*/)
    .reply(function reply(uri, body) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      // nock hands binary bodies over hex-encoded.
      uploads.push({ path: uri, bytes: /^[0-9a-f]+$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text) });
      return [200, 'OK - 1'];
    });

  nock(API_HOST)
    .persist()
    .post(/\/api\/.+/)
    .reply(function reply(uri, body, callback) {
      const method = uri.replace(/^\/api\//, '');
      // The Web API client sends a form; allycomp's own chat.postMessage sends JSON, which nock hands over parsed.
      const args = typeof body === 'string' ? parseForm(body) : (body as Record<string, unknown>);
      const authorization = this.req.headers.authorization;
      const token = typeof authorization === 'string' ? authorization.replace(/^Bearer /, '') : undefined;
      calls.push({ method, args, ...(token ? { token } : {}) });
      const index = counts.get(method) ?? 0;
      counts.set(method, index + 1);
      const responder = responders.get(method);
      if (responder) {
        const answer = responder(args, index);
        const reply = () => callback(null, [answer.status ?? 200, answer.body, answer.headers ?? {}]);
        if (answer.delayMs) setTimeout(reply, answer.delayMs);
        else reply();
        return;
      }
      const ts = `${tsCounter++}.000100`;
      const channel = typeof args.channel === 'string' ? args.channel : 'C0TEST';
      callback(null, [200, { ok: true, ts, channel, message: { ts } }]);
    });
  nock(RESPONSE_HOST)
    .persist()
    .post(/.*/)
    .reply(function reply(uri, body) {
      responses.push({
        path: uri,
        body: (typeof body === 'string' ? JSON.parse(body) : body) as Record<string, unknown>,
      });
      return [200, 'ok'];
    });

  const logger = new AppLogger('debug', (line) => logs.push(line));
  // nock sees only the built-in fetch: the one place the tests choose it over the production transport.
  const config: Config = { ...(options.config ?? testConfig()), slackHttpTransport: 'fetch' };
  const app = createApp(config, options.loaded ?? guide(), {
    ...options.app,
    logger,
    botId: 'B0ALLYCOMP',
    botUserId: 'U0ALLYCOMP',
  });
  const { port } = await app.start();
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    responses,
    uploads,
    logs,
    respondTo: (method, responder) => responders.set(method, responder),
    callsTo: (method) => calls.filter((call) => call.method === method),
    async stop() {
      await app.stop();
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  timestamp?: number;
  secret?: string;
  signature?: string | null;
  headers?: Record<string, string>;
}

export async function post(slack: TestSlack, body: string, contentType: string, options: SendOptions = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    ...(options.signature === null
      ? {}
      : { 'x-slack-signature': options.signature ?? sign(body, timestamp, options.secret) }),
    ...options.headers,
  };
  const response = await fetch(`${slack.baseUrl}/slack/events`, { method: 'POST', headers, body });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

export const TEAM = { id: 'T0TEAM', domain: 'allyteam' };
export const USER = 'U0PERSON';
export const CHANNEL = 'C0CHANNEL';

let responseCounter = 0;
export function responseUrl(): string {
  responseCounter += 1;
  return `${RESPONSE_HOST}/commands/T0TEAM/${responseCounter}/secret`;
}

/** A slash command, form-encoded as Slack sends it. */
export function sendCommand(
  slack: TestSlack,
  text: string,
  fields: Partial<
    Record<'channel_id' | 'user_id' | 'channel_name' | 'response_url' | 'trigger_id' | 'team_id', string>
  > = {},
  options: SendOptions = {},
) {
  const form = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: fields.team_id ?? TEAM.id,
    team_domain: TEAM.domain,
    channel_id: fields.channel_id ?? CHANNEL,
    channel_name: fields.channel_name ?? 'negotiation-prep',
    user_id: fields.user_id ?? USER,
    user_name: 'person',
    command: '/allycomp',
    text,
    api_app_id: 'A0ALLYCOMP',
    is_enterprise_install: 'false',
    response_url: fields.response_url ?? responseUrl(),
    trigger_id: fields.trigger_id ?? '1234.5678.trigger',
  });
  return post(slack, form.toString(), 'application/x-www-form-urlencoded', options);
}

/** Interactivity (actions, shortcuts, view submissions): `payload=<JSON>`, form-encoded. */
export function sendInteraction(slack: TestSlack, payload: Record<string, unknown>, options: SendOptions = {}) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return post(slack, body, 'application/x-www-form-urlencoded', options);
}

/** Events API: JSON. */
export function sendEvent(slack: TestSlack, event: Record<string, unknown>, options: SendOptions = {}) {
  const body = JSON.stringify({
    token: 'deprecated',
    team_id: TEAM.id,
    api_app_id: 'A0ALLYCOMP',
    event,
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2, 10)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM.id, user_id: 'U0ALLYCOMP', is_bot: true }],
  });
  return post(slack, body, 'application/json', options);
}

export function blockActions(
  action: { action_id: string; value?: string; block_id?: string },
  container: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: TEAM,
    user: { id: USER, username: 'person', team_id: TEAM.id },
    api_app_id: 'A0ALLYCOMP',
    token: 'deprecated',
    trigger_id: '1234.5678.trigger',
    response_url: responseUrl(),
    channel: { id: CHANNEL, name: 'negotiation-prep' },
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: CHANNEL,
      is_ephemeral: false,
      ...container,
    },
    message: { type: 'message', ts: '1700000000.000100', text: 'region message', user: 'U0ALLYCOMP' },
    actions: [
      {
        type: 'button',
        block_id: action.block_id ?? 'region_actions',
        action_ts: '1700000001.0001',
        text: { type: 'plain_text', text: 'x' },
        ...action,
      },
    ],
    ...extra,
  };
}

/** A button on the App Home tab: no channel, no message, no response_url. */
export function appHomeAction(action: { action_id: string; value: string }): Record<string, unknown> {
  const payload = blockActions(
    { ...action, block_id: 'home_actions' },
    { type: 'view', view_id: 'V0HOME' },
    { view: { id: 'V0HOME', type: 'home', team_id: TEAM.id, blocks: [] } },
  );
  delete payload.channel;
  delete payload.message;
  delete payload.response_url;
  (payload.container as Record<string, unknown>).message_ts = undefined;
  (payload.container as Record<string, unknown>).channel_id = undefined;
  (payload.container as Record<string, unknown>).is_ephemeral = undefined;
  return payload;
}

/** A view_submission of the offer modal, as Slack sends it: the state values keyed block_id → action_id. */
export function viewSubmission(values: Record<string, unknown>, privateMetadata: string): Record<string, unknown> {
  return {
    type: 'view_submission',
    token: 'deprecated',
    team: TEAM,
    user: { id: USER, username: 'person', name: 'person', team_id: TEAM.id },
    api_app_id: 'A0ALLYCOMP',
    trigger_id: '4444.submit.trigger',
    is_enterprise_install: false,
    enterprise: null,
    response_urls: [],
    view: {
      id: 'V0OFFER',
      team_id: TEAM.id,
      type: 'modal',
      callback_id: 'offer_modal',
      private_metadata: privateMetadata,
      hash: '1700000700.abc',
      title: { type: 'plain_text', text: 'Prep a negotiation' },
      blocks: [],
      state: { values },
      app_id: 'A0ALLYCOMP',
      bot_id: 'B0ALLYCOMP',
    },
  };
}

/** Wait until a condition holds: the app keeps working after it acks. */
export async function waitFor<T>(check: () => T | undefined | false, what = 'condition', timeoutMs = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Let in-flight work finish, for asserting that something did NOT happen. */
export function settle(ms = 60): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
