/**
 * Every Slack error code allycomp acts on, in one place, in the manner of Bolt's own `errors.ts`: a typed union per
 * meaning and a guard for errors that carry a code. Codes arrive two ways: the Web API's own (`data.error`, e.g.
 * not_in_channel) and the web client's and Node's (`code`, e.g. slack_webapi_request_error, EADDRINUSE).
 */

/** The token no longer works: the app stays up and says so on /readyz. */
export const TOKEN_ERROR_CODES = [
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
] as const;
export type TokenErrorCode = (typeof TOKEN_ERROR_CODES)[number];

/** The bot cannot post in this conversation: answer through response_url instead. */
export const NO_ACCESS_CODES = [
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'ekm_access_denied',
] as const;
export type NoAccessCode = (typeof NO_ACCESS_CODES)[number];

/** The web client's own codes (its `ErrorCode` enum) that allycomp tells apart. */
export const CLIENT_ERROR = {
  /** Slack answered `ok: false`: its own code is in `data.error`. */
  platform: 'slack_webapi_platform_error',
  /** No answer: a timeout, a refused connection, DNS. */
  request: 'slack_webapi_request_error',
  /** An HTTP status other than 200 (an upload URL's 500). */
  http: 'slack_webapi_http_error',
  /** A 429 the client gave up on (rejectRateLimitedCalls). */
  rateLimited: 'slack_webapi_rate_limited_error',
} as const;
export type ClientErrorCode = (typeof CLIENT_ERROR)[keyof typeof CLIENT_ERROR];

/** Slack errors that say "try again later" rather than "this will never work". */
export const TRANSIENT_CODES = [
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
] as const;
export type TransientCode = (typeof TRANSIENT_CODES)[number];

/** A modal's trigger_id expired (3 seconds, one use) before views.open. */
export const EXPIRED_TRIGGER = 'expired_trigger_id';

/** Every code allycomp names; any other code Slack sends is still a string. */
export type SlackErrorCode =
  | TokenErrorCode
  | NoAccessCode
  | ClientErrorCode
  | TransientCode
  | typeof EXPIRED_TRIGGER
  | (string & Record<never, never>);

/** An error with a string `code` (the web client's errors, Bolt's, Node's). */
export interface CodedError extends Error {
  code: string;
}

export function isCodedError(error: unknown): error is CodedError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** A field of something thrown: errors come from several libraries (web-api, socket-mode, Node, fetch), untyped. */
export function errorField(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/** The Web API's own code (`data.error`: not_in_channel, invalid_blocks), when Slack answered `ok: false`. */
export function platformErrorCode(error: unknown): SlackErrorCode | undefined {
  const code = errorField(errorField(error, 'data'), 'error');
  return typeof code === 'string' ? code : undefined;
}

/** The error's own `code` (the web client's, Bolt's, Node's). */
export function ownErrorCode(error: unknown): SlackErrorCode | undefined {
  const code = errorField(error, 'code');
  return typeof code === 'string' ? code : undefined;
}

/** The most specific code an error carries: the Web API's `data.error`, else its own `code`. */
export function slackErrorCode(error: unknown): SlackErrorCode | undefined {
  return platformErrorCode(error) ?? ownErrorCode(error);
}

/** The HTTP status an error carries (the web client's HTTP errors, an upload URL's answer). */
export function httpStatusOf(error: unknown): number | undefined {
  const status = errorField(error, 'statusCode');
  return typeof status === 'number' ? status : undefined;
}

/** That status as a code for a log line or a note: `http_502`. */
export function httpStatusCode(error: unknown): `http_${number}` | undefined {
  const status = httpStatusOf(error);
  return status === undefined ? undefined : `http_${status}`;
}

const LOGGABLE_CODE = /^[\w.-]{1,64}$/;

/** A code safe to log as it is: short and id-like, so no message text, URL or payload can pass for one. */
export function isLoggableCode(code: unknown): code is string {
  return typeof code === 'string' && LOGGABLE_CODE.test(code);
}

/**
 * The network's own code under a web client error (ECONNREFUSED, ENOTFOUND): the client keeps the failed request's
 * error in `original`, and fetch puts the socket's in `cause`. Its own `slack_*` codes are passed over.
 */
export function transportErrorCode(error: unknown): string | undefined {
  let inner: unknown = error;
  for (let depth = 0; inner !== undefined && depth < 4; depth++) {
    const code = ownErrorCode(inner);
    if (isLoggableCode(code) && !code.startsWith('slack_')) return code;
    inner = errorField(inner, 'original') ?? errorField(inner, 'cause');
  }
  return undefined;
}

export function isTokenError(code: string | undefined): code is TokenErrorCode {
  return (TOKEN_ERROR_CODES as readonly string[]).includes(code ?? '');
}

export function isNoAccessError(error: unknown): boolean {
  return (NO_ACCESS_CODES as readonly string[]).includes(slackErrorCode(error) ?? '');
}

export function isTransientCode(code: string | undefined): code is TransientCode {
  return (TRANSIENT_CODES as readonly string[]).includes(code ?? '');
}
