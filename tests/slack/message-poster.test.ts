/**
 * chat.postMessage without the Web API client: the JSON it sends, the client-shaped errors the queue reads, the
 * retries the app's client made (none for `ok: false`, none for a 429), and the bound on posts in flight.
 */
import type { FetchFunction } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { slackErrorCode } from '../../src/slack/errors.js';
import { MessagePoster, postMessageBody } from '../../src/slack/message-poster.js';
import { classifySlackError } from '../../src/slack/post-attempt.js';
import { isSlackFileRefusal } from '../../src/slack/shared-files.js';
import { bufferedResponse } from '../../src/slack/undici-fetch.js';

type Reply = { status?: number; headers?: Record<string, string>; body?: unknown } | Error;

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

function poster(replies: Reply[], options: { maxInFlight?: number; hold?: Promise<void> } = {}) {
  const sent: Sent[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const transport: FetchFunction = async (url, init) => {
    sent.push({
      url: String(url),
      headers: init?.headers as Record<string, string>,
      body: JSON.parse(String(init?.body)) as Record<string, unknown>,
    });
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await options.hold;
    inFlight--;
    const reply = replies.shift() ?? { body: { ok: true, channel: 'C1', ts: '1.2' } };
    if (reply instanceof Error) throw reply;
    const headers = { 'content-type': 'application/json', ...reply.headers };
    return bufferedResponse(
      {
        status: reply.status ?? 200,
        statusText: '',
        url: String(url),
        headers: {
          get: (name: string) => headers[name.toLowerCase() as keyof typeof headers] ?? null,
          entries: () => Object.entries(headers),
        },
      },
      JSON.stringify(reply.body === undefined ? {} : reply.body),
    );
  };
  const instance = new MessagePoster({
    slackApiUrl: 'http://slack.test/api/',
    transport,
    timeoutMs: 1_000,
    userAgent: 'allycomp/test',
    retryBackoffMs: 1,
    ...(options.maxInFlight ? { maxInFlight: options.maxInFlight } : {}),
  });
  return { instance, sent, mostInFlight: () => mostInFlight };
}

const message = {
  text: 'New York PM comp',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'a "quoted" line' } }],
};

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the post to fail');
}

describe('what is sent', () => {
  it('one JSON document to chat.postMessage with the bearer token, the channel, the thread, the text and the blocks', async () => {
    const p = poster([{ body: { ok: true, channel: 'C0NY', ts: '1700000000.000100' } }]);
    const posted = await p.instance.post('xoxb-1', { channel: 'C0NY', threadTs: '1699.1' }, message);
    expect(posted).toEqual({ channel: 'C0NY', ts: '1700000000.000100' });
    expect(p.sent).toHaveLength(1);
    expect(p.sent[0]?.url).toBe('http://slack.test/api/chat.postMessage');
    expect(p.sent[0]?.headers).toMatchObject({
      authorization: 'Bearer xoxb-1',
      'content-type': 'application/json; charset=utf-8',
    });
    expect(p.sent[0]?.body).toEqual({ channel: 'C0NY', thread_ts: '1699.1', ...message });
  });

  it('the same message object to many channels: the same JSON for its part, each with its own channel', () => {
    const one = postMessageBody({ channel: 'C1' }, message);
    const two = postMessageBody({ channel: 'C2' }, message);
    expect(JSON.parse(one)).toEqual({ channel: 'C1', ...message });
    expect(JSON.parse(two)).toEqual({ channel: 'C2', ...message });
    expect(JSON.parse(postMessageBody({ channel: 'C3' }, { text: 'no blocks' }))).toEqual({
      channel: 'C3',
      text: 'no blocks',
    });
  });

  it('a message’s JSON is made once: built messages are never changed, so a later change is not looked at', () => {
    const built = { text: 'once', blocks: [{ type: 'divider' }] as unknown[] };
    const first = postMessageBody({ channel: 'C1' }, built);
    built.blocks.push({ type: 'divider' });
    expect(postMessageBody({ channel: 'C1' }, built)).toBe(first);
  });
});

describe('what comes back, in the Web API client’s shapes', () => {
  it('429 → a rate-limited error with Retry-After in seconds, not retried here (the queue waits it out)', async () => {
    const p = poster([{ status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } }]);
    const error = await failure(p.instance.post('xoxb-1', { channel: 'C1' }, message));
    expect(classifySlackError(error)).toEqual({ kind: 'rate_limited', retryAfterMs: 7_000 });
    expect(p.sent).toHaveLength(1);
  });

  it('429 without a readable Retry-After → the queue’s own default wait, not zero', async () => {
    for (const headers of [{}, { 'retry-after': '' }] as Record<string, string>[]) {
      const p = poster([{ status: 429, headers, body: { ok: false, error: 'ratelimited' } }]);
      const error = await failure(p.instance.post('xoxb-1', { channel: 'C1' }, message));
      expect(classifySlackError(error)).toEqual({ kind: 'rate_limited', retryAfterMs: 1_000 });
    }
  });

  it('an answer that is JSON but not an object → a coded HTTP error, not a TypeError', async () => {
    const p = poster([{ body: null }]);
    const error = await failure(p.instance.post('xoxb-1', { channel: 'C1' }, message));
    expect(slackErrorCode(error)).toBe('slack_webapi_http_error');
  });

  it('ok: false → Slack’s code and the block errors, never its messages; final at once', async () => {
    const p = poster([
      {
        body: {
          ok: false,
          error: 'invalid_blocks',
          errors: ['invalid slack file [json-pointer:/blocks/1/slack_file]'],
          response_metadata: { messages: ['[ERROR] "SoFi offered 245k"'] },
        },
      },
    ]);
    const error = await failure(p.instance.post('xoxb-1', { channel: 'C1' }, message));
    expect(slackErrorCode(error)).toBe('invalid_blocks');
    expect(isSlackFileRefusal(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain('SoFi');
    expect(p.sent).toHaveLength(1);
  });

  it('5xx or no answer → tried twice more, then the last failure', async () => {
    const p = poster([{ status: 503 }, new Error('socket hang up'), { status: 500 }]);
    const error = await failure(p.instance.post('xoxb-1', { channel: 'C1' }, message));
    expect(p.sent).toHaveLength(3);
    expect(classifySlackError(error)).toMatchObject({ kind: 'transient' });
    expect((error as { statusCode?: number }).statusCode).toBe(500);
  });

  it('a 5xx that clears on a retry lands once', async () => {
    const p = poster([{ status: 502 }]);
    expect(await p.instance.post('xoxb-1', { channel: 'C1' }, message)).toEqual({ channel: 'C1', ts: '1.2' });
    expect(p.sent).toHaveLength(2);
  });

  it('a token Slack refuses is a token error', async () => {
    const p = poster([{ body: { ok: false, error: 'token_revoked' } }]);
    expect(slackErrorCode(await failure(p.instance.post('xoxb-1', { channel: 'C1' }, message)))).toBe('token_revoked');
  });
});

describe('posts in flight', () => {
  it('at most maxInFlight on the wire; the rest wait their turn and all land', async () => {
    let open!: () => void;
    const hold = new Promise<void>((resolve) => {
      open = resolve;
    });
    const p = poster([], { maxInFlight: 3, hold });
    const posts = Array.from({ length: 10 }, (_, i) => p.instance.post('xoxb-1', { channel: `C${i}` }, message));
    await new Promise((resolve) => setImmediate(resolve));
    expect(p.sent).toHaveLength(3);
    open();
    expect(await Promise.all(posts)).toHaveLength(10);
    expect(p.sent).toHaveLength(10);
    expect(p.mostInFlight()).toBe(3);
  });
});
