import type { WebClient } from '@slack/web-api';
import type { OfferDraft } from '../engine/offer-text.js';
import type { Guide } from '../guide/schema.js';
import { buildExpiredTriggerMessage } from '../views/error-messages.js';
import { buildOfferModal, type OfferOrigin } from '../views/offer-modal.js';
import { EXPIRED_TRIGGER, slackErrorCode } from './errors.js';
import type { Outcome } from './outcome.js';
import { postToResponseUrl } from './respond-url.js';

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
    const posted = await postToResponseUrl(origin.responseUrl, {
      response_type: 'ephemeral',
      replace_original: false,
      ...message,
    });
    if (posted) return;
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
  guide: Guide,
  client: WebClient,
  triggerId: string,
  origin: OfferOpening,
  initial?: OfferDraft,
  prefillNote?: string,
): Promise<Outcome> {
  const view = buildOfferModal(guide, {
    origin: { channelId: origin.channelId, threadTs: origin.threadTs, responseUrl: origin.responseUrl },
    initial,
    canShare: Boolean(origin.channelId),
    prefillNote,
  });
  try {
    await client.views.open({ trigger_id: triggerId, view });
    return { kind: 'modal' };
  } catch (error) {
    if (slackErrorCode(error) !== EXPIRED_TRIGGER) throw error;
    await offerRetry(client, origin, initial);
    return { kind: 'expired' };
  }
}
