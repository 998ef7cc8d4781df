import type { RespondFn } from '@slack/bolt';
import { regionChartInput } from '../../answers/chart-input.js';
import type { Region } from '../../guide/schema.js';
import { deliverChartToChannel } from '../../slack/answer-delivery.js';
import type { DeliveryContext } from '../../slack/delivery.js';
import { answerQuickOffer } from '../../slack/offer-delivery.js';
import type { Outcome } from '../../slack/outcome.js';
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
  return deliverChartToChannel(delivery, channelId, regionChartInput(deps.loaded.guide, region));
}
