/**
 * A token bucket on an injected clock: `capacity` posts at once, then one every `intervalMs`. Pure arithmetic on the
 * times it is given, so a queue can ask "how long until the next post may go" without owning a timer.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly capacity: number,
    readonly intervalMs: number,
    now: number,
  ) {
    if (!(capacity >= 1) || !(intervalMs > 0)) throw new RangeError('TokenBucket needs capacity >= 1, interval > 0');
    this.tokens = capacity;
    this.updatedAt = now;
  }

  private refill(now: number): void {
    // Before a pause ends (updatedAt in the future) nothing refills.
    if (now <= this.updatedAt) return;
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) / this.intervalMs);
    this.updatedAt = now;
  }

  /** Milliseconds until one token is available (0: now). */
  waitMs(now: number): number {
    this.refill(now);
    if (now < this.updatedAt) return this.updatedAt - now;
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * this.intervalMs);
  }

  /** Spend one token; the caller has checked `waitMs` is 0. */
  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  /**
   * A post sent at an earlier `take` has just been answered: nothing refills for the time it was in flight. Paced
   * from answers rather than sends, two posts can never reach Slack closer together than the interval, however the
   * network bunches them on the way.
   */
  answered(now: number): void {
    if (now > this.updatedAt) this.updatedAt = now;
  }

  /** Slack said "too many" until `time`: then one post, and only the steady rate after it (no fresh burst). */
  pauseUntil(time: number): void {
    this.tokens = 1;
    this.updatedAt = Math.max(this.updatedAt, time);
  }

  /** Milliseconds until the bucket is full again (when forgetting it loses nothing). */
  msUntilFull(now: number): number {
    this.refill(now);
    return Math.max(0, this.updatedAt - now) + Math.ceil((this.capacity - this.tokens) * this.intervalMs);
  }
}
