import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { analyseOffer } from '../../engine/offer-analysis.js';
import { normaliseOffer } from '../../engine/offers.js';
import { regionById } from '../../engine/regions.js';
import { escapeMrkdwn, section } from '../../views/blocks.js';
import { buildProblemMessage } from '../../views/errors.js';
import { buildOfferAnswer } from '../../views/offer-answer.js';
import { decodeOrigin, OFFER_BLOCKS, readOfferForm, type ViewStateValues } from '../../views/offer-modal.js';
import { isNoAccessError } from '../delivery.js';
import type { ListenerDeps } from '../deps.js';
import { sendToDm } from '../offer-delivery.js';

type SubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * The offer modal's submit: invalid input keeps the modal open with an error on each field; a valid offer
 * closes it, then the full answer goes to the person's DM, and a shared copy to the thread if they chose to.
 */
export function offerSubmitted(deps: ListenerDeps) {
  return async ({ ack, view, body, client, context }: SubmitArgs) => {
    const { guide } = deps.loaded;
    const form = readOfferForm(guide, view.state.values as ViewStateValues);
    const normalised = normaliseOffer(form.draft);
    if (!normalised.ok) {
      for (const problem of normalised.problems) {
        const blockId = problem.field === 'vesting' ? OFFER_BLOCKS.vestingCustom : OFFER_BLOCKS.base;
        form.errors[blockId] ??= `${problem.message} Example: ${problem.example}.`;
      }
    }
    if (Object.keys(form.errors).length > 0 || !normalised.ok || !form.draft.regionId) {
      await ack({ response_action: 'errors', errors: form.errors });
      context.outcome = 'invalid';
      return;
    }
    await ack();

    const userId = body.user.id;
    const analysis = analyseOffer(guide, normalised.offer, regionById(guide, form.draft.regionId), form.premiumIds);
    const mine = buildOfferAnswer(deps.loaded, analysis, { showFigures: true });
    const readAs =
      form.readAs.length > 0
        ? [section(`_Read as:_ ${form.readAs.map(escapeMrkdwn).join('; ')}`, 'offer_read_as')]
        : [];
    await sendToDm(client, userId, { ...mine, blocks: [...readAs, ...mine.blocks] });
    context.outcome = 'dm';
    if (form.delivery === 'dm') return;

    const origin = decodeOrigin(view.private_metadata);
    const shared = buildOfferAnswer(deps.loaded, analysis, {
      showFigures: form.delivery === 'share-figures',
      sharedBy: userId,
    });
    if (!origin.channelId) return;
    try {
      await client.chat.postMessage({
        channel: origin.channelId,
        ...(origin.threadTs ? { thread_ts: origin.threadTs } : {}),
        text: shared.text,
        blocks: shared.blocks,
      });
      context.outcome = `dm+${form.delivery}`;
    } catch (error) {
      if (!isNoAccessError(error)) throw error;
      if (origin.responseUrl) {
        await fetch(origin.responseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ response_type: 'in_channel', text: shared.text, blocks: shared.blocks }),
        });
        context.outcome = `dm+${form.delivery}+response_url`;
        return;
      }
      const note = buildProblemMessage(
        'I could not share your offer prep in that channel: add me to it (/invite @allycomp) and try again. Your own copy is above.',
      );
      await sendToDm(client, userId, note);
      context.outcome = 'dm+share_failed';
    }
  };
}
