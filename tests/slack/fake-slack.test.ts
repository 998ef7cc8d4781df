import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { classifySlackError } from '../../src/slack/post-attempt.js';
import { type FakeSlack, type FakeSlackOptions, startFakeSlack } from '../support/fake-slack.js';

let slack: FakeSlack | undefined;

async function fake(options: FakeSlackOptions = {}) {
  slack = await startFakeSlack(options);
  // The client as the app configures it: 429s are handed back, not retried behind everyone's back.
  const client = new WebClient('xoxb-fake', {
    slackApiUrl: slack.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 2_000,
  });
  return { slack, client };
}

function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

describe('fake Slack', () => {
  it('records an accepted post as the client sent it (form-encoded, blocks as JSON) with the ts it assigned', async () => {
    const { slack, client } = await fake();
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'New York' } }];
    const parent = await client.chat.postMessage({ channel: 'C1', text: 'NY band', blocks });
    await client.chat.postMessage({ channel: 'C1', thread_ts: parent.ts as string, text: 'lever' });
    const dm = await client.chat.postMessage({ channel: 'U1', text: 'private' });
    expect(slack.messages('C1')).toMatchObject([
      { channel: 'C1', ts: parent.ts, encoding: 'form', args: { text: 'NY band', blocks } },
      { channel: 'C1', thread_ts: parent.ts, args: { text: 'lever' } },
    ]);
    expect(dm.channel).toBe('D1');
  });

  it('lets a channel burst 3 posts, then answers 429 with Retry-After, per channel', async () => {
    const { slack, client } = await fake({ channelRate: { burst: 3, intervalMs: 300 } });
    for (let i = 0; i < 3; i++) await client.chat.postMessage({ channel: 'C1', text: `m${i}` });
    const error = await caught(client.chat.postMessage({ channel: 'C1', text: 'one too many' }));
    expect(classifySlackError(error)).toEqual({ kind: 'rate_limited', retryAfterMs: 1_000 });
    expect(slack.rejected).toMatchObject([{ method: 'chat.postMessage', status: 429, retryAfterSeconds: 1 }]);
    await client.chat.postMessage({ channel: 'C2', text: 'another channel is not held up' });
    await new Promise((resolve) => setTimeout(resolve, 320));
    await client.chat.postMessage({ channel: 'C1', text: 'after the interval' });
    expect(slack.messages('C1').map((m) => m.args.text)).toEqual(['m0', 'm1', 'm2', 'after the interval']);
  });

  it('uses the configured Retry-After and a workspace cap across channels', async () => {
    const { client } = await fake({
      channelRate: false,
      workspaceRate: { burst: 2, intervalMs: 60_000 },
      retryAfterSeconds: () => 30,
    });
    await client.chat.postMessage({ channel: 'C1', text: 'a' });
    await client.chat.postMessage({ channel: 'C2', text: 'b' });
    const error = await caught(client.chat.postMessage({ channel: 'C3', text: 'c' }));
    expect(classifySlackError(error)).toEqual({ kind: 'rate_limited', retryAfterMs: 30_000 });
  });

  it('injects Slack errors and transport failures, once or per channel', async () => {
    const { slack, client } = await fake({ notInChannel: ['C9'] });
    slack.inject('chat.postMessage', { error: 'is_archived', channel: 'C2' });
    slack.inject('chat.update', { error: { status: 503 } });
    const archived = await caught(client.chat.postMessage({ channel: 'C2', text: 'x' }));
    expect(classifySlackError(archived)).toMatchObject({ kind: 'failed', error: { data: { error: 'is_archived' } } });
    await client.chat.postMessage({ channel: 'C2', text: 'only once' });
    const outside = await caught(client.chat.postMessage({ channel: 'C9', text: 'x' }));
    expect((outside as { data: { error: string } }).data.error).toBe('not_in_channel');
    const unavailable = await caught(client.chat.update({ channel: 'C2', ts: '1.1', text: 'x' }));
    expect(classifySlackError(unavailable).kind).toBe('transient');
  });

  it('refuses a token it does not know with invalid_auth', async () => {
    const { client } = await fake({ token: 'xoxb-right' });
    const error = await caught(client.auth.test());
    expect((error as { data: { error: string } }).data.error).toBe('invalid_auth');
  });

  it('answers slowly when told to, so a client timeout fires', async () => {
    const { slack } = await fake();
    slack.delay('chat.postMessage', 500);
    const impatient = new WebClient('xoxb-fake', {
      slackApiUrl: slack.apiUrl,
      timeout: 100,
      retryConfig: { retries: 0 },
    });
    const error = await caught(impatient.chat.postMessage({ channel: 'C1', text: 'slow' }));
    expect(classifySlackError(error).kind).toBe('transient');
  });

  it('records the three upload steps of filesUploadV2, with the alt text under the name the SDK sends', async () => {
    const { slack, client } = await fake();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await client.filesUploadV2({
      file: png,
      filename: 'bands.png',
      title: 'Bands',
      alt_text: 'A bar chart',
      channel_id: 'C1',
      thread_ts: '1.000001',
    });
    expect(slack.uploads).toHaveLength(1);
    const [upload] = slack.uploads;
    expect(upload).toMatchObject({ filename: 'bands.png', length: png.length, title: 'Bands', channel_id: 'C1' });
    expect(upload?.bytes?.equals(png)).toBe(true);
    // @slack/web-api 8.2.0 sends alt_text; files.getUploadURLExternal documents alt_txt.
    expect(upload?.alt_text).toBe('A bar chart');
    expect(upload?.alt_txt).toBeUndefined();
  });

  it('refuses an image block with a slack_file that is unknown or still processing, then accepts it', async () => {
    const { slack, client } = await fake({ fileProcessingMs: 200 });
    const image = (id: string) => [{ type: 'image', alt_text: 'chart', slack_file: { id } }];
    const unknown = await caught(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: image('F404') }));
    expect((unknown as { data: { error: string } }).data.error).toBe('invalid_blocks');
    const { file_id } = await client.files.getUploadURLExternal({ filename: 'a.png', length: 3 });
    const uploadUrl = slack.uploads[0] ? `${slack.apiUrl.replace(/api\/$/, '')}upload/${slack.uploads[0].fileId}` : '';
    await fetch(uploadUrl, { method: 'POST', body: Buffer.from([1, 2, 3]) });
    await client.files.completeUploadExternal({ files: [{ id: file_id as string }] });
    const processing = await caught(
      client.chat.postMessage({ channel: 'C1', text: 'x', blocks: image(file_id as string) }),
    );
    expect((processing as { data: { errors: string[] } }).data.errors).toEqual([
      'invalid slack file [json-pointer:/blocks/0/slack_file]',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 220));
    const posted = await client.chat.postMessage({ channel: 'C1', text: 'x', blocks: image(file_id as string) });
    await client.chat.update({ channel: 'C1', ts: posted.ts as string, text: 'edited' });
    expect(slack.callsTo('chat.update')).toMatchObject([{ channel: 'C1', args: { ts: posted.ts, text: 'edited' } }]);
    expect(slack.uploads[0]?.bytes?.length).toBe(3);
  });

  it('takes JSON bodies and records response_url posts', async () => {
    const { slack } = await fake();
    const reply = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-fake', 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C1', text: 'json' }),
    });
    expect(await reply.json()).toMatchObject({ ok: true, channel: 'C1' });
    expect(slack.messages()).toMatchObject([{ encoding: 'json', args: { text: 'json' } }]);
    const url = slack.responseUrl();
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
    expect(slack.responses).toMatchObject([{ body: { text: 'hi' } }]);
  });
});
