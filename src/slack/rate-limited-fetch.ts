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

type Fetch = typeof globalThis.fetch;

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
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

export function rateLimitedFetch(
  policy: RateLimitPolicy = INTERACTIVE_POLICY,
  base: Fetch = (input, init) => globalThis.fetch(input, init),
  sleep: (ms: number, signal?: AbortSignal | null) => Promise<void> = pause,
): Fetch {
  return async (input, init) => {
    let response = await base(input, init);
    for (let attempt = 0; attempt < policy.maxRetries && response.status === 429; attempt++) {
      const wait = retryAfterSeconds(response);
      if (wait === undefined || wait > policy.maxWaitSeconds) break;
      await response.body?.cancel();
      await sleep(wait * 1000, init?.signal);
      // The call's timeout ran out while waiting: hand the 429 back, so the client reports the rate limit at once.
      // Retrying with the spent signal would fail as a timeout, which the client retries, waiting all over again.
      if (init?.signal?.aborted) break;
      response = await base(input, init);
    }
    return response;
  };
}
