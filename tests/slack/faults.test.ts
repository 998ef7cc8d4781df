/**
 * Faults and bad input, through the real receiver: Slack's Web API failing in each way it can, requests that are
 * strange or hostile, and a bounded fuzz. Each test is a row of docs/OPERATIONS.md.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeOrigin } from '../../src/views/offer-modal.js';
import { loggedText } from '../support/logged-text.js';
import {
  blockActions,
  CHANNEL,
  post,
  RESPONSE_HOST,
  responseUrl,
  sendCommand,
  sendEvent,
  sendInteraction,
  settle,
  sign,
  startTestSlack,
  TEAM,
  type TestSlack,
  USER,
  waitFor,
} from '../support/slack.js';

let slack: TestSlack | undefined;
afterEach(async () => {
  await slack?.stop();
  slack = undefined;
});

async function start(options: Parameters<typeof startTestSlack>[0] = {}): Promise<TestSlack> {
  slack = await startTestSlack(options);
  return slack;
}

const FORM = 'application/x-www-form-urlencoded';
const LOG_KEYS = new Set([
  't',
  'level',
  'logger',
  'msg',
  'kind',
  'id',
  'outcome',
  'ms',
  'retry',
  'code',
  'action',
  'signal',
  'unfinished',
  'mode',
  'port',
  'version',
  // The receiver's connection cap and the stop policy.
  'max',
  'dropped',
  'grace_ms',
  'told',
]);

type Blocks = Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;

/** The Web API's default answer, for responders that only change some calls. */
let tsCounter = 1_800_000_000;
function okPost(args: Record<string, unknown>) {
  const ts = `${tsCounter++}.000200`;
  return { body: { ok: true, channel: String(args.channel ?? 'C0TEST'), ts, message: { ts } } };
}

/** Posts to one channel, in order. */
const postsTo = (s: TestSlack, channel: string) =>
  s.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);

/** The two posts of `/allycomp ny` in one channel: the band message, then levers 1–4 in one reply under it. */
function expectNyAnswer(posts: Array<{ args: Record<string, unknown> }>) {
  expect(posts).toHaveLength(2);
  const [parent, levers] = posts;
  expect(String(parent?.args.text)).toContain('$215K–$309K');
  expect(parent?.args.thread_ts).toBeUndefined();
  expect(levers?.args.thread_ts).toMatch(/^\d+\.\d+$/);
  for (const n of [1, 2, 3, 4]) expect(JSON.stringify(levers?.args.blocks)).toContain(`Lever ${n} of 4`);
}

function parsedLogs(s: TestSlack): Array<Record<string, unknown>> {
  return s.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('Slack answers 429 (ratelimited)', () => {
  it('Retry-After: 1 → that channel alone waits and the post is retried: both posts land once, and another person’s answer does not wait', async () => {
    const s = await start();
    const LIMITED = 'C0LIMITED';
    const OTHER = 'C0OTHER';
    const seen: Array<{ channel: string; at: number; status: number }> = [];
    let limited = false;
    s.respondTo('chat.postMessage', (args) => {
      const channel = String(args.channel);
      if (channel === LIMITED && !limited) {
        limited = true;
        seen.push({ channel, at: performance.now(), status: 429 });
        return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': '1' } };
      }
      seen.push({ channel, at: performance.now(), status: 200 });
      return okPost(args);
    });

    const first = sendCommand(s, 'ny', { channel_id: LIMITED, user_id: 'U0FIRST' });
    await waitFor(() => limited, 'the 429');
    const second = sendCommand(s, 'ny', { channel_id: OTHER, user_id: 'U0SECOND' });
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);

    await waitFor(() => seen.filter((call) => call.channel === LIMITED && call.status === 200).length === 2, 'A', 4000);
    await waitFor(() => seen.filter((call) => call.channel === OTHER).length === 2, 'B');
    const [rateLimited, retried] = seen.filter((call) => call.channel === LIMITED);
    const other = seen.filter((call) => call.channel === OTHER);
    // The retry honoured Retry-After…
    expect(retried?.at ?? 0).toBeGreaterThanOrEqual((rateLimited?.at ?? 0) + 990);
    // …while the other person's whole answer was posted during that second.
    for (const call of other) expect(call.at).toBeLessThan(retried?.at ?? 0);

    // Nothing lost, nothing twice: one 429, then each post once, in order, in each channel.
    expect(seen.filter((call) => call.status === 429)).toHaveLength(1);
    expectNyAnswer(postsTo(s, LIMITED).slice(1));
    expectNyAnswer(postsTo(s, OTHER));
    await settle();
    expect(s.responses).toEqual([]);
  });

  it('Retry-After: 2 → nobody is told to try again: one private "queued" note, then the answer lands whole', async () => {
    const s = await start({ app: { queue: { queuedNoticeMs: 300 } } });
    s.respondTo('chat.postMessage', (args, index) =>
      index === 0
        ? { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': '2' } }
        : okPost(args),
    );
    const url = responseUrl();
    const started = performance.now();
    await sendCommand(s, 'ny', { response_url: url });
    const [note] = await waitFor(() => s.responses.length >= 1 && s.responses, 'the queued note');
    expect(note?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(note?.body.text)).toContain('queued');
    await waitFor(() => s.callsTo('chat.postMessage').length >= 3, 'the answer', 6000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1990);
    await settle(100);
    expectNyAnswer(s.callsTo('chat.postMessage').slice(1));
    expect(s.responses).toHaveLength(1);
    expect(JSON.stringify(s.responses)).not.toMatch(/try again/);
    await waitFor(() => parsedLogs(s).some((line) => line.outcome === 'posted+chart'), 'the outcome logged');
  });

  it('Retry-After beyond what the answer may wait → the answer at once, privately; never "try again", nothing twice', async () => {
    const s = await start({ app: { queue: { deadlineMs: 60_000 } } });
    s.respondTo('chat.postMessage', () => ({
      status: 429,
      body: { ok: false, error: 'ratelimited' },
      headers: { 'retry-after': '120' },
    }));
    const url = responseUrl();
    const started = performance.now();
    await sendCommand(s, 'ny', { response_url: url });
    const [answer] = await waitFor(() => s.responses.length >= 1 && s.responses, 'the answer');
    expect(performance.now() - started).toBeLessThan(1500);
    expect(answer?.path).toBe(url.replace(RESPONSE_HOST, ''));
    expect(answer?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(answer?.body)).toContain('$215K');
    expect(JSON.stringify(answer?.body)).not.toMatch(/try again/);
    await settle(150);
    expect(s.callsTo('chat.postMessage')).toHaveLength(1);
    expect(s.responses).toHaveLength(1);
    expect(parsedLogs(s)).toContainEqual(expect.objectContaining({ msg: 'request', outcome: 'queue_expired' }));
  });

  it('a Retry-After longer than what is left of the call’s timeout: the queue waits it out, no retry storm, no notice', async () => {
    const s = await start({ app: { webApiTimeoutMs: 300 } });
    s.respondTo('chat.postMessage', (args, index) =>
      index < 2
        ? { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': '1' } }
        : okPost(args),
    );
    await sendCommand(s, 'ny');
    await waitFor(() => s.callsTo('chat.postMessage').length >= 4, 'the answer', 6000);
    await settle(150);
    expect(s.callsTo('chat.postMessage')).toHaveLength(4);
    expectNyAnswer(s.callsTo('chat.postMessage').slice(2));
    expect(s.responses).toEqual([]);
  });
});

describe('Slack fails or does not answer', () => {
  it('500 on every attempt → 1 + 2 retries, then a clear private message; nothing posted', async () => {
    const s = await start();
    s.respondTo('chat.postMessage', () => ({ status: 500, body: { ok: false, error: 'internal_error' } }));
    const url = responseUrl();
    await sendCommand(s, 'ny', { response_url: url });
    const [notice] = await waitFor(() => s.responses.length >= 1 && s.responses, 'the notice', 4000);
    expect(s.callsTo('chat.postMessage')).toHaveLength(3);
    expect(notice?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(notice?.body.text)).toMatch(/did not accept my answer.*try again/);
    await settle(150);
    expect(s.callsTo('chat.postMessage')).toHaveLength(3);
    expect(s.responses).toHaveLength(1);
  });

  it("Slack's own words in response_metadata.messages (which can quote what was sent) never reach a log line", async () => {
    const s = await start();
    s.respondTo('chat.postMessage', () => ({
      body: {
        ok: false,
        error: 'invalid_blocks',
        response_metadata: {
          messages: [
            '[ERROR] no more than 3000 characters: "SoFi offered 245k" [json-pointer:/blocks/0/text]',
            '[WARN] the block at SoFi Detroit looks odd',
          ],
        },
      },
    }));
    await sendCommand(s, 'ny', { response_url: responseUrl() });
    await waitFor(() => s.responses.length >= 1, 'the notice');
    await settle(100);
    // The failed call is logged by its code, and that is all.
    expect(parsedLogs(s)).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'request', outcome: 'error:invalid_blocks' }),
    ]);
    expect(loggedText(s.logs)).not.toMatch(/SoFi|245|characters|looks odd|json-pointer/);
  });

  it('a 500 that clears on the retry is invisible: the answer lands once', async () => {
    const s = await start();
    s.respondTo('chat.postMessage', (args, index) =>
      index === 0 ? { status: 503, body: { ok: false, error: 'service_unavailable' } } : okPost(args),
    );
    await sendCommand(s, 'ny');
    await waitFor(() => s.callsTo('chat.postMessage').length >= 3, 'the posts', 4000);
    expectNyAnswer(s.callsTo('chat.postMessage').slice(1));
    expect(s.responses).toEqual([]);
  });

  it('a Web API call slower than the timeout → abandoned and retried twice, then a clear private message', async () => {
    const s = await start({ app: { webApiTimeoutMs: 100 } });
    s.respondTo('chat.postMessage', (args) => ({ ...okPost(args), delayMs: 400 }));
    const started = performance.now();
    await sendCommand(s, 'ny');
    const [notice] = await waitFor(() => s.responses.length >= 1 && s.responses, 'the notice', 4000);
    // Three attempts of 100 ms, with 250 ms and 500 ms between them.
    expect(performance.now() - started).toBeLessThan(2500);
    expect(s.callsTo('chat.postMessage')).toHaveLength(3);
    expect(String(notice?.body.text)).toMatch(/did not accept my answer.*try again/);
  });
});

describe('Slack rejects the token (token_revoked)', () => {
  it('logged once, the person told, /healthz says degraded, /readyz answers 503, and the bot keeps serving', async () => {
    const s = await start();
    const health = async () => {
      const response = await fetch(`${s.baseUrl}/healthz`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect((await fetch(`${s.baseUrl}/readyz`)).status).toBe(200);
    s.respondTo('chat.postMessage', () => ({ body: { ok: false, error: 'token_revoked' } }));
    for (const channel of ['C0ONE', 'C0TWO', 'C0THREE']) await sendCommand(s, 'ny', { channel_id: channel });
    await waitFor(() => s.responses.length >= 3, 'three notices');

    const logs = parsedLogs(s);
    expect(logs.filter((line) => line.msg === 'token_rejected')).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'token_revoked',
        action: expect.stringContaining('SLACK_BOT_TOKEN'),
      }),
    ]);
    expect(logs.filter((line) => line.outcome === 'error:token_revoked')).toHaveLength(3);
    for (const notice of s.responses) {
      expect(notice.body.response_type).toBe('ephemeral');
      expect(String(notice.body.text)).toContain('token_revoked');
      expect(String(notice.body.text)).toContain('reinstall');
    }
    expect(s.callsTo('chat.postMessage')).toHaveLength(3);

    expect(await health()).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'degraded', auth: 'rejected', reason: 'token_revoked' }),
    });
    const ready = await fetch(`${s.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, auth: 'rejected', reason: 'token_revoked' });
    // Still up: a private answer (no Web API call) is still given.
    const help = await sendCommand(s, 'help');
    expect(help.status).toBe(200);
    expect(help.json?.response_type).toBe('ephemeral');
    expect((await health()).status).toBe(200);
  });
});

describe('expired_trigger_id', () => {
  it('the person gets a private button; clicking it opens the same form with the new trigger', async () => {
    const s = await start();
    s.respondTo('views.open', (_args, index) =>
      index === 0
        ? { body: { ok: false, error: 'expired_trigger_id' } }
        : { body: { ok: true, view: { id: 'V0NEW' } } },
    );
    const url = responseUrl();
    await sendCommand(s, 'offer', { trigger_id: '1111.stale.trigger', response_url: url });
    const [notice] = await waitFor(() => s.responses.length >= 1 && s.responses, 'the retry button');
    expect(notice?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const button = ((notice?.body.blocks ?? []) as Blocks)
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.action_id === 'offer_retry');
    expect(button?.value).toBeTruthy();

    await sendInteraction(
      s,
      blockActions(
        { action_id: 'offer_retry', value: button?.value, block_id: 'offer_retry_actions' },
        { is_ephemeral: true },
        { trigger_id: '2222.fresh.trigger', response_url: url },
      ),
    );
    const [expired, reopened] = await waitFor(
      () => s.callsTo('views.open').length >= 2 && s.callsTo('views.open'),
      'the form again',
    );
    expect(expired?.args.trigger_id).toBe('1111.stale.trigger');
    expect(reopened?.args.trigger_id).toBe('2222.fresh.trigger');
    const metadata = (call: typeof expired) =>
      (call?.args.view as { private_metadata?: string } | undefined)?.private_metadata;
    expect(decodeOrigin(metadata(reopened))).toEqual({ channelId: CHANNEL, responseUrl: url });
    expect(decodeOrigin(metadata(reopened))).toEqual(decodeOrigin(metadata(expired)));
    await settle();
    expect(s.responses).toHaveLength(1);
  });
});

describe('expired_trigger_id on a form filled from a message', () => {
  it('the retry button sent by DM carries no figure and no company; the text says the form opens empty', async () => {
    const s = await start();
    s.respondTo('views.open', () => ({ body: { ok: false, error: 'expired_trigger_id' } }));
    const text = 'SoFi offered me base $170,000, RSU $160,000 over 4 years, bonus 15%.';
    // No response_url: the button goes by DM, where it stays.
    await sendInteraction(s, {
      type: 'message_action',
      callback_id: 'coach_offer',
      trigger_id: '3333.stale.trigger',
      team: TEAM,
      user: { id: USER, team_id: TEAM.id },
      channel: { id: CHANNEL },
      message_ts: '1700000000.000100',
      message: { type: 'message', user: USER, ts: '1700000000.000100', text },
    });
    const [dm] = await waitFor(
      () => s.callsTo('chat.postMessage').length >= 1 && s.callsTo('chat.postMessage'),
      'the DM',
    );
    expect(dm?.args.channel).toBe(USER);
    expect(JSON.stringify(dm?.args)).not.toMatch(/SoFi|\$1[67]0|\b1[67]0000\b|15%/);
    expect(String(dm?.args.text)).toContain('opens empty');
    const button = ((dm?.args.blocks ?? []) as Blocks)
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.action_id === 'offer_retry');
    expect(JSON.parse(String(button?.value))).toEqual({
      o: { channelId: CHANNEL, threadTs: '1700000000.000100', userId: USER },
    });
  });
});

describe('duplicates', () => {
  it('a double click on "See Detroit" posts the region once', async () => {
    const s = await start();
    const click = () =>
      sendInteraction(s, blockActions({ action_id: 'region_show:detroit', value: 'detroit' }, {}, {}));
    const [a, b] = await Promise.all([click(), click()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await waitFor(() => s.callsTo('chat.postMessage').length >= 1, 'the post');
    await settle(150);
    const regionPosts = s
      .callsTo('chat.postMessage')
      .filter((call) => call.args.thread_ts === '1700000000.000100' && String(call.args.text).includes('Detroit'));
    expect(regionPosts).toHaveLength(1);
    expect(parsedLogs(s).filter((line) => line.outcome === 'duplicate')).toHaveLength(1);
  });

  it('App Home: opening it again publishes the same view again (views.publish replaces, never appends)', async () => {
    const s = await start();
    const opened = { type: 'app_home_opened', user: USER, channel: 'D0DM', tab: 'home' };
    await sendEvent(s, opened);
    await sendEvent(s, opened);
    const [first, second] = await waitFor(
      () => s.callsTo('views.publish').length >= 2 && s.callsTo('views.publish'),
      'two publishes',
    );
    expect(second?.args).toEqual(first?.args);
  });
});

describe('strange requests get a clean answer', () => {
  it('malformed payload JSON (signed) → 400 from Bolt, the body kept out of the log, and the bot keeps answering', async () => {
    const s = await start();
    const response = await post(s, new URLSearchParams({ payload: 'SoFi offered me 245k' }).toString(), FORM);
    expect(response.status).toBe(400);
    expect((await post(s, 'payload=not-json', FORM)).status).toBe(400);
    expect(loggedText(s.logs)).not.toMatch(/SoFi|offered|not-json/);
    await sendCommand(s, 'ny');
    await waitFor(() => s.callsTo('chat.postMessage').length >= 2, 'the answer');
    expectNyAnswer(s.callsTo('chat.postMessage'));
  });

  it('ssl_check must be exactly 1 to skip the signature (Bolt 5.1’s fix): anything else smuggled beside it gets 401', async () => {
    const s = await start();
    for (const value of ['true', '0', '1 ']) {
      const smuggled = new URLSearchParams({
        ssl_check: value,
        command: '/allycomp',
        text: 'ny',
        team_id: TEAM.id,
        channel_id: CHANNEL,
        user_id: USER,
      }).toString();
      expect((await post(s, smuggled, FORM, { signature: null })).status).toBe(401);
    }
    await settle();
    expect(s.calls).toEqual([]);
  });

  it('an unknown action id → acked at once, with a private notice', async () => {
    const s = await start();
    const url = responseUrl();
    const started = performance.now();
    const response = await sendInteraction(
      s,
      blockActions({ action_id: 'retired_button', value: 'x' }, {}, { response_url: url }),
    );
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(500);
    const [notice] = await waitFor(() => s.responses.length >= 1 && s.responses, 'the notice');
    expect(notice?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(notice?.body.text)).toContain('not one I know');
    await waitFor(() => parsedLogs(s).some((line) => line.msg === 'request'), 'the log line');
    expect(parsedLogs(s).filter((line) => line.msg === 'request')).toEqual([
      // An id allycomp does not define is never logged as it came: it could be anything.
      expect.objectContaining({ kind: 'action', id: 'unknown', outcome: 'unknown_id' }),
    ]);
    expect(s.calls).toEqual([]);
  });

  it('an unknown view callback id → acked at once (the modal closes), nothing posted', async () => {
    const s = await start();
    const started = performance.now();
    const response = await sendInteraction(s, {
      type: 'view_submission',
      team: TEAM,
      user: { id: USER, team_id: TEAM.id },
      view: { id: 'V0OLD', callback_id: 'retired_modal', state: { values: {} }, private_metadata: '' },
    });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(performance.now() - started).toBeLessThan(500);
    await settle();
    expect(s.calls).toEqual([]);
    expect(parsedLogs(s).filter((line) => line.msg === 'request')).toEqual([
      expect.objectContaining({ kind: 'view', id: 'unknown', outcome: 'unknown_id' }),
    ]);
  });

  it('block_actions with fields missing or wrongly typed → 400 at once (nothing sent to the person), no crash, and a valid command still works', async () => {
    const s = await start();
    const noActionsNoUser = { type: 'block_actions', team: TEAM, api_app_id: 'A0ALLYCOMP', trigger_id: 't' };
    const url = responseUrl();
    const noUser = { ...noActionsNoUser, response_url: url, actions: [{ action_id: 'offer_retry', value: '{}' }] };
    const actionsNotAList = { ...noActionsNoUser, response_url: url, user: { id: USER }, actions: 'offer_retry' };
    const idNotAString = { ...actionsNotAList, actions: [{ action_id: { toString: 'offer_open' }, value: 'x' }] };
    const started = performance.now();
    // Bolt cannot tell what the first is (no actions): it is acknowledged (200) and dropped. The others carry a field
    // Bolt or allycomp reads with the wrong type: the receiver refuses them (400) before Bolt sees them.
    expect((await sendInteraction(s, noActionsNoUser)).status).toBe(200);
    expect((await sendInteraction(s, noUser)).status).toBe(400);
    expect((await sendInteraction(s, actionsNotAList)).status).toBe(400);
    expect((await sendInteraction(s, idNotAString)).status).toBe(400);
    await settle();
    // Nothing that blames Slack (or says anything) reaches the person.
    expect(s.responses).toEqual([]);
    expect(s.calls).toEqual([]);
    expect(parsedLogs(s).filter((line) => line.msg === 'payload_refused')).toEqual([
      expect.objectContaining({ level: 'warn', kind: 'action' }),
      expect.objectContaining({ kind: 'action' }),
      expect.objectContaining({ kind: 'action' }),
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
    await sendCommand(s, 'ny');
    await waitFor(() => s.callsTo('chat.postMessage').length >= 2, 'the answer');
    expectNyAnswer(s.callsTo('chat.postMessage'));
    expect(s.callsTo('views.open')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Bounded fuzz
// ---------------------------------------------------------------------------------------------------------------

/** Every free text a payload carries starts and ends with this, so any of it reaching a log is caught. */
const MARK = 'Qvkz';
const VOCABULARY = ['ny', 'detroit', 'help', 'levels', 'premiums', 'sources', 'private', 'math clt', 'offer', 'offer'];

const typed = fc
  .oneof(
    { weight: 40, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 30, arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }) },
    { weight: 20, arbitrary: fc.constantFrom(...VOCABULARY).map((word) => `${word} SoFi 245k`) },
    // Now and then a huge one: 20,000 to 40,000 characters.
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), fc.integer({ min: 5_000, max: 10_000 }))
        .map(([s, times]) => s.repeat(times).slice(0, 40_000)),
    },
  )
  .map((text) => `${MARK}${text}${MARK}`);
const anything = fc.oneof(
  { weight: 9, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: false }) },
  // An object that throws when turned into a string (its toString is not a function).
  { weight: 1, arbitrary: fc.constant({ toString: `${MARK}hostile${MARK}`, valueOf: MARK }) },
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });
const idish = fc.oneof(fc.constantFrom('U0FUZZ', 'C0FUZZ', 'D0FUZZ', ''), typed, anything);
const actionId = fc.oneof(
  fc.constantFrom('region_show:detroit', 'region_show:nowhere', 'math_show:new-york', 'offer_open', 'offer_retry'),
  fc.constantFrom('coach_tick:band', 'coach_untick:levers', 'coach_rehearse:1', 'retired_button'),
  typed,
  anything,
);
const responseUrlish = fc.oneof(
  fc.constant(`${RESPONSE_HOST}/commands/T0TEAM/fuzz/secret`),
  fc.constant('https://elsewhere.invalid/hook'),
  typed,
);

type Request = { body: string; contentType: string };
const form = (fields: Record<string, unknown>): Request => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return { body: params.toString(), contentType: FORM };
};
const interaction = (payload: unknown): Request => form({ payload: JSON.stringify(payload) ?? 'undefined' });

const command = fc
  .record({
    command: fc.oneof({ weight: 6, arbitrary: fc.constant('/allycomp') }, fc.constant('/other'), typed),
    text: typed,
    user_id: maybe(idish),
    channel_id: maybe(idish),
    team_id: maybe(fc.constant(TEAM.id)),
    response_url: maybe(responseUrlish),
    trigger_id: maybe(typed),
  })
  .map(form);

const actions = fc
  .record({
    type: fc.constantFrom('block_actions', 'block_actions', 'interactive_message'),
    team: maybe(fc.oneof(fc.constant(TEAM), anything)),
    user: maybe(fc.oneof(fc.record({ id: idish, team_id: maybe(fc.constant(TEAM.id)) }), anything)),
    actions: maybe(
      fc.oneof(
        fc.array(fc.record({ action_id: actionId, value: maybe(fc.oneof(typed, anything)), block_id: maybe(typed) }), {
          maxLength: 3,
        }),
        anything,
      ),
    ),
    container: maybe(
      fc.oneof(fc.record({ type: fc.constantFrom('message', 'view'), message_ts: maybe(idish) }), anything),
    ),
    channel: maybe(fc.oneof(fc.record({ id: idish }), anything)),
    message: maybe(fc.oneof(fc.record({ ts: idish, text: typed, thread_ts: maybe(idish) }), anything)),
    response_url: maybe(responseUrlish),
    trigger_id: maybe(typed),
  })
  .map(interaction);

const viewSubmission = fc
  .record({
    type: fc.constantFrom('view_submission', 'view_closed'),
    team: maybe(fc.constant(TEAM)),
    user: maybe(fc.oneof(fc.record({ id: idish, team_id: fc.constant(TEAM.id) }), anything)),
    view: maybe(
      fc.oneof(
        fc.record({
          callback_id: fc.oneof(fc.constant('offer_modal'), typed, anything),
          private_metadata: maybe(fc.oneof(typed, anything)),
          state: maybe(
            fc.oneof(
              fc.record({
                values: fc.oneof(
                  fc.dictionary(
                    fc.constantFrom('offer_region', 'offer_company', 'offer_base', 'offer_stock', 'offer_bonus', 'x'),
                    fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.record({ value: typed }), anything), {
                      maxKeys: 2,
                    }),
                    { maxKeys: 6 },
                  ),
                  anything,
                ),
              }),
              anything,
            ),
          ),
        }),
        anything,
      ),
    ),
    response_urls: maybe(fc.oneof(fc.array(fc.record({ response_url: responseUrlish }), { maxLength: 2 }), anything)),
  })
  .map(interaction);

const shortcut = fc
  .record({
    type: fc.constantFrom('shortcut', 'message_action'),
    callback_id: fc.oneof(fc.constantFrom('prep_negotiation', 'coach_offer'), typed, anything),
    team: maybe(fc.constant(TEAM)),
    user: maybe(fc.oneof(fc.record({ id: idish, team_id: fc.constant(TEAM.id) }), anything)),
    trigger_id: maybe(typed),
    channel: maybe(fc.record({ id: idish })),
    message: maybe(fc.oneof(fc.record({ text: typed, ts: idish, user: idish }), anything)),
    response_url: maybe(responseUrlish),
  })
  .map(interaction);

const event = fc
  .record({
    type: fc.constant('event_callback'),
    team_id: fc.constant(TEAM.id),
    event_id: fc.oneof(fc.uuid(), anything),
    authorizations: maybe(fc.constant([{ team_id: TEAM.id, user_id: 'U0ALLYCOMP', is_bot: true }])),
    event: fc.oneof(
      fc.record({
        type: fc.constantFrom('app_home_opened', 'message', 'reaction_added'),
        user: maybe(idish),
        channel: maybe(idish),
        channel_type: maybe(fc.constantFrom('im', 'channel')),
        tab: maybe(fc.oneof(fc.constantFrom('home', 'messages'), typed)),
        text: maybe(typed),
        subtype: maybe(fc.oneof(fc.constantFrom('bot_message', 'message_changed'), typed)),
        bot_id: maybe(idish),
      }),
      fc.dictionary(fc.string({ maxLength: 8 }), anything, { maxKeys: 4 }),
      typed,
    ),
  })
  .map((body): Request => ({ body: JSON.stringify(body), contentType: 'application/json' }));

// Any JSON at all, `null` included: the receiver checks the shape before Bolt reads it (400).
const anyJson = fc.oneof(typed, anything).filter((value) => value !== undefined);
const oddBody = fc.oneof(
  anyJson.map((value) => form({ payload: value })),
  anyJson.map((value): Request => ({ body: JSON.stringify(value), contentType: 'application/json' })),
);

const request = fc.oneof(
  { weight: 3, arbitrary: command },
  { weight: 3, arbitrary: actions },
  { weight: 2, arbitrary: viewSubmission },
  { weight: 1, arbitrary: shortcut },
  { weight: 2, arbitrary: event },
  { weight: 1, arbitrary: oddBody },
);

/**
 * Pieces of every typed text in a payload (its start, middle and end, 10 characters each, without the marks): a
 * log line quoting any part of what was typed would contain one.
 */
function typedPieces(request: Request): string[] {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      if (value.startsWith('{') || value.startsWith('[')) {
        try {
          visit(JSON.parse(value));
          return;
        } catch {
          // typed text that happens to start like JSON
        }
      }
      if (!value.includes(MARK)) return;
      const text = value.replaceAll(MARK, '');
      if (text.trim().length < 10 || new Set(text).size < 5) return;
      const middle = Math.floor(text.length / 2) - 5;
      for (const at of [0, middle, text.length - 10]) found.add(text.slice(at, at + 10));
    } else if (value && typeof value === 'object') for (const inner of Object.values(value)) visit(inner);
  };
  if (request.contentType === FORM) for (const [, value] of new URLSearchParams(request.body)) visit(value);
  else visit(JSON.parse(request.body));
  return [...found];
}

/** Signed like Slack signs; a request not answered within 5 seconds counts as status 0. */
async function send(s: TestSlack, request: Request): Promise<{ status: number }> {
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(`${s.baseUrl}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': request.contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': sign(request.body, timestamp),
      },
      body: request.body,
      signal: AbortSignal.timeout(5_000),
    });
    await response.arrayBuffer();
    return { status: response.status };
  } catch {
    return { status: 0 };
  }
}

async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await run(item);
      }
    }),
  );
}

describe('bounded fuzz', () => {
  const SEED = 20_240_701;
  // 300 runs: enough to mix every kind with the shapes below and keep the ack path under concurrency;
  // tests/slack/payload-fuzz.test.ts covers each field's wrong types one by one.
  const RUNS = 300;

  it(`${RUNS} random signed payloads: each answered at once, no crash, no typed text in any log line, then /allycomp ny is still right`, async () => {
    const s = await start();
    const requests = fc.sample(request, { seed: SEED, numRuns: RUNS });
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('unhandledRejection', onCrash);
    process.on('uncaughtException', onCrash);
    const statuses = new Map<number, number>();
    let slowest = 0;
    const started = performance.now();
    try {
      await inParallel(requests, 16, async (request) => {
        const sent = performance.now();
        const response = await send(s, request);
        slowest = Math.max(slowest, performance.now() - sent);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      });
      const elapsed = performance.now() - started;
      // Let the work after the acks finish before looking at the logs.
      for (let count = -1; count !== s.logs.length; ) {
        count = s.logs.length;
        await settle(100);
      }

      const summary = { statuses: Object.fromEntries(statuses), slowest: Math.round(slowest), elapsed };
      // Answers: 200, or 400 for a body that is not JSON or a shape Bolt would trip over; never a 500 or a hang (404).
      expect(
        [...statuses.keys()].every((status) => [200, 400].includes(status)),
        JSON.stringify(summary),
      ).toBe(true);
      expect(slowest, JSON.stringify(summary)).toBeLessThan(2500);
      expect(crashes).toEqual([]);

      // The logs: JSON lines with allow-listed keys only, and none of the typed text.
      const lines = parsedLogs(s);
      for (const line of lines) expect(Object.keys(line).filter((key) => !LOG_KEYS.has(key))).toEqual([]);
      const logText = loggedText(s.logs);
      expect(logText).not.toContain(MARK);
      expect(logText).not.toMatch(/SoFi|245k/);
      const leaked = requests.flatMap(typedPieces).filter((piece) => logText.includes(piece));
      expect(leaked).toEqual([]);
      expect(lines.some((line) => line.msg === 'unhandled_rejection')).toBe(false);

      // Still right: a valid command after all that.
      const url = responseUrl();
      const final = await sendCommand(s, 'ny', { channel_id: 'C0AFTERFUZZ', response_url: url });
      expect(final.status).toBe(200);
      await waitFor(() => postsTo(s, 'C0AFTERFUZZ').length >= 2, 'the answer');
      await settle(100);
      expectNyAnswer(postsTo(s, 'C0AFTERFUZZ'));
      expect(s.responses.filter((response) => url.endsWith(response.path))).toEqual([]);
    } finally {
      process.off('unhandledRejection', onCrash);
      process.off('uncaughtException', onCrash);
    }
  }, 30_000);
});
