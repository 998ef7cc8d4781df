import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { prepareOffer } from '../../answers/offer-prep.js';
import { normaliseOffer } from '../../engine/offer/index.js';
import { regionById } from '../../engine/regions.js';
import { deliveryContext } from '../../slack/delivery.js';
import { deliverOfferSubmission } from '../../slack/offer-delivery.js';
import { setOutcome, setOutcomeWhenDelivered } from '../../slack/outcome.js';
import { blockForField, readOfferForm, type ViewStateValues } from '../../views/offer-form.js';
import { decodeOrigin } from '../../views/offer-modal.js';
import type { ListenerDeps } from '../deps.js';

type SubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * The offer modal's submit: invalid input keeps the modal open with an error on each field; a valid offer
 * closes it, then the full answer goes to the person's DM, and a shared copy to the thread if they chose to
 * (slack/offer-delivery.ts).
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

    const region = regionById(guide, form.draft.regionId);
    const prep = prepareOffer(guide, region, form.draft, normalised.offer, form.premiumIds, form.readAs);
    setOutcomeWhenDelivered(
      context,
      deliverOfferSubmission(deliveryContext(deps.delivery, { client, context }), {
        loaded: deps.loaded,
        prep,
        userId: body.user.id,
        origin: decodeOrigin(view.private_metadata),
        delivery: form.delivery,
      }),
    );
  };
}
