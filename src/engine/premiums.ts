import type { Guide, Premium, Range } from '../guide/schema.js';
import { byRule, type Explained, fromGuide } from './explained.js';
import { formatMoney, formatRange } from './money.js';

export interface PremiumClaim {
  premium: Premium;
  range: Explained<Range>;
}

export interface PremiumTotal {
  claims: PremiumClaim[];
  /** Sum of the low ends and of the high ends of the premiums claimed. */
  total: Explained<Range>;
}

function premiumFigure(premium: Premium): Explained<Range> {
  return fromGuide(premium.name, premium.range, `Ally.ai premiums, "${premium.name}": ${formatRange(premium.range)}`);
}

/** The Ally.ai premiums a person qualifies for, and what they add up to. Unknown ids are ignored. */
export function claimPremiums(guide: Guide, premiumIds: readonly string[]): PremiumTotal {
  const claims = guide.premiums
    .filter((premium) => premiumIds.includes(premium.id))
    .map((premium) => ({ premium, range: premiumFigure(premium) }));
  const low = claims.reduce((sum, claim) => sum + claim.premium.range.low, 0);
  const high = claims.reduce((sum, claim) => sum + claim.premium.range.high, 0);
  const math =
    claims.length === 0
      ? 'No premiums selected.'
      : `Low ends: ${claims.map((c) => formatMoney(c.premium.range.low)).join(' + ')} = ${formatMoney(low)}; ` +
        `high ends: ${claims.map((c) => formatMoney(c.premium.range.high)).join(' + ')} = ${formatMoney(high)}.`;
  return { claims, total: byRule('Premiums you can claim', { low, high }, math) };
}
