/**
 * The fetch the Web API client uses. On a 429 it waits for that one call's Retry-After (when short enough)
 * and retries that call alone. The client's own 429 handling would pause its whole request queue, so one
 * rate-limited channel would stall every other person's answer; with `rejectRateLimitedCalls` on, the
 * client leaves 429s to us and throws if we still get one.
 */
export interface RateLimitPolicy {
  /** Longest Retry-After worth waiting for on an interactive path, in seconds. */
  maxWaitSeconds: number;
  /** How many times one call may be retried after a 429. */
  maxRetries: number;
}

export const INTERACTIVE_POLICY: RateLimitPolicy = { maxWaitSeconds: 5, maxRetries: 2 };

import type { FetchFunction } from '@slack/web-api';

type FetchResponse = Awaited<ReturnType<FetchFunction>>;

/** A response's Retry-After in seconds, when it has a readable one. */
export function retryAfterSeconds(response: FetchResponse): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** Wait `ms`, or less if `signal` aborts first (the call's own timeout). */
function pause(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** `base` is the transport (undiciFetch, or the built-in fetch); WebClient's minimal fetch type covers both. */
export function rateLimitedFetch(
  policy: RateLimitPolicy,
  base: FetchFunction,
  sleep: (ms: number, signal?: AbortSignal | null) => Promise<void> = pause,
): FetchFunction {
  return async (input, init) => {
    let response = await base(input, init);
    for (let attempt = 0; attempt < policy.maxRetries && response.status === 429; attempt++) {
      const wait = retryAfterSeconds(response);
      if (wait === undefined || wait > policy.maxWaitSeconds) break;
      // The 429's own body is not needed: read and dropped, so the connection is free for the retry.
      await response.arrayBuffer().catch(() => undefined);
      await sleep(wait * 1000, init?.signal);
      // The call's timeout ran out while waiting: hand the 429 back, so the client reports the rate limit at once.
      // Retrying with the spent signal would fail as a timeout, which the client retries, waiting all over again.
      if (init?.signal?.aborted) break;
      response = await base(input, init);
    }
    return response;
  };
}
