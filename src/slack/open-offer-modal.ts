import type { WebClient } from '@slack/web-api';
import type { OfferDraft } from '../engine/offer-text.js';
import type { ListenerDeps } from '../listeners/deps.js';
import { buildExpiredTriggerMessage } from '../views/error-messages.js';
import { buildOfferModal, type OfferOrigin } from '../views/offer-modal.js';
import { slackErrorCode } from './delivery.js';

export type OfferOpening = OfferOrigin & { userId?: string };

/** What a "try again" button needs to reopen the same form: it travels in the button's value (2,000 chars). */
export function encodeRetry(origin: OfferOpening, initial?: OfferDraft): string {
  const full = JSON.stringify({ o: origin, d: initial ?? {} });
  if (full.length <= 2000) return full;
  return JSON.stringify({
    o: { channelId: origin.channelId, threadTs: origin.threadTs, userId: origin.userId },
    d: {},
  });
}

export function decodeRetry(value: string | undefined): { origin: OfferOpening; initial?: OfferDraft } {
  try {
    const parsed = JSON.parse(value ?? '') as { o?: OfferOpening; d?: OfferDraft };
    const origin = parsed.o && typeof parsed.o === 'object' ? parsed.o : {};
    const text = (v: unknown) => (typeof v === 'string' && v.length < 3000 ? v : undefined);
    return {
      origin: {
        channelId: text(origin.channelId),
        threadTs: text(origin.threadTs),
        responseUrl: text(origin.responseUrl),
        userId: text(origin.userId),
      },
      initial: parsed.d && typeof parsed.d === 'object' ? parsed.d : undefined,
    };
  } catch {
    return { origin: {} };
  }
}

async function offerRetry(client: WebClient, origin: OfferOpening, initial: OfferDraft | undefined): Promise<void> {
  const message = buildExpiredTriggerMessage(encodeRetry(origin, initial));
  if (origin.responseUrl) {
    const response = await fetch(origin.responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
      signal: AbortSignal.timeout(5_000),
    }).catch(() => undefined);
    if (response?.ok) return;
  }
  if (origin.userId)
    await client.chat.postMessage({ channel: origin.userId, text: message.text, blocks: message.blocks });
}

/**
 * Open the competing-offer modal. Called right after ack and before any other work: a trigger_id expires
 * 3 seconds after the click and works once. If it has expired anyway (a slow network), the person gets a
 * private button that opens the same form again.
 */
export async function openOfferModal(
  deps: ListenerDeps,
  client: WebClient,
  triggerId: string,
  origin: OfferOpening,
  initial?: OfferDraft,
  prefillNote?: string,
): Promise<'modal' | 'expired'> {
  const view = buildOfferModal(deps.loaded.guide, {
    origin: { channelId: origin.channelId, threadTs: origin.threadTs, responseUrl: origin.responseUrl },
    initial,
    canShare: Boolean(origin.channelId),
    prefillNote,
  });
  try {
    await client.views.open({ trigger_id: triggerId, view });
    return 'modal';
  } catch (error) {
    if (slackErrorCode(error) !== 'expired_trigger_id') throw error;
    await offerRetry(client, origin, initial);
    return 'expired';
  }
}
