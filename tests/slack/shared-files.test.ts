import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { isSlackFileRefusal, SharedImageFiles } from '../../src/slack/shared-files.js';
import { uploadImage } from '../../src/slack/upload-image.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';

let slack: FakeSlack | undefined;
afterEach(async () => {
  await slack?.close();
});

const chart = {
  bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  filename: 'bands.png',
  title: 'Bands',
  altText: 'Bands',
};

describe('SharedImageFiles', () => {
  it('uploads once for concurrent callers and offers the id only after Slack processed it', async () => {
    slack = await startFakeSlack({ fileProcessingMs: 800 });
    const client = new WebClient('xoxb-fake', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    const files = new SharedImageFiles(50);
    const key = SharedImageFiles.key('T1', 'bands-v1');
    const ids = await Promise.all(
      Array.from({ length: 5 }, () => files.ensure(key, () => uploadImage(client, { ...chart, channelId: 'C1' }))),
    );
    expect(new Set(ids).size).toBe(1);
    expect(slack.uploads).toHaveLength(1);
    expect(files.usable(key)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const id = files.usable(key) as string;
    const image = [{ type: 'image', alt_text: 'Bands', slack_file: { id } }];
    // Our settle time was shorter than Slack's processing: the refusal is recognised and the id settles again.
    const refusal = await client.chat
      .postMessage({ channel: 'C2', text: 'ny', blocks: image })
      .catch((e: unknown) => e);
    expect(isSlackFileRefusal(refusal)).toBe(true);
    files.refused(key);
    expect(files.usable(key)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 800));
    await client.chat.postMessage({
      channel: 'C2',
      text: 'ny',
      blocks: [{ type: 'image', alt_text: 'Bands', slack_file: { id: files.usable(key) as string } }],
    });
    expect(slack.messages('C2')).toHaveLength(1);
    expect(slack.uploads).toHaveLength(1);
  });

  it('lets the next caller upload again after a failed upload', async () => {
    const files = new SharedImageFiles(0);
    expect(await files.ensure('k', () => Promise.reject(new Error('upload_http_error')))).toBeUndefined();
    expect(files.known('k')).toBe(false);
    expect(await files.ensure('k', async () => 'F2')).toBe('F2');
    expect(files.usable('k')).toBe('F2');
  });

  it('does not take other invalid_blocks errors for a file refusal', () => {
    expect(
      isSlackFileRefusal({
        data: { error: 'invalid_blocks', errors: ['must be more than 0 characters [json-pointer:/blocks/0/text]'] },
      }),
    ).toBe(false);
    expect(isSlackFileRefusal({ data: { error: 'not_in_channel' } })).toBe(false);
  });
});
