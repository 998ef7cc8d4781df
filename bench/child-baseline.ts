/**
 * The baseline: a bare Bolt app of the same Bolt version and the same HTTPReceiver settings as allycomp, whose one
 * command only acks. It is the best this stack can do, so allycomp's latency is reported as a ratio of it.
 */
import type { Server } from 'node:http';
import { serveBenchControl, startupClock } from './child-control.js';

const clock = startupClock();
const { App, HTTPReceiver } = await import('@slack/bolt');
clock.lap('import app modules');
const port = Number(process.env.PORT ?? 3000);
const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  endpoints: '/slack/events',
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok"}');
      },
    },
  ],
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
app.command('/allycomp', async ({ ack }) => {
  await ack();
});
clock.lap('create app');
const server = (await app.start(port)) as Server;
clock.lap('listen');
const address = server.address();
serveBenchControl(typeof address === 'object' && address ? address.port : port, clock.laps, async () => {
  await app.stop();
});
