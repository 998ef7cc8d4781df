import type { ChartInput, ChartRegion } from '../chart/model.js';
import { analyseOffer, type OfferAnalysis } from '../engine/offer-analysis.js';
import { readOfferWords } from '../engine/offer-text.js';
import { normaliseOffer } from '../engine/offers.js';
import { primaryAlias, regionById } from '../engine/regions.js';
import type { Guide, Region } from '../guide/schema.js';

function chartRegions(guide: Guide): ChartRegion[] {
  return guide.regions.map((region) => ({
    id: region.id,
    name: region.shortName,
    totalComp: region.band.totalComp,
    base: region.band.base,
    stock: region.band.stock,
    bonus: region.band.bonus,
    target: region.strategy.target,
  }));
}

/**
 * The bands of every region, with the negotiate-up targets: what goes in a region message's thread. With a region
 * (`chart ny`), that region is drawn first and highlighted, and the title says so.
 */
export function regionChartInput(guide: Guide, highlight?: Region): ChartInput {
  const all = chartRegions(guide);
  if (!highlight) return { title: `${guide.role} total comp by region · ${guide.company}`, regions: all };
  return {
    title: `${highlight.shortName}: ${guide.role} total comp · ${guide.company}`,
    regions: [
      ...all.filter((region) => region.id === highlight.id),
      ...all.filter((region) => region.id !== highlight.id),
    ],
    highlightId: highlight.id,
  };
}

/**
 * The bands with an offer and its ask marked. Shared without figures, the marker and the ask are left out:
 * on a dollar axis their position would give the figures away.
 */
export function offerChartInput(guide: Guide, analysis: OfferAnalysis, showFigures: boolean): ChartInput {
  const base = regionChartInput(guide);
  if (!showFigures) return base;
  const ask = analysis.asks[0];
  return {
    ...base,
    title: `Your ${analysis.offer.company} offer vs ${guide.company} bands`,
    offer: { label: `Your offer (${analysis.offer.company})`, dollars: analysis.offer.annualTc.value },
    ...(ask ? { ask: { regionId: ask.region.id, range: ask.tc.value } } : {}),
  };
}

export type ChartRequest = { ok: true; input: ChartInput } | { ok: false; problem: string };

/**
 * `chart [region] [offer words]`: the bands alone, or with an offer read like the quick form
 * (`chart detroit SoFi 245k`, `chart --base 170k --bonus 15% --region ny`).
 */
export function chartFromWords(guide: Guide, region: Region | undefined, words: string[]): ChartRequest {
  if (words.length === 0) return { ok: true, input: regionChartInput(guide, region) };
  const offerWords = words[0]?.toLowerCase() === 'offer' ? words.slice(1) : words;
  const read = readOfferWords(guide, region ? [...offerWords, primaryAlias(region)] : offerWords);
  const regionId = read.draft.regionId ?? region?.id;
  const normalised = normaliseOffer(read.draft);
  const problems = [
    ...read.problems.map((p) => `${p.field}: ${p.message}`),
    ...(normalised.ok ? [] : normalised.problems.map((p) => `${p.field}: ${p.message}`)),
  ];
  if (!regionId) problems.push('region: which region should the ask be for? e.g. chart detroit SoFi 245k');
  if (problems.length > 0 || !normalised.ok || !regionId) return { ok: false, problem: problems.join('; ') };
  const analysis = analyseOffer(guide, normalised.offer, regionById(guide, regionId));
  return { ok: true, input: offerChartInput(guide, analysis, true) };
}
