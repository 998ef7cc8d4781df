import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../src/slack/token-bucket.js';

describe('TokenBucket', () => {
  it('allows a burst, then one token per interval', () => {
    const bucket = new TokenBucket(3, 1_000, 0);
    for (let i = 0; i < 3; i++) {
      expect(bucket.waitMs(0)).toBe(0);
      bucket.take(0);
    }
    expect(bucket.waitMs(0)).toBe(1_000);
    expect(bucket.waitMs(400)).toBe(600);
    expect(bucket.waitMs(1_000)).toBe(0);
  });

  it('after a pause gives one token at its end and then only the steady rate', () => {
    const bucket = new TokenBucket(3, 1_000, 0);
    bucket.pauseUntil(20_000);
    expect(bucket.waitMs(5_000)).toBe(15_000);
    expect(bucket.waitMs(20_000)).toBe(0);
    bucket.take(20_000);
    expect(bucket.waitMs(20_000)).toBe(1_000);
    expect(bucket.msUntilFull(20_000)).toBe(3_000);
  });

  it('refuses a bucket that could never give a token', () => {
    expect(() => new TokenBucket(0, 1_000, 0)).toThrow(RangeError);
    expect(() => new TokenBucket(1, 0, 0)).toThrow(RangeError);
  });
});

describe('paced from answers', () => {
  it('nothing refills while a post is in flight: the next post waits a whole interval after the answer', () => {
    const bucket = new TokenBucket(1, 1_000, 0);
    bucket.take(0);
    // Sent at 0, answered at 300: without this the next post could go at 1,000, 700 ms after the answer.
    bucket.answered(300);
    expect(bucket.waitMs(300)).toBe(1_000);
    expect(bucket.waitMs(1_300)).toBe(0);
  });
});
