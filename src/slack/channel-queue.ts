/**
 * Deliveries to Slack channels, one channel at a time in order, paced under Slack's per-channel rate for
 * chat.postMessage (about one a second, short bursts tolerated). A 429 is waited out here, in the background and
 * outside any single call's timeout, and the post retried until it lands or the delivery's deadline passes (the
 * response URL's 30 minutes). Channels never wait for each other: each has its own lane, bucket and 429 pause.
 * Bounded: deliveries in flight + queued (+ reserved at ack time) are capped globally and per channel.
 */
import type { PostAttempt } from './post-attempt.js';
import { systemTimers, type Timers } from './timers.js';
import { TokenBucket } from './token-bucket.js';

/** Sends one post through the channel's pacing and retries; resolves with the post's result. */
export type Send = <T>(attempt: () => Promise<PostAttempt<T>>) => Promise<T>;

/** A delivery: one person's answer, as the posts it makes in order (later posts may use earlier results). */
export type DeliveryJob<R> = (send: Send) => Promise<R>;

export type DeliveryOutcome<R> =
  | { kind: 'delivered'; value: R; posts: number; rateLimited: number; waitedMs: number }
  /** The deadline passed before every post landed; `posts` say how many did. */
  | { kind: 'expired'; posts: number; rateLimited: number; waitedMs: number }
  /** A post failed for good (or the job itself threw): `error` is what was thrown. */
  | { kind: 'failed'; error: unknown; posts: number; rateLimited: number; waitedMs: number };

export type BusyScope = 'global' | 'channel';

export interface DeliveryHooks {
  /** Fired at most once, when the delivery's first post has not landed `queuedNoticeMs` after it was submitted. */
  onWaiting?: () => void;
  /** Absolute deadline (timers.now() ms); default: submitted + `deadlineMs`. */
  deadline?: number;
}

/** A slot held from the ack until the delivery is submitted: the ack's "yes" stays true. */
export interface Reservation {
  readonly channel: string;
  submit<R>(job: DeliveryJob<R>, hooks?: DeliveryHooks): Promise<DeliveryOutcome<R>>;
  /** Give the slot back without delivering (the answer turned out private, the handler failed, …). */
  release(): void;
}

export type Admission = { kind: 'admitted'; reservation: Reservation } | { kind: 'busy'; scope: BusyScope };

export interface ChannelQueueOptions {
  /** Posts a channel may send at once before the steady rate applies. */
  burst: number;
  /** Steady spacing between posts to one channel, ms, counted from the previous post's answer (see TokenBucket). */
  intervalMs: number;
  /** Deliveries reserved + queued + in flight, all channels together. */
  maxDeliveries: number;
  /** The same, in one channel. */
  maxPerChannel: number;
  /** When to fire `onWaiting`. */
  queuedNoticeMs: number;
  /** How long a delivery may keep trying (from submission): the response URL lives 30 minutes. */
  deadlineMs: number;
  /** Retries of a transient failure (network, 5xx) per post, with doubling backoff from `backoffMs`. */
  transientRetries: number;
  backoffMs: number;
  timers: Timers;
}

export const DEFAULT_QUEUE_OPTIONS: Omit<ChannelQueueOptions, 'maxDeliveries' | 'maxPerChannel'> = {
  burst: 3,
  // Slack's own pace; counted from each answer, the spacing at Slack is this plus a round trip, never less.
  intervalMs: 1_000,
  queuedNoticeMs: 10_000,
  deadlineMs: 30 * 60_000,
  transientRetries: 3,
  backoffMs: 1_000,
  timers: systemTimers,
};

/** Thrown into a job by `send` when its deadline cannot be met; the queue reports the delivery as expired. */
export class DeliveryExpiredError extends Error {
  readonly code = 'delivery_expired';
  constructor() {
    super('The delivery deadline passed before the post could land');
  }
}

interface Entry {
  run: () => Promise<void>;
}

class Lane {
  /** Reserved + queued + running deliveries. */
  slots = 0;
  readonly waiting: Entry[] = [];
  running = false;
  /** Slack's Retry-After for this channel ends here. */
  blockedUntil = 0;
  forgetTimer: unknown;
  constructor(readonly bucket: TokenBucket) {}
}

export class ChannelQueue {
  private readonly options: ChannelQueueOptions;
  private readonly lanes = new Map<string, Lane>();
  private total = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(options: Partial<ChannelQueueOptions> & Pick<ChannelQueueOptions, 'maxDeliveries' | 'maxPerChannel'>) {
    this.options = { ...DEFAULT_QUEUE_OPTIONS, ...options };
  }

  /** Hold a slot for `channel` if the caps allow: call at ack time, then `submit` (or `release`) the reservation. */
  reserve(channel: string): Admission {
    if (this.total >= this.options.maxDeliveries) return { kind: 'busy', scope: 'global' };
    const lane = this.lane(channel);
    if (lane.slots >= this.options.maxPerChannel) {
      this.forgetWhenIdle(channel, lane);
      return { kind: 'busy', scope: 'channel' };
    }
    lane.slots++;
    this.total++;
    let used = false;
    const take = () => {
      if (used) throw new Error('A reservation is used once');
      used = true;
    };
    return {
      kind: 'admitted',
      reservation: {
        channel,
        submit: (job, hooks) => {
          take();
          return this.enqueue(channel, lane, job, hooks ?? {});
        },
        release: () => {
          take();
          this.freeSlot(channel, lane);
        },
      },
    };
  }

  /** Reserve and submit at once; `busy` when a cap is reached. */
  submit<R>(
    channel: string,
    job: DeliveryJob<R>,
    hooks?: DeliveryHooks,
  ): { kind: 'busy'; scope: BusyScope } | { kind: 'queued'; outcome: Promise<DeliveryOutcome<R>> } {
    const admission = this.reserve(channel);
    if (admission.kind === 'busy') return admission;
    return { kind: 'queued', outcome: admission.reservation.submit(job, hooks) };
  }

  /** Deliveries reserved, queued or in flight (all channels, or one). */
  size(channel?: string): number {
    return channel === undefined ? this.total : (this.lanes.get(channel)?.slots ?? 0);
  }

  /** Channels the queue still remembers (busy, or pacing state not yet expired). */
  get channels(): number {
    return this.lanes.size;
  }

  /** Resolves when no delivery is reserved, queued or in flight (graceful shutdown, tests). */
  idle(): Promise<void> {
    if (this.total === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private lane(channel: string): Lane {
    let lane = this.lanes.get(channel);
    if (!lane) {
      lane = new Lane(new TokenBucket(this.options.burst, this.options.intervalMs, this.options.timers.now()));
      this.lanes.set(channel, lane);
    }
    if (lane.forgetTimer !== undefined) {
      this.options.timers.clearTimeout(lane.forgetTimer);
      lane.forgetTimer = undefined;
    }
    return lane;
  }

  private enqueue<R>(
    channel: string,
    lane: Lane,
    job: DeliveryJob<R>,
    hooks: DeliveryHooks,
  ): Promise<DeliveryOutcome<R>> {
    const { timers } = this.options;
    const submittedAt = timers.now();
    const deadline = hooks.deadline ?? submittedAt + this.options.deadlineMs;
    return new Promise((resolve) => {
      let posts = 0;
      let rateLimited = 0;
      let expired = false;
      let noticeTimer: unknown = timers.setTimeout(() => {
        noticeTimer = undefined;
        try {
          hooks.onWaiting?.();
        } catch {
          // A failing note must not stop the delivery.
        }
      }, this.options.queuedNoticeMs);
      const stopNotice = () => {
        if (noticeTimer === undefined) return;
        timers.clearTimeout(noticeTimer);
        noticeTimer = undefined;
      };
      const send: Send = async (attempt) => {
        let transientFailures = 0;
        const { timers } = this.options;
        for (;;) {
          await this.paced(lane, deadline);
          const result = await attempt();
          lane.bucket.answered(timers.now());
          switch (result.kind) {
            case 'ok':
              posts++;
              stopNotice();
              return result.value;
            case 'rate_limited': {
              rateLimited++;
              // Retry-After 0 (or a missing one) must not turn into a tight loop of 429s: at least one interval.
              const pause = Math.max(result.retryAfterMs, this.options.intervalMs);
              lane.blockedUntil = Math.max(lane.blockedUntil, timers.now() + pause);
              lane.bucket.pauseUntil(lane.blockedUntil);
              break;
            }
            case 'transient': {
              if (transientFailures >= this.options.transientRetries) throw result.error;
              const backoff = this.options.backoffMs * 2 ** transientFailures++;
              if (timers.now() + backoff > deadline) throw result.error;
              await this.sleep(backoff);
              break;
            }
            case 'failed':
              throw result.error;
          }
        }
      };
      const guardedSend: Send = async (attempt) => {
        try {
          return await send(attempt);
        } catch (error) {
          if (error instanceof DeliveryExpiredError) expired = true;
          throw error;
        }
      };
      const run = async () => {
        const stats = () => ({ posts, rateLimited, waitedMs: timers.now() - submittedAt });
        try {
          const value = await job(guardedSend);
          // A job that swallowed the expiry still did not deliver everything.
          resolve(expired ? { kind: 'expired', ...stats() } : { kind: 'delivered', value, ...stats() });
        } catch (error) {
          resolve(expired ? { kind: 'expired', ...stats() } : { kind: 'failed', error, ...stats() });
        } finally {
          stopNotice();
          this.freeSlot(channel, lane);
        }
      };
      lane.waiting.push({ run });
      this.pump(lane);
    });
  }

  /** Run the lane's deliveries one after another. */
  private pump(lane: Lane): void {
    if (lane.running) return;
    const next = lane.waiting.shift();
    if (!next) return;
    lane.running = true;
    void next.run().finally(() => {
      lane.running = false;
      this.pump(lane);
    });
  }

  /** Wait until this channel may post: its 429 pause is over and its bucket has a token. */
  private async paced(lane: Lane, deadline: number): Promise<void> {
    const { timers } = this.options;
    for (;;) {
      const now = timers.now();
      const wait = Math.max(lane.blockedUntil - now, lane.bucket.waitMs(now));
      if (wait <= 0) {
        lane.bucket.take(now);
        return;
      }
      if (now + wait > deadline) throw new DeliveryExpiredError();
      await this.sleep(wait);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.options.timers.setTimeout(resolve, ms));
  }

  private freeSlot(channel: string, lane: Lane): void {
    lane.slots--;
    this.total--;
    this.forgetWhenIdle(channel, lane);
    if (this.total === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** Drop an idle lane once forgetting it loses nothing: its 429 pause is over and its bucket is full again. */
  private forgetWhenIdle(channel: string, lane: Lane): void {
    if (lane.slots > 0 || lane.forgetTimer !== undefined) return;
    const { timers } = this.options;
    const now = timers.now();
    const after = Math.max(lane.blockedUntil - now, lane.bucket.msUntilFull(now), 0);
    if (after === 0) {
      this.lanes.delete(channel);
      return;
    }
    lane.forgetTimer = timers.setTimeout(() => {
      lane.forgetTimer = undefined;
      if (lane.slots === 0 && this.lanes.get(channel) === lane) this.lanes.delete(channel);
    }, after);
    // Housekeeping only: it must not keep a stopping process alive.
    (lane.forgetTimer as { unref?: () => void } | undefined)?.unref?.();
  }
}
