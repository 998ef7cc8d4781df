/**
 * The delivery queue's caps, from a memory budget and the measured cost of one waiting delivery, and from how long
 * a person in a busy channel should be left waiting before the ack says "busy" instead.
 *
 * Measured (bench/queued-delivery-cost.ts: the whole app, node --expose-gc, heap after GC, 2,000 `/allycomp ny`
 * whose posts Slack leaves unanswered): 6.7 KB a delivery waiting in its channel's lane, 12.6 KB one whose post is
 * on the wire or waiting for a place there. The larger, rounded up, is the cost. (Before the listeners let go of
 * Bolt's request while their answer waits, and before chat.postMessage left the Web API client: 29.2 and 39.7 KB.)
 */
export const MEASURED_BYTES_PER_QUEUED_DELIVERY = 13 * 1024;

/** Heap the queue may hold at most: a slice of the 1.5× bare-Bolt RSS target (~186 MB against ~124 MB). */
export const DEFAULT_QUEUE_MEMORY_BUDGET = 32 * 1024 * 1024;

export interface CapsInput {
  memoryBudgetBytes: number;
  bytesPerDelivery: number;
  /** chat.postMessage calls one delivery makes (a region answer in the steady state: 2). */
  postsPerDelivery: number;
  /** The queue's steady spacing between posts to one channel. */
  intervalMs: number;
  /** The longest wait a queued person should face in one channel (well inside the 30-minute deadline). */
  maxChannelWaitMs: number;
}

export const DEFAULT_CAPS_INPUT: CapsInput = {
  memoryBudgetBytes: DEFAULT_QUEUE_MEMORY_BUDGET,
  bytesPerDelivery: MEASURED_BYTES_PER_QUEUED_DELIVERY,
  postsPerDelivery: 2,
  intervalMs: 1_100,
  maxChannelWaitMs: 10 * 60_000,
};

export interface DeliveryCaps {
  maxDeliveries: number;
  maxPerChannel: number;
}

/** Defaults: 32 MiB ÷ 13 KiB = 2,520 deliveries; 10 min ÷ (2 posts × 1.1 s) = 272 in one channel. */
export function deliveryCaps(input: CapsInput = DEFAULT_CAPS_INPUT): DeliveryCaps {
  const maxDeliveries = Math.max(1, Math.floor(input.memoryBudgetBytes / input.bytesPerDelivery));
  const perChannelByWait = Math.floor(input.maxChannelWaitMs / (input.postsPerDelivery * input.intervalMs));
  return { maxDeliveries, maxPerChannel: Math.max(1, Math.min(maxDeliveries, perChannelByWait)) };
}
