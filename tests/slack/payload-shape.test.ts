import { describe, expect, it } from 'vitest';
import { checkPayload } from '../../src/slack/payload-shape.js';
import { SAMPLES, withValueAt } from '../support/payload-samples.js';

describe('checkPayload', () => {
  it.each(SAMPLES.map((sample) => [sample.name, sample.payload] as const))(
    'lets a well-formed %s through',
    (_, payload) => {
      expect(checkPayload(payload).ok).toBe(true);
    },
  );

  it.each([
    ['null', null],
    ['an array', [{ type: 'block_actions' }]],
    ['a string', 'payload'],
    ['a number', 5],
  ])('refuses a body that is %s, as not_object', (_, body) => {
    expect(checkPayload(body)).toEqual({ ok: false, kind: 'not_object' });
  });

  const sample = (name: string) => {
    const found = SAMPLES.find((s) => s.name === name);
    if (!found) throw new Error(name);
    return found.payload;
  };

  // The shapes the issue found answered with a hang, a 500 or a misleading notice to the person.
  it.each([
    ['view_submission', 'view', null, 'view'],
    ['view_submission', 'user', null, 'view'],
    ['view_submission', 'view.state', null, 'view'],
    ['view_submission', 'view.state.values', [], 'view'],
    ['block_actions', 'actions', null, 'action'],
    ['block_actions', 'actions', [], 'action'],
    ['block_actions', 'channel', null, 'action'],
    ['block_actions', 'user', 'U0PERSON', 'action'],
    ['app_home_opened', 'event', 'app_home_opened', 'event'],
    ['app_home_opened', 'event.channel', null, 'event'],
    ['app_home_opened', 'authorizations.0', null, 'event'],
    ['message_action', 'channel', null, 'message_action'],
    ['message_action', 'message', null, 'message_action'],
    ['shortcut', 'user', null, 'shortcut'],
    ['command', 'text', ['ny', 'detroit'], 'command'],
    ['command', 'user_id', null, 'command'],
  ])('refuses %s with %s = %j (kind %s)', (name, path, value, kind) => {
    expect(checkPayload(withValueAt(sample(name), path, value))).toEqual({ ok: false, kind });
  });

  it('lets through what Slack really sends as null: team on an org-wide install, enterprise', () => {
    const orgWide = withValueAt(sample('block_actions'), 'team', null);
    expect(checkPayload({ ...orgWide, enterprise: null }).ok).toBe(true);
  });

  it('passes a kind Bolt cannot route (it reads nothing from it; the app acknowledges it)', () => {
    expect(checkPayload({ type: 'app_rate_limited', minute_rate_limited: 1 })).toEqual({ ok: true, kind: 'other' });
  });

  it('checks url_verification and ssl_check too', () => {
    expect(checkPayload({ type: 'url_verification', challenge: null }).ok).toBe(false);
    expect(checkPayload({ type: 'url_verification', challenge: 'c' }).ok).toBe(true);
    expect(checkPayload({ ssl_check: ['1', '1'] }).ok).toBe(false);
  });
});
