/**
 * Where an offer answer goes. The person's own copy, with every figure, goes to their DM with the bot: private, and
 * still there tomorrow (an ephemeral message is neither), with the chart of their figures in its thread, uploaded for
 * them and never reused. A copy they chose to share goes to the channel's thread, through that channel's lane.
 */
import type { RespondFn } from '@slack/bolt';
import { offerAnswerFromWords } from '../answers/offer-flow.js';
import { ownCopy, shareCopy } from '../answers/offer-prep.js';
import type { ChartInput } from '../chart/model.js';
import type { LoadedGuide } from '../guide/load.js';
import type { SlackMessage } from '../views/blocks.js';
import { buildProblemMessage } from '../views/error-messages.js';
import type { OfferPrep } from '../views/offer-answer.js';
import type { DeliveryChoice, OfferOrigin } from '../views/offer-modal.js';
import { buildNotPostedBusy } from '../views/queue-notes.js';
import { postAnswer } from './chart-posts.js';
import { type DeliveryContext, type DmTarget, deliver, deliverMessage, dmChannel, type Notify } from './delivery.js';
import type { ChartOutcome, Outcome, OwnCopyOutcome, QuickOfferOutcome, ShareOutcome } from './outcome.js';
import { postToResponseUrl } from './respond-url.js';

/** Only the message's text and blocks go to a response_url (no other field of the answer). */
const textAndBlocks = (message: SlackMessage): SlackMessage => ({ text: message.text, blocks: message.blocks });

/**
 * The person's own offer answer in their DM, then the chart of their figures in its thread. Undefined when it could
 * not be posted there (no DM with the bot, or the queue is full): the caller answers them privately another way.
 */
export async function deliverOfferToDm(
  ctx: DeliveryContext,
  dm: DmTarget,
  answer: { message: SlackMessage; chart: ChartInput },
  onPosted?: () => Promise<unknown>,
): Promise<{ kind: 'dm'; chart: ChartOutcome } | undefined> {
  const result = await deliver(ctx, dm.userId, (run) =>
    postAnswer(run, {
      channel: dmChannel(dm),
      message: answer.message,
      chart: answer.chart,
      ...(onPosted ? { onPosted } : {}),
    }),
  );
  if (result.kind !== 'delivered' || result.value.kind !== 'posted') return undefined;
  return { kind: 'dm', chart: result.value.chart };
}

/** `/allycomp offer SoFi 245k detroit`: answered at once from the words, to the person alone. */
export async function answerQuickOffer(
  loaded: LoadedGuide,
  ctx: DeliveryContext,
  args: { respond: RespondFn; userId: string; words: string[] },
): Promise<QuickOfferOutcome> {
  const { respond } = args;
  const result = offerAnswerFromWords(loaded, args.words);
  if (!result.ok) {
    await respond({ response_type: 'ephemeral', text: result.message.text, blocks: result.message.blocks });
    return { kind: 'invalid' };
  }
  // Said as soon as the answer is in the DM, not after its chart's upload.
  const dm = await deliverOfferToDm(ctx, { userId: args.userId }, result, () =>
    respond({ response_type: 'ephemeral', text: 'Sent to your DM with allycomp: only you can see it.' }),
  );
  if (dm) return dm;
  await respond({ response_type: 'ephemeral', text: result.message.text, blocks: result.message.blocks });
  return { kind: 'ephemeral' };
}

/** A private word through a stored response_url (the offer form's origin). */
function notifyThrough(responseUrl: string): Notify {
  return (message) =>
    postToResponseUrl(responseUrl, { response_type: 'ephemeral', replace_original: false, ...message });
}

/** The person's own copy: their DM, or without one (its Messages tab off, say) privately through the response URL. */
async function deliverOwnCopy(
  ctx: DeliveryContext,
  userId: string,
  origin: OfferOrigin,
  answer: { message: SlackMessage; chart: ChartInput },
): Promise<OwnCopyOutcome> {
  const dm = await deliverOfferToDm(ctx, { userId }, answer);
  if (dm) return dm;
  const privately =
    origin.responseUrl &&
    (await postToResponseUrl(origin.responseUrl, { response_type: 'ephemeral', ...textAndBlocks(answer.message) }));
  return { kind: privately ? 'private' : 'dm_failed' };
}

/**
 * The copy the person chose to share, in the channel's thread (the shared chart as its image when it carries none
 * of their figures). Where the bot cannot post or the channel's queue is full: through the response URL, which needs
 * neither; failing that, the person is told in their DM.
 */
async function shareInChannel(
  ctx: DeliveryContext,
  args: { userId: string; channelId: string; origin: OfferOrigin; share: { message: SlackMessage; chart: ChartInput } },
  form: 'share-figures' | 'share-positions',
): Promise<ShareOutcome> {
  const { userId, channelId, origin, share } = args;
  const inChannel = { ...ctx, ...(origin.responseUrl ? { notify: notifyThrough(origin.responseUrl) } : {}) };
  const result = await deliver(inChannel, channelId, (run) =>
    postAnswer(run, {
      channel: channelId,
      message: share.message,
      chart: share.chart,
      ...(origin.threadTs ? { inThreadTs: origin.threadTs } : {}),
    }),
  );
  if (result.kind === 'expired') return { kind: 'failed' };
  if (result.kind === 'delivered' && result.value.kind === 'posted') {
    return { kind: 'shared', form, via: 'thread', chart: result.value.chart };
  }
  if (
    origin.responseUrl &&
    (await postToResponseUrl(origin.responseUrl, { response_type: 'in_channel', ...textAndBlocks(share.message) }))
  ) {
    return { kind: 'shared', form, via: 'response_url' };
  }
  const note =
    result.kind === 'busy'
      ? buildNotPostedBusy('your shared copy', result.scope)
      : buildProblemMessage(
          'I could not share your offer prep in that channel: add me to it (/invite @allycomp) and try again. Your own copy is above.',
        );
  await deliverMessage(ctx, userId, { channel: userId }, note);
  return { kind: 'failed' };
}

/**
 * The offer form's answer: the person's own copy, then the copy they chose to share. A reading still to confirm
 * ("did you mean …?") holds the share back: the figures are not confirmed, so nothing goes to the channel yet.
 */
export async function deliverOfferSubmission(
  ctx: DeliveryContext,
  args: { loaded: LoadedGuide; prep: OfferPrep; userId: string; origin: OfferOrigin; delivery: DeliveryChoice },
): Promise<Outcome> {
  const { loaded, prep, userId, origin, delivery } = args;
  const shareHeldBack = delivery !== 'dm' && origin.channelId !== undefined && prep.pkg.needsConfirmation;
  const own = await deliverOwnCopy(ctx, userId, origin, ownCopy(loaded, prep, { shareHeldBack }));
  if (delivery === 'dm') return { kind: 'offer_submitted', own };
  if (!origin.channelId || prep.pkg.needsConfirmation) {
    return { kind: 'offer_submitted', own, share: { kind: 'no_channel' } };
  }
  const share = shareCopy(loaded, prep, delivery === 'share-figures', userId);
  return {
    kind: 'offer_submitted',
    own,
    share: await shareInChannel(ctx, { userId, channelId: origin.channelId, origin, share }, delivery),
  };
}
