import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { offerChartInput } from '../../answers/chart-input.js';
import { analyseOffer } from '../../engine/offer-analysis.js';
import { normaliseOffer } from '../../engine/offers.js';
import { regionById } from '../../engine/regions.js';
import { attachChart } from '../../slack/chart-upload.js';
import { isNoAccessError } from '../../slack/delivery.js';
import { sendToDm } from '../../slack/offer-delivery.js';
import { escapeMrkdwn, type SlackMessage, section } from '../../views/blocks.js';
import { buildProblemMessage } from '../../views/error-messages.js';
import { buildOfferAnswer } from '../../views/offer-answer.js';
import { blockForField, decodeOrigin, readOfferForm, type ViewStateValues } from '../../views/offer-modal.js';
import type { ListenerDeps } from '../deps.js';

type SubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Post to a response_url (a shared copy when the bot is not in the channel, or the answer when a DM fails). */
async function postToResponseUrl(
  url: string,
  message: SlackMessage,
  responseType: 'in_channel' | 'ephemeral',
): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: responseType, text: message.text, blocks: message.blocks }),
      signal: AbortSignal.timeout(5_000),
    });
    return response.ok;
  } catch {
    return false; // expired (30 minutes, 5 posts) or unreachable: the caller says so another way
  }
}

/**
 * The offer modal's submit: invalid input keeps the modal open with an error on each field; a valid offer
 * closes it, then the full answer goes to the person's DM, and a shared copy to the thread if they chose to.
 * Nothing about the offer is kept: everything needed arrives in this one payload (the origin in private_metadata).
 */
export function offerSubmitted(deps: ListenerDeps) {
  return async ({ ack, view, body, client, context }: SubmitArgs) => {
    const { guide } = deps.loaded;
    const form = readOfferForm(guide, view.state.values as ViewStateValues);
    const normalised = normaliseOffer(form.draft);
    if (!normalised.ok) {
      // readOfferForm already places these; this only guards against a check it does not know about.
      for (const problem of normalised.problems) {
        form.errors[blockForField(problem.field)] ??= `${problem.message} Example: ${problem.example}.`;
      }
    }
    if (Object.keys(form.errors).length > 0 || !normalised.ok || !form.draft.regionId) {
      await ack({ response_action: 'errors', errors: form.errors });
      context.outcome = 'invalid';
      return;
    }
    await ack();

    const userId = body.user.id;
    const origin = decodeOrigin(view.private_metadata);
    const analysis = analyseOffer(guide, normalised.offer, regionById(guide, form.draft.regionId), form.premiumIds);
    const mine = buildOfferAnswer(deps.loaded, analysis, { showFigures: true });
    const readAs =
      form.readAs.length > 0
        ? [section(`_Read as:_ ${form.readAs.map(escapeMrkdwn).join('; ')}`, 'offer_read_as')]
        : [];
    const own = { ...mine, blocks: [...readAs, ...mine.blocks] };
    let outcome = 'dm';
    const dm = await sendToDm(client, userId, own);
    if (dm) {
      outcome = `dm+${await attachChart(client, { channelId: dm.channel, threadTs: dm.ts }, offerChartInput(guide, analysis, true))}`;
    } else {
      // No DM with the bot (for example, its Messages tab is off): still only the person sees it.
      outcome =
        origin.responseUrl && (await postToResponseUrl(origin.responseUrl, own, 'ephemeral')) ? 'private' : 'dm_failed';
    }
    context.outcome = outcome;
    if (form.delivery === 'dm') return;
    if (!origin.channelId) {
      context.outcome = `${outcome}+share_no_channel`;
      return;
    }

    const shared = buildOfferAnswer(deps.loaded, analysis, {
      showFigures: form.delivery === 'share-figures',
      sharedBy: userId,
    });
    const showFigures = form.delivery === 'share-figures';
    try {
      const posted = await client.chat.postMessage({
        channel: origin.channelId,
        ...(origin.threadTs ? { thread_ts: origin.threadTs } : {}),
        text: shared.text,
        blocks: shared.blocks,
      });
      const chart = await attachChart(
        client,
        { channelId: origin.channelId, threadTs: origin.threadTs ?? posted.ts },
        offerChartInput(guide, analysis, showFigures),
      );
      context.outcome = `${outcome}+${form.delivery}+${chart}`;
    } catch (error) {
      if (!isNoAccessError(error)) throw error;
      if (origin.responseUrl && (await postToResponseUrl(origin.responseUrl, shared, 'in_channel'))) {
        context.outcome = `${outcome}+${form.delivery}+response_url`;
        return;
      }
      const note = buildProblemMessage(
        'I could not share your offer prep in that channel: add me to it (/invite @allycomp) and try again. Your own copy is above.',
      );
      await sendToDm(client, userId, note);
      context.outcome = `${outcome}+share_failed`;
    }
  };
}
