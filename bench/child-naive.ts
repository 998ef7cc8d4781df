/**
 * The naive app: a bare Bolt app (the baseline's receiver settings) whose `/allycomp` acks, then posts the same New
 * York answer the straightforward way, five chat.postMessage calls one after another with Bolt's own client (Node's
 * built-in fetch, the library's defaults): the region message, then the four levers as four replies in its thread.
 * No chart, no queue, no caps. allycomp's target is to cost no more CPU per command than this.
 */
import type { Server } from 'node:http';
import { serveBenchControl, startupClock } from './child-control.js';

const clock = startupClock();
const [{ App, HTTPReceiver }, { regionAnswer }, { loadGuide }, { regionById }] = await Promise.all([
  import('@slack/bolt'),
  import('../src/answers/answers.js'),
  import('../src/guide/load.js'),
  import('../src/engine/regions.js'),
]);
clock.lap('import app modules');
const loaded = loadGuide();
const answer = regionAnswer(loaded, regionById(loaded.guide, 'new-york'));
const levers = answer.thread[0];
if (!levers?.blocks) throw new Error('the region answer has no levers reply');
// The levers reply is four sections separated by dividers: one reply each, as allycomp once posted them.
const replies: Array<{ text: string; blocks: typeof levers.blocks }> = [];
let current: typeof levers.blocks = [];
for (const block of levers.blocks) {
  if (block.type === 'divider') {
    replies.push({ text: levers.text, blocks: current });
    current = [];
  } else current.push(block);
}
replies.push({ text: levers.text, blocks: current });
if (replies.length !== 4) throw new Error(`expected four levers, found ${replies.length}`);
clock.lap('load guide');

const port = Number(process.env.PORT ?? 3000);
const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  endpoints: '/slack/events',
  bodyLimit: 64 * 1024,
  processBeforeResponse: false,
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  botId: 'B0BENCH',
  botUserId: 'U0BENCH',
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command('/allycomp', async ({ ack, client, command }) => {
  await ack();
  const channel = command.channel_id;
  const posted = await client.chat.postMessage({ channel, text: answer.message.text, blocks: answer.message.blocks });
  for (const reply of replies) {
    await client.chat.postMessage({ channel, thread_ts: posted.ts, text: reply.text, blocks: reply.blocks });
  }
});
clock.lap('create app');
const server = (await app.start(port)) as Server;
clock.lap('listen');
const address = server.address();
serveBenchControl(typeof address === 'object' && address ? address.port : port, clock.laps, async () => {
  await app.stop();
});
