import type { CompanyKind, Guide, Premium, Range } from '../guide/schema.js';
import { byRule, type Explained, fromGuide } from './explained.js';
import { formatMoney, formatPercent, formatRange } from './money.js';

export interface PremiumClaim {
  premium: Premium;
  range: Explained<Range>;
}

export interface PremiumTotal {
  claims: PremiumClaim[];
  /** Sum of the low ends and of the high ends of the premiums claimed. */
  total: Explained<Range>;
}

export function premiumFigure(premium: Premium): Explained<Range> {
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

export interface BranchlessPremium {
  percent: Range;
  /** The premium in dollars on the competing TC, and the Ally TC it implies. */
  premium: Explained<Range>;
  impliedTc: Explained<Range>;
}

/** The guide's 15–25% branchless premium, for a competitor that is a traditional bank; otherwise undefined. */
export function branchlessPremium(
  guide: Guide,
  competingTc: number,
  companyKind: CompanyKind | undefined,
): BranchlessPremium | undefined {
  const { percent, appliesTo } = guide.branchlessPremium;
  if (companyKind !== appliesTo) return undefined;
  const low = Math.round((competingTc * percent.low) / 100);
  const high = Math.round((competingTc * percent.high) / 100);
  const range = `${formatPercent(percent.low)}–${formatPercent(percent.high)}`;
  return {
    percent,
    premium: byRule(
      'Branchless premium',
      { low, high },
      `The guide: Ally PM pay "exceeds traditional banking PM roles by ${range}". ${range} of your ` +
        `${formatMoney(competingTc)} competing TC = ${formatRange({ low, high })}.`,
    ),
    impliedTc: byRule(
      'TC the branchless premium implies',
      { low: competingTc + low, high: competingTc + high },
      `${formatMoney(competingTc)} + ${formatRange({ low, high })} = ${formatRange({ low: competingTc + low, high: competingTc + high })}.`,
    ),
  };
}
