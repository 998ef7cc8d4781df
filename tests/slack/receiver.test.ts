import { ErrorCode, LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { AppLogger } from '../../src/logging.js';
import { socketEventErrorHandler } from '../../src/slack/receiver.js';
import { loggedText } from '../support/logged-text.js';

describe('socketEventErrorHandler', () => {
  function handlerWithLog() {
    const lines: string[] = [];
    return { lines, handle: socketEventErrorHandler(new AppLogger(LogLevel.DEBUG, (line) => lines.push(line))) };
  }

  it('logs the code only, never the error text (it can quote the payload)', async () => {
    const { lines, handle } = handlerWithLog();
    const error = Object.assign(new Error('could not read {"text":"offer Zyxwvut 245k"}'), { code: 'slack_bolt_x' });
    expect(await handle({ error })).toBe(false);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ msg: 'request_failed', code: 'slack_bolt_x' });
    expect(loggedText(lines)).not.toContain('Zyxwvut');
    expect(loggedText(lines)).not.toContain('245');
  });

  it('acks an authorization failure (a retry cannot help) and leaves other failures for Slack to retry', async () => {
    const { handle } = handlerWithLog();
    expect(
      await handle({ error: Object.assign(new Error('no install'), { code: ErrorCode.AuthorizationError }) }),
    ).toBe(true);
    expect(await handle({ error: new Error('boom') })).toBe(false);
  });
});
