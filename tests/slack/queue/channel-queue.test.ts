import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChannelQueue, type ChannelQueueOptions, type DeliveryOutcome } from '../../../src/slack/channel-queue.js';
import type { PostAttempt } from '../../../src/slack/post-attempt.js';

/** A scripted Slack: records when each post landed, answers from a per-channel script (default: ok). */
function fakePoster() {
  const landed: { channel: string; text: string; at: number }[] = [];
  const script = new Map<string, PostAttempt<string>[]>();
  const post = (channel: string, text: string) => async (): Promise<PostAttempt<string>> => {
    const next = script.get(channel)?.shift();
    if (next && next.kind !== 'ok') return next;
    landed.push({ channel, text, at: Date.now() });
    return { kind: 'ok', value: `ts-${landed.length}` };
  };
  return { landed, script, post };
}

function queue(options: Partial<ChannelQueueOptions> = {}) {
  return new ChannelQueue({ maxDeliveries: 100, maxPerChannel: 50, intervalMs: 1_100, ...options });
}

function queued<R>(result: ReturnType<ChannelQueue['submit']>): Promise<DeliveryOutcome<R>> {
  if (result.kind !== 'queued') throw new Error(`expected queued, got busy (${result.scope})`);
  return result.outcome as Promise<DeliveryOutcome<R>>;
}

describe('ChannelQueue (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('posts to one channel in order: a burst, then one per interval', async () => {
    const slack = fakePoster();
    const q = queue();
    const outcomes = Array.from({ length: 6 }, (_, i) =>
      queued(q.submit('C1', (send) => send(slack.post('C1', `m${i}`)))),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(slack.landed.map((p) => p.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect(slack.landed.map((p) => p.at)).toEqual([0, 0, 0, 1_100, 2_200, 3_300]);
    expect((await Promise.all(outcomes)).map((o) => o.kind)).toEqual(Array(6).fill('delivered'));
  });

  it("keeps a delivery's posts together: the next delivery starts after the last reply", async () => {
    const slack = fakePoster();
    const q = queue();
    const delivery = (name: string) => async (send: <T>(a: () => Promise<PostAttempt<T>>) => Promise<T>) => {
      const parent = await send(slack.post('C1', `${name}-parent`));
      await send(slack.post('C1', `${name}-reply-to-${parent}`));
      return parent;
    };
    const a = queued<string>(q.submit('C1', delivery('a')));
    const b = queued<string>(q.submit('C1', delivery('b')));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(slack.landed.map((p) => p.text)).toEqual(['a-parent', 'a-reply-to-ts-1', 'b-parent', 'b-reply-to-ts-3']);
    expect(await a).toMatchObject({ kind: 'delivered', value: 'ts-1', posts: 2 });
    expect(await b).toMatchObject({ kind: 'delivered', value: 'ts-3', posts: 2 });
  });

  it('waits out a long Retry-After in the background and retries until the post lands', async () => {
    const slack = fakePoster();
    slack.script.set('C1', [{ kind: 'rate_limited', retryAfterMs: 20_000 }]);
    const q = queue();
    const first = queued(q.submit('C1', (send) => send(slack.post('C1', 'first'))));
    const second = queued(q.submit('C1', (send) => send(slack.post('C1', 'second'))));
    await vi.advanceTimersByTimeAsync(19_999);
    expect(slack.landed).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(slack.landed.map((p) => [p.text, p.at])).toEqual([['first', 20_000]]);
    // After a 429 the channel gets no burst, only the steady rate.
    await vi.advanceTimersByTimeAsync(1_100);
    expect(slack.landed.map((p) => [p.text, p.at])).toEqual([
      ['first', 20_000],
      ['second', 21_100],
    ]);
    expect(await first).toMatchObject({ kind: 'delivered', rateLimited: 1, waitedMs: 20_000 });
    expect(await second).toMatchObject({ kind: 'delivered', rateLimited: 0 });
  });

  it('treats Retry-After 0 as one interval, not a tight loop of 429s', async () => {
    const slack = fakePoster();
    slack.script.set('C1', [{ kind: 'rate_limited', retryAfterMs: 0 }]);
    const q = queue();
    void q.submit('C1', (send) => send(slack.post('C1', 'again')));
    await vi.advanceTimersByTimeAsync(1_100);
    expect(slack.landed.map((p) => p.at)).toEqual([1_100]);
  });

  it("never delays one channel for another's rate limit", async () => {
    const slack = fakePoster();
    slack.script.set('C1', [{ kind: 'rate_limited', retryAfterMs: 30_000 }]);
    const q = queue();
    void q.submit('C1', (send) => send(slack.post('C1', 'busy channel')));
    const other = queued(q.submit('C2', (send) => send(slack.post('C2', 'quiet channel'))));
    await vi.advanceTimersByTimeAsync(0);
    expect(slack.landed.map((p) => [p.channel, p.at])).toEqual([['C2', 0]]);
    expect(await other).toMatchObject({ kind: 'delivered', waitedMs: 0 });
  });

  it('gives up as expired, without sleeping, when Retry-After outlasts the deadline', async () => {
    const slack = fakePoster();
    slack.script.set('C1', [{ kind: 'rate_limited', retryAfterMs: 45 * 60_000 }]);
    const q = queue();
    const outcome = queued(q.submit('C1', (send) => send(slack.post('C1', 'late'))));
    await vi.advanceTimersByTimeAsync(0);
    expect(await outcome).toMatchObject({ kind: 'expired', posts: 0, rateLimited: 1, waitedMs: 0 });
    expect(q.size()).toBe(0);
  });

  it('reports expired even when the job swallowed the expiry', async () => {
    const slack = fakePoster();
    slack.script.set('C1', [{ kind: 'rate_limited', retryAfterMs: 5_000 }]);
    const q = queue();
    const outcome = queued(
      q.submit('C1', (send) => send(slack.post('C1', 'x')).catch(() => 'swallowed'), { deadline: 1_000 }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(await outcome).toMatchObject({ kind: 'expired' });
  });

  it('fires the waiting hook once when the first post has not landed after 10 s, never when it has', async () => {
    const slack = fakePoster();
    slack.script.set('C1', [{ kind: 'rate_limited', retryAfterMs: 25_000 }]);
    const q = queue();
    const slow = vi.fn();
    const fast = vi.fn();
    void q.submit('C1', (send) => send(slack.post('C1', 'slow')), { onWaiting: slow });
    void q.submit('C2', (send) => send(slack.post('C2', 'fast')), { onWaiting: fast });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(slow).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(slow).toHaveBeenCalledTimes(1);
    expect(fast).not.toHaveBeenCalled();
  });

  it('hands a final failure to the job, which may fall back; an unhandled one fails the delivery', async () => {
    const slack = fakePoster();
    const notInChannel = Object.assign(new Error('not_in_channel'), { data: { error: 'not_in_channel' } });
    slack.script.set('C1', [
      { kind: 'failed', error: notInChannel },
      { kind: 'failed', error: notInChannel },
    ]);
    const q = queue();
    const fallback = queued(q.submit('C1', (send) => send(slack.post('C1', 'a')).catch(() => 'fallback')));
    const failed = queued(q.submit('C1', (send) => send(slack.post('C1', 'b'))));
    await vi.advanceTimersByTimeAsync(0);
    expect(await fallback).toMatchObject({ kind: 'delivered', value: 'fallback', posts: 0 });
    expect(await failed).toMatchObject({ kind: 'failed', error: notInChannel });
  });

  it('retries a transient failure with doubling backoff, then gives up', async () => {
    const slack = fakePoster();
    const reset = new Error('ECONNRESET');
    slack.script.set('C1', [
      { kind: 'transient', error: reset },
      { kind: 'transient', error: reset },
    ]);
    slack.script.set('C2', Array(4).fill({ kind: 'transient', error: reset }));
    const q = queue();
    const recovers = queued(q.submit('C1', (send) => send(slack.post('C1', 'ok in the end'))));
    const gives = queued(q.submit('C2', (send) => send(slack.post('C2', 'never'))));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(slack.landed.map((p) => [p.text, p.at])).toEqual([['ok in the end', 3_000]]);
    expect(await recovers).toMatchObject({ kind: 'delivered' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await gives).toMatchObject({ kind: 'failed', error: reset });
  });

  it('caps deliveries per channel and globally, counting reservations from the ack', async () => {
    const slack = fakePoster();
    const q = queue({ maxDeliveries: 3, maxPerChannel: 2 });
    const a = q.reserve('C1');
    const b = q.reserve('C1');
    expect([a.kind, b.kind]).toEqual(['admitted', 'admitted']);
    expect(q.reserve('C1')).toEqual({ kind: 'busy', scope: 'channel' });
    expect(q.reserve('C2').kind).toBe('admitted');
    expect(q.reserve('C3')).toEqual({ kind: 'busy', scope: 'global' });
    expect(q.size()).toBe(3);
    expect(q.size('C1')).toBe(2);
    if (a.kind !== 'admitted' || b.kind !== 'admitted') throw new Error('unreachable');
    a.reservation.release();
    expect(() => a.reservation.release()).toThrow();
    expect(q.reserve('C3').kind).toBe('admitted');
    const done = b.reservation.submit((send) => send(slack.post('C1', 'held')));
    await vi.advanceTimersByTimeAsync(0);
    expect(await done).toMatchObject({ kind: 'delivered' });
    expect(q.size('C1')).toBe(0);
  });

  it('forgets an idle channel once its bucket has refilled, and resolves idle()', async () => {
    const slack = fakePoster();
    const q = queue();
    for (let i = 0; i < 3; i++) void q.submit('C1', (send) => send(slack.post('C1', `m${i}`)));
    const idle = q.idle();
    await vi.advanceTimersByTimeAsync(0);
    await idle;
    expect(q.channels).toBe(1);
    await vi.advanceTimersByTimeAsync(3 * 1_100);
    expect(q.channels).toBe(0);
  });
});

describe('ChannelQueue (real timers)', () => {
  it('delivers 12 posts in order through a 429 within the paced time', async () => {
    const slack = fakePoster();
    slack.script.set('C1', [
      { kind: 'ok', value: '' },
      { kind: 'rate_limited', retryAfterMs: 50 },
    ]);
    const q = queue({ burst: 2, intervalMs: 10 });
    const started = Date.now();
    const outcomes = Array.from({ length: 12 }, (_, i) =>
      queued(q.submit('C1', (send) => send(slack.post('C1', `m${i}`)))),
    );
    const results = await Promise.all(outcomes);
    expect(results.every((o) => o.kind === 'delivered')).toBe(true);
    expect(slack.landed.map((p) => p.text)).toEqual(Array.from({ length: 12 }, (_, i) => `m${i}`));
    // 50 ms pause + 11 paced posts at 10 ms; generous ceiling for a loaded machine.
    expect(Date.now() - started).toBeLessThan(2_000);
    await q.idle();
  });
});

describe('ChannelQueue (injected timers)', () => {
  it('waits only on the timers it is given', async () => {
    let now = 0;
    const pending: { at: number; run: () => void }[] = [];
    const timers = {
      now: () => now,
      setTimeout: (run: () => void, ms: number) => {
        const timer = { at: now + ms, run };
        pending.push(timer);
        return timer;
      },
      clearTimeout: (handle: unknown) => {
        const index = pending.indexOf(handle as (typeof pending)[number]);
        if (index !== -1) pending.splice(index, 1);
      },
    };
    const advanceTo = async (time: number) => {
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        pending.sort((a, b) => a.at - b.at);
        const next = pending[0];
        if (!next || next.at > time) break;
        pending.shift();
        now = next.at;
        next.run();
      }
      now = time;
    };
    const slack = fakePoster();
    const landedAt: number[] = [];
    const q = queue({ burst: 1, intervalMs: 500, timers });
    for (let i = 0; i < 3; i++) {
      void q.submit('C1', async (send) => {
        await send(slack.post('C1', `m${i}`));
        landedAt.push(now);
      });
    }
    await advanceTo(2_000);
    expect(landedAt).toEqual([0, 500, 1_000]);
  });
});
