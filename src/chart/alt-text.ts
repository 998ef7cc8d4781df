import { type ChartInput, type ChartRange, type ChartRegion, formatDollarsK, formatRange, normalise } from './model.js';

/** Slack's alt_text limit is 1,000 characters. */
const ALT_MAX = 999;

function percentUp(value: number, r: ChartRange): number {
  return r.high === r.low ? 100 : Math.round(((value - r.low) / (r.high - r.low)) * 100);
}

function offerPlacement(offer: number, r: ChartRegion): string {
  const band = r.totalComp;
  const possessive = `${r.name}'s band`;
  if (offer < band.low) return `${formatDollarsK(band.low - offer)} below ${possessive}`;
  if (offer > band.high) return `${formatDollarsK(offer - band.high)} above ${possessive}`;
  const inTarget = offer >= r.target.low && offer <= r.target.high ? ' (in its target)' : '';
  return `${percentUp(offer, band)}% up ${possessive}${inTarget}`;
}

/** A plain-words description of the chart, under 1,000 characters. */
export function describeBandChart(input: ChartInput): string {
  const n = normalise(input);
  const sentences: string[] = [];
  if (n.regions.length > 0) {
    const bands = n.regions.map((r) => `${r.name} ${formatRange(r.totalComp)} (target ${formatRange(r.target)})`);
    sentences.push(`Total-comp bands by region: ${bands.join(', ')}.`);
  } else {
    sentences.push('No salary bands to show.');
  }
  const offer = n.offer;
  if (offer) {
    const where = n.regions.map((r) => offerPlacement(offer.dollars, r));
    const tail = where.length > 0 ? ` sits ${where.join(', ')}` : '';
    sentences.push(`${offer.label} ${formatDollarsK(offer.dollars)}${tail}.`);
  }
  if (n.ask) {
    const on = n.ask.region ? `${n.ask.region.name} ` : '';
    sentences.push(`The ask: ${on}${formatRange(n.ask.range)}.`);
  }
  const comps = n.regions.map(
    (r) => `${r.name} base ${formatRange(r.base)}, stock ${formatRange(r.stock)}, bonus ${formatRange(r.bonus)}`,
  );
  if (comps.length > 0) sentences.push(`Pay mix from band low to high: ${comps.join('; ')}.`);
  const highlighted = n.regions.find((r) => r.id === n.highlightId);
  if (highlighted) sentences.unshift(`${highlighted.name} is drawn first and framed.`);
  if (n.title) sentences.unshift(`${n.title.replace(/[.!?…]+$/, '')}.`);

  // Drop the least important sentences (title, then pay mix) before cutting text.
  let text = sentences.join(' ');
  if (text.length > ALT_MAX && n.title) text = sentences.slice(1).join(' ');
  if (text.length > ALT_MAX && comps.length > 0) text = sentences.slice(n.title ? 1 : 0, -1).join(' ');
  if (text.length > ALT_MAX)
    text = `${Array.from(text)
      .slice(0, ALT_MAX - 2)
      .join('')
      .trimEnd()}…`;
  return text;
}
