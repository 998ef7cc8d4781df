import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { describeDraft } from '../../answers/offer-flow.js';
import { readOfferFromText } from '../../engine/offer/index.js';
import { deliveryContext } from '../../slack/delivery.js';
import { openOfferModal } from '../../slack/open-offer-modal.js';
import { setOutcome } from '../../slack/outcome.js';
import type { ListenerDeps } from '../deps.js';

type MessageShortcutArgs = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;

/** Message shortcut "Coach this offer": reads the offer out of the message and opens the modal prefilled. */
export function coachOffer(deps: ListenerDeps) {
  return async ({ ack, shortcut, client, context }: MessageShortcutArgs) => {
    await ack();
    // Reading the text is a few microseconds of pure work, well inside the trigger's 3 seconds.
    const read = readOfferFromText(deps.loaded.guide, shortcut.message.text ?? '');
    const threadTs = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
    setOutcome(
      context,
      await openOfferModal(
        deps.loaded.guide,
        deliveryContext(deps.delivery, { client, context }),
        shortcut.trigger_id,
        { channelId: shortcut.channel.id, threadTs, responseUrl: shortcut.response_url, userId: shortcut.user.id },
        read.draft,
        describeDraft(deps.loaded.guide, read),
      ),
    );
  };
}
