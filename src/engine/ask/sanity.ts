import type { Guide, Region } from '../../guide/schema.js';
import { formatMoney } from '../money.js';
import type { NormalisedOffer } from '../offer/normalise.js';
import type { AskWarning, Confirmation } from './types.js';

/** Rule 5's bounds: half the lowest band's low and twice the highest band's top, across the guide's regions. */
export function plausibleTc(guide: Guide): { low: number; high: number } {
  const lowest = Math.min(...guide.regions.map((region) => region.band.totalComp.low));
  const highest = Math.max(...guide.regions.map((region) => region.band.totalComp.high));
  return { low: Math.ceil(lowest / 2), high: highest * 2 };
}

/** The highest RSU band top in the guide: twice it, as a yearly figure, is surely a whole grant. */
function highestStockTop(guide: Guide): number {
  return Math.max(...guide.regions.map((region) => region.band.stock.high));
}

function typedForm(value: number): string {
  return value >= 1_000_000 ? `${value / 1_000_000}m` : `${value / 1000}k`;
}

/**
 * Sanity before confidence (rule 5). A TC outside [half the lowest band low, twice the highest band top] holds back
 * the ask with "did you mean …?" candidates (the figure ×10, ×1000, ÷10, ÷1000 that land inside the bounds). A
 * yearly equity above the region's RSU band top asks whether it is a total grant; above twice the guide's highest
 * RSU top it holds the ask back too.
 */
export function checkSanity(
  guide: Guide,
  region: Region,
  offer: NormalisedOffer,
): { confirmations: Confirmation[]; warnings: AskWarning[]; holdBack: boolean } {
  const confirmations: Confirmation[] = [];
  const warnings: AskWarning[] = [];
  let holdBack = false;
  const bounds = plausibleTc(guide);
  const tc = offer.annualTc.value;
  if (tc < bounds.low || tc > bounds.high) {
    holdBack = true;
    const candidates = [tc * 10, tc * 1000, tc / 10, tc / 1000]
      .map((value) => Math.round(value))
      .filter((value) => value >= bounds.low && value <= bounds.high)
      .map((value) => ({ label: `${formatMoney(value)} a year`, value, typed: typedForm(value) }));
    const question =
      `${formatMoney(tc)} a year is ${tc < bounds.low ? 'under half' : 'over twice'} what the guide's bands cover ` +
      `(${formatMoney(bounds.low)} to ${formatMoney(bounds.high)}). ` +
      (candidates.length > 0
        ? `Did you mean ${candidates.map((c) => c.label).join(' or ')}?`
        : 'Check the figure and send it again.');
    confirmations.push({ field: 'totalComp', question, candidates });
    warnings.push({ code: 'implausible-tc', text: question });
  }
  const equity = offer.equityPerYear;
  // A figure the person typed as yearly (a grant's yearly average is computed, and is not questioned here).
  if (equity && equity.source === 'you' && equity.value > region.band.stock.high) {
    const perYear = Math.round(equity.value / 4);
    const surelyGrant = equity.value > 2 * highestStockTop(guide);
    holdBack ||= surelyGrant;
    const question =
      `Is ${formatMoney(equity.value)} of equity a year, or the whole grant? A year, it is above ` +
      `${region.shortName}'s RSU band top ${formatMoney(region.band.stock.high)}; as a grant over 4 years it is ` +
      `${formatMoney(perYear)} a year.`;
    confirmations.push({
      field: 'equity',
      question,
      candidates: [
        {
          label: `${formatMoney(equity.value)} a year`,
          value: equity.value,
          typed: `${typedForm(equity.value)} a year`,
        },
        {
          label: `a ${formatMoney(equity.value)} grant over 4 years`,
          value: perYear,
          typed: `--grant ${typedForm(equity.value)} --vesting 4`,
        },
      ],
    });
    warnings.push({ code: 'equity-maybe-grant', text: question });
  }
  return { confirmations, warnings, holdBack };
}
