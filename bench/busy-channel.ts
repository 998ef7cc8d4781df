/**
 * Busy channel: how long N answers (a parent post and one threaded reply each) take to reach one rate-limited
 * channel through the delivery queue, against the floor the rate allows. Slack's pace is played by the fake Web
 * API (burst 3, then one post per `interval`, 429 + Retry-After beyond it); the client is the real WebClient.
 * Run: node --import tsx bench/busy-channel.ts [answers=20] [intervalMs=1000]
 * (a smaller interval scales the whole run down; the ratio to the floor is what matters).
 */
import { WebClient } from '@slack/web-api';
import { ChannelQueue } from '../src/slack/channel-queue.js';
import { attemptSlackCall } from '../src/slack/post-attempt.js';
import { undiciFetch } from '../src/slack/undici-fetch.js';
import { startFakeSlack } from '../tests/support/fake-slack.js';

const ANSWERS = Number(process.argv[2] ?? 20);
const INTERVAL_MS = Number(process.argv[3] ?? 1_000);
const BURST = 3;
const POSTS = 2 * ANSWERS;

// Retry-After in Slack's whole seconds (at least 1), whatever the scale: a 429 costs a full second or more.
const slack = await startFakeSlack({ channelRate: { burst: BURST, intervalMs: INTERVAL_MS } });
const client = new WebClient('xoxb-bench', {
  slackApiUrl: slack.apiUrl,
  fetch: undiciFetch(),
  rejectRateLimitedCalls: true,
  retryConfig: { retries: 0 },
  timeout: 5_000,
});
await client.auth.test();
const queue = new ChannelQueue({ maxDeliveries: 1_000, maxPerChannel: 1_000, intervalMs: INTERVAL_MS * 1.1 });
const started = Date.now();
const times: number[] = [];
let queuedNotes = 0;
const outcomes = [];
for (let n = 0; n < ANSWERS; n++) {
  const submitted = queue.submit(
    'C0BUSY',
    async (send) => {
      const parent = await send(() =>
        attemptSlackCall(() => client.chat.postMessage({ channel: 'C0BUSY', text: `answer ${n}` })),
      );
      await send(() =>
        attemptSlackCall(() =>
          client.chat.postMessage({ channel: 'C0BUSY', thread_ts: parent.ts, text: `levers ${n}` }),
        ),
      );
      times.push(Date.now() - started);
    },
    { onWaiting: () => queuedNotes++ },
  );
  if (submitted.kind === 'queued') outcomes.push(submitted.outcome);
  // Commands arrive over 2 s.
  await new Promise((resolve) => setTimeout(resolve, 2_000 / ANSWERS));
}
const results = await Promise.all(outcomes);
await slack.close();
const last = Math.max(...times);
const floor = (POSTS - (BURST - 1)) * INTERVAL_MS;
const sorted = [...times].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
console.log(
  JSON.stringify({
    answers: ANSWERS,
    posts: POSTS,
    delivered: results.filter((r) => r.kind === 'delivered').length,
    rejected429: slack.rejected.length,
    queuedNotes,
    inOrder: slack
      .messages('C0BUSY')
      .every((m, i) => m.args.text === `${i % 2 ? 'levers' : 'answer'} ${Math.floor(i / 2)}`),
    lastMs: last,
    floorMs: floor,
    ratio: Number((last / floor).toFixed(3)),
    p50Ms: pct(50),
    p95Ms: pct(95),
  }),
);
