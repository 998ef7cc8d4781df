import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../src/slack/receiver.js';
import { loggedText } from '../support/logged-text.js';
import {
  blockActions,
  post,
  type SendOptions,
  sendCommand,
  sendEvent,
  sendInteraction,
  settle,
  sign,
  startTestSlack,
  TEAM,
  type TestSlack,
  testConfig,
  USER,
  waitFor,
} from '../support/slack.js';

let slack: TestSlack;
beforeEach(async () => {
  slack = await startTestSlack();
});
afterEach(async () => {
  await slack.stop();
});

const now = () => Math.floor(Date.now() / 1000);

/** One request of each kind Slack sends: a slash command, a button click and an event. */
const KINDS = {
  command: (options: SendOptions) => sendCommand(slack, 'ny', {}, options),
  interaction: (options: SendOptions) =>
    sendInteraction(slack, blockActions({ action_id: 'region_show:detroit', value: 'detroit' }), options),
  event: (options: SendOptions) =>
    sendEvent(slack, { type: 'app_home_opened', user: USER, channel: 'D0DM', tab: 'home' }, options),
};

const FORGERIES: Array<[string, () => SendOptions]> = [
  ['no signature', () => ({ signature: null })],
  ['a signature made with another secret', () => ({ secret: '0123456789abcdef0123456789abcdef' })],
  ['a signature that is not hex', () => ({ signature: 'v0=not-a-signature' })],
  // Signed correctly, but with a timestamp over five minutes old: a replayed request.
  ['a timestamp 5 minutes and 1 second old', () => ({ timestamp: now() - 301 })],
  ['a timestamp an hour old', () => ({ timestamp: now() - 3600 })],
  // The window is both ways: a timestamp from the future is no fresher than one from the past.
  ['a timestamp 5 minutes and 10 seconds ahead', () => ({ timestamp: now() + 310 })],
  ['a timestamp a year ahead', () => ({ timestamp: now() + 365 * 24 * 3600 })],
];

describe('requests not signed by Slack', () => {
  for (const [kind, send] of Object.entries(KINDS)) {
    it.each(FORGERIES)(`a ${kind} with %s gets 401 and reaches no listener`, async (_what, options) => {
      const response = await send(options());
      expect(response.status).toBe(401);
      expect(response.text).toBe('');
      await settle();
      expect(slack.calls).toEqual([]);
      expect(slack.responses).toEqual([]);
    });
  }

  it('a body changed after signing gets 401', async () => {
    const timestamp = now();
    const signed = new URLSearchParams({ command: '/allycomp', text: 'ny', user_id: USER }).toString();
    const tampered = signed.replace('ny', 'detroit');
    const response = await post(slack, tampered, 'application/x-www-form-urlencoded', {
      timestamp,
      signature: sign(signed, timestamp),
    });
    expect(response.status).toBe(401);
    await settle();
    expect(slack.calls).toEqual([]);
  });

  it('ssl_check needs no signature, and a payload smuggled beside it never reaches a listener', async () => {
    const smuggled = new URLSearchParams({
      ssl_check: '1',
      command: '/allycomp',
      text: 'ny',
      channel_id: 'C0CHANNEL',
      user_id: USER,
      team_id: TEAM.id,
      response_url: 'https://hooks.slack.test/commands/x',
    }).toString();
    const response = await post(slack, smuggled, 'application/x-www-form-urlencoded', { signature: null });
    expect(response.status).toBe(200);
    await settle();
    expect(slack.calls).toEqual([]);
    expect(slack.responses).toEqual([]);
  });

  it('the signed control: the same requests, signed now, are answered', async () => {
    expect((await KINDS.event({})).status).toBe(200);
    await waitFor(() => slack.callsTo('views.publish').length === 1, 'views.publish');
  });
});

describe('GET /healthz', () => {
  it('answers 200 with the status and the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const response = await fetch(`${slack.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ status: 'ok', version, mode: 'http' });
  });

  it("is the only route besides /slack/events: anything else is 404, and logs nothing of the caller's path", async () => {
    expect((await fetch(`${slack.baseUrl}/`)).status).toBe(404);
    expect((await fetch(`${slack.baseUrl}/slack/events`)).status).toBe(404);
    const path = '/wp-admin/SoFi-245k?offer=238423';
    expect((await fetch(`${slack.baseUrl}${path}`, { method: 'POST', body: 'x' })).status).toBe(404);
    await settle();
    expect(loggedText(slack.logs)).not.toMatch(/wp-admin|SoFi|238423|245k/);
    expect(slack.logs).toEqual([]);
  });
});

describe('Events API URL verification', () => {
  const challenge = () =>
    JSON.stringify({ token: 'deprecated', challenge: 'c2xhY2stY2hhbGxlbmdl', type: 'url_verification' });

  it('answers the challenge when Slack checks the request URL', async () => {
    const response = await post(slack, challenge(), 'application/json');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ challenge: 'c2xhY2stY2hhbGxlbmdl' });
  });

  it('does not answer an unsigned challenge', async () => {
    const response = await post(slack, challenge(), 'application/json', { signature: null });
    expect(response.status).toBe(401);
    expect(response.text).toBe('');
  });
});

describe('request size', () => {
  it('a body over the limit gets 413 from the receiver and reaches no listener', async () => {
    const event = { type: 'app_home_opened', user: USER, tab: 'home', padding: 'x'.repeat(BODY_LIMIT_BYTES) };
    const response = await sendEvent(slack, event);
    expect(response.status).toBe(413);
    await settle();
    expect(slack.calls).toEqual([]);
  });

  it('the limit fits Slack’s largest payloads: "Coach this offer" on a 40,000-character message', async () => {
    // Slack caps message text at 40,000 characters; a message shortcut carries it twice (text and rich_text).
    const sentence = 'My SoFi offer: base $170,000, RSU $160,000 over 4 years, bonus 15%, sign-on $20,000. ';
    const text = sentence.repeat(Math.ceil(40_000 / sentence.length)).slice(0, 40_000);
    const payload = {
      type: 'message_action',
      callback_id: 'coach_offer',
      trigger_id: '1234.5678.long',
      response_url: 'https://hooks.slack.test/app/T0TEAM/1/secret',
      team: TEAM,
      user: { id: USER, username: 'person', team_id: TEAM.id },
      channel: { id: 'C0CHANNEL', name: 'negotiation-prep' },
      message_ts: '1700000000.000100',
      message: {
        type: 'message',
        user: USER,
        ts: '1700000000.000100',
        text,
        blocks: [
          {
            type: 'rich_text',
            block_id: 'b1',
            elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
          },
        ],
      },
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    expect(body.length).toBeGreaterThan(64 * 1024);
    expect(body.length).toBeLessThan(BODY_LIMIT_BYTES);
    const response = await post(slack, body, 'application/x-www-form-urlencoded');
    expect(response.status).toBe(200);
    const [open] = await waitFor(() => slack.callsTo('views.open').length >= 1 && slack.callsTo('views.open'));
    expect(open?.args.trigger_id).toBe('1234.5678.long');
    expect(open?.args.view).toMatchObject({ type: 'modal', callback_id: 'offer_modal' });
  });
});

describe('ALLYCOMP_DEVELOPER_MODE=true over HTTP', () => {
  it('starts (Bolt no longer takes developer mode for Socket Mode) and answers, with no figure in its debug logs', async () => {
    // One test Slack at a time (the Web API interceptors are global): this one replaces beforeEach's.
    await slack.stop();
    slack = await startTestSlack({ config: testConfig({ ALLYCOMP_DEVELOPER_MODE: 'true', LOG_LEVEL: 'debug' }) });
    expect((await sendCommand(slack, 'ny')).status).toBe(200);
    await waitFor(() => slack.callsTo('chat.postMessage').length >= 2, 'the answer');
    expect((await sendCommand(slack, 'SoFi offered 245k')).status).toBe(200);
    await settle();
    // Developer mode makes Bolt log every body at debug; the logger keeps only a library message's words.
    expect(slack.logs.some((line) => JSON.parse(line).level === 'debug')).toBe(true);
    expect(loggedText(slack.logs)).not.toMatch(/SoFi|245/);
  });
});
