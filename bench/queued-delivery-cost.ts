/**
 * What one delivery waiting in the app costs in memory, to size the delivery queue's caps (budget ÷ cost).
 * Run: node --expose-gc --import tsx bench/queued-delivery-cost.ts
 *
 * How: the real app in this process (its HTTP receiver, Bolt, the queue and its Web API clients) against the Web
 * API stub in a process of its own. Once the app is warm (the shared chart uploaded) the stub stops answering
 * chat.postMessage, and N signed `/allycomp ny` each leave a delivery waiting. The heap after a forced GC before and
 * after, divided by N, is one waiting delivery's cost. Two ways to wait, each in a fresh app:
 * - queued: all N in one channel, behind the first one's post (they wait in the channel's lane);
 * - in flight: each in a channel of its own, its first post sent (they wait in the Web API client: up to its
 *   concurrency on the wire, the rest in the client's own queue). What a burst from many channels leaves.
 */
import { createApp } from '../src/app.js';
import { readConfig } from '../src/config.js';
import { loadGuide } from '../src/guide/load.js';
import { AppLogger } from '../src/logging.js';
import { buildChildren } from './build-children.js';
import { stopAllChildren } from './children.js';
import { BOT_TOKEN, postSigned, SIGNING_SECRET, signedCommand } from './slack-request.js';
import { type StubProcess, startStubProcess } from './stub-process.js';
import { sleep } from './waiting.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const N = 2_000;

function heapAfterGc(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

async function waitForPosts(stub: StubProcess, prefix: string, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await stub.counts()).calls(prefix, 'chat.postMessage') < count) {
    if (Date.now() > deadline) throw new Error(`${prefix}: the warm-up posts did not arrive`);
    await sleep(20);
  }
}

async function measure(stub: StubProcess, variant: 'queued' | 'in flight'): Promise<number> {
  const prefix = variant === 'queued' ? 'queued' : 'inflight';
  const config = readConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: stub.apiUrl(prefix),
    PORT: '0',
    LOG_LEVEL: 'error',
  });
  const app = createApp(config, loadGuide(), {
    logger: new AppLogger('error', () => undefined),
    botId: 'B0BENCH',
    botUserId: 'U0BENCH',
    // Nothing may give up while the heap is measured; the caps must not turn anyone away.
    webApiTimeoutMs: 30 * 60_000,
    queue: { maxDeliveries: N + 10, maxPerChannel: N + 10 },
  });
  const { port } = await app.start();
  if (!port) throw new Error('the app did not listen');
  const send = (channel?: string) => postSigned(port, signedCommand('ny', stub.responseUrl(), channel));
  // Warm: every path of an answer run at least twice (the first uploads the shared chart), all posts landed.
  for (let i = 0; i < 4; i++) await send();
  await waitForPosts(stub, prefix, 8);
  await sleep(200);
  await stub.holdPosts(true);
  const before = heapAfterGc();
  for (let i = 0; i < N; i++) {
    const status = await send(variant === 'queued' ? 'C0ONECHANNEL' : undefined);
    if (status !== 200) throw new Error(`command ${i} answered ${status}`);
  }
  await sleep(500);
  const perDelivery = (heapAfterGc() - before) / N;
  console.log(
    `${variant.padEnd(10)} ${(perDelivery / 1024).toFixed(1).padStart(6)} KB per waiting delivery (N = ${N})`,
  );
  await stub.holdPosts(false);
  await app.stop(100).catch(() => undefined);
  return perDelivery;
}

const stub = await startStubProcess(buildChildren().stub);
try {
  await measure(stub, 'queued');
  await measure(stub, 'in flight');
} finally {
  await stub.close();
  stopAllChildren();
}
process.exit(0);
