/** Amounts in prose: pair labels (base, stock, bonus, sign-on, TC) with amounts, then read each field. */
import type { CompanyKind, Guide } from '../../guide/schema.js';
import { formatMoneyTyped } from '../money.js';
import {
  type AmountField,
  Collector,
  DEFAULT_VEST_YEARS,
  FIELD_NAMES,
  MAX_TEXT,
  type ReadOffer,
  shown,
} from './collector.js';
import { knownCompanyIn, leadingCompanyIn, setCompany, unknownCompanyIn } from './companies.js';
import type { EquityInput, Vesting } from './normalise.js';
import { setRegionFromText, titleIn } from './places.js';
import {
  evenFromPercentPerYear,
  evenVesting,
  isNone,
  readBonus,
  readMoney,
  vestingFromPercents,
  yearCount,
} from './values.js';

export interface ProseOptions {
  /** The words after `/allycomp offer`: short region names count in any case ("ny"), unlike in a message. */
  commandWords?: boolean;
  /** The kind given with --kind: the company read here is of that kind, not the kind the guide's list says. */
  kind?: CompanyKind;
}

export interface Span {
  start: number;
  end: number;
}

export interface Label extends Span {
  field: AmountField;
  none: boolean;
}

export interface Amount extends Span {
  text: string;
  /** One or two bare digits: only an amount when it is the only number next to a label. */
  weak: boolean;
  /** Clearly money ($, k/M, four or more digits): worth a problem when nothing says what it is. */
  strong: boolean;
}

export interface Pair extends Span {
  field: AmountField;
  amount: Amount;
  /** The text around the pair, up to the neighbouring pairs: where "/yr" or "over 4 years" are looked for. */
  context: string;
}

export type Token = { kind: 'label'; label: Label; used: boolean } | { kind: 'amount'; amount: Amount; used: boolean };

/** Where one thing said ends: lines, commas (not inside 200,000), ";", "and", "with", "+", dashes, full stops. */
export const BOUNDARY = /\n|;|\||•|·|,(?!\d)|\.(?=\s|$)|[—–]|\s-\s|\s(?:\+|&|and|with|plus|but)\s/gi;
export const LABEL =
  /(?<![A-Za-z0-9])(?:(sign(?:ing)?[ -]?on(?:[ -]+bonus)?|signing(?:[ -]+bonus)?|(?:hiring|joining|welcome|new[ -]hire)[ -]+bonus)|(total[ -]+comp(?:ensation)?|total[ -]+(?:pay|package)|t?tc)|(base(?:[ -]+(?:salary|pay))?|salary)|(rsus?|restricted[ -]+stock(?:[ -]+units?)?|stock|equity|shares|(?:stock[ -]+|equity[ -]+|new[ -]hire[ -]+)?grant)|(bonus(?:es)?))(?![A-Za-z0-9])/gi;
export const LABEL_FIELDS: AmountField[] = ['signOn', 'totalComp', 'base', 'equity', 'bonus'];
export const NONE_BEFORE = /(?:^|[^A-Za-z0-9])(?:no|zero|without(?:\s+any)?|nil)\s+$/i;
export const NONE_AFTER = /^\s*[:=-]?\s*(?:none|n\/a|nil|nothing|zero)(?![A-Za-z0-9])/i;
export const AMOUNT =
  /(?<![A-Za-z0-9.,$/])((?:us\$|usd ?\$?|\$) ?)?(\d(?:[\d,]*\d)?(?:\.\d+)?)(?: ?(%)| ?(k|thousand|mm|million|m)(?![A-Za-z0-9])|(?![A-Za-z0-9%]))/gi;
export const NOT_MONEY_AFTER =
  /^\s*-?\s*(?:years?|yrs?|y|months?|mos?|weeks?|wks?|days?|hours?|hrs?|am|pm|x|st|nd|rd|th|people|persons?|reports?|employees|direct)(?![A-Za-z])/i;
export const RETIREMENT_PLAN = /(?<![A-Za-z0-9$])(?:401|403|457) ?\(?[kb]\)?(?![A-Za-z0-9])/gi;
/** Yearly vesting percentages: 5/15/40/40, 25%/25%/25%/25%. */
export const VESTING_RUN =
  /(?<![A-Za-z0-9.$/])\d{1,3}(?:\.\d+)? ?%?(?: ?\/ ?\d{1,3}(?:\.\d+)? ?%?){1,9}(?![A-Za-z0-9/]|\.\d)/g;
export const VEST_WORD = /\bvest/i;
export const GRANT_WORD = /\b(?:grant(?:ed)?|vest\w*|award)\b/i;
export const ANNUAL =
  /\/ ?(?:yr|year|y)s?\b|\b(?:a|per|each|every) (?:year|yr)\b|\bannual(?:ly)?\b|\byearly\b|\bper annum\b|\bp\.a\.?(?![A-Za-z])/i;
export const PERCENT_PER_YEAR = /(\d{1,3}(?:\.\d+)?) ?% ?(?:a|per|each|every) (?:year|yr)\b/i;
export const YEARS =
  /(?:\b(over|for) |(\/) ?)?\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) ?-? ?(?:years?|yrs?|y)\b(?! ?-? ?cliff)/i;

/** Slack message text to plain prose: links to their labels, mentions dropped, entities decoded, no *bold*. */
export function cleanText(text: string): string {
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

export function blank(text: string, spans: Span[]): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

export function segmentsOf(text: string): Span[] {
  const segments: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    segments.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  segments.push({ start, end: text.length });
  return segments;
}

export function labelsIn(text: string): Label[] {
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

export function amountsIn(scan: string): Amount[] {
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
export function pairUp(
  labels: Label[],
  amounts: Amount[],
  text?: string,
): { pairs: Omit<Pair, 'context'>[]; loose: Amount[] } {
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
  // "245k bonus 15%", "245k base 170k": one amount more than labels, first and last, reads as an amount on its own and
  // each label with the amount after it ("170k base 15% bonus" has as many of each, and pairs amount first).
  const amountCount = tokens.filter((token) => token.kind === 'amount').length;
  const standsAlone =
    tokens[0]?.kind === 'amount' && tokens.at(-1)?.kind === 'amount' && amountCount === tokens.length - amountCount + 1;
  if (standsAlone && tokens[0]) tokens[0].used = true;
  const leader = standsAlone ? 'label' : tokens[0]?.kind;
  // Words between two tokens ("260k detroit signon"): they are not side by side, as "signon 25k" is.
  const apart = (a: Token | undefined, b: Token | undefined): boolean =>
    text !== undefined && a !== undefined && b !== undefined && /[A-Za-z]/.test(text.slice(end(a), start(b)));
  let pending: Token | undefined;
  for (const [index, token] of tokens.entries()) {
    if (token.used) continue;
    if (token.kind === leader) pending = token;
    else if (pending) {
      // "260k detroit signon 25k": the label's own amount follows it directly; the one before is set apart by words.
      const next = tokens[index + 1];
      const own = token.kind === 'label' && next?.kind === 'amount' && apart(pending, token) && !apart(token, next);
      pair(own && next ? next : pending, token);
      pending = undefined;
    }
  }
  for (let index = 0; index + 1 < tokens.length; index++) {
    const a = tokens[index];
    const b = tokens[index + 1];
    if (a && b && !a.used && !b.used && a.kind !== b.kind) pair(a, b);
  }
  const first = tokens[0];
  const loose = [
    ...(standsAlone && first?.kind === 'amount' ? [first.amount] : []),
    ...tokens.flatMap((token) => (token.kind === 'amount' && !token.used ? [token.amount] : [])),
  ];
  return { pairs: pairs.sort((a, b) => a.start - b.start), loose };
}

/**
 * "bonus 15", "equity: 30": a small bare number right after a label is that label's amount (read, or asked about),
 * even beside other amounts; dropping it would answer as if the part were never given.
 */
export function rightAfterLabel(text: string, amount: Amount, labels: Label[]): boolean {
  return labels.some((label) => label.end <= amount.start && /^\s*[:=]?\s*$/.test(text.slice(label.end, amount.start)));
}

export function start(token: Token): number {
  return token.kind === 'label' ? token.label.start : token.amount.start;
}

export function end(token: Token): number {
  return token.kind === 'label' ? token.label.end : token.amount.end;
}

export type VestingClue =
  | { kind: 'run'; typed: string }
  | { kind: 'per-year'; percent: number; typed: string }
  | { kind: 'years'; years: number; typed: string };

/** A vesting schedule said in `text`; `loose` accepts a bare "4 years" (the text is about vesting). */
export function vestingClueIn(text: string, loose: boolean): VestingClue | undefined {
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

export function vestingFromClue(c: Collector, clue: VestingClue): Vesting | undefined {
  if (clue.kind === 'run') return vestingFromPercents(c, clue.typed);
  if (clue.kind === 'per-year') return evenFromPercentPerYear(c, clue.percent, clue.typed);
  return evenVesting(c, clue.years, clue.typed);
}

export function defaultGrant(c: Collector, dollars: number): EquityInput {
  c.note(
    `${formatMoneyTyped(dollars)} stock grant read as vesting evenly over ${DEFAULT_VEST_YEARS} years (no schedule given)`,
  );
  return { kind: 'grant', dollars, vesting: { kind: 'even', years: DEFAULT_VEST_YEARS } };
}

/** Stock from prose: the amount, then whether the words around it make it a yearly value or a grant. */
export function equityFromContext(
  c: Collector,
  typed: string,
  context: string,
  elsewhere: VestingClue | undefined,
): EquityInput | undefined {
  // "equity 0": no equity, as "no equity" and `--stock 0` say; not a year's pay under the minimum.
  if (isNone(typed)) {
    c.note(`stock ${shown(typed)} read as no equity`);
    return { kind: 'annual', dollars: 0, statedYearly: true };
  }
  const dollars = readMoney(c, 'equity', typed);
  if (dollars === undefined) return undefined;
  const clue = vestingClueIn(context, VEST_WORD.test(context));
  const withoutRate = context.replace(PERCENT_PER_YEAR, ' ');
  if (ANNUAL.test(withoutRate)) {
    if (clue || elsewhere)
      c.note(`${formatMoneyTyped(dollars)} stock read as a yearly value, so the vesting was not used`);
    return { kind: 'annual', dollars, statedYearly: true };
  }
  const found = clue ?? elsewhere;
  if (found) {
    const vesting = vestingFromClue(c, found);
    return vesting ? { kind: 'grant', dollars, vesting } : undefined;
  }
  if (GRANT_WORD.test(context)) return defaultGrant(c, dollars);
  if (c.guide.stockUnit.reading === 'four-year-total') return defaultGrant(c, dollars);
  c.note(`${formatMoneyTyped(dollars)} stock read as a yearly value (say "over 4 years" if it is a grant)`);
  return { kind: 'annual', dollars };
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One value per field: every mention is read; two different values are a problem, not a pick. */
export function oneValue<T>(
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

export function readAmountsFromText(c: Collector, text: string, commandWords = false): void {
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
    const segmentLabels = labels.filter((label) => inside(label) && !label.none);
    let segmentAmounts = amounts.filter(inside);
    if (segmentAmounts.length > 1) {
      segmentAmounts = segmentAmounts.filter((amount) => !amount.weak || rightAfterLabel(text, amount, segmentLabels));
    }
    const found = pairUp(segmentLabels, segmentAmounts, text);
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

  // After `/allycomp offer`, one amount before every label and not paired is the total comp, as in the form
  // without labels ("Capital One 260k detroit signon 25k" as "Capital One 260k detroit" with a sign-on).
  const [only, ...others] = loose;
  let totalAlone: Amount | undefined;
  if (
    commandWords &&
    only &&
    others.length === 0 &&
    !only.text.includes('%') &&
    !byField.has('totalComp') &&
    !byField.has('base') &&
    labels.every((label) => label.start > only.end)
  ) {
    loose.length = 0;
    byField.set('totalComp', [{ field: 'totalComp', amount: only, start: only.start, end: only.end, context: '' }]);
    totalAlone = only;
  }

  const draft = c.draft;
  const base = oneValue(c, 'base', byField.get('base') ?? [], (pair) => readMoney(c, 'base', pair.amount.text));
  if (base !== undefined) draft.base = base;
  const total = oneValue(c, 'totalComp', byField.get('totalComp') ?? [], (pair) =>
    readMoney(c, 'totalComp', pair.amount.text),
  );
  if (total !== undefined) draft.totalComp = total;
  if (total !== undefined && totalAlone)
    c.note(`${shown(totalAlone.text)} read as ${formatMoneyTyped(total)} total comp`);

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
export function readOfferFromText(guide: Guide, text: string, options: ProseOptions = {}): ReadOffer {
  const c = new Collector(guide);
  if (typeof text !== 'string') return c.result();
  let clean = cleanText(text);
  if (clean.length > MAX_TEXT) {
    clean = clean.slice(0, MAX_TEXT);
    c.problem('words', `Only the first ${MAX_TEXT.toLocaleString('en-US')} characters were read.`);
  }
  const firstFigure = Math.min(
    clean.length,
    ...[...clean.matchAll(LABEL), ...clean.matchAll(AMOUNT)].map((match) => match.index),
  );
  const company =
    (options.commandWords ? leadingCompanyIn(guide, clean, firstFigure) : undefined) ??
    knownCompanyIn(guide, clean) ??
    unknownCompanyIn(guide, clean);
  if (company) setCompany(c, company, options.kind);
  const title = titleIn(guide, clean);
  if (title) c.draft.title = title;
  setRegionFromText(c, clean, options.commandWords === true);
  readAmountsFromText(c, clean, options.commandWords === true);
  return c.result();
}
