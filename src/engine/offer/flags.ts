/** The --flag form after `/allycomp offer`: --company, --kind, --base, --stock/--grant, --vesting, …. */
import type { Guide } from '../../guide/schema.js';
import { parseAmount } from '../money.js';
import { findRegion, primaryAlias, withinEdits } from '../regions.js';
import { Collector, DEFAULT_VEST_YEARS, type DraftField, MAX_NAME, quoted, type ReadOffer } from './collector.js';
import { cleanName, setCompany } from './companies.js';
import { readKind } from './kinds.js';
import type { Vesting } from './normalise.js';
import { defaultGrant, PERCENT_PER_YEAR } from './prose.js';
import {
  evenFromPercentPerYear,
  evenVesting,
  isNone,
  readBonus,
  readMoney,
  vestingFromPercents,
  yearCount,
} from './values.js';

export type FlagName =
  | 'company'
  | 'kind'
  | 'title'
  | 'base'
  | 'stock'
  | 'grant'
  | 'vesting'
  | 'bonus'
  | 'sign-on'
  | 'tc'
  | 'region';

export const FLAG_NAMES: FlagName[] = [
  'company',
  'kind',
  'title',
  'base',
  'stock',
  'grant',
  'vesting',
  'bonus',
  'sign-on',
  'tc',
  'region',
];

/** Accepted spellings, without dashes: --sign-on, --signon and --signing-bonus are the same flag. */
export const FLAG_SPELLINGS: Record<string, FlagName> = {
  company: 'company',
  from: 'company',
  kind: 'kind',
  type: 'kind',
  title: 'title',
  role: 'title',
  base: 'base',
  salary: 'base',
  stock: 'stock',
  equity: 'stock',
  rsu: 'stock',
  rsus: 'stock',
  grant: 'grant',
  vesting: 'vesting',
  vest: 'vesting',
  bonus: 'bonus',
  signon: 'sign-on',
  signonbonus: 'sign-on',
  signing: 'sign-on',
  signingbonus: 'sign-on',
  tc: 'tc',
  total: 'tc',
  totalcomp: 'tc',
  region: 'region',
  city: 'region',
  location: 'region',
};

export const FLAG_FIELDS: Record<FlagName, DraftField> = {
  company: 'company',
  kind: 'company',
  title: 'words',
  base: 'base',
  stock: 'equity',
  grant: 'equity',
  vesting: 'vesting',
  bonus: 'bonus',
  'sign-on': 'signOn',
  tc: 'totalComp',
  region: 'region',
};

export const FLAG_VALUE_EXAMPLES: Record<FlagName, string> = {
  company: '--company SoFi',
  kind: '--kind fintech',
  title: '--title "Senior Product Manager"',
  base: '--base 170k',
  stock: '--stock 40k',
  grant: '--grant 160k --vesting even',
  vesting: '--vesting 5/15/40/40',
  bonus: '--bonus 15%',
  'sign-on': '--sign-on 20k',
  tc: '--tc 245k',
  region: '--region detroit',
};

/** --flag, or the em/en dash Slack and macOS turn "--" into. */
export const FLAG = /^(?:--|[—–])([A-Za-z][A-Za-z_-]*)(?:=(.*))?$/s;

export const YEARLY_SUFFIX =
  /\s*(?:\/\s*(?:yr|year|y)s?|(?:a|per|each|every)\s+(?:year|yr)|annual(?:ly)?|yearly|\(annual\))\s*$/i;
export const GRANT_WITH_YEARS =
  /^(.*?)\s*(?:\/|over)\s*(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*-?\s*(?:y|yrs?|years?)$/i;

export function readVestingFlag(c: Collector, value: string): Vesting | undefined {
  const text = value.trim().toLowerCase();
  const even =
    /^(?:even|evenly|equal|straight|linear)(?:\s+(?:over\s+)?(\d{1,2}|[a-z]+)\s*-?\s*(?:y|yrs?|years?)?)?$/.exec(text);
  if (even) {
    if (even[1] === undefined) {
      c.note(`vesting 'even' read as evenly over ${DEFAULT_VEST_YEARS} years`);
      return { kind: 'even', years: DEFAULT_VEST_YEARS };
    }
    return evenVesting(c, yearCount(even[1]), value);
  }
  const years =
    /^(?:over\s+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*-?\s*(?:y|yrs?|years?)$/.exec(text);
  if (years) return evenVesting(c, yearCount(years[1] ?? ''), value);
  // "--vesting 4": a bare whole number is the years of an even vest (a single percentage could not add up to 100%).
  if (/^\d{1,2}$/.test(text) && Number(text) !== 100) return evenVesting(c, Number(text), value);
  if (/^(?:front[\s-]?loaded|5-15-40-40|amazon)$/.test(text)) return { kind: 'front-loaded-5-15-40-40' };
  const perYear = PERCENT_PER_YEAR.exec(text);
  if (perYear && perYear[0].length === text.length) return evenFromPercentPerYear(c, Number(perYear[1]), value);
  if (/^[\d.%\s/,]+$/.test(text) && /\d/.test(text)) return vestingFromPercents(c, text);
  c.problem('vesting', `Vesting: ${quoted(value)} is not a schedule I can read.`);
  return undefined;
}

/** A flag's words as one value, without the quotes around it ("Senior Product Manager"). */
export function flagValue(text: string): string {
  return text
    .replace(/^\s*["'\u2018\u2019\u201c\u201d]+|["'\u2018\u2019\u201c\u201d]+\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A flag and the words that are its value (`flag-words.ts` decides which). */
export interface FlagGroup {
  /** The flag as typed, for messages: `--basee`. */
  typed: string;
  /** The flag's name without dashes or case, looked up in FLAG_SPELLINGS. */
  key: string;
  values: string[];
}

/** Read each flag's value; `groups` come from `flagWords`, which leaves out the words no flag takes. */
export function readFlags(guide: Guide, groups: FlagGroup[]): ReadOffer {
  const c = new Collector(guide);
  const given = new Map<FlagName, string>();
  const repeated = new Set<FlagName>();
  for (const group of groups) {
    const name = FLAG_SPELLINGS[group.key];
    if (!name) {
      const close = FLAG_NAMES.find((flag) => withinEdits(group.key, flag.replace(/-/g, ''), 2));
      c.problem(
        'words',
        `${quoted(group.typed)} is not a flag I know${close ? ` (did you mean --${close}?)` : ''}. The flags are ${FLAG_NAMES.map((flag) => `--${flag}`).join(', ')}.`,
      );
      continue;
    }
    const joined = group.values.join(' ');
    const value = name === 'company' || name === 'title' ? cleanName(joined) : flagValue(joined);
    const field = FLAG_FIELDS[name];
    if (given.has(name) || repeated.has(name)) {
      c.problem(field, `--${name} is given more than once; give it once.`, FLAG_VALUE_EXAMPLES[name]);
      repeated.add(name);
      continue;
    }
    if (!value) {
      c.problem(field, `--${name} needs a value, like ${FLAG_VALUE_EXAMPLES[name]}.`, FLAG_VALUE_EXAMPLES[name]);
      continue;
    }
    given.set(name, value);
  }
  // A repeated flag is a problem, not a pick: neither value is used.
  for (const name of repeated) given.delete(name);

  const draft = c.draft;
  const kindValue = given.get('kind');
  const kind = kindValue === undefined ? undefined : readKind(c, kindValue);
  const company = given.get('company');
  if (company !== undefined) setCompany(c, company, kind);
  else if (kind !== undefined) draft.companyKind = kind;

  const title = given.get('title');
  if (title !== undefined) {
    if (title.length > MAX_NAME) c.problem('words', `Title: that title is longer than ${MAX_NAME} characters.`);
    else draft.title = title;
  }

  const base = given.get('base');
  if (base !== undefined) {
    const value = readMoney(c, 'base', base);
    if (value !== undefined) draft.base = value;
  }

  const stock = given.get('stock');
  const grant = given.get('grant');
  const vestingValue = given.get('vesting');
  if (stock !== undefined && grant !== undefined) {
    c.problem(
      'equity',
      'Stock: give --stock (a yearly value) or --grant (the whole grant), not both.',
      '--stock 40k, or --grant 160k --vesting even',
    );
  } else if (stock !== undefined) {
    if (vestingValue !== undefined) {
      c.problem(
        'vesting',
        'Vesting: --vesting goes with --grant; --stock is already a yearly value.',
        '--grant 160k --vesting 5/15/40/40',
      );
    }
    if (isNone(stock)) draft.equity = { kind: 'annual', dollars: 0 };
    else {
      const value = readMoney(c, 'equity', stock.replace(YEARLY_SUFFIX, ''));
      // --stock is the yearly flag (--grant the whole grant): the person said which.
      if (value !== undefined) draft.equity = { kind: 'annual', dollars: value, statedYearly: true };
    }
  } else if (grant !== undefined) {
    const withYears = parseAmount(grant).ok ? null : GRANT_WITH_YEARS.exec(grant);
    const dollars = readMoney(c, 'equity', withYears ? (withYears[1] ?? '') : grant);
    let vesting: Vesting | undefined;
    if (vestingValue !== undefined) vesting = readVestingFlag(c, vestingValue);
    else if (withYears) vesting = evenVesting(c, yearCount(withYears[2] ?? ''), grant);
    if (dollars !== undefined) {
      if (vesting) draft.equity = { kind: 'grant', dollars, vesting };
      else if (vestingValue === undefined && !withYears) draft.equity = defaultGrant(c, dollars);
    }
  } else if (vestingValue !== undefined) {
    c.problem('vesting', 'Vesting: --vesting needs --grant, the grant it applies to.', '--grant 160k --vesting even');
  }

  const bonus = given.get('bonus');
  if (bonus !== undefined) {
    const value = readBonus(c, bonus, { bareIsPercent: true });
    if (value !== undefined) draft.bonus = value;
  }
  const signOn = given.get('sign-on');
  if (signOn !== undefined) {
    const value = readMoney(c, 'signOn', signOn, { zeroMeansNone: true });
    if (value !== undefined) draft.signOn = value;
  }
  const tc = given.get('tc');
  if (tc !== undefined) {
    const value = readMoney(c, 'totalComp', tc);
    if (value !== undefined) draft.totalComp = value;
  }

  const region = given.get('region');
  if (region !== undefined) {
    const lookup = findRegion(guide, region);
    if (lookup.ok) draft.regionId = lookup.region.id;
    else {
      const suggestion = lookup.error.suggestion;
      c.problem(
        'region',
        `Region: ${quoted(region)} is not a region I know${suggestion ? ` (did you mean ${primaryAlias(suggestion)}?)` : ''}; use one of ${lookup.error.valid.join(', ')}.`,
      );
    }
  }
  return c.result();
}
