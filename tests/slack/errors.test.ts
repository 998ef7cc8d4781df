import { describe, expect, it } from 'vitest';
import {
  httpStatusCode,
  isCodedError,
  isLoggableCode,
  isNoAccessError,
  isTokenError,
  isTransientCode,
  platformErrorCode,
  slackErrorCode,
  transportErrorCode,
} from '../../src/slack/errors.js';
import { ImageUploadError } from '../../src/slack/upload-image.js';

const platformError = (error: string) =>
  Object.assign(new Error(`An API error occurred: ${error}`), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, error },
  });

describe('Slack error codes', () => {
  it("prefers the Web API's own code, then the error's code", () => {
    expect(slackErrorCode(platformError('not_in_channel'))).toBe('not_in_channel');
    expect(slackErrorCode(Object.assign(new Error('x'), { code: 'EADDRINUSE' }))).toBe('EADDRINUSE');
    expect(slackErrorCode(new Error('no code'))).toBeUndefined();
    expect(slackErrorCode(undefined)).toBeUndefined();
    expect(slackErrorCode({ data: { error: 42 } })).toBeUndefined();
  });

  it('tells coded errors from others', () => {
    expect(isCodedError(platformError('token_revoked'))).toBe(true);
    expect(isCodedError(new Error('plain'))).toBe(false);
    expect(isCodedError({ code: 'not an Error' })).toBe(false);
  });

  it('groups codes by what they mean', () => {
    expect(isTokenError('token_revoked')).toBe(true);
    expect(isTokenError('not_in_channel')).toBe(false);
    expect(isTokenError(undefined)).toBe(false);
    expect(isNoAccessError(platformError('is_archived'))).toBe(true);
    expect(isNoAccessError(platformError('ratelimited'))).toBe(false);
  });
});

describe('reading codes out of what was thrown', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
  const requestError = {
    code: 'slack_webapi_request_error',
    original: new TypeError('fetch failed', { cause: refused }),
  };

  it('the HTTP status as a code, from the web client’s errors and ours alike', () => {
    expect(httpStatusCode({ code: 'slack_webapi_http_error', statusCode: 502 })).toBe('http_502');
    expect(httpStatusCode(new ImageUploadError('upload_http_error', 500))).toBe('http_500');
    expect(httpStatusCode(new ImageUploadError('upload_unreachable'))).toBeUndefined();
    expect(httpStatusCode({ statusCode: '502' })).toBeUndefined();
  });

  it('the network’s own code under the web client’s, never its slack_ codes', () => {
    expect(transportErrorCode(requestError)).toBe('ECONNREFUSED');
    expect(transportErrorCode({ code: 'slack_webapi_request_error' })).toBeUndefined();
    expect(transportErrorCode(undefined)).toBeUndefined();
  });

  it('only short id-like codes are loggable: no message text, URL or payload passes for one', () => {
    for (const code of ['not_in_channel', 'ECONNREFUSED', 'http_500', 'slack_webapi_platform_error']) {
      expect(isLoggableCode(code), code).toBe(true);
    }
    for (const code of ['', 'https://hooks.slack.com/x', 'a b', 'x'.repeat(65), 42, undefined]) {
      expect(isLoggableCode(code), String(code)).toBe(false);
    }
  });

  it('tells a transient Slack error from a final one', () => {
    expect(isTransientCode(platformErrorCode(platformError('internal_error')))).toBe(true);
    expect(isTransientCode(platformErrorCode(platformError('not_in_channel')))).toBe(false);
  });
});
