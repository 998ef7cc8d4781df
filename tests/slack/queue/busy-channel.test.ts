import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { ChannelQueue, type DeliveryOutcome } from '../../../src/slack/channel-queue.js';
import { attemptSlackCall } from '../../../src/slack/post-attempt.js';
import { type FakeSlack, startFakeSlack } from '../../support/fake-slack.js';

let slack: FakeSlack | undefined;
afterEach(async () => {
  await slack?.close();
});

/**
 * Slack's pace scaled down 20× (burst 3, then one per 50 ms instead of per second) so the test runs in about 2 s:
 * 20 answers of a parent and one reply each in one channel, through the real WebClient and the fake's real 429s.
 * Scaled down, network jitter is 20× larger against the interval, so a few 429s may happen; they must cost little.
 */
describe('a busy channel through the queue and the fake Slack', () => {
  it('delivers 20 answers complete and in order, within 1.2x the rate floor', async () => {
    // Retry-After scaled too: Slack's whole seconds would be 20 s here; 0 means "after one interval" to the queue.
    slack = await startFakeSlack({ channelRate: { burst: 3, intervalMs: 50 }, retryAfterSeconds: () => 0 });
    const client = new WebClient('xoxb-fake', {
      slackApiUrl: slack.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: 2_000,
    });
    await client.auth.test(); // the app's client is warm (auth.test at start-up): no first-connection delay
    const queue = new ChannelQueue({ maxDeliveries: 100, maxPerChannel: 50, intervalMs: 55 });
    const started = Date.now();
    const outcomes: Promise<DeliveryOutcome<string | undefined>>[] = [];
    for (let n = 0; n < 20; n++) {
      const submitted = queue.submit('C1', async (send) => {
        const parent = await send(() =>
          attemptSlackCall(() => client.chat.postMessage({ channel: 'C1', text: `a${n}` })),
        );
        await send(() =>
          attemptSlackCall(() =>
            client.chat.postMessage({ channel: 'C1', thread_ts: parent.ts, text: `a${n} levers` }),
          ),
        );
        return parent.ts;
      });
      if (submitted.kind !== 'queued') throw new Error('admission refused');
      outcomes.push(submitted.outcome);
    }
    const results = await Promise.all(outcomes);
    const elapsed = Date.now() - started;
    expect(results.every((r) => r.kind === 'delivered')).toBe(true);
    const texts = slack.messages('C1').map((m) => m.args.text);
    expect(texts).toEqual(Array.from({ length: 20 }, (_, n) => [`a${n}`, `a${n} levers`]).flat());
    // Every reply sits under its own answer.
    for (const [n, result] of results.entries()) {
      if (result.kind === 'delivered') expect(slack.messages('C1')[2 * n + 1]?.thread_ts).toBe(result.value);
    }
    const floorMs = 40 * 50;
    expect(elapsed).toBeLessThan(1.2 * floorMs + 500);
  });
});
