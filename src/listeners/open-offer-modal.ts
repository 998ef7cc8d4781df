import type { WebClient } from '@slack/web-api';
import type { OfferDraft } from '../engine/offer-text.js';
import { buildOfferModal, type OfferOrigin } from '../views/offer-modal.js';
import type { ListenerDeps } from './deps.js';

/**
 * Open the competing-offer modal. Called right after ack and before any other work: a trigger_id
 * expires 3 seconds after the click and works once.
 */
export async function openOfferModal(
  deps: ListenerDeps,
  client: WebClient,
  triggerId: string,
  origin: OfferOrigin & { userId?: string },
  initial?: OfferDraft,
  prefillNote?: string,
): Promise<void> {
  const canShare = Boolean(origin.channelId);
  const view = buildOfferModal(deps.loaded.guide, {
    origin: { channelId: origin.channelId, threadTs: origin.threadTs, responseUrl: origin.responseUrl },
    initial,
    canShare,
    prefillNote,
  });
  await client.views.open({ trigger_id: triggerId, view });
}
