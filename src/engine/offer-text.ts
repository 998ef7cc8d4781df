/**
 * Offer text: read a competing offer from what a person typed, either free prose (the "Coach this offer" message
 * shortcut) or the words after `/allycomp offer` (positional or --flags). Pure functions: no I/O, no Slack, and
 * never throws. Every amount goes through money.ts; this file only finds the amounts and what they are for.
 *
 * Decisions:
 * - Read what is there, leave the rest undefined: a field is only set when the text names it. A field with a problem
 *   is left out of the draft (the problem says why), so the draft only holds values that passed.
 * - "no equity" / "no bonus" / "no sign-on" are read as an explicit zero ({ kind: 'annual', dollars: 0 },
 *   { kind: 'dollars', dollars: 0 }, 0), so "they said none" stays distinguishable from "not mentioned". An amount
 *   for the same field wins over the "no …".
 * - Vesting typed as yearly percentages is kept as typed: 5/15/40/40 is the front-loaded schedule, anything else
 *   (including 25/25/25/25) is { kind: 'custom' }; it must add up to 100%. "over 4 years", "/4yrs", "4-year vest" and
 *   "25% a year" are { kind: 'even' }. A grant with no schedule at all is read as even over 4 years and echoed.
 * - Stock with "/yr", "a year", "per year", "annual" is a yearly value; with a schedule, "grant" or "vest…" it is a
 *   grant; with neither, the guide's own stock reading decides (Ally's guide: a yearly value), echoed in readAs.
 * - Bare numbers follow money.ts (165 -> $165,000, echoed in readAs). In prose, bare one- or two-digit numbers are
 *   ignored unless they are the only number next to a label, and numbers followed by years/months/… are not amounts.
 * - The company kind comes only from known names (guessCompanyKind) and is echoed in readAs; --kind overrides it.
 * - Messages can reach Slack, so they quote user text only when it is short and plain, and company/title values are
 *   stripped of Slack control syntax (<…>).
 */
import { type CompanyKind, companyKinds, type Guide, normaliseName, type Region } from '../guide/schema.js';
import { formatMoney, formatPercent, parseAmount, parseAmountOrPercent, parsePercent } from './money.js';
import { type BonusInput, type EquityInput, FRONT_LOADED_SCHEDULE, type OfferInput, type Vesting } from './offers.js';
import { editDistance, findRegion, matchRegion, primaryAlias } from './regions.js';

export interface OfferDraft extends OfferInput {
  regionId?: string;
}

export type DraftField =
  | 'company'
  | 'base'
  | 'totalComp'
  | 'equity'
  | 'vesting'
  | 'bonus'
  | 'signOn'
  | 'region'
  | 'words';

export interface DraftProblem {
  field: DraftField;
  message: string;
  example: string;
}

export interface ReadOffer {
  draft: OfferDraft;
  problems: DraftProblem[];
  /** Interpretations to echo back, e.g. "base 165 read as $165,000". */
  readAs: string[];
}

type AmountField = 'base' | 'totalComp' | 'equity' | 'bonus' | 'signOn';

const MAX_TEXT = 4000;
const MAX_WORDS = 200;
const MAX_NAME = 80;
const DEFAULT_VEST_YEARS = 4;
const MAX_VEST_YEARS = 10;

const FIELD_NAMES: Record<DraftField, string> = {
  company: 'Company',
  base: 'Base',
  totalComp: 'Total comp',
  equity: 'Stock',
  vesting: 'Vesting',
  bonus: 'Bonus',
  signOn: 'Sign-on',
  region: 'Region',
  words: 'Words',
};

const FIELD_WORDS: Record<AmountField, string> = {
  base: 'base',
  totalComp: 'total comp',
  equity: 'stock',
  bonus: 'bonus',
  signOn: 'sign-on',
};

const KIND_LABELS: Record<CompanyKind, string> = {
  'traditional-bank': 'a traditional bank',
  'digital-bank-or-fintech': 'a digital bank or fintech',
  'big-tech': 'big tech',
  other: 'another kind of company',
};

const FLAG_EXAMPLE = '--company SoFi --base 170k --stock 40k --bonus 15% --region detroit';

function examplesFor(guide: Guide): Record<DraftField, string> {
  return {
    company: 'SoFi, or --company "Acme Bank"',
    base: '170k or $170,000',
    totalComp: '245k or $245,000',
    equity: '40k a year, or 160k over 4 years',
    vesting: '5/15/40/40, 25/25/25/25 or over 4 years',
    bonus: '15% or 25k',
    signOn: '20k or $20,000',
    region: guide.regions.map(primaryAlias).join(', '),
    words: FLAG_EXAMPLE,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Collecting a reading
// ---------------------------------------------------------------------------------------------------------------

class Collector {
  readonly draft: OfferDraft = {};
  readonly problems: DraftProblem[] = [];
  readonly readAs: string[] = [];
  readonly examples: Record<DraftField, string>;

  constructor(readonly guide: Guide) {
    this.examples = examplesFor(guide);
  }

  problem(field: DraftField, message: string, example?: string): void {
    if (this.problems.some((problem) => problem.field === field && problem.message === message)) return;
    this.problems.push({ field, message, example: example ?? this.examples[field] });
  }

  note(text: string): void {
    if (!this.readAs.includes(text)) this.readAs.push(text);
  }

  result(): ReadOffer {
    return { draft: this.draft, problems: this.problems, readAs: this.readAs };
  }
}

const SAFE_FRAGMENT = /^[A-Za-z0-9 .,$%/+&'-]{1,32}$/;

/** Short plain user text in quotes, anything else as "that": messages are posted to Slack. */
function quoted(text: string): string {
  const trimmed = text.trim();
  return SAFE_FRAGMENT.test(trimmed) ? `'${trimmed}'` : 'that';
}

/** A name for readAs lines: as is when short and plain. */
function shown(text: string): string {
  const trimmed = text.trim();
  return SAFE_FRAGMENT.test(trimmed) ? trimmed : 'that';
}

function sentence(reason: string): string {
  return /[.!?]$/.test(reason) ? reason : `${reason}.`;
}

const ZERO = /^\s*(?:us\$|usd ?\$?|\$)?\s*0+(?:\.0+)?\s*(?:k|m|mm|thousand|million)?\s*%?\s*$/i;
const NONE_WORD = /^(?:none|no|nil|n\/a|na|nothing|zero|-)$/i;

function isNone(text: string): boolean {
  return NONE_WORD.test(text.trim()) || ZERO.test(text);
}

/** A dollar amount for one field, through parseAmount; problems and interpretations go to the collector. */
function readMoney(
  c: Collector,
  field: AmountField,
  typed: string,
  options: { zeroMeansNone?: boolean; quiet?: boolean } = {},
): number | undefined {
  if (options.zeroMeansNone && isNone(typed)) return 0;
  const parsed = parseAmount(typed);
  if (!parsed.ok) {
    c.problem(field, `${FIELD_NAMES[field]}: ${sentence(parsed.reason)}`);
    return undefined;
  }
  if (parsed.readAs && !options.quiet) c.note(`${FIELD_WORDS[field]} ${shown(typed)} ${parsed.readAs}`);
  return parsed.value;
}

function readBonus(c: Collector, typed: string): BonusInput | undefined {
  if (isNone(typed)) return { kind: 'dollars', dollars: 0 };
  const parsed = parseAmountOrPercent(typed);
  if (!parsed.ok) {
    c.problem('bonus', `Bonus: ${sentence(parsed.reason)}`);
    return undefined;
  }
  if (parsed.readAs) c.note(`bonus ${shown(typed)} ${parsed.readAs}`);
  return parsed.value.kind === 'percent'
    ? { kind: 'percent', percent: parsed.value.percent }
    : { kind: 'dollars', dollars: parsed.value.dollars };
}

function evenVesting(c: Collector, years: number, typed: string): Vesting | undefined {
  if (!Number.isInteger(years) || years < 1 || years > MAX_VEST_YEARS) {
    c.problem('vesting', `Vesting: ${quoted(typed)} is not a whole number of years from 1 to ${MAX_VEST_YEARS}.`);
    return undefined;
  }
  return { kind: 'even', years };
}

/** "5/15/40/40", "25%/25%/25%/25%", "10 20 30 40": yearly percentages, each through parsePercent. */
function vestingFromPercents(c: Collector, typed: string): Vesting | undefined {
  const pieces = typed
    .split(/[/,\s]+/)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0);
  if (pieces.length < 1 || pieces.length > MAX_VEST_YEARS) {
    c.problem('vesting', `Vesting: a schedule needs between 1 and ${MAX_VEST_YEARS} yearly percentages.`);
    return undefined;
  }
  const percents: number[] = [];
  for (const piece of pieces) {
    const parsed = parsePercent(piece.endsWith('%') ? piece : `${piece}%`);
    if (!parsed.ok) {
      c.problem('vesting', `Vesting: ${sentence(parsed.reason)}`);
      return undefined;
    }
    percents.push(parsed.value);
  }
  const total = percents.reduce((sum, percent) => sum + percent, 0);
  if (Math.abs(total - 100) > 0.01) {
    c.problem(
      'vesting',
      `Vesting: ${quoted(typed)} adds up to ${formatPercent(total, 2)}; the yearly percentages must add up to 100%.`,
    );
    return undefined;
  }
  const frontLoaded =
    percents.length === FRONT_LOADED_SCHEDULE.length &&
    percents.every((percent, index) => percent === FRONT_LOADED_SCHEDULE[index]);
  return frontLoaded ? { kind: 'front-loaded-5-15-40-40' } : { kind: 'custom', percents };
}

const YEAR_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

function yearCount(text: string): number {
  return YEAR_WORDS[text.toLowerCase()] ?? Number(text);
}

function evenFromPercentPerYear(c: Collector, percent: number, typed: string): Vesting | undefined {
  const years = percent > 0 ? 100 / percent : Number.NaN;
  if (!Number.isInteger(years) || years < 1 || years > MAX_VEST_YEARS) {
    c.problem('vesting', `Vesting: ${quoted(typed)} does not split 100% into whole years.`);
    return undefined;
  }
  return { kind: 'even', years };
}

// ---------------------------------------------------------------------------------------------------------------
// Company names
// ---------------------------------------------------------------------------------------------------------------

interface KnownCompany {
  name: string;
  kind: CompanyKind;
  /** Other spellings; matched case-insensitively anywhere in prose. */
  aliases?: string[];
  /** The name is also an everyday word (Chase, Discover, Current): in prose it counts only capitalised, next to a cue. */
  common?: true;
}

const KNOWN_COMPANIES: KnownCompany[] = [
  // Traditional banks: their digital products sit beside a branch network.
  { name: 'JPMorgan Chase', kind: 'traditional-bank', aliases: ['JP Morgan Chase', 'J.P. Morgan Chase', 'JPMC'] },
  { name: 'JPMorgan Digital', kind: 'traditional-bank', aliases: ['JP Morgan Digital'] },
  { name: 'JPMorgan', kind: 'traditional-bank', aliases: ['JP Morgan', 'J.P. Morgan'] },
  { name: 'Chase', kind: 'traditional-bank', common: true, aliases: ['Chase Bank'] },
  { name: 'Bank of America', kind: 'traditional-bank', aliases: ['BofA', 'BoA'] },
  { name: 'Wells Fargo', kind: 'traditional-bank' },
  { name: 'Citi', kind: 'traditional-bank', aliases: ['Citibank', 'Citigroup'] },
  { name: 'Truist', kind: 'traditional-bank' },
  { name: 'PNC', kind: 'traditional-bank', aliases: ['PNC Bank'] },
  { name: 'U.S. Bank', kind: 'traditional-bank', aliases: ['US Bank', 'USBank', 'U.S. Bancorp', 'US Bancorp'] },
  { name: 'Capital One', kind: 'traditional-bank', aliases: ['CapOne', 'Cap One'] },
  { name: 'Goldman Sachs', kind: 'traditional-bank', aliases: ['Goldman'] },
  { name: 'Morgan Stanley', kind: 'traditional-bank' },
  { name: 'TD Bank', kind: 'traditional-bank' },
  { name: 'Fifth Third', kind: 'traditional-bank', aliases: ['Fifth Third Bank'] },
  { name: 'KeyBank', kind: 'traditional-bank', aliases: ['Key Bank'] },
  { name: 'M&T Bank', kind: 'traditional-bank' },
  { name: 'Huntington', kind: 'traditional-bank', common: true, aliases: ['Huntington Bank'] },
  { name: 'Regions', kind: 'traditional-bank', common: true, aliases: ['Regions Bank'] },
  { name: 'Citizens', kind: 'traditional-bank', common: true, aliases: ['Citizens Bank'] },
  { name: 'BMO', kind: 'traditional-bank' },
  { name: 'HSBC', kind: 'traditional-bank' },
  { name: 'Santander', kind: 'traditional-bank' },
  { name: 'Barclays', kind: 'traditional-bank' },
  // Digital banks and fintechs: no branches, like Ally.
  {
    name: 'Goldman Sachs Marcus',
    kind: 'digital-bank-or-fintech',
    aliases: ['Marcus by Goldman Sachs', 'Marcus by Goldman'],
  },
  { name: 'Marcus', kind: 'digital-bank-or-fintech', common: true },
  { name: 'Discover', kind: 'digital-bank-or-fintech', common: true, aliases: ['Discover Financial'] },
  { name: 'Ally', kind: 'digital-bank-or-fintech', common: true, aliases: ['Ally Financial', 'Ally Bank'] },
  { name: 'SoFi', kind: 'digital-bank-or-fintech' },
  { name: 'Chime', kind: 'digital-bank-or-fintech', common: true },
  { name: 'LendingTree', kind: 'digital-bank-or-fintech', aliases: ['Lending Tree'] },
  { name: 'LendingClub', kind: 'digital-bank-or-fintech', aliases: ['Lending Club'] },
  { name: 'Varo', kind: 'digital-bank-or-fintech', aliases: ['Varo Bank', 'Varo Money'] },
  { name: 'Current', kind: 'digital-bank-or-fintech', common: true },
  { name: 'Revolut', kind: 'digital-bank-or-fintech' },
  { name: 'Stripe', kind: 'digital-bank-or-fintech' },
  { name: 'Square', kind: 'digital-bank-or-fintech', common: true },
  { name: 'Block', kind: 'digital-bank-or-fintech', common: true },
  { name: 'Cash App', kind: 'digital-bank-or-fintech', aliases: ['CashApp'] },
  { name: 'PayPal', kind: 'digital-bank-or-fintech' },
  { name: 'Venmo', kind: 'digital-bank-or-fintech' },
  { name: 'Robinhood', kind: 'digital-bank-or-fintech' },
  { name: 'Affirm', kind: 'digital-bank-or-fintech', common: true },
  { name: 'Klarna', kind: 'digital-bank-or-fintech' },
  { name: 'Plaid', kind: 'digital-bank-or-fintech', common: true },
  { name: 'Brex', kind: 'digital-bank-or-fintech' },
  { name: 'Ramp', kind: 'digital-bank-or-fintech', common: true },
  { name: 'Coinbase', kind: 'digital-bank-or-fintech' },
  { name: 'Upstart', kind: 'digital-bank-or-fintech', common: true },
  { name: 'Betterment', kind: 'digital-bank-or-fintech', common: true },
  { name: 'Wealthfront', kind: 'digital-bank-or-fintech' },
  { name: 'Credit Karma', kind: 'digital-bank-or-fintech' },
  { name: 'MoneyLion', kind: 'digital-bank-or-fintech' },
  { name: 'Synchrony', kind: 'digital-bank-or-fintech' },
  { name: 'Axos', kind: 'digital-bank-or-fintech' },
  { name: 'N26', kind: 'digital-bank-or-fintech' },
  { name: 'Monzo', kind: 'digital-bank-or-fintech' },
  { name: 'Nubank', kind: 'digital-bank-or-fintech' },
  { name: 'Marqeta', kind: 'digital-bank-or-fintech' },
  // Big tech.
  { name: 'Google', kind: 'big-tech' },
  { name: 'Alphabet', kind: 'big-tech' },
  { name: 'Meta', kind: 'big-tech', common: true, aliases: ['Meta Platforms'] },
  { name: 'Facebook', kind: 'big-tech' },
  { name: 'Amazon', kind: 'big-tech', aliases: ['Amazon.com'] },
  { name: 'AWS', kind: 'big-tech', aliases: ['Amazon Web Services'] },
  { name: 'Apple', kind: 'big-tech', common: true },
  { name: 'Microsoft', kind: 'big-tech' },
  { name: 'Netflix', kind: 'big-tech' },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase matched case-insensitively with any short run of spaces or punctuation between its words. */
function loosePattern(phrase: string): RegExp | undefined {
  const words = normaliseName(phrase).split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  return new RegExp(`(?<![A-Za-z0-9])${words.map(escapeRegExp).join('[^A-Za-z0-9\\n]{1,3}')}(?![A-Za-z0-9])`, 'gi');
}

/** A phrase matched exactly as capitalised. */
function exactPattern(phrase: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(phrase).replace(/ +/g, '\\s+')}(?![A-Za-z0-9])`, 'g');
}

interface NamePattern {
  name: string;
  pattern: RegExp;
  needsCue: boolean;
}

const KNOWN_PATTERNS: NamePattern[] = KNOWN_COMPANIES.flatMap((company) => {
  const own: NamePattern[] = [];
  if (company.common) own.push({ name: company.name, pattern: exactPattern(company.name), needsCue: true });
  for (const spelling of company.common ? (company.aliases ?? []) : [company.name, ...(company.aliases ?? [])]) {
    const pattern = loosePattern(spelling);
    if (pattern) own.push({ name: company.name, pattern, needsCue: false });
  }
  return own;
});

function knownCompany(name: string): KnownCompany | undefined {
  const wanted = normaliseName(name);
  if (!wanted) return undefined;
  return KNOWN_COMPANIES.find((company) =>
    [company.name, ...(company.aliases ?? [])].some((spelling) => normaliseName(spelling) === wanted),
  );
}

/**
 * The kind of a company from its name: traditional banks (Chase, Bank of America, Wells Fargo, Capital One …),
 * digital banks and fintechs (Discover, SoFi, Chime, Marcus, LendingTree, Ally, Stripe …) and big tech (Google,
 * Meta, Amazon, Apple, Microsoft, Netflix). Unknown names give undefined: never a guess past the list.
 */
export function guessCompanyKind(company: string | undefined): CompanyKind | undefined {
  if (typeof company !== 'string') return undefined;
  const wanted = normaliseName(company);
  if (!wanted) return undefined;
  const exact = knownCompany(company);
  if (exact) return exact.kind;
  let best: { kind: CompanyKind; length: number } | undefined;
  for (const known of KNOWN_COMPANIES) {
    for (const [index, spelling] of [known.name, ...(known.aliases ?? [])].entries()) {
      const name = normaliseName(spelling);
      // An everyday-word name ("Current") only counts as the first word ("Current Inc"), not inside other names.
      const contained =
        known.common && index === 0 ? wanted.startsWith(`${name} `) : ` ${wanted} `.includes(` ${name} `);
      if (name && contained && name.length > (best?.length ?? 0)) best = { kind: known.kind, length: name.length };
    }
  }
  return best?.kind;
}

/** A known company spelled the canonical way ("sofi" -> "SoFi"); anything else as typed. */
function canonicalCompany(name: string): string {
  return knownCompany(name)?.name ?? name;
}

/** Company and title values that came from a person: no Slack control syntax, plain spaces, trimmed. */
function cleanName(text: string): string {
  return text
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&lt;|&gt;|[<>]/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/^["'\u2018\u2019\u201c\u201d]+|["'\u2018\u2019\u201c\u201d]+$/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:,;.—–-]+|[\s:,;—–-]+$/g, '')
    .trim();
}

function setCompany(c: Collector, typed: string, kind?: CompanyKind): void {
  const name = canonicalCompany(cleanName(typed));
  if (!name) {
    c.problem('company', 'Company: no name given.');
    return;
  }
  if (name.length > MAX_NAME) {
    c.problem('company', `Company: that name is longer than ${MAX_NAME} characters.`);
    return;
  }
  c.draft.company = name;
  if (kind !== undefined) {
    c.draft.companyKind = kind;
    return;
  }
  const guessed = guessCompanyKind(name);
  if (guessed) {
    c.draft.companyKind = guessed;
    c.note(`${shown(name)} read as ${KIND_LABELS[guessed]}`);
  }
}

const CUE_BEFORE = /(?:^|[^A-Za-z0-9])(?:from|at|with|by|join|joining)\s+(?:the\s+)?$/i;
const CUE_AFTER =
  /^(?:\s*(?::|—|–|\(|,)|\s+-\s|\s+(?:offered|offers|has offered|just offered|is offering|came back|is at|gave|made|countered)(?![A-Za-z])|['’]s\s+offer)/i;

/** Known names first (guide peers and the list above): the earliest in the text, the longest at a place. */
function knownCompanyIn(guide: Guide, text: string): string | undefined {
  const extra: NamePattern[] = [];
  const peers = [...guide.levels.peers, ...guide.regions.flatMap((region) => region.strategy.peers.map((p) => p.name))];
  for (const peer of peers) {
    if (!/^[A-Z]/.test(peer) || knownCompany(peer)) continue;
    const pattern = loosePattern(peer);
    if (pattern) extra.push({ name: peer, pattern, needsCue: false });
  }
  let best: { name: string; start: number; length: number } | undefined;
  for (const { name, pattern, needsCue } of [...KNOWN_PATTERNS, ...extra]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (
        needsCue &&
        !CUE_BEFORE.test(text.slice(Math.max(0, start - 20), start)) &&
        !CUE_AFTER.test(text.slice(end))
      ) {
        continue;
      }
      if (!best || start < best.start || (start === best.start && match[0].length > best.length)) {
        best = { name, start, length: match[0].length };
      }
    }
  }
  return best?.name;
}

const NAME_WORD = "[A-Z][A-Za-z0-9&'.-]*";
const NAME_RUN = String.raw`${NAME_WORD}(?:[ \t]+(?:(?:of|&)[ \t]+)?${NAME_WORD}){0,3}`;
const NAME_BEFORE_CUE = new RegExp(
  String.raw`(?<![A-Za-z0-9&'.-])(${NAME_RUN})(?=[ \t]*(?::|—|–)|[ \t]+(?:offered|has offered|just offered|is offering|is at|came back)(?![A-Za-z])|['’]s[ \t]+offer)`,
  'g',
);
const NAME_AFTER_CUE = new RegExp(String.raw`\b(?:[Ff]rom|[Oo]ffer at)[ \t]+(${NAME_RUN})`, 'g');

const NOT_A_NAME = new Set(
  (
    "i im i'm we they he she it the this that these my our their your his her got get offer offers offered base " +
    'salary bonus bonuses stock equity rsu rsus tc ttc total comp compensation sign signing so hi hey hello lol ok ' +
    'okay update final initial verbal written recruiter hr re fwd fw note ps also plus then now today yesterday just ' +
    'and but or a an here there what yes no thanks thank vesting vest level title role company location region city ' +
    'details summary breakdown package pay per year annual target cash new grant options shares'
  ).split(' '),
);

function acceptableName(guide: Guide, candidate: string): string | undefined {
  const words = candidate.split(/\s+/).filter(Boolean);
  while (words.length > 0 && NOT_A_NAME.has((words[0] ?? '').toLowerCase().replace(/[.'’]+$/, ''))) words.shift();
  while (words.length > 0 && /^(?:of|&)$/i.test(words.at(-1) ?? '')) words.pop();
  const name = words.join(' ').replace(/[.'’-]+$/, '');
  if (!name || !/[A-Za-z]/.test(name)) return undefined;
  if (words.some((word) => NOT_A_NAME.has(word.toLowerCase().replace(/[.'’]+$/, '')))) return undefined;
  if (matchRegion(guide, name) || titleIn(guide, name)) return undefined;
  return name;
}

/** An unknown company: a capitalised name before "offered" / ":" / "—" / "is at", or after "from" / "offer at". */
function unknownCompanyIn(guide: Guide, text: string): string | undefined {
  const candidates: { name: string; start: number }[] = [];
  for (const pattern of [NAME_BEFORE_CUE, NAME_AFTER_CUE]) {
    for (const match of text.matchAll(pattern)) {
      const name = acceptableName(guide, match[1] ?? '');
      if (name) candidates.push({ name, start: match.index });
    }
  }
  candidates.sort((a, b) => a.start - b.start);
  return candidates[0]?.name;
}

// ---------------------------------------------------------------------------------------------------------------
// Titles and regions in prose
// ---------------------------------------------------------------------------------------------------------------

function titleIn(guide: Guide, text: string): string | undefined {
  const titles = new Set<string>();
  for (const row of guide.levels.rows) {
    titles.add(row.ally);
    for (const title of Object.values(row.peers)) titles.add(title);
  }
  let best: { title: string; start: number; length: number } | undefined;
  for (const title of titles) {
    const pattern = loosePattern(title);
    if (!pattern) continue;
    for (const match of text.matchAll(pattern)) {
      if (!best || match.index < best.start || (match.index === best.start && match[0].length > best.length)) {
        best = { title, start: match.index, length: match[0].length };
      }
    }
  }
  return best?.title;
}

/** Aliases that are not places ("HQ" is the guide's Detroit, but every company has an HQ). */
const NOT_A_PLACE = new Set(['hq']);

function regionsIn(guide: Guide, text: string): { region: Region; typed: string }[] {
  const found: { region: Region; typed: string; start: number }[] = [];
  for (const region of guide.regions) {
    let first: { typed: string; start: number } | undefined;
    for (const name of new Set([region.name, region.shortName, ...region.aliases])) {
      const normal = normaliseName(name);
      if (!normal || NOT_A_PLACE.has(normal)) continue;
      // Short aliases (ny, nc, mi, clt) only count in capitals: "NY", not the "ny" in a sentence.
      const pattern =
        normal.length <= 3 && !normal.includes(' ') ? exactPattern(normal.toUpperCase()) : loosePattern(normal);
      if (!pattern) continue;
      const match = pattern.exec(text);
      if (match && (!first || match.index < first.start)) first = { typed: match[0], start: match.index };
    }
    if (first) found.push({ region, ...first });
  }
  return found.sort((a, b) => a.start - b.start);
}

function setRegionFromText(c: Collector, text: string): void {
  const regions = regionsIn(c.guide, text);
  const [only, second] = regions;
  if (!only) return;
  if (second) {
    c.problem(
      'region',
      `Region: the message names both ${only.region.shortName} and ${second.region.shortName}; say which one the offer is for.`,
    );
    return;
  }
  c.draft.regionId = only.region.id;
  c.note(`${shown(only.typed)} read as the ${only.region.name} region`);
}

// ---------------------------------------------------------------------------------------------------------------
// Amounts in prose
// ---------------------------------------------------------------------------------------------------------------

interface Span {
  start: number;
  end: number;
}

interface Label extends Span {
  field: AmountField;
  none: boolean;
}

interface Amount extends Span {
  text: string;
  /** One or two bare digits: only an amount when it is the only number next to a label. */
  weak: boolean;
  /** Clearly money ($, k/M, four or more digits): worth a problem when nothing says what it is. */
  strong: boolean;
}

interface Pair extends Span {
  field: AmountField;
  amount: Amount;
  /** The text around the pair, up to the neighbouring pairs: where "/yr" or "over 4 years" are looked for. */
  context: string;
}

type Token = { kind: 'label'; label: Label; used: boolean } | { kind: 'amount'; amount: Amount; used: boolean };

/** Where one thing said ends: lines, commas (not inside 200,000), ";", "and", "with", "+", dashes, full stops. */
const BOUNDARY = /\n|;|\||•|·|,(?!\d)|\.(?=\s|$)|[—–]|\s-\s|\s(?:\+|&|and|with|plus|but)\s/gi;
const LABEL =
  /(?<![A-Za-z0-9])(?:(sign(?:ing)?[ -]?on(?:[ -]+bonus)?|signing(?:[ -]+bonus)?|(?:hiring|joining|welcome|new[ -]hire)[ -]+bonus)|(total[ -]+comp(?:ensation)?|total[ -]+(?:pay|package)|t?tc)|(base(?:[ -]+(?:salary|pay))?|salary)|(rsus?|restricted[ -]+stock(?:[ -]+units?)?|stock|equity|shares)|(bonus(?:es)?))(?![A-Za-z0-9])/gi;
const LABEL_FIELDS: AmountField[] = ['signOn', 'totalComp', 'base', 'equity', 'bonus'];
const NONE_BEFORE = /(?:^|[^A-Za-z0-9])(?:no|zero|without(?:\s+any)?|nil)\s+$/i;
const NONE_AFTER = /^\s*[:=-]?\s*(?:none|n\/a|nil|nothing|zero)(?![A-Za-z0-9])/i;
const AMOUNT =
  /(?<![A-Za-z0-9.,$/])((?:us\$|usd ?\$?|\$) ?)?(\d(?:[\d,]*\d)?(?:\.\d+)?)(?: ?(%)| ?(k|thousand|mm|million|m)(?![A-Za-z0-9])|(?![A-Za-z0-9%]))/gi;
const NOT_MONEY_AFTER =
  /^\s*-?\s*(?:years?|yrs?|y|months?|mos?|weeks?|wks?|days?|hours?|hrs?|am|pm|x|st|nd|rd|th|people|persons?|reports?|employees|direct)(?![A-Za-z])/i;
const RETIREMENT_PLAN = /(?<![A-Za-z0-9$])(?:401|403|457) ?\(?[kb]\)?(?![A-Za-z0-9])/gi;
/** Yearly vesting percentages: 5/15/40/40, 25%/25%/25%/25%. */
const VESTING_RUN =
  /(?<![A-Za-z0-9.$/])\d{1,3}(?:\.\d+)? ?%?(?: ?\/ ?\d{1,3}(?:\.\d+)? ?%?){1,9}(?![A-Za-z0-9/]|\.\d)/g;
const VEST_WORD = /\bvest/i;
const GRANT_WORD = /\b(?:grant(?:ed)?|vest\w*|award)\b/i;
const ANNUAL =
  /\/ ?(?:yr|year|y)s?\b|\b(?:a|per|each|every) (?:year|yr)\b|\bannual(?:ly)?\b|\byearly\b|\bper annum\b|\bp\.a\.?(?![A-Za-z])/i;
const PERCENT_PER_YEAR = /(\d{1,3}(?:\.\d+)?) ?% ?(?:a|per|each|every) (?:year|yr)\b/i;
const YEARS =
  /(?:\b(over|for) |(\/) ?)?\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) ?-? ?(?:years?|yrs?|y)\b(?! ?-? ?cliff)/i;

/** Slack message text to plain prose: links to their labels, mentions dropped, entities decoded, no *bold*. */
function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/<([^<>|]*)\|([^<>]*)>/g, ' $2 ')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;|&gt;/g, ' ')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[*_~`]+/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ');
}

function blank(text: string, spans: Span[]): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

function segmentsOf(text: string): Span[] {
  const segments: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    segments.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  segments.push({ start, end: text.length });
  return segments;
}

function labelsIn(text: string): Label[] {
  const labels: Label[] = [];
  for (const match of text.matchAll(LABEL)) {
    const group = match.slice(1).findIndex((value) => value !== undefined);
    const field = LABEL_FIELDS[group];
    if (!field) continue;
    const start = match.index;
    const end = start + match[0].length;
    const none = NONE_BEFORE.test(text.slice(Math.max(0, start - 16), start)) || NONE_AFTER.test(text.slice(end));
    labels.push({ field, start, end, none });
  }
  return labels;
}

function amountsIn(scan: string): Amount[] {
  const amounts: Amount[] = [];
  for (const match of scan.matchAll(AMOUNT)) {
    const [text, currency, digits = '', percent, suffix] = match;
    const start = match.index;
    const end = start + text.length;
    const plain = !currency && !percent && !suffix;
    if (plain && NOT_MONEY_AFTER.test(scan.slice(end))) continue;
    if (plain && /^(?:19|20)\d\d$/.test(digits)) continue; // a year, like 2025
    const weak = plain && /^\d{1,2}(?:\.\d+)?$/.test(digits);
    const strong = !percent && (!!currency || !!suffix || digits.replace(/[^\d]/g, '').length >= 4);
    amounts.push({ text: text.trim(), start, end, weak, strong });
  }
  return amounts;
}

/**
 * Pair labels with amounts inside one segment. Whichever comes first sets the order ("170k base" or "base: 170k");
 * then any label and amount left over that sit next to each other are paired too.
 */
function pairUp(labels: Label[], amounts: Amount[]): { pairs: Omit<Pair, 'context'>[]; loose: Amount[] } {
  const sorted: Token[] = [
    ...labels.map((label): Token => ({ kind: 'label', label, used: false })),
    ...amounts.map((amount): Token => ({ kind: 'amount', amount, used: false })),
  ].sort((a, b) => start(a) - start(b));
  const tokens: Token[] = [];
  for (const token of sorted) {
    const last = tokens.at(-1);
    if (token.kind === 'label' && last?.kind === 'label' && last.label.field === token.label.field) {
      last.label = { ...last.label, end: token.label.end }; // "base salary" is one label
      continue;
    }
    tokens.push(token);
  }
  const pairs: Omit<Pair, 'context'>[] = [];
  const pair = (a: Token, b: Token): void => {
    const label = a.kind === 'label' ? a.label : b.kind === 'label' ? b.label : undefined;
    const amount = a.kind === 'amount' ? a.amount : b.kind === 'amount' ? b.amount : undefined;
    if (!label || !amount) return;
    a.used = true;
    b.used = true;
    pairs.push({
      field: label.field,
      amount,
      start: Math.min(label.start, amount.start),
      end: Math.max(label.end, amount.end),
    });
  };
  const leader = tokens[0]?.kind;
  let pending: Token | undefined;
  for (const token of tokens) {
    if (token.kind === leader) pending = token;
    else if (pending) {
      pair(pending, token);
      pending = undefined;
    }
  }
  for (let index = 0; index + 1 < tokens.length; index++) {
    const a = tokens[index];
    const b = tokens[index + 1];
    if (a && b && !a.used && !b.used && a.kind !== b.kind) pair(a, b);
  }
  const loose = tokens.flatMap((token) => (token.kind === 'amount' && !token.used ? [token.amount] : []));
  return { pairs: pairs.sort((a, b) => a.start - b.start), loose };
}

function start(token: Token): number {
  return token.kind === 'label' ? token.label.start : token.amount.start;
}

type VestingClue =
  | { kind: 'run'; typed: string }
  | { kind: 'per-year'; percent: number; typed: string }
  | { kind: 'years'; years: number; typed: string };

/** A vesting schedule said in `text`; `loose` accepts a bare "4 years" (the text is about vesting). */
function vestingClueIn(text: string, loose: boolean): VestingClue | undefined {
  const run = text.match(new RegExp(VESTING_RUN.source))?.[0];
  if (run) return { kind: 'run', typed: run.trim() };
  const perYear = PERCENT_PER_YEAR.exec(text);
  if (perYear) return { kind: 'per-year', percent: Number(perYear[1]), typed: perYear[0] };
  const years = YEARS.exec(text);
  if (years && (loose || years[1] || years[2] || GRANT_WORD.test(text))) {
    return { kind: 'years', years: yearCount(years[3] ?? ''), typed: years[0].trim() };
  }
  return undefined;
}

function vestingFromClue(c: Collector, clue: VestingClue): Vesting | undefined {
  if (clue.kind === 'run') return vestingFromPercents(c, clue.typed);
  if (clue.kind === 'per-year') return evenFromPercentPerYear(c, clue.percent, clue.typed);
  return evenVesting(c, clue.years, clue.typed);
}

function defaultGrant(c: Collector, dollars: number): EquityInput {
  c.note(
    `${formatMoney(dollars)} stock grant read as vesting evenly over ${DEFAULT_VEST_YEARS} years (no schedule given)`,
  );
  return { kind: 'grant', dollars, vesting: { kind: 'even', years: DEFAULT_VEST_YEARS } };
}

/** Stock from prose: the amount, then whether the words around it make it a yearly value or a grant. */
function equityFromContext(
  c: Collector,
  typed: string,
  context: string,
  elsewhere: VestingClue | undefined,
): EquityInput | undefined {
  const dollars = readMoney(c, 'equity', typed);
  if (dollars === undefined) return undefined;
  const clue = vestingClueIn(context, VEST_WORD.test(context));
  const withoutRate = context.replace(PERCENT_PER_YEAR, ' ');
  if (ANNUAL.test(withoutRate)) {
    if (clue || elsewhere) c.note(`${formatMoney(dollars)} stock read as a yearly value, so the vesting was not used`);
    return { kind: 'annual', dollars };
  }
  const found = clue ?? elsewhere;
  if (found) {
    const vesting = vestingFromClue(c, found);
    return vesting ? { kind: 'grant', dollars, vesting } : undefined;
  }
  if (GRANT_WORD.test(context)) return defaultGrant(c, dollars);
  if (c.guide.stockUnit.reading === 'four-year-total') return defaultGrant(c, dollars);
  c.note(`${formatMoney(dollars)} stock read as a yearly value (say "over 4 years" if it is a grant)`);
  return { kind: 'annual', dollars };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One value per field: every mention is read; two different values are a problem, not a pick. */
function oneValue<T>(
  c: Collector,
  field: AmountField,
  pairs: Pair[],
  read: (pair: Pair) => T | undefined,
): T | undefined {
  const values: { value: T; typed: string }[] = [];
  for (const pair of pairs) {
    const value = read(pair);
    if (value !== undefined) values.push({ value, typed: pair.amount.text });
  }
  const [first, ...rest] = values;
  if (!first) return undefined;
  const other = rest.find((entry) => !sameValue(entry.value, first.value));
  if (other) {
    c.problem(
      field,
      `${FIELD_NAMES[field]}: the message gives two different amounts (${shown(first.typed)} and ${shown(other.typed)}); say which one it is.`,
    );
    return undefined;
  }
  return first.value;
}

function readAmountsFromText(c: Collector, text: string): void {
  const runs: Span[] = [...text.matchAll(VESTING_RUN)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const scan = blank(text, runs).replace(RETIREMENT_PLAN, (plan) => ' '.repeat(plan.length));
  const labels = labelsIn(text);
  const amounts = amountsIn(scan);
  const segments = segmentsOf(text);

  const byField = new Map<AmountField, Pair[]>();
  const loose: Amount[] = [];
  const vestClues: { clue: VestingClue; segment: Span }[] = [];
  for (const segment of segments) {
    const inside = <T extends Span>(span: T): boolean => span.start >= segment.start && span.start < segment.end;
    const segmentText = text.slice(segment.start, segment.end);
    let segmentAmounts = amounts.filter(inside);
    if (segmentAmounts.length > 1) segmentAmounts = segmentAmounts.filter((amount) => !amount.weak);
    const segmentLabels = labels.filter((label) => inside(label) && !label.none);
    const found = pairUp(segmentLabels, segmentAmounts);
    loose.push(...found.loose.filter((amount) => amount.strong));
    found.pairs.forEach((pair, index) => {
      const from = index === 0 ? segment.start : (found.pairs[index - 1]?.end ?? segment.start);
      const to = found.pairs[index + 1]?.start ?? segment.end;
      const list = byField.get(pair.field) ?? [];
      list.push({ ...pair, context: text.slice(from, to) });
      byField.set(pair.field, list);
    });
    if (VEST_WORD.test(segmentText) || segmentLabels.some((label) => label.field === 'equity')) {
      const clue = vestingClueIn(segmentText, VEST_WORD.test(segmentText));
      if (clue) vestClues.push({ clue, segment });
    }
  }

  const draft = c.draft;
  const base = oneValue(c, 'base', byField.get('base') ?? [], (pair) => readMoney(c, 'base', pair.amount.text));
  if (base !== undefined) draft.base = base;
  const total = oneValue(c, 'totalComp', byField.get('totalComp') ?? [], (pair) =>
    readMoney(c, 'totalComp', pair.amount.text),
  );
  if (total !== undefined) draft.totalComp = total;

  const equityPairs = byField.get('equity') ?? [];
  const equity = oneValue(c, 'equity', equityPairs, (pair) => {
    const elsewhere = vestClues.find(({ segment }) => pair.start < segment.start || pair.start >= segment.end)?.clue;
    return equityFromContext(c, pair.amount.text, pair.context, elsewhere);
  });
  if (equity !== undefined) draft.equity = equity;

  const bonus = oneValue(c, 'bonus', byField.get('bonus') ?? [], (pair) => readBonus(c, pair.amount.text));
  if (bonus !== undefined) draft.bonus = bonus;
  const signOn = oneValue(c, 'signOn', byField.get('signOn') ?? [], (pair) =>
    readMoney(c, 'signOn', pair.amount.text, { zeroMeansNone: true }),
  );
  if (signOn !== undefined) draft.signOn = signOn;

  // "no equity", "bonus: none": an explicit zero, unless the same field also has an amount.
  const noneFields = new Set(labels.filter((label) => label.none).map((label) => label.field));
  const mentioned = (field: AmountField): boolean => (byField.get(field)?.length ?? 0) > 0;
  if (noneFields.has('equity') && !mentioned('equity')) {
    draft.equity = { kind: 'annual', dollars: 0 };
    c.note('no equity read as $0 stock');
  }
  if (noneFields.has('bonus') && !mentioned('bonus')) {
    draft.bonus = { kind: 'dollars', dollars: 0 };
    c.note('no bonus read as a $0 bonus');
  }
  if (noneFields.has('signOn') && !mentioned('signOn')) {
    draft.signOn = 0;
    c.note('no sign-on read as a $0 sign-on');
  }

  if (loose.length > 0) {
    const list = loose.map((amount) => shown(amount.text)).join(', ');
    c.problem(
      'words',
      `I couldn't tell what ${loose.length === 1 ? 'this amount is' : 'these amounts are'} for: ${list}. Put base, stock, bonus, sign-on or TC next to each amount.`,
      '170k base, 40k stock a year, 15% bonus, 20k sign-on',
    );
  }
}

/**
 * Read a competing offer from free prose (the "Coach this offer" message shortcut). Reads what it can and leaves
 * everything else undefined; problems say what could not be used, readAs what was interpreted.
 */
export function readOfferFromText(guide: Guide, text: string): ReadOffer {
  const c = new Collector(guide);
  if (typeof text !== 'string') return c.result();
  let clean = cleanText(text);
  if (clean.length > MAX_TEXT) {
    clean = clean.slice(0, MAX_TEXT);
    c.problem('words', `Only the first ${MAX_TEXT.toLocaleString('en-US')} characters were read.`);
  }
  const company = knownCompanyIn(guide, clean) ?? unknownCompanyIn(guide, clean);
  if (company) setCompany(c, company);
  const title = titleIn(guide, clean);
  if (title) c.draft.title = title;
  setRegionFromText(c, clean);
  readAmountsFromText(c, clean);
  return c.result();
}

// ---------------------------------------------------------------------------------------------------------------
// The words after `/allycomp offer`
// ---------------------------------------------------------------------------------------------------------------

type FlagName =
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

const FLAG_NAMES: FlagName[] = [
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
const FLAG_SPELLINGS: Record<string, FlagName> = {
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

const FLAG_FIELDS: Record<FlagName, DraftField> = {
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

const FLAG_VALUE_EXAMPLES: Record<FlagName, string> = {
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
const FLAG = /^(?:--|[—–])([A-Za-z][A-Za-z_-]*)(?:=(.*))?$/s;

const KIND_SPELLINGS: Record<string, CompanyKind> = {
  'traditional bank': 'traditional-bank',
  traditional: 'traditional-bank',
  bank: 'traditional-bank',
  fintech: 'digital-bank-or-fintech',
  'digital bank': 'digital-bank-or-fintech',
  digital: 'digital-bank-or-fintech',
  'digital bank or fintech': 'digital-bank-or-fintech',
  neobank: 'digital-bank-or-fintech',
  'big tech': 'big-tech',
  bigtech: 'big-tech',
  tech: 'big-tech',
  faang: 'big-tech',
  other: 'other',
};

function readKind(c: Collector, value: string): CompanyKind | undefined {
  const kind = KIND_SPELLINGS[normaliseName(value)] ?? companyKinds.find((known) => known === value.toLowerCase());
  if (!kind) {
    c.problem(
      'company',
      `Company kind: ${quoted(value)} is not a kind I know; use traditional-bank, fintech, big-tech or other.`,
      '--kind traditional-bank, --kind fintech, --kind big-tech or --kind other',
    );
  }
  return kind;
}

const YEARLY_SUFFIX =
  /\s*(?:\/\s*(?:yr|year|y)s?|(?:a|per|each|every)\s+(?:year|yr)|annual(?:ly)?|yearly|\(annual\))\s*$/i;
const GRANT_WITH_YEARS =
  /^(.*?)\s*(?:\/|over)\s*(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*-?\s*(?:y|yrs?|years?)$/i;

function readVestingFlag(c: Collector, value: string): Vesting | undefined {
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
  if (/^(?:front[\s-]?loaded|5-15-40-40|amazon)$/.test(text)) return { kind: 'front-loaded-5-15-40-40' };
  const perYear = PERCENT_PER_YEAR.exec(text);
  if (perYear && perYear[0].length === text.length) return evenFromPercentPerYear(c, Number(perYear[1]), value);
  if (/^[\d.%\s/,]+$/.test(text) && /\d/.test(text)) return vestingFromPercents(c, text);
  c.problem('vesting', `Vesting: ${quoted(value)} is not a schedule I can read.`);
  return undefined;
}

/** A flag's words as one value, without the quotes around it ("Senior Product Manager"). */
function flagValue(text: string): string {
  return text
    .replace(/^\s*["'\u2018\u2019\u201c\u201d]+|["'\u2018\u2019\u201c\u201d]+\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function readFlags(guide: Guide, words: string[]): ReadOffer {
  const c = new Collector(guide);
  const groups: { typed: string; key: string; values: string[] }[] = [];
  for (const word of words) {
    const flag = FLAG.exec(word);
    if (flag) {
      const name = flag[1] ?? '';
      groups.push({ typed: `--${name}`, key: name.toLowerCase().replace(/[-_]/g, ''), values: [] });
      if (flag[2]) groups.at(-1)?.values.push(flag[2]);
    } else {
      groups.at(-1)?.values.push(word);
    }
  }

  const given = new Map<FlagName, string>();
  const repeated = new Set<FlagName>();
  for (const group of groups) {
    const name = FLAG_SPELLINGS[group.key];
    if (!name) {
      const close = FLAG_NAMES.find((flag) => editDistance(group.key, flag.replace(/-/g, '')) <= 2);
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
      if (value !== undefined) draft.equity = { kind: 'annual', dollars: value };
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
    const value = readBonus(c, bonus);
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

const CURRENCY_WORD = /^(?:\$|usd|us\$)$/i;
const SUFFIX_WORD = /^(?:k|thousand|m|mm|million|usd)$/i;
const TC_WORD = /^(?:tc|ttc|total|comp|compensation|total-comp|totalcomp)[:,]?$/i;
const EDGE_WORD = /^(?:offer|offered|offers|from|at|in|for|is|@|-|—|–|:|,)$/i;

/** `SoFi 245k detroit`: region words -> regionId, one amount -> totalComp, the other words -> company. */
function readPositional(guide: Guide, words: string[]): ReadOffer {
  const c = new Collector(guide);
  if (words.length === 0) return c.result();
  const joined = words.join(' ');
  // Named parts ("170k base 15% bonus") read better as prose.
  if ([...cleanText(joined).matchAll(LABEL)].some((match) => match[2] === undefined) || VEST_WORD.test(joined)) {
    return readOfferFromText(guide, joined);
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
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    if (used[index]) continue;
    if (TC_WORD.test(word)) {
      used[index] = true;
      continue;
    }
    const next = words[index + 1] ?? '';
    if (!/\d/.test(word) && !(CURRENCY_WORD.test(word) && /\d/.test(next))) continue;
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
    amounts.push(parts.join(' '));
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
    if (value !== undefined) {
      c.draft.totalComp = value;
      c.note(`${shown(amount)} read as ${formatMoney(value)} total comp`);
    }
  }

  const rest = words.filter((_, index) => !used[index]);
  while (rest.length > 0 && EDGE_WORD.test(rest[0] ?? '')) rest.shift();
  while (rest.length > 0 && EDGE_WORD.test(rest.at(-1) ?? '')) rest.pop();
  if (rest.length > 0) setCompany(c, rest.join(' '));
  return c.result();
}

/**
 * Read a competing offer from the words after `/allycomp offer` (also the terminal preview), either positional
 * (`SoFi 245k detroit`) or with flags (`--company SoFi --base 170k --stock 40k --bonus 15% --region detroit`).
 * Words before the first flag are read positionally; a flag wins over them.
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
  const firstFlag = list.findIndex((word) => FLAG.test(word));
  if (firstFlag === -1) return merge(c, readPositional(guide, list));
  const leading = firstFlag > 0 ? readPositional(guide, list.slice(0, firstFlag)) : undefined;
  const flagged = readFlags(guide, list.slice(firstFlag));
  if (leading) merge(c, leading);
  for (const [key, value] of Object.entries(flagged.draft) as [keyof OfferDraft, unknown][]) {
    const before = c.draft[key];
    if (before !== undefined && key !== 'companyKind' && !sameValue(before, value)) {
      c.problem(
        'words',
        `${DRAFT_KEY_NAMES[key]} is given both before the flags and as a flag; the flag was used.`,
        FLAG_EXAMPLE,
      );
    }
  }
  // A company named by flag brings its own kind (or none), not the kind of the name before the flags.
  if (flagged.draft.company !== undefined && flagged.draft.companyKind === undefined) delete c.draft.companyKind;
  Object.assign(c.draft, flagged.draft);
  for (const problem of flagged.problems) c.problem(problem.field, problem.message, problem.example);
  for (const note of flagged.readAs) c.note(note);
  return c.result();
}

const DRAFT_KEY_NAMES: Record<keyof OfferDraft, string> = {
  company: 'The company',
  companyKind: 'The company kind',
  title: 'The title',
  base: 'Base',
  totalComp: 'Total comp',
  equity: 'Stock',
  bonus: 'Bonus',
  signOn: 'Sign-on',
  regionId: 'The region',
};

function merge(c: Collector, other: ReadOffer): ReadOffer {
  Object.assign(c.draft, other.draft);
  for (const problem of other.problems) c.problem(problem.field, problem.message, problem.example);
  for (const note of other.readAs) c.note(note);
  return c.result();
}
