import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { ImageUploadError, uploadImage } from '../../src/slack/upload-image.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';

let slack: FakeSlack | undefined;
afterEach(async () => {
  await slack?.close();
});

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7]);

async function setUp() {
  slack = await startFakeSlack();
  return { slack, client: new WebClient('xoxb-fake', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }) };
}

describe('uploadImage', () => {
  it('sends the alt text as alt_txt, the bytes raw, and shares into the thread', async () => {
    const { slack, client } = await setUp();
    const id = await uploadImage(client, {
      bytes: png,
      filename: 'bands.png',
      title: 'NY bands',
      altText: 'Bar chart of the New York band',
      channelId: 'C1',
      threadTs: '1.000001',
    });
    expect(slack.uploads).toMatchObject([
      {
        fileId: id,
        alt_txt: 'Bar chart of the New York band',
        title: 'NY bands',
        channel_id: 'C1',
        thread_ts: '1.000001',
      },
    ]);
    expect(slack.uploads[0]?.alt_text).toBeUndefined();
    expect(slack.uploads[0]?.bytes?.equals(Buffer.from(png))).toBe(true);
  });

  it('keeps the file private to the bot without a channel', async () => {
    const { slack, client } = await setUp();
    await uploadImage(client, { bytes: png, filename: 'a.png', title: 'a', altText: 'a' });
    expect(slack.uploads[0]?.channel_id).toBeUndefined();
    expect(slack.uploads[0]?.completedAt).toBeTypeOf('number');
  });

  it("says the upload URL's status when it refuses the bytes, and does not complete the upload", async () => {
    const { slack, client } = await setUp();
    slack.inject('upload', { error: { status: 500 } });
    const error = await uploadImage(client, { bytes: png, filename: 'a.png', title: 'a', altText: 'a' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImageUploadError);
    expect(error).toMatchObject({ code: 'upload_http_error', statusCode: 500 });
    expect(slack.callsTo('files.completeUploadExternal')).toEqual([]);
  });
});
