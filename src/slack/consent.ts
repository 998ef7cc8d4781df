/**
 * The teammate's answer to a prep-card request. The answer is claimed under the card's lock (through the store, so
 * across replicas too) and only the first counts; posting happens after the lock is let go, because a post waits its
 * turn in the channel's lane (minutes, in a busy channel) and the lock holds a database connection. An accept that
 * posted nothing (the queue was full, or its 30 minutes ran out) gives the claim back, so the teammate can accept
 * again.
 */
import type { WebClient } from '@slack/web-api';
import { coachCardAnswer } from '../answers/coach.js';
import type { CoachConsent } from '../engine/coach.js';
import type { LoadedGuide } from '../guide/load.js';
import type { Store } from '../store/store.js';
import type { SlackMessage } from '../views/blocks.js';
import { buildConsentAnswered, buildConsentOutcomeForCoach } from '../views/coach-consent.js';
import { postCoachCard } from './coach.js';
import { type DeliveryContext, deliverMessage, forSomeoneElse } from './delivery.js';
import type { Outcome } from './outcome.js';

/** `true`: answered (or being answered); `'open'`: an accept that posted nothing, to be answered again. */
type ConsentState = true | 'open';

export interface ConsentAnswer {
  consent: CoachConsent;
  accept: boolean;
  /** The request message in the teammate's DM, rewritten with the answer. */
  request: { channel: string; ts: string };
}

/** Claims the answer for this click: false when an earlier click already answered the request. */
export function claimConsent(store: Pick<Store, 'withCard'>, request: ConsentAnswer['request']): Promise<boolean> {
  return store.withCard<ConsentState, boolean>(consentKey(request), async (latest) =>
    latest === true ? { result: false } : { state: true, result: true },
  );
}

/** Carries out a claimed answer: the card posted (accept) or the coach told (decline), the request rewritten. */
export async function carryOutConsent(
  deps: { loaded: LoadedGuide; store: Pick<Store, 'withCard'> },
  ctx: DeliveryContext,
  client: WebClient,
  answer: ConsentAnswer,
): Promise<Outcome> {
  const { consent, request } = answer;
  const { guide } = deps.loaded;
  const rewrite = (message: SlackMessage) =>
    client.chat.update({ channel: request.channel, ts: request.ts, text: message.text, blocks: message.blocks });
  // The coach's DM, through its own lane; queue notes would reach the teammate who clicked: none.
  const tellCoach = (message: SlackMessage) =>
    deliverMessage(forSomeoneElse(ctx), consent.coachId, { channel: consent.coachId }, message);
  if (!answer.accept) {
    await rewrite(buildConsentAnswered(guide, consent, 'declined'));
    await tellCoach(buildConsentOutcomeForCoach(consent, 'declined'));
    return { kind: 'declined' };
  }
  const state = { regionId: consent.regionId, coachId: consent.coachId, teammateId: consent.teammateId, ticks: {} };
  const posted = await postCoachCard(ctx, consent.channelId, coachCardAnswer(deps.loaded, state), 'card');
  if (posted.kind === 'busy' || posted.kind === 'queue_expired') {
    // Nothing was posted (beyond the caps the clicker was told): the request stays open to accept again.
    await deps.store.withCard<ConsentState, undefined>(consentKey(request), async () => ({
      state: 'open',
      result: undefined,
    }));
    return posted;
  }
  if (posted.kind === 'not_in_channel') {
    await rewrite(buildConsentAnswered(guide, consent, 'not_posted'));
    await tellCoach(buildConsentOutcomeForCoach(consent, 'not_posted'));
    return posted;
  }
  await rewrite(buildConsentAnswered(guide, consent, 'accepted'));
  return posted;
}

function consentKey(request: ConsentAnswer['request']): string {
  return `consent:${request.channel}:${request.ts}`;
}
