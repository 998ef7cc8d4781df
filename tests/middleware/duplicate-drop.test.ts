import { describe, expect, it } from 'vitest';
import { duplicateKey } from '../../src/middleware/duplicate-drop.js';

const SECRET = '8f742231b10e8888abcd99aaaaaa85a5';

describe('duplicateKey', () => {
  it('is a fixed-size hash whatever the payload carries, and holds none of it', () => {
    const huge = 'SoFi 245k '.repeat(10_000);
    const click = {
      type: 'block_actions',
      user: { id: 'U1' },
      actions: [{ action_id: 'offer_retry', value: huge }],
      container: { message_ts: '1.2' },
    };
    const found = duplicateKey(click, SECRET);
    expect(found?.kind).toBe('click');
    expect(found?.key).toMatch(/^click:[0-9a-f]{64}$/);
    const view = {
      type: 'view_submission',
      user: { id: 'U1' },
      view: { id: 'V1', hash: 'h', state: { values: huge } },
    };
    expect(duplicateKey(view, SECRET)?.key).toMatch(/^view:[0-9a-f]{64}$/);
    expect(JSON.stringify(duplicateKey(view, SECRET))).not.toMatch(/SoFi|245/);
  });

  it('a form: the same submission is the same key; another view hash or other values are not', () => {
    const submit = (hash: string, total: string) => ({
      type: 'view_submission',
      user: { id: 'U1' },
      view: { id: 'V1', hash, state: { values: { tc: { value: { value: total } } } } },
    });
    const key = (body: Record<string, unknown>) => duplicateKey(body, SECRET)?.key;
    expect(key(submit('h1', '245k'))).toBe(key(submit('h1', '245k')));
    expect(key(submit('h2', '245k'))).not.toBe(key(submit('h1', '245k')));
    expect(key(submit('h1', '250k'))).not.toBe(key(submit('h1', '245k')));
    // Keyed: the same fields under another secret give another key (a guessed figure cannot be tested without it).
    expect(duplicateKey(submit('h1', '245k'), 'another-secret')?.key).not.toBe(key(submit('h1', '245k')));
  });

  it('events by id; other payloads have no key', () => {
    expect(duplicateKey({ type: 'event_callback', event_id: 'Ev1' }, SECRET)?.kind).toBe('event');
    expect(duplicateKey({ command: '/allycomp', text: 'ny' }, SECRET)).toBeUndefined();
  });
});
