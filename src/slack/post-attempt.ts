import { CLIENT_ERROR, errorField, httpStatusOf, isTransientCode, ownErrorCode, platformErrorCode } from './errors.js';

/**
 * What one Web API call did, as a value the delivery queue can branch on: landed, rate limited (wait and retry),
 * a transient fault (retry a few times with backoff) or a final failure (not_in_channel, invalid_auth, …).
 */
export type PostAttempt<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'transient'; error: unknown }
  | { kind: 'failed'; error: unknown };

/** Used when a 429 has no readable Retry-After: Slack's usual answer for chat.postMessage is about a second. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

/**
 * Classify an error thrown by @slack/web-api's WebClient. The client must run with `rejectRateLimitedCalls: true`
 * (it then throws `slack_webapi_rate_limited_error` with `retryAfter` in seconds instead of pausing its whole queue).
 */
export function classifySlackError<T>(error: unknown): PostAttempt<T> {
  const code = ownErrorCode(error);
  if (code === CLIENT_ERROR.rateLimited) {
    const seconds = errorField(error, 'retryAfter');
    const ms = typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
    return { kind: 'rate_limited', retryAfterMs: ms ?? DEFAULT_RETRY_AFTER_MS };
  }
  if (code === CLIENT_ERROR.request) return { kind: 'transient', error };
  if (code === CLIENT_ERROR.http) {
    return (httpStatusOf(error) ?? 0) >= 500 ? { kind: 'transient', error } : { kind: 'failed', error };
  }
  if (code === CLIENT_ERROR.platform && isTransientCode(platformErrorCode(error))) return { kind: 'transient', error };
  return { kind: 'failed', error };
}

/** Run one Web API call and say what happened, never throwing. */
export async function attemptSlackCall<T>(call: () => Promise<T>): Promise<PostAttempt<T>> {
  try {
    return { kind: 'ok', value: await call() };
  } catch (error) {
    return classifySlackError<T>(error);
  }
}
