import type { RespondFn } from '@slack/bolt';
import { regionChartInput } from '../../answers/chart-input.js';
import type { Region } from '../../guide/schema.js';
import { deliverChart } from '../../slack/answer-delivery.js';
import type { DeliveryContext } from '../../slack/delivery.js';
import { answerQuickOffer } from '../../slack/offer-delivery.js';
import type { Outcome } from '../../slack/outcome.js';
import { COMMAND } from '../../views/ids.js';
import { buildNotPostedBusy } from '../../views/queue-notes.js';
import type { ListenerDeps } from '../deps.js';

/**
 * `/allycomp chart [region]` posts the band chart in the channel. With an offer (`chart detroit SoFi 245k`) it is
 * the person's own figures, so it goes to their DM with the offer answer, never to the channel.
 */
export async function postChart(
  deps: ListenerDeps,
  args: {
    delivery: DeliveryContext;
    respond: RespondFn;
    channelId: string;
    userId: string;
    words: string[];
    region?: Region;
  },
): Promise<Outcome> {
  const { delivery, respond, channelId, userId, words, region } = args;
  if (words.length > 0) {
    const offerWords = [
      ...(words[0]?.toLowerCase() === 'offer' ? words.slice(1) : words),
      ...(region ? [region.aliases[0] ?? region.id] : []),
    ];
    return {
      kind: 'offer_chart',
      offer: await answerQuickOffer(deps.loaded, delivery, { respond, userId, words: offerWords }),
    };
  }
  const result = await deliverChart(
    delivery,
    { lane: channelId, channel: channelId },
    regionChartInput(deps.loaded.guide, region),
  );
  if (result.kind === 'expired') return { kind: 'queue_expired' };
  if (result.kind === 'busy') {
    const note = buildNotPostedBusy('the chart', result.scope);
    await respond({ response_type: 'ephemeral', text: note.text, blocks: note.blocks });
    return { kind: 'busy' };
  }
  const chart = result.value;
  if (!chart.attached) {
    await respond({
      response_type: 'ephemeral',
      text: `I could not post the chart here. Add me to the channel (/invite @allycomp), or try ${COMMAND} chart in my DM.`,
    });
  }
  return { kind: 'chart', chart };
}
