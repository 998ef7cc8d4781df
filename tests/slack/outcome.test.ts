import { describe, expect, it } from 'vitest';
import { type Outcome, outcomeLabel } from '../../src/slack/outcome.js';

const failed = { attached: false, code: 'missing_scope' } as const;
const attached = { attached: true } as const;

describe('request outcomes as the log writes them', () => {
  it.each<[Outcome, string]>([
    [{ kind: 'ok' }, 'ok'],
    [{ kind: 'error' }, 'error:unexpected'],
    [{ kind: 'error', code: 'token_revoked' }, 'error:token_revoked'],
    [{ kind: 'posted' }, 'posted'],
    [{ kind: 'posted', chart: failed }, 'posted+chart_failed:missing_scope'],
    [{ kind: 'group_card', chart: attached }, 'group_card+chart'],
    [{ kind: 'chart', chart: attached }, 'chart'],
    [{ kind: 'offer_chart', offer: { kind: 'dm', chart: attached } }, 'offer_dm+chart'],
    [{ kind: 'offer_chart', offer: { kind: 'invalid' } }, 'offer_invalid'],
    [{ kind: 'offer_submitted', own: { kind: 'dm', chart: attached } }, 'dm+chart'],
    [{ kind: 'offer_submitted', own: { kind: 'private' }, share: { kind: 'no_channel' } }, 'private+share_no_channel'],
    [
      {
        kind: 'offer_submitted',
        own: { kind: 'dm', chart: attached },
        share: { kind: 'shared', form: 'share-positions', via: 'thread', chart: attached },
      },
      'dm+chart+share-positions+chart',
    ],
    [
      {
        kind: 'offer_submitted',
        own: { kind: 'dm_failed' },
        share: { kind: 'shared', form: 'share-figures', via: 'response_url' },
      },
      'dm_failed+share-figures+response_url',
    ],
    [
      { kind: 'offer_submitted', own: { kind: 'dm', chart: failed }, share: { kind: 'failed' } },
      'dm+chart_failed:missing_scope+share_failed',
    ],
  ])('%j → %s', (outcome, label) => {
    expect(outcomeLabel(outcome)).toBe(label);
  });
});
