import type { Guide, Region } from '../../guide/schema.js';
import { byRule, type Explained, fromGuide } from '../explained.js';
import { formatMoney, formatPercent, formatRange, roundToThousand } from '../money.js';
import { regionById } from '../regions.js';

/**
 * The position rule: a guide figure stated for the example region, moved to the same fraction of the way up
 * another region's band, rounded to the nearest $1K. In the example region it is the guide's figure.
 */
export function samePlaceInBand(
  guide: Guide,
  region: Region,
  component: 'base' | 'stock' | 'totalComp',
  exampleValue: number,
  label: string,
  guideWhere: string,
): Explained {
  const exampleRegion = regionById(guide, guide.example.region);
  if (region.id === exampleRegion.id) return fromGuide(label, exampleValue, guideWhere);
  const from = exampleRegion.band[component];
  const to = region.band[component];
  const span = from.high - from.low;
  const fraction = span === 0 ? 0 : (exampleValue - from.low) / span;
  const value = roundToThousand(to.low + fraction * (to.high - to.low));
  const percent = formatPercent(fraction * 100);
  return byRule(
    label,
    value,
    `The guide's ${formatMoney(exampleValue)} (${guideWhere}, a ${exampleRegion.shortName} figure) sits ${percent} of the ` +
      `way up ${exampleRegion.shortName}'s band ${formatRange(from)}; ${percent} of the way up ${region.shortName}'s ` +
      `band ${formatRange(to)} is ${formatMoney(value)} (nearest $1K).`,
  );
}
