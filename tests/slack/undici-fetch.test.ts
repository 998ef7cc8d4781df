import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { classifySlackError } from '../../src/slack/post-attempt.js';
import { undiciFetch } from '../../src/slack/undici-fetch.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';

let slack: FakeSlack | undefined;
afterEach(async () => {
  await slack?.close();
});

describe('undiciFetch as the WebClient transport', () => {
  it('carries calls, errors, 429s with Retry-After and the upload steps like the built-in fetch', async () => {
    slack = await startFakeSlack({ channelRate: { burst: 1, intervalMs: 60_000 }, retryAfterSeconds: () => 7 });
    const client = new WebClient('xoxb-fake', {
      slackApiUrl: slack.apiUrl,
      fetch: undiciFetch(),
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    });
    const posted = await client.chat.postMessage({ channel: 'C1', text: 'hello', blocks: [{ type: 'divider' }] });
    expect(posted).toMatchObject({ ok: true, channel: 'C1' });
    expect(slack.messages()).toMatchObject([{ args: { text: 'hello', blocks: [{ type: 'divider' }] } }]);
    const limited = await client.chat.postMessage({ channel: 'C1', text: 'again' }).catch((e: unknown) => e);
    expect(classifySlackError(limited)).toEqual({ kind: 'rate_limited', retryAfterMs: 7_000 });
    slack.inject('chat.update', { error: 'message_not_found' });
    const missing = await client.chat.update({ channel: 'C1', ts: '1.1', text: 'x' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ data: { error: 'message_not_found' } });
    await client.filesUploadV2({ file: Buffer.from([1, 2, 3]), filename: 'a.png', channel_id: 'C2' });
    expect(slack.uploads[0]?.bytes?.equals(Buffer.from([1, 2, 3]))).toBe(true);
  });

  it('reads the body inside the call: a Slack that stalls mid-body is a request error at the timeout, which the client retries', async () => {
    let calls = 0;
    const server = createServer((req, res) => {
      req.resume();
      calls += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"ok":true,');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = new WebClient('xoxb-fake', {
        slackApiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
        fetch: undiciFetch(),
        timeout: 150,
        retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
      });
      const stalled = await client.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e);
      expect(stalled).toMatchObject({ code: 'slack_webapi_request_error' });
      expect(calls).toBe(2);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
