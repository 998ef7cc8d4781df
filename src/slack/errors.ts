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
  /** No answer: a timeout, a refused connection, DNS. */
  request: 'slack_webapi_request_error',
  /** An HTTP status other than 200 (an upload URL's 500). */
  http: 'slack_webapi_http_error',
  /** A 429 the client gave up on (rejectRateLimitedCalls). */
  rateLimited: 'slack_webapi_rate_limited_error',
} as const;
export type ClientErrorCode = (typeof CLIENT_ERROR)[keyof typeof CLIENT_ERROR];

/** A modal's trigger_id expired (3 seconds, one use) before views.open. */
export const EXPIRED_TRIGGER = 'expired_trigger_id';

/** Every code allycomp names; any other code Slack sends is still a string. */
export type SlackErrorCode =
  | TokenErrorCode
  | NoAccessCode
  | ClientErrorCode
  | typeof EXPIRED_TRIGGER
  | (string & Record<never, never>);

/** An error with a string `code` (the web client's errors, Bolt's, Node's). */
export interface CodedError extends Error {
  code: string;
}

export function isCodedError(error: unknown): error is CodedError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** The most specific code an error carries: the Web API's `data.error`, else its own `code`. */
export function slackErrorCode(error: unknown): SlackErrorCode | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  if (typeof data?.error === 'string') return data.error;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isTokenError(code: string | undefined): code is TokenErrorCode {
  return (TOKEN_ERROR_CODES as readonly string[]).includes(code ?? '');
}

export function isNoAccessError(error: unknown): boolean {
  return (NO_ACCESS_CODES as readonly string[]).includes(slackErrorCode(error) ?? '');
}
