import type { CompanyKind } from '../../guide/schema.js';
import { byRule as byRuleOn, type Explained, fromYou } from '../explained.js';

/** Every figure computed from an offer is the person's own. */
const byRule = <T>(label: string, value: T, math: string) => byRuleOn(label, value, math, true);

import { formatMoney, formatPercent } from '../money.js';

export type Vesting =
  | { kind: 'even'; years: number }
  | { kind: 'front-loaded-5-15-40-40' }
  | { kind: 'custom'; percents: number[] };

/**
 * A competing equity figure: a yearly value or a whole grant. `statedYearly`: the person said it is a year (words like
 * "a year", `--stock`, the form's yearly choice, or the "a year" button), so it is never asked about again.
 */
export type EquityInput =
  | { kind: 'annual'; dollars: number; statedYearly?: boolean; confirmed?: boolean }
  | { kind: 'grant'; dollars: number; vesting: Vesting };
export type BonusInput = { kind: 'dollars'; dollars: number } | { kind: 'percent'; percent: number };

/** A competing offer as the person described it; dollars are whole and already parsed. */
export interface OfferInput {
  company?: string;
  companyKind?: CompanyKind;
  title?: string;
  /** Either the parts (base, equity, bonus) or, when that is all the person knows, the total. */
  base?: number;
  totalComp?: number;
  equity?: EquityInput;
  bonus?: BonusInput;
  signOn?: number;
  /** The person confirmed a large sign-on as typed (the "as typed" button): it is not asked about again. */
  signOnConfirmed?: boolean;
}

export type OfferField = 'company' | 'base' | 'totalComp' | 'equity' | 'vesting' | 'bonus' | 'signOn';

export interface OfferProblem {
  field: OfferField;
  message: string;
  example: string;
}

export interface NormalisedOffer {
  company: string;
  companyKind?: CompanyKind;
  title?: string;
  base?: Explained;
  /** Equity value per year averaged over the vest, and what vests in year one. */
  equityPerYear?: Explained;
  equityFirstYear?: Explained;
  /** The person said the equity is a yearly value (EquityInput's `statedYearly`). */
  equityStatedYearly?: boolean;
  /** The person confirmed a yearly figure with the "a year" button (EquityInput's `confirmed`): never asked again. */
  equityConfirmed?: boolean;
  /** A grant's whole amount and the years it vests over (a grant only). */
  equityGrant?: { dollars: number; years: number };
  bonus?: Explained;
  signOn?: Explained;
  /** The person confirmed a large sign-on as typed (OfferInput's `signOnConfirmed`). */
  signOnConfirmed?: boolean;
  /** Annual TC: base + bonus + equity averaged over the vest. Comparable with the guide's bands. */
  annualTc: Explained;
  /** First-year TC: base + bonus + the first year's vest + sign-on. What lands in year one. */
  firstYearTc: Explained;
  /** Parts given beside a total comp alone that the total already counts: said in the answer, never dropped silently. */
  setAside?: string[];
}

export const FRONT_LOADED_SCHEDULE = [5, 15, 40, 40];
const UNNAMED_COMPANY = 'your competing company';

export function vestingPercents(vesting: Vesting): number[] {
  switch (vesting.kind) {
    case 'even':
      return Array.from({ length: vesting.years }, () => 100 / vesting.years);
    case 'front-loaded-5-15-40-40':
      return FRONT_LOADED_SCHEDULE;
    default:
      return vesting.percents;
  }
}

export function describeVesting(vesting: Vesting): string {
  switch (vesting.kind) {
    case 'even':
      return `evenly over ${vesting.years} years`;
    case 'front-loaded-5-15-40-40':
      return 'over 4 years, 5/15/40/40';
    default:
      return `over ${vesting.percents.length} years, ${vesting.percents.map((p) => formatPercent(p)).join('/')}`;
  }
}

/** What is wrong with a vesting schedule (too many years, negative years, not adding up to 100%), if anything. */
export function vestingProblem(vesting: Vesting): OfferProblem | undefined {
  const percents = vestingPercents(vesting);
  const example = 'even over 4 years, 5/15/40/40, or custom such as 25/25/25/25';
  if (percents.length < 1 || percents.length > 10) {
    return { field: 'vesting', message: 'A vesting schedule needs between 1 and 10 yearly percentages.', example };
  }
  if (percents.some((percent) => !Number.isFinite(percent) || percent < 0)) {
    return { field: 'vesting', message: 'Each year of vesting must be a percentage of 0 or more.', example };
  }
  const total = percents.reduce((sum, percent) => sum + percent, 0);
  if (Math.abs(total - 100) > 0.01) {
    return {
      field: 'vesting',
      message: `The yearly percentages add up to ${formatPercent(total, 2)}; they must add up to 100%.`,
      example,
    };
  }
  return undefined;
}

/** Validate an offer's shape beyond single fields: what it needs to have a total comp at all. */
export function checkOffer(input: OfferInput): OfferProblem[] {
  const problems: OfferProblem[] = [];
  if (input.base === undefined && input.totalComp === undefined) {
    problems.push({
      field: 'base',
      message: 'Give the competing base salary (or, if that is all you know, their total comp).',
      example: '170k',
    });
  }
  if (input.bonus?.kind === 'percent' && input.base === undefined && input.totalComp === undefined) {
    problems.push({
      field: 'bonus',
      message: 'A bonus in % needs a base salary to work from.',
      example: '15% with base 170k, or 25k',
    });
  }
  if (input.equity?.kind === 'grant') {
    const problem = vestingProblem(input.equity.vesting);
    if (problem) problems.push(problem);
  }
  return problems;
}

function sumMath(parts: Array<[string, number | undefined]>, total: number): string {
  const present = parts.filter((part): part is [string, number] => part[1] !== undefined);
  // Figures are shown to the nearest $100: say so where the shown parts do not add up to the shown total.
  const shown = (dollars: number) => Math.round(dollars / 100) * 100;
  const rounding = present.reduce((sum, [, value]) => sum + shown(value), 0) === shown(total) ? '' : ' (to rounding)';
  return `${present.map(([name, value]) => `${formatMoney(value)} ${name}`).join(' + ')} = ${formatMoney(total)}${rounding}`;
}

export type OfferResult = { ok: true; offer: NormalisedOffer } | { ok: false; problems: OfferProblem[] };

/** A part given as none: $0 of bonus, $0 of equity a year. */
function givenAsNone(part: BonusInput | EquityInput | undefined): boolean {
  return part !== undefined && 'dollars' in part && part.dollars === 0;
}

export function normaliseOffer(given: OfferInput): OfferResult {
  // A total with no bonus and no equity, both said ("230k, bonus 0, equity 0"), is all base.
  const input: OfferInput =
    given.base === undefined && given.totalComp !== undefined && givenAsNone(given.bonus) && givenAsNone(given.equity)
      ? { ...given, base: given.totalComp }
      : given;
  const problems = checkOffer(input);
  if (problems.length > 0) return { ok: false, problems };
  const company = input.company?.trim() || UNNAMED_COMPANY;

  if (input.base === undefined) {
    const total = input.totalComp ?? 0;
    const annualTc = fromYou('Competing annual TC', total, 'The total comp you gave for the offer.');
    const signOn = input.signOn;
    const firstYear = total + (signOn ?? 0);
    const setAside: string[] = [];
    if (input.bonus && !givenAsNone(input.bonus)) {
      const given =
        input.bonus.kind === 'percent' ? formatPercent(input.bonus.percent) : formatMoney(input.bonus.dollars);
      setAside.push(
        `Your bonus (${given}) is taken as already inside the ${formatMoney(total)} total comp: with no base, ` +
          'a bonus % has nothing to work from. Give the base (--base) to have each part compared.',
      );
    }
    if (input.equity && !givenAsNone(input.equity)) {
      setAside.push(
        `Your equity (${formatMoney(input.equity.dollars)}${input.equity.kind === 'annual' ? ' a year' : ' as a grant'}) is taken as already inside the ${formatMoney(total)} total comp. Give the base (--base) to have each part compared.`,
      );
    }
    return {
      ok: true,
      offer: {
        ...(setAside.length > 0 ? { setAside } : {}),
        company,
        companyKind: input.companyKind,
        title: input.title,
        signOn: signOn === undefined ? undefined : fromYou('Sign-on', signOn),
        ...(input.signOnConfirmed ? { signOnConfirmed: true } : {}),
        annualTc,
        firstYearTc:
          signOn === undefined
            ? byRule('Competing first-year TC', total, 'No sign-on given: first-year TC is the same as annual TC.')
            : byRule(
                'Competing first-year TC',
                firstYear,
                sumMath(
                  [
                    ['TC', total],
                    ['sign-on', signOn],
                  ],
                  firstYear,
                ),
              ),
      },
    };
  }

  const base = input.base;
  let bonusDollars: number | undefined;
  let bonus: Explained | undefined;
  if (input.bonus?.kind === 'percent') {
    bonusDollars = Math.round((base * input.bonus.percent) / 100);
    bonus = byRule(
      'Competing bonus',
      bonusDollars,
      `${formatPercent(input.bonus.percent)} of ${formatMoney(base)} base = ${formatMoney(bonusDollars)}`,
    );
  } else if (input.bonus?.kind === 'dollars') {
    bonusDollars = input.bonus.dollars;
    bonus = fromYou('Competing bonus', bonusDollars);
  }

  let equityPerYear: Explained | undefined;
  let equityFirstYear: Explained | undefined;
  if (input.equity?.kind === 'annual') {
    equityPerYear = fromYou('Competing equity per year', input.equity.dollars);
    equityFirstYear = fromYou('Competing equity in year one', input.equity.dollars, 'The yearly value you gave.');
  } else if (input.equity?.kind === 'grant') {
    const { dollars, vesting } = input.equity;
    const percents = vestingPercents(vesting);
    const perYear = Math.round(dollars / percents.length);
    const firstYear = Math.round((dollars * (percents[0] ?? 0)) / 100);
    equityPerYear = byRule(
      'Competing equity per year',
      perYear,
      `${formatMoney(dollars)} grant vesting ${describeVesting(vesting)}: ${formatMoney(dollars)} ÷ ${percents.length} years = ${formatMoney(perYear)} a year on average`,
    );
    equityFirstYear = byRule(
      'Competing equity in year one',
      firstYear,
      `${formatPercent(percents[0] ?? 0)} of the ${formatMoney(dollars)} grant vests in year one = ${formatMoney(firstYear)}`,
    );
  }

  const annual = base + (bonusDollars ?? 0) + (equityPerYear?.value ?? 0);
  const firstYear = base + (bonusDollars ?? 0) + (equityFirstYear?.value ?? 0) + (input.signOn ?? 0);
  return {
    ok: true,
    offer: {
      company,
      companyKind: input.companyKind,
      title: input.title,
      base: fromYou('Competing base', base),
      bonus,
      equityPerYear,
      equityFirstYear,
      ...(input.equity?.kind === 'annual' && input.equity.statedYearly ? { equityStatedYearly: true } : {}),
      ...(input.equity?.kind === 'annual' && input.equity.confirmed ? { equityConfirmed: true } : {}),
      ...(input.equity?.kind === 'grant'
        ? { equityGrant: { dollars: input.equity.dollars, years: vestingPercents(input.equity.vesting).length } }
        : {}),
      signOn: input.signOn === undefined ? undefined : fromYou('Sign-on', input.signOn),
      ...(input.signOnConfirmed ? { signOnConfirmed: true } : {}),
      annualTc: byRule(
        input.equity?.kind === 'grant' ? 'Competing annual TC (equity averaged over the vest)' : 'Competing annual TC',
        annual,
        `${sumMath(
          [
            ['base', base],
            ['bonus', bonusDollars],
            ['equity a year', equityPerYear?.value],
          ],
          annual,
        )}.${input.signOn ? ' The sign-on is left out: it is paid once (it is in first-year TC).' : ''}`,
      ),
      firstYearTc: byRule(
        'Competing first-year TC',
        firstYear,
        sumMath(
          [
            ['base', base],
            ['bonus', bonusDollars],
            ['equity vesting in year one', equityFirstYear?.value],
            ['sign-on', input.signOn],
          ],
          firstYear,
        ),
      ),
    },
  };
}

export function isUnnamedCompany(offer: NormalisedOffer): boolean {
  return offer.company === UNNAMED_COMPANY;
}
