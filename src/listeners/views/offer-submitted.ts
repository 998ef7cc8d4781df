import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { offerChart } from '../../answers/chart-input.js';
import { prepareOffer, shareCopy } from '../../answers/offer-prep.js';
import { normaliseOffer } from '../../engine/offer/index.js';
import { regionById } from '../../engine/regions.js';
import { attachChart } from '../../slack/chart-upload.js';
import { isNoAccessError } from '../../slack/errors.js';
import { sendToDm } from '../../slack/offer-delivery.js';
import { type OwnCopyOutcome, setOutcome } from '../../slack/outcome.js';
import { postToResponseUrl } from '../../slack/respond-url.js';
import type { SlackMessage } from '../../views/blocks.js';
import { buildProblemMessage } from '../../views/error-messages.js';
import { buildOfferAnswer } from '../../views/offer-answer.js';
import { blockForField, readOfferForm, type ViewStateValues } from '../../views/offer-form.js';
import { decodeOrigin } from '../../views/offer-modal.js';
import type { ListenerDeps } from '../deps.js';

type SubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Only the message's text and blocks go to a response_url (as before: no other field of the answer). */
const textAndBlocks = (message: SlackMessage): SlackMessage => ({ text: message.text, blocks: message.blocks });

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
      setOutcome(context, { kind: 'invalid' });
      return;
    }
    await ack();

    const userId = body.user.id;
    const origin = decodeOrigin(view.private_metadata);
    const region = regionById(guide, form.draft.regionId);
    const prep = prepareOffer(guide, region, form.draft, normalised.offer, form.premiumIds, form.readAs);
    const ownCopy = buildOfferAnswer(deps.loaded, prep);
    let own: OwnCopyOutcome;
    const dm = await sendToDm(client, userId, ownCopy);
    if (dm) {
      const chartInput = offerChart(guide, prep.pkg, true);
      own = { kind: 'dm', chart: await attachChart(client, { channelId: dm.channel, threadTs: dm.ts }, chartInput) };
    } else {
      // No DM with the bot (for example, its Messages tab is off): still only the person sees it.
      const privately =
        origin.responseUrl &&
        (await postToResponseUrl(origin.responseUrl, { response_type: 'ephemeral', ...textAndBlocks(ownCopy) }));
      own = { kind: privately ? 'private' : 'dm_failed' };
    }
    setOutcome(context, { kind: 'offer_submitted', own });
    if (form.delivery === 'dm') return;
    if (!origin.channelId) {
      setOutcome(context, { kind: 'offer_submitted', own, share: { kind: 'no_channel' } });
      return;
    }

    const showFigures = form.delivery === 'share-figures';
    // Held back for a "did you mean …?": the figures are not confirmed, so nothing goes to the channel yet.
    if (prep.pkg.needsConfirmation) {
      setOutcome(context, { kind: 'offer_submitted', own, share: { kind: 'no_channel' } });
      return;
    }
    const { message: shared, chart: sharedChart } = shareCopy(deps.loaded, prep, showFigures, userId);
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
        sharedChart,
      );
      setOutcome(context, {
        kind: 'offer_submitted',
        own,
        share: { kind: 'shared', form: form.delivery, via: 'thread', chart },
      });
    } catch (error) {
      if (!isNoAccessError(error)) throw error;
      if (
        origin.responseUrl &&
        (await postToResponseUrl(origin.responseUrl, { response_type: 'in_channel', ...textAndBlocks(shared) }))
      ) {
        setOutcome(context, {
          kind: 'offer_submitted',
          own,
          share: { kind: 'shared', form: form.delivery, via: 'response_url' },
        });
        return;
      }
      const note = buildProblemMessage(
        'I could not share your offer prep in that channel: add me to it (/invite @allycomp) and try again. Your own copy is above.',
      );
      await sendToDm(client, userId, note);
      setOutcome(context, { kind: 'offer_submitted', own, share: { kind: 'failed' } });
    }
  };
}
