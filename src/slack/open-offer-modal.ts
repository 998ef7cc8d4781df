import type { OfferDraft } from '../engine/offer/index.js';
import type { Guide } from '../guide/schema.js';
import { buildExpiredTriggerMessage } from '../views/error-messages.js';
import { buildOfferModal, type OfferOrigin } from '../views/offer-modal.js';
import { type DeliveryContext, deliverMessage, forSomeoneElse } from './delivery.js';
import { EXPIRED_TRIGGER, slackErrorCode } from './errors.js';
import type { Outcome } from './outcome.js';
import { postToResponseUrl } from './respond-url.js';

export type OfferOpening = OfferOrigin & { userId?: string };

/**
 * What a "try again" button needs to reopen the same form: where it was for, no more. The draft (company, figures)
 * never travels in the button: the button is sent by DM when the response_url fails, and a button's value goes
 * into the duplicate-drop key. Nothing is kept anywhere else either (figures are never stored): the person is told
 * the form opens empty and how to fill it again.
 */
export function encodeRetry(origin: OfferOpening): string {
  const full = JSON.stringify({ o: origin });
  if (full.length <= 2000) return full;
  return JSON.stringify({ o: { channelId: origin.channelId, threadTs: origin.threadTs, userId: origin.userId } });
}

export function decodeRetry(value: string | undefined): { origin: OfferOpening } {
  try {
    const parsed = JSON.parse(value ?? '') as { o?: OfferOpening };
    const origin = parsed.o && typeof parsed.o === 'object' ? parsed.o : {};
    const text = (v: unknown) => (typeof v === 'string' && v.length < 3000 ? v : undefined);
    return {
      origin: {
        channelId: text(origin.channelId),
        threadTs: text(origin.threadTs),
        responseUrl: text(origin.responseUrl),
        userId: text(origin.userId),
      },
    };
  } catch {
    return { origin: {} };
  }
}

/** Whether a draft holds anything the person would have to enter again. */
function hasDraft(initial: OfferDraft | undefined): boolean {
  return Object.values(initial ?? {}).some((value) => value !== undefined && value !== '');
}

async function offerRetry(
  delivery: DeliveryContext,
  origin: OfferOpening,
  initial: OfferDraft | undefined,
): Promise<void> {
  const message = buildExpiredTriggerMessage(encodeRetry(origin), hasDraft(initial));
  if (origin.responseUrl) {
    const posted = await postToResponseUrl(origin.responseUrl, {
      response_type: 'ephemeral',
      replace_original: false,
      ...message,
    });
    if (posted) return;
  }
  // Their DM, through its lane: the response URL, where notes would go, has just failed.
  if (origin.userId) await deliverMessage(forSomeoneElse(delivery), origin.userId, { channel: origin.userId }, message);
}

/**
 * Open the competing-offer modal. Called right after ack and before any other work: a trigger_id expires
 * 3 seconds after the click and works once. If it has expired anyway (a slow network), the person gets a
 * private button that opens the same form again.
 */
export async function openOfferModal(
  guide: Guide,
  delivery: DeliveryContext,
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
    await delivery.client.views.open({ trigger_id: triggerId, view });
    return { kind: 'modal' };
  } catch (error) {
    if (slackErrorCode(error) !== EXPIRED_TRIGGER) throw error;
    await offerRetry(delivery, origin, initial);
    return { kind: 'expired' };
  }
}
