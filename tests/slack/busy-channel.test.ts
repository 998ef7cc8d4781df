/**
 * A busy channel through the real receiver, against the fake Slack that enforces a per-channel pace (burst 3, then
 * one post per interval, else 429 with Retry-After), with time ×5 (tests/support/paced-slack.ts). bench/busy-channel
 * runs the same at Slack's own pace.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { INTERVAL_MS, type PacedSlack, SCALE, startPacedSlack, toldToRetry, until } from '../support/paced-slack.js';
import { sendCommand } from '../support/slack.js';

const BUSY = 'C0BUSY';

let paced: PacedSlack | undefined;
afterEach(async () => {
  await paced?.stop();
  paced = undefined;
});

async function start(queue: { maxPerChannel?: number } = {}) {
  paced = await startPacedSlack({ queue });
  return paced;
}

describe('20 × /allycomp ny in one channel within 2 s (time ×5)', () => {
  it('all arrive whole and in order, nobody is told to retry, the last within 1.2× the floor, one chart upload', async () => {
    const { fake, target } = await start();
    const started = Date.now();
    const urls: string[] = [];
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      const url = fake.responseUrl();
      urls.push(url);
      sends.push(sendCommand(target, 'ny', { channel_id: BUSY, user_id: `U0P${i}`, response_url: url }));
      await new Promise((resolve) => setTimeout(resolve, 2_000 / SCALE / 20));
    }
    await Promise.all(sends);
    await until(() => fake.messages(BUSY).length >= 40, '40 posts', 20_000);
    const lastAt = Math.max(...fake.messages(BUSY).map((call) => call.at));

    const posts = fake.messages(BUSY);
    expect(posts).toHaveLength(40);
    for (let i = 0; i < 20; i++) {
      const parent = posts[2 * i];
      const levers = posts[2 * i + 1];
      // In order: each answer's message, then its levers reply in that message's thread, before the next answer.
      expect(parent?.thread_ts).toBeUndefined();
      expect(String(parent?.args.text)).toContain('$215K–$309K');
      expect(levers?.thread_ts).toBe(parent?.ts);
      for (const n of [1, 2, 3, 4]) expect(JSON.stringify(levers?.args.blocks)).toContain(`Lever ${n} of 4`);
    }
    // One upload for all twenty: from the second answer on, the message shows that file as its own image.
    expect(fake.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    const fileId = fake.uploads[0]?.fileId;
    for (let i = 1; i < 20; i++) expect(JSON.stringify(posts[2 * i]?.args.blocks)).toContain(`"id":"${fileId}"`);

    // Nobody told to try again; a "queued" note at most once per person.
    expect(toldToRetry(fake)).toEqual([]);
    for (const url of urls) expect(fake.responses.filter((r) => url.endsWith(r.id)).length).toBeLessThanOrEqual(1);

    // The floor: 40 posts at one per interval.
    const floorMs = 40 * INTERVAL_MS;
    expect(lastAt - started).toBeLessThanOrEqual(1.2 * floorMs);
  });

  it('beyond the per-channel cap the ack answers privately at once, with the answer; the rest still land', async () => {
    const { fake, target, logs } = await start({ maxPerChannel: 5 });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        sendCommand(target, 'ny', { channel_id: BUSY, user_id: `U0P${i}`, response_url: fake.responseUrl() }),
      ),
    );
    const busy = answers.filter((response) => response.json?.response_type === 'ephemeral');
    expect(busy.length).toBeGreaterThanOrEqual(7);
    for (const response of busy) {
      expect(JSON.stringify(response.json)).toContain('$215K');
      expect(JSON.stringify(response.json)).not.toMatch(/try again/i);
    }
    const queued = answers.length - busy.length;
    await until(() => fake.messages(BUSY).length >= 2 * queued, 'the queued answers', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.messages(BUSY)).toHaveLength(2 * queued);
    expect(logs.filter((line) => line.includes('"outcome":"busy"'))).toHaveLength(busy.length);
  });
});
