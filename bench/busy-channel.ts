/**
 * Busy channel: how long N `/allycomp ny` commands, signed and sent to the real receiver within 2 s, take to reach one
 * rate-limited channel whole (the message with its chart image and the levers reply), against the floor the rate
 * allows. Slack's pace is played by the fake Web API (burst 3, then one post per `interval`, 429 + Retry-After in
 * whole seconds beyond it). Part of `npm run bench` (after the main run), which then writes its section of
 * bench/RESULTS.md; alone:
 *   tsx bench/busy-channel.ts [commands=20] [intervalMs=1000]     (`--smoke`: 5 commands at 100 ms, nothing written)
 */
import { loadavg } from 'node:os';
import { createApp } from '../src/app.js';
import { loadGuide } from '../src/guide/load.js';
import { AppLogger } from '../src/logging.js';
import { startFakeSlack } from '../tests/support/fake-slack.js';
import { sendCommand, type TestSlack, testConfig } from '../tests/support/slack.js';
import { writeResultsSection } from './results-section.js';

const smoke = process.argv.includes('--smoke');
const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const COMMANDS = Number(args[0] ?? (smoke ? 5 : 20));
const INTERVAL_MS = Number(args[1] ?? (smoke ? 100 : 1_000));
const POSTS = 2 * COMMANDS;
const CHANNEL = 'C0BUSY';

const loadBefore = loadavg();
const slack = await startFakeSlack({ channelRate: { burst: 3, intervalMs: INTERVAL_MS } });
const app = createApp(testConfig({ SLACK_API_URL: slack.apiUrl }), loadGuide(), {
  logger: new AppLogger('error', () => undefined),
  botId: 'B0BENCH',
  botUserId: 'U0BENCH',
  queue: { intervalMs: INTERVAL_MS, queuedNoticeMs: 10 * INTERVAL_MS },
});
const { port } = await app.start();
const target = { baseUrl: `http://127.0.0.1:${port}` } as TestSlack;
// Up a moment before the first command, as in production (the shared chart is drawn meanwhile).
await new Promise((resolve) => setTimeout(resolve, 1_000));

const started = Date.now();
for (let n = 0; n < COMMANDS; n++) {
  await sendCommand(target, 'ny', { channel_id: CHANNEL, user_id: `U0P${n}`, response_url: slack.responseUrl() });
  await new Promise((resolve) => setTimeout(resolve, (2 * INTERVAL_MS) / COMMANDS));
}
const deadline = Date.now() + POSTS * INTERVAL_MS * 3 + 30_000;
while (slack.messages(CHANNEL).length < POSTS && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const posts = slack.messages(CHANNEL);
const landed = posts.filter((post) => post.thread_ts !== undefined).map((post) => post.at - started);
const said = slack.responses.map((response) => JSON.stringify(response.body));
const sorted = [...landed].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const lastMs = Math.max(...posts.map((post) => post.at - started));
// The floor: every post at the allowed rate (messages ÷ rate).
const floorMs = POSTS * INTERVAL_MS;
const result = {
  scenario: 'busy channel',
  commands: COMMANDS,
  intervalMs: INTERVAL_MS,
  posts: posts.length,
  inOrder: posts.every((post, i) => (i % 2 === 0 ? post.thread_ts === undefined : post.thread_ts === posts[i - 1]?.ts)),
  uploads: slack.callsTo('files.getUploadURLExternal').length,
  rejected429: slack.rejected.length,
  toldToRetry: said.filter((text) => /try again/i.test(text)).length,
  queuedNotes: said.filter((text) => text.includes('queued')).length,
  lastMs,
  floorMs,
  ratio: Number((lastMs / floorMs).toFixed(3)),
  p50Ms: pct(50),
  p95Ms: pct(95),
};
console.log(JSON.stringify(result));
if (!smoke) {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(' / ');
  writeResultsSection(
    'busy-channel',
    [
      '## Busy channel',
      '',
      `\`tsx bench/busy-channel.ts\` (the last step of \`npm run bench\`), ${new Date().toISOString().slice(0, 16)}Z, ` +
        `load average (1/5/15 min) ${load(loadBefore)} before, ${load(loadavg())} after: ${COMMANDS} \`/allycomp ny\` sent ` +
        'to one channel within 2 s through the real receiver (in this process, SLACK_HTTP_TRANSPORT at its default), ' +
        `against the fake Slack keeping Slack's pace (burst 3, then one post every ${INTERVAL_MS} ms, 429 with ` +
        'Retry-After beyond it). The floor is every post at that pace; the target is at most 1.2× it.',
      '',
      '| Commands | Posts | In order | Uploads | 429s | Told to retry | Queued notes | Last post | Floor | Ratio | p50 / p95 to the levers |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      `| ${COMMANDS} | ${result.posts} | ${result.inOrder ? 'yes' : '**no**'} | ${result.uploads} | ${result.rejected429} | ` +
        `${result.toldToRetry} | ${result.queuedNotes} | ${s(lastMs)} | ${s(floorMs)} (${POSTS} posts) | ${result.ratio} | ` +
        `${s(result.p50Ms)} / ${s(result.p95Ms)} |`,
    ].join('\n'),
  );
}
await app.stop(1_000);
await slack.close();
process.exit(posts.length === POSTS && (smoke || lastMs <= 1.2 * floorMs) ? 0 : 1);
