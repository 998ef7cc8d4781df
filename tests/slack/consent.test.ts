/**
 * The teammate's answer to a prep-card request: only the first answer counts, and an accept that posted nothing
 * (the queue full) gives the request back so it can be accepted again. The claim is taken and given back under the
 * card's lock; the card itself is posted outside it (tests/slack/coach.test.ts drives the whole flow through Slack).
 */
import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { AppLogger } from '../../src/logging.js';
import { ChannelQueue } from '../../src/slack/channel-queue.js';
import { carryOutConsent, claimConsent } from '../../src/slack/consent.js';
import type { DeliveryContext, DeliveryServices } from '../../src/slack/delivery.js';
import { FileStore } from '../../src/store/file-store.js';
import { guide } from '../support/slack.js';

const request = { channel: 'D0TEAMMATE', ts: '1700000000.000100' };
const consent = { regionId: 'new-york', coachId: 'U0COACH', teammateId: 'U0TEAMMATE', channelId: 'C0PREP' };

describe('claimConsent', () => {
  it('the first answer claims the request; a later one does not', async () => {
    const store = FileStore.inMemory();
    expect(await claimConsent(store, request)).toBe(true);
    expect(await claimConsent(store, request)).toBe(false);
    expect(await claimConsent(store, { ...request, ts: '1700000000.000200' })).toBe(true);
  });

  it('an accept the full queue could not post gives the request back, and changes nothing in the DM', async () => {
    const store = FileStore.inMemory();
    const queue = new ChannelQueue({ maxDeliveries: 1, maxPerChannel: 1 });
    // The queue is full: the card cannot even be queued.
    expect(queue.reserve('C0OTHER').kind).toBe('admitted');
    const updates: unknown[] = [];
    const client = { token: 'xoxb-test', chat: { update: async (args: unknown) => updates.push(args) } };
    const ctx = {
      services: { queue, logger: new AppLogger('error', () => undefined) } as unknown as DeliveryServices,
      client: client as unknown as WebClient,
    } satisfies DeliveryContext;
    expect(await claimConsent(store, request)).toBe(true);
    const outcome = await carryOutConsent({ loaded: guide(), store }, ctx, client as unknown as WebClient, {
      consent,
      accept: true,
      request,
    });
    expect(outcome).toEqual({ kind: 'busy' });
    expect(updates).toEqual([]);
    expect(await claimConsent(store, request)).toBe(true);
  });
});
