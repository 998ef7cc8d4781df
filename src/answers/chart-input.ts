import type { ChartInput, ChartRegion } from '../chart/model.js';
import { type AskPackage, buildAskPackage } from '../engine/ask/index.js';
import { normaliseOffer, readOfferWords } from '../engine/offer/index.js';
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
 * The chart for an offer answer: the bands with the offer and its ask marked. Shared without figures, the chart
 * is the bands alone (a marker on a dollar axis would give the offer away).
 */
export function offerChart(guide: Guide, pkg: AskPackage, showFigures: boolean): ChartInput {
  const base = regionChartInput(guide);
  if (!showFigures || !pkg.offer) return base;
  return {
    ...base,
    title: `Your ${pkg.offer.company} offer vs ${guide.company} bands`,
    offer: { label: `Your offer (${pkg.offer.company})`, dollars: pkg.offer.annualTc.value },
    ...(pkg.ask ? { ask: { regionId: pkg.region.id, range: pkg.ask.tc.value } } : {}),
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
  const pkg = buildAskPackage(guide, regionById(guide, regionId), normalised.offer);
  return { ok: true, input: offerChart(guide, pkg, true) };
}
