import { describe, expect, it } from 'vitest';
import { isCodedError, isNoAccessError, isTokenError, slackErrorCode } from '../../src/slack/errors.js';

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
