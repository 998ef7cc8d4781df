/** The words after `/allycomp offer`: positional (`SoFi 245k detroit`), flags, or both. */
import type { CompanyKind, Guide, Region } from '../../guide/schema.js';
import { formatMoneyTyped } from '../money.js';
import { matchRegion } from '../regions.js';
import {
  Collector,
  FLAG_EXAMPLE,
  MAX_VEST_YEARS,
  MAX_WORDS,
  type OfferDraft,
  quoted,
  type ReadOffer,
  shown,
} from './collector.js';
import { EDGE_WORD, setCompany, withoutLeadIn } from './companies.js';
import { flagWords } from './flag-words.js';
import { FLAG, readFlags, YEARLY_SUFFIX } from './flags.js';
import { cleanText, LABEL, readOfferFromText, sameValue, VEST_WORD } from './prose.js';
import { readMoney, yearCount } from './values.js';

export const CURRENCY_WORD = /^(?:\$|usd|us\$)$/i;
export const SUFFIX_WORD = /^(?:k|thousand|m|mm|million|usd)$/i;
export const TC_WORD = /^(?:tc|ttc|total|comp|compensation|total-comp|totalcomp)[:,]?$/i;
/** "23andMe", "7eleven": digits then a word, a name; "245kk" (a slipped key) is still an amount, and said so. */
const NAME_WITH_DIGITS = /^\d+[a-z]{3,}/i;
const MONEY_WORD_SUFFIX = /^\d[\d,.]*(?:thousand|million)$/i;
/** Words after an amount that only say it is yearly: "a year", "per year", "annually", "/yr". */
const YEARLY_WORDS = /^(?:(?:a|per|each|every) (?:year|yr)|annual(?:ly)?|yearly|\/ ?(?:yr|year)s?)$/i;

/** "total over 4 years", "over four years": the words after an amount that make it a package, and how many there are. */
function packageYears(after: string[]): { years: number; length: number } | undefined {
  const start = TC_WORD.test(after[0] ?? '') ? 1 : 0;
  const [joining, count, unit] = after.slice(start, start + 3);
  if (!joining || !/^(?:over|for|across)$/i.test(joining) || !unit || !/^(?:years?|yrs?)$/i.test(unit))
    return undefined;
  const years = yearCount(count ?? '');
  return Number.isInteger(years) && years >= 1 && years <= MAX_VEST_YEARS ? { years, length: start + 3 } : undefined;
}

/** `SoFi 245k detroit`: region words -> regionId, one amount -> totalComp, the other words -> company. */
export function readPositional(guide: Guide, words: string[], kind?: CompanyKind): ReadOffer {
  const c = new Collector(guide);
  if (words.length === 0) return c.result();
  const joined = words.join(' ');
  // Named parts ("170k base 15% bonus") read better as prose.
  if ([...cleanText(joined).matchAll(LABEL)].some((match) => match[2] === undefined) || VEST_WORD.test(joined)) {
    return readOfferFromText(guide, joined, { commandWords: true, ...(kind ? { kind } : {}) });
  }

  const used = words.map(() => false);
  const regions: { region: Region; typed: string }[] = [];
  for (let index = 0; index < words.length; index++) {
    for (let length = Math.min(3, words.length - index); length >= 1; length--) {
      const span = words.slice(index, index + length);
      const region = /\d/.test(span.join('')) ? undefined : matchRegion(guide, span.join(' '));
      if (region) {
        regions.push({ region, typed: span.join(' ') });
        for (let k = index; k < index + length; k++) used[k] = true;
        index += length - 1;
        break;
      }
    }
  }

  const amounts: string[] = [];
  const packages = new Map<number, number>();
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    if (used[index]) continue;
    if (TC_WORD.test(word)) {
      used[index] = true;
      continue;
    }
    const next = words[index + 1] ?? '';
    if (
      (!/\d/.test(word) || (NAME_WITH_DIGITS.test(word) && !MONEY_WORD_SUFFIX.test(word))) &&
      !(CURRENCY_WORD.test(word) && /\d/.test(next))
    )
      continue;
    const parts = [word];
    used[index] = true;
    if (CURRENCY_WORD.test(word)) {
      parts.push(next);
      used[++index] = true;
    }
    const after = words[index + 1] ?? '';
    if (SUFFIX_WORD.test(after) && !used[index + 1]) {
      parts.push(after);
      used[++index] = true;
    }
    // "245k/yr", "245k a year": total comp is yearly anyway, so the words only confirm it.
    const yearly = [2, 1].find((length) => {
      const span = words.slice(index + 1, index + 1 + length);
      return span.length === length && span.every((_, k) => !used[index + 1 + k]) && YEARLY_WORDS.test(span.join(' '));
    });
    for (let k = 1; k <= (yearly ?? 0); k++) used[index + k] = true;
    index += yearly ?? 0;
    // "1.2M total over 4 years": a package over years, read as its yearly share.
    const over = packageYears(words.slice(index + 1));
    if (over) {
      packages.set(amounts.length, over.years);
      for (let k = 1; k <= over.length; k++) used[index + k] = true;
      index += over.length;
    }
    amounts.push(parts.join(' ').replace(YEARLY_SUFFIX, ''));
  }

  const distinct = [...new Map(regions.map((entry) => [entry.region.id, entry])).values()];
  const [region, otherRegion] = distinct;
  if (region && otherRegion) {
    c.problem(
      'region',
      `Region: both ${region.region.shortName} and ${otherRegion.region.shortName} are regions; give one.`,
    );
  } else if (region) {
    c.draft.regionId = region.region.id;
  }

  const [amount, ...moreAmounts] = amounts;
  if (amount !== undefined && moreAmounts.length > 0) {
    c.problem(
      'words',
      `I saw ${amounts.length} amounts (${amounts.map(shown).join(', ')}); without flags I read one amount, as total comp. Name each part with a flag.`,
      '--base 170k --stock 40k --bonus 15% --sign-on 20k',
    );
  } else if (amount?.includes('%')) {
    c.problem(
      'words',
      `${quoted(amount)} is a percentage; without flags one amount is read as total comp. For a bonus use --bonus.`,
      '--bonus 15%',
    );
  } else if (amount !== undefined) {
    const value = readMoney(c, 'totalComp', amount, { quiet: true });
    const years = packages.get(0);
    if (value !== undefined && years) {
      c.draft.totalComp = Math.round(value / years);
      c.note(`${shown(amount)} over ${years} years read as ${formatMoneyTyped(c.draft.totalComp)} total comp a year`);
    } else if (value !== undefined) {
      c.draft.totalComp = value;
      c.note(`${shown(amount)} read as ${formatMoneyTyped(value)} total comp`);
    }
  }

  const rest = words.filter((_, index) => !used[index]);
  while (rest.length > 0 && EDGE_WORD.test(rest[0] ?? '')) rest.shift();
  while (rest.length > 0 && EDGE_WORD.test(rest.at(-1) ?? '')) rest.pop();
  if (rest.length > 0) setCompany(c, withoutLeadIn(rest).join(' '), kind);
  return c.result();
}

/**
 * Read a competing offer from the words after `/allycomp offer` (also the terminal preview), either positional
 * (`SoFi 245k detroit`) or with flags (`--company SoFi --base 170k --stock 40k --bonus 15% --region detroit`).
 * The words no flag takes (before the first flag, or after a flag's value) are read positionally; a flag wins
 * over them.
 */
export function readOfferWords(guide: Guide, words: string[]): ReadOffer {
  const list = (Array.isArray(words) ? words : [])
    .filter((word): word is string => typeof word === 'string')
    .flatMap((word) => word.split(/\s+/))
    .filter((word) => word.length > 0);
  const c = new Collector(guide);
  if (list.length > MAX_WORDS) {
    c.problem('words', `Only the first ${MAX_WORDS} words were read.`);
    list.length = MAX_WORDS;
  }
  if (!list.some((word) => FLAG.test(word))) return merge(c, readPositional(guide, list));
  const { groups, loose } = flagWords(guide, list);
  const flagged = readFlags(guide, groups);
  // Without --company, a kind from the flags can only be --kind's: it is the kind of the company typed without a flag.
  const kindFlag = flagged.draft.company === undefined ? flagged.draft.companyKind : undefined;
  if (loose.length > 0) merge(c, readPositional(guide, loose, kindFlag));
  for (const [key, value] of Object.entries(flagged.draft) as [keyof OfferDraft, unknown][]) {
    const before = c.draft[key];
    if (before !== undefined && key !== 'companyKind' && !sameValue(before, value)) {
      c.problem(
        'words',
        `${DRAFT_KEY_NAMES[key]} is given both without a flag and as a flag; the flag was used.`,
        FLAG_EXAMPLE,
      );
    }
  }
  // A company named by flag brings its own kind (or none), not the kind of the name typed without a flag.
  if (flagged.draft.company !== undefined && flagged.draft.companyKind === undefined) delete c.draft.companyKind;
  Object.assign(c.draft, flagged.draft);
  for (const problem of flagged.problems) c.problem(problem.field, problem.message, problem.example);
  for (const note of flagged.readAs) c.note(note);
  return c.result();
}

export const DRAFT_KEY_NAMES: Record<keyof OfferDraft, string> = {
  company: 'The company',
  companyKind: 'The company kind',
  title: 'The title',
  base: 'Base',
  totalComp: 'Total comp',
  equity: 'Stock',
  bonus: 'Bonus',
  signOn: 'Sign-on',
  signOnConfirmed: 'Sign-on',
  regionId: 'The region',
};

export function merge(c: Collector, other: ReadOffer): ReadOffer {
  Object.assign(c.draft, other.draft);
  for (const problem of other.problems) c.problem(problem.field, problem.message, problem.example);
  for (const note of other.readAs) c.note(note);
  return c.result();
}
