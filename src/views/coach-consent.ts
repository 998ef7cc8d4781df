import type { CoachConsent } from '../engine/coach.js';
import { regionById } from '../engine/regions.js';
import type { Guide } from '../guide/schema.js';
import { actions, button, context, escapeMrkdwn, type SlackMessage, section } from './blocks.js';
import { BLOCKS, COACH_ACTIONS } from './ids.js';

/** The request in the accept / decline buttons' value: ids and a region, never a figure. */
export function encodeConsent(consent: CoachConsent): string {
  return JSON.stringify({ r: consent.regionId, c: consent.coachId, m: consent.teammateId, ch: consent.channelId });
}

export function decodeConsent(value: string | undefined): CoachConsent | undefined {
  try {
    const raw = JSON.parse(value ?? '') as Record<string, unknown>;
    const { r, c, m, ch } = raw;
    if (typeof r !== 'string' || typeof c !== 'string' || typeof m !== 'string' || typeof ch !== 'string')
      return undefined;
    return { regionId: r, coachId: c, teammateId: m, channelId: ch };
  } catch {
    return undefined;
  }
}

/** To the teammate alone, in their DM with allycomp: who asks, for which region, where the card would go. */
export function buildConsentRequest(guide: Guide, consent: CoachConsent): SlackMessage {
  const region = regionById(guide, consent.regionId);
  const value = encodeConsent(consent);
  const ask =
    `<@${consent.coachId}> would like to prepare a pay negotiation with you in <#${consent.channelId}>, ` +
    `using the ${escapeMrkdwn(region.name)} band.`;
  const what =
    `If you accept, a prep card naming you is posted there, so everyone in the channel sees that you are preparing. ` +
    `It shows the guide's band and scripts, nothing about your own pay. If you decline, nothing is posted and only ` +
    `<@${consent.coachId}> is told.`;
  return {
    text: `<@${consent.coachId}> asks to prepare a pay negotiation with you in <#${consent.channelId}>. Accept or decline.`,
    blocks: [
      section(`*${ask}*\n${what}`, BLOCKS.coachConsentAsk),
      actions(BLOCKS.coachConsentActions, [
        button('Accept', COACH_ACTIONS.accept, value, 'primary', 'Accept: post the prep card naming me'),
        button('Decline', COACH_ACTIONS.decline, value, undefined, 'Decline: post nothing'),
      ]),
    ],
  };
}

/** To the coach alone, right after the command. */
export function buildConsentSent(guide: Guide, consent: CoachConsent): SlackMessage {
  const region = regionById(guide, consent.regionId);
  const text =
    `I asked <@${consent.teammateId}> privately whether to post a ${escapeMrkdwn(region.shortName)} prep card naming them. ` +
    'It appears here once they accept; if they decline, I tell you, and nothing is posted.';
  return { text, blocks: [context([`:envelope: ${text}`], BLOCKS.coachConsentSent)] };
}

/**
 * To the coach alone, when the request could not go to the teammate: the real reason, since "try again" helps only
 * when the queue was full or Slack held the post back, and an unreachable DM needs the teammate, not a retry.
 */
export function buildConsentNotSent(teammateId: string, why: 'busy' | 'held_back' | 'unreachable'): SlackMessage {
  const reasons = {
    busy: `allycomp has as many messages waiting to be posted as it can hold right now, so I did not ask <@${teammateId}>`,
    held_back: `Slack held back my message to <@${teammateId}> for longer than your request can wait, so I did not ask them`,
    unreachable: `I could not reach <@${teammateId}> privately`,
  };
  const next = why === 'unreachable' ? '' : ' Run the command again in a minute: it asks them then.';
  const text = `${reasons[why]}. I asked nothing and posted nothing.${next}`;
  return { text, blocks: [context([`:warning: ${text}`], BLOCKS.coachConsentSent)] };
}

/** Replaces the request in the teammate's DM once they answered, so it cannot be answered twice. */
export function buildConsentAnswered(
  guide: Guide,
  consent: CoachConsent,
  answer: 'accepted' | 'declined' | 'not_posted',
): SlackMessage {
  const region = regionById(guide, consent.regionId);
  const texts = {
    accepted: `You accepted: the ${escapeMrkdwn(region.shortName)} prep card is in <#${consent.channelId}>.`,
    declined: `You declined: nothing was posted, and <@${consent.coachId}> knows.`,
    not_posted: `You accepted, but I could not post in <#${consent.channelId}> (I am not in it). I told <@${consent.coachId}>.`,
  };
  const text = texts[answer];
  return { text, blocks: [section(text, BLOCKS.coachConsentAnswered)] };
}

/** To the coach alone (their DM with allycomp): the teammate declined, or the card could not be posted. */
export function buildConsentOutcomeForCoach(consent: CoachConsent, answer: 'declined' | 'not_posted'): SlackMessage {
  const text =
    answer === 'declined'
      ? `<@${consent.teammateId}> declined the prep card for <#${consent.channelId}>. Nothing was posted there.`
      : `<@${consent.teammateId}> accepted the prep card, but I could not post it in <#${consent.channelId}>: add me there (\`/invite @allycomp\`) and run the command again.`;
  return { text: text.replace(/`/g, ''), blocks: [section(text, BLOCKS.coachConsentOutcome)] };
}
