/**
 * What one queued delivery costs in memory, to size the delivery queue's caps (budget ÷ cost).
 * Run: node --expose-gc --import tsx bench/queued-delivery-cost.ts
 *
 * How: a ChannelQueue whose channels are all held by a first post that never answers, so every later delivery
 * waits queued; N deliveries are submitted, the heap is measured after a forced GC before and after, and the
 * difference divided by N. Three variants: the queue's own bookkeeping (the job captures nothing), a job holding
 * a freshly built region answer (what the app builds per command today), and a job holding a shared answer
 * built once per process. Bolt's own per-request objects are not included (the job must not capture them).
 */

import { regionAnswer } from '../src/answers/answers.js';
import { ChannelQueue } from '../src/slack/channel-queue.js';
import type { PostAttempt } from '../src/slack/post-attempt.js';
import { loaded, newYork } from './fixtures.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const N = 5_000;
const CHANNELS = 50;
const never = () => new Promise<PostAttempt<{ ts: string }>>(() => undefined);

function heapAfterGc(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

function measure(name: string, holding: (i: number) => unknown): number {
  const queue = new ChannelQueue({ maxDeliveries: N + CHANNELS, maxPerChannel: N });
  // One stuck delivery per channel keeps the rest queued.
  for (let c = 0; c < CHANNELS; c++) void queue.submit(`C${c}`, (send) => send(never));
  const before = heapAfterGc();
  const kept: unknown[] = [];
  for (let i = 0; i < N; i++) {
    const answer = holding(i);
    const result = queue.submit(`C${i % CHANNELS}`, async (send) => {
      await send(never);
      return answer;
    });
    kept.push(result);
  }
  const after = heapAfterGc();
  const perDelivery = Math.round((after - before) / N);
  console.log(`${name.padEnd(44)} ${String(perDelivery).padStart(7)} bytes per queued delivery`);
  kept.length = 0;
  return perDelivery;
}

const shared = regionAnswer(loaded, newYork);
measure('queue bookkeeping only', () => undefined);
measure('+ a region answer built per delivery', () => regionAnswer(loaded, newYork));
measure('+ a region answer shared by the process', () => shared);
