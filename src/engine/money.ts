/**
 * Money for the negotiation bot: the one strict place where amounts typed in Slack become whole dollars, and whole
 * dollars become text. Pure functions, no I/O, no dependencies, never throws on string input.
 *
 * Conventions and decisions:
 * - Whole dollars are integers everywhere. Formatting rounds a stray fraction half up first.
 * - Suffixes: k/K/thousand = thousand; m/M/million = million; mm/MM = million too (finance shorthand), reported
 *   through `readAs` ("1.2mm" -> 1_200_000, "read as $1,200,000"). Decimals are fine with a suffix as long as the
 *   result is whole dollars ("245.5k" yes, "245.5555k" no).
 * - Bare numbers: a number under 1,000 with no suffix, no commas and no currency marker ($, US$, USD) means thousands:
 *   "245" -> 245_000 with readAs "read as $245,000" (nobody's yearly pay is $245). With a currency marker the figure
 *   is literal: "$500" is $500 and then fails the $1,000 minimum. So everything formatMoneyTyped/formatMoneyExact
 *   print (always with "$") parses back to itself; formatMoney rounds to the nearest $100 for showing.
 * - Cents: only on a full-dollar figure (no suffix, not a bare-thousands reading) and only with exactly two decimals:
 *   "$170,000.50" -> 170_001 (half up) with readAs "read as $170,001 (rounded to the nearest dollar)". ".00" is exact
 *   and gets no readAs. Any other fraction of a dollar ("$170,000.5") is rejected.
 * - Only US dollars. Commas must group digits in threes. No scientific notation, no signs, no ranges.
 * - Reasons are shown to users in Slack, so they never echo long or unusual user text (think "<!channel>"): only short
 *   plain fragments are quoted, anything else is called "that".
 */

export interface DollarRange {
  low: number;
  high: number;
}

export type Parsed<T> = { ok: true; value: T; readAs?: string } | { ok: false; reason: string; example: string };

/** Defaults: min 1_000, max 10_000_000 (a year's pay). Both inclusive. */
export interface AmountLimits {
  min?: number;
  max?: number;
}

export type AmountOrPercent = { kind: 'dollars'; dollars: number } | { kind: 'percent'; percent: number };

const DEFAULT_MIN = 1_000;
const DEFAULT_MAX = 10_000_000;
const DEFAULT_PERCENT_MIN = 0;
const DEFAULT_PERCENT_MAX = 100;
const MAX_INT_DIGITS = 15;
const MAX_FRACTION_DIGITS = 15;

type Failure = { ok: false; reason: string; example: string };

/** A maximal run of digits, commas and points, starting with a digit or a point followed by a digit. */
const NUMBER_RUN = /\d[\d.,]*|\.\d[\d.,]*/g;
const SCIENTIFIC = /\d\s*e\s*[+-]?\s*\d/i;
const USD_PREFIX = /^(?:\$|us\$|usd ?\$?)$/i;
const AMOUNT_SUFFIX = /^(?:(k|thousand|mm|million|m) ?)?(usd)?$/i;
const GROUPED_INT = /^[1-9]\d{0,2}(?:,\d{3})+$/;
const SPACE_GROUPED = /^\D*\d{1,3}(?: \d{3})+\D*$/;
const OTHER_CURRENCY =
  /[€£¥₹₩₽₺₪]|\b(?:eur|gbp|cad|aud|nzd|chf|jpy|cny|rmb|inr|sek|nok|dkk|sgd|hkd|mxn|brl|pln|zar|ils|krw)\b|\b(?:c|ca|a|au|nz|hk|s|r|mx)\$/i;
const SAFE_FRAGMENT = /^[A-Za-z0-9 .,$%/+~-]{1,24}$/;

function fail(reason: string, example: string): Failure {
  return { ok: false, reason, example };
}

function succeed<T>(value: T, readAs?: string): Parsed<T> {
  return readAs === undefined ? { ok: true, value } : { ok: true, value, readAs };
}

/** Collapse any whitespace (incl. no-break and zero-width spaces) to one space; map unicode minus/dashes to "-". */
function normalize(input: string): string {
  return input
    .replace(/[\s\u200b]+/g, ' ')
    .replace(/[\u2012-\u2015\u2212]/g, '-')
    .trim();
}

/** User text that is safe and short enough to echo back, or "that". */
function show(text: string): string {
  return SAFE_FRAGMENT.test(text) ? text : 'that';
}

function quote(text: string): string {
  return SAFE_FRAGMENT.test(text) ? `"${text}"` : 'that';
}

function groupDigits(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

function halfUp(dollars: number): number {
  const rounded = Math.floor(dollars + 0.5);
  return rounded === 0 ? 0 : rounded; // no -0
}

function findSingleRun(text: string): { run: string; before: string; after: string } | 'none' | 'several' {
  const runs = [...text.matchAll(NUMBER_RUN)];
  const first = runs[0];
  if (first === undefined) return 'none';
  if (runs.length > 1) return 'several';
  const start = first.index;
  return { run: first[0], before: text.slice(0, start).trim(), after: text.slice(start + first[0].length).trim() };
}

function amountExamples(min: number, max: number): { compact: string; full: string } {
  let value = Math.min(Math.max(245_000, min), max);
  const nice = upToThousand(value);
  value = nice >= min && nice <= max ? nice : Math.ceil(min);
  if (!Number.isFinite(value)) value = 245_000;
  const exact = formatMoneyExact(value);
  const compact =
    value % 1000 === 0 && value >= 1000 && value < 1_000_000 ? `${value / 1000}k` : formatMoneyTyped(value);
  return { compact, full: compact === exact ? exact : `${compact} or ${exact}` };
}

function percentExample(min: number, max: number): string {
  const value = Math.min(Math.max(15, min), max);
  return formatPercent(Number.isFinite(value) ? value : 15);
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------------------

/**
 * Parse one yearly dollar amount typed by a person. See the top of the file for the rules.
 * `readAs` is set when the input was interpreted rather than taken literally.
 */
export function parseAmount(input: string, limits?: AmountLimits): Parsed<number> {
  const min = limits?.min ?? DEFAULT_MIN;
  const max = limits?.max ?? DEFAULT_MAX;
  const example = amountExamples(min, max).full;
  const bad = (reason: string): Failure => fail(reason, example);

  if (typeof input !== 'string') return bad('no amount given');
  const text = normalize(input);
  if (text === '') return bad('no amount given');
  if (text.includes('%')) return bad(`${quote(text)} is a percentage, but this needs a dollar amount`);
  if (SCIENTIFIC.test(text)) return bad("scientific notation (like 1e6) isn't supported; write the amount out");
  if (OTHER_CURRENCY.test(text)) return bad('only US dollars are supported; give the amount in USD');

  const found = findSingleRun(text);
  if (found === 'none') return bad(`${quote(text)} isn't an amount I can read`);
  if (found === 'several') {
    if (SPACE_GROUPED.test(text)) return bad(`${quote(text)} has spaces inside the number; use commas, like 245,000`);
    return bad('that looks like two amounts; give one');
  }
  const { run, before, after } = found;

  // What comes before the number: nothing, or a USD marker. A minus sign or an accounting "(" means negative.
  if (/[-(]/.test(before)) return bad("amounts can't be negative");
  if (before !== '' && !USD_PREFIX.test(before)) return bad(`unexpected ${quote(before)} before the number`);

  // The number itself.
  if (run.split('.').length > 2) return bad(`${quote(run)} has more than one decimal point`);
  if (run.endsWith('.') || run.endsWith(',')) return bad(`${quote(run)} ends with a stray "${run.slice(-1)}"`);
  const [intPart = '', fraction = ''] = run.split('.');
  if (fraction.includes(',')) return bad(`${quote(run)} has a comma after the decimal point`);
  const hasCommas = intPart.includes(',');
  if (hasCommas && !GROUPED_INT.test(intPart)) {
    return bad(`the commas in ${quote(run)} are in the wrong places; group digits in threes, like 245,000`);
  }
  const intDigits = intPart.replace(/,/g, '').replace(/^0+(?=\d)/, '') || '0';
  if (intDigits.length > MAX_INT_DIGITS) return bad(`that number is far over the ${formatMoneyExact(max)} maximum`);
  if (fraction.length > MAX_FRACTION_DIGITS) return bad(`${quote(run)} has too many decimal places`);

  // What comes after the number: an optional multiplier, then an optional "USD".
  const suffix = AMOUNT_SUFFIX.exec(after);
  if (suffix === null) {
    const rest = after.replace(/^(?:thousand|million|mm|k|m)(?![a-z])\s*/i, '');
    if (rest !== after) return bad(`unexpected ${quote(rest)} after the amount; give just the number, like 245k`);
    return bad(`unknown suffix ${quote(after)}; use k for thousands or M for millions`);
  }
  const multiplier = suffix[1]?.toLowerCase();
  const hasCurrency = before !== '' || suffix[2] !== undefined;

  let exponent = 0;
  let interpreted = false;
  if (multiplier === 'k' || multiplier === 'thousand') exponent = 3;
  else if (multiplier === 'm' || multiplier === 'million') exponent = 6;
  else if (multiplier === 'mm') {
    exponent = 6;
    interpreted = true;
  } else if (!hasCurrency && !hasCommas && intDigits.length <= 3) {
    exponent = 3; // bare number under 1,000: thousands
    interpreted = true;
  }
  const centsFigure = multiplier === undefined && !interpreted && fraction !== '';
  if (centsFigure && fraction.length !== 2) {
    return bad(`${quote(text)} has a fraction of a dollar; cents need exactly two digits, like $170,000.50`);
  }

  // Exact decimal arithmetic: value = digits * 10^(exponent - fraction digits).
  const mantissa = BigInt(intDigits + fraction);
  const shift = exponent - fraction.length;
  let whole: bigint;
  let rounded = false;
  if (shift >= 0) {
    whole = mantissa * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    whole = mantissa / divisor;
    const remainder = mantissa % divisor;
    if (remainder !== 0n) {
      if (!centsFigure) {
        let hint = 'a bare number means thousands, so use at most 3 decimals, like 245.5';
        if (multiplier === 'k' || multiplier === 'thousand') hint = 'use at most 3 decimals with k, like 245.5k';
        else if (multiplier !== undefined) hint = 'use at most 6 decimals with M, like 1.25M';
        return bad(`${quote(text)} isn't a whole number of dollars; ${hint}`);
      }
      if (remainder * 2n >= divisor) whole += 1n;
      rounded = true;
    }
  }

  const value = Number(whole);
  const exact = `$${groupDigits(whole.toString())}`;
  let readAs: string | undefined;
  if (rounded) readAs = `read as ${exact} (rounded to the nearest dollar)`;
  else if (interpreted) readAs = `read as ${exact}`;

  const described = readAs === undefined ? exact : `${show(text)} (read as ${exact})`;
  if (value < min) {
    const forPay = limits?.min === undefined ? " for a year's pay" : '';
    return bad(`${described} is under the ${formatMoneyExact(min)} minimum${forPay}`);
  }
  if (value > max) {
    const forPay = limits?.max === undefined ? " for a year's pay" : '';
    return bad(`${described} is over the ${formatMoneyExact(max)} maximum${forPay}`);
  }
  return succeed(value, readAs);
}

/**
 * Parse a percentage. The % sign is required ("15%", "15 %", "15.5%"); a leading "-" is read as negative and then
 * checked against the range. Default range 0..100, inclusive. Any number of decimals is kept as typed.
 */
export function parsePercent(input: string, limits?: { min?: number; max?: number }): Parsed<number> {
  const min = limits?.min ?? DEFAULT_PERCENT_MIN;
  const max = limits?.max ?? DEFAULT_PERCENT_MAX;
  const example = percentExample(min, max);
  const bad = (reason: string): Failure => fail(reason, example);

  if (typeof input !== 'string') return bad('no percentage given');
  const text = normalize(input);
  if (text === '') return bad('no percentage given');
  if (SCIENTIFIC.test(text)) return bad("scientific notation (like 1e2) isn't supported; write the percentage out");

  const found = findSingleRun(text);
  if (found === 'none') return bad(`${quote(text)} isn't a percentage I can read`);
  if (found === 'several') return bad('that looks like two percentages; give one');
  const { run, before, after } = found;

  let negative = false;
  if (before === '-') negative = true;
  else if (/\$|usd/i.test(before)) return bad(`${quote(text)} looks like a dollar amount; give a percentage`);
  else if (before.includes('%')) return bad('put the % sign after the number');
  else if (before !== '') return bad(`unexpected ${quote(before)} before the number`);

  if (run.split('.').length > 2) return bad(`${quote(run)} has more than one decimal point`);
  if (run.includes(',')) return bad(`${quote(run)} has a comma; write percentages without commas`);
  if (run.endsWith('.')) return bad(`${quote(run)} ends with a stray "."`);

  if (after === '') return bad(`add a % sign, like ${show(run)}%`);
  if (/^(?:percent|per cent|pct)$/i.test(after)) return bad(`write percentages with a % sign, like ${show(run)}%`);
  if (/^(?:k|m|mm|thousand|million|usd)\b/i.test(after)) {
    return bad(`${quote(text)} looks like a dollar amount; give a percentage`);
  }
  if (after !== '%') return bad(`unexpected ${quote(after)} after the number`);

  const magnitude = Number(run);
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  const shown = show(run);
  const typed = shown === 'that' ? 'that' : `${negative ? '-' : ''}${shown}%`;
  if (value < min) {
    if (value < 0 && min >= 0) return bad("percentages can't be negative here");
    return bad(`${typed} is under the ${formatPercent(min, 4)} minimum`);
  }
  if (value > max) return bad(`${typed} is over the ${formatPercent(max, 4)} maximum`);
  return succeed(value);
}

/**
 * A dollar amount or a percentage: anything with a % sign is a percentage (default range 0..100), everything else
 * goes through parseAmount with `limits`. A bare number up to 100 ("15") is rejected as ambiguous here, because it
 * could be 15% or $15,000; bare numbers above 100 are read as thousands as usual.
 */
export function parseAmountOrPercent(input: string, limits?: AmountLimits): Parsed<AmountOrPercent> {
  const examples = amountExamples(limits?.min ?? DEFAULT_MIN, limits?.max ?? DEFAULT_MAX);
  const example = `15% or ${examples.compact}`;
  if (typeof input !== 'string') return fail('no amount or percentage given', example);
  const text = normalize(input);
  if (text === '') return fail('no amount or percentage given', example);

  if (text.includes('%')) {
    const percent = parsePercent(text);
    if (!percent.ok) return percent;
    return succeed<AmountOrPercent>({ kind: 'percent', percent: percent.value }, percent.readAs);
  }
  if (/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(text) && Number(text) <= 100) {
    const t = show(text);
    return fail(`${t} could mean ${t}% or $${t}K; add a % sign or a k to say which`, example);
  }
  const dollars = parseAmount(text, limits);
  if (!dollars.ok) return fail(dollars.reason, example);
  return succeed<AmountOrPercent>({ kind: 'dollars', dollars: dollars.value }, dollars.readAs);
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------------------------

/**
 * How every answer and script shows money: $K with at most one decimal, to the nearest $100 ($950, $165K, $41.3K
 * for $41,250), and $M from a million, to the nearest $1,000 ($1.2M, $1.234M). One style for every figure the bot
 * shows, whether the guide gives it or a rule computes it (the guide prints no exact-dollar figure). Never "$165.0K".
 * Not for echoing what a person typed: that is `formatMoneyTyped`, which never rounds.
 */
export function formatMoney(dollars: number): string {
  if (!Number.isFinite(dollars)) return String(dollars);
  const whole = halfUp(dollars);
  const sign = whole < 0 ? '-' : '';
  const size = Math.abs(whole);
  if (size < 1000) return formatMoneyExact(whole);
  const hundreds = halfUp(size / 100) * 100;
  if (hundreds < 1_000_000) return `${sign}$${hundreds / 1000}K`;
  if (size > Number.MAX_SAFE_INTEGER) return formatMoneyExact(whole);
  const [millions = '0', decimals] = String(halfUp(size / 1000) / 1000).split('.');
  return `${sign}$${groupDigits(millions)}${decimals === undefined ? '' : `.${decimals}`}M`;
}

/**
 * An amount as a person could type it back, for echoing what was read and prefilling the form: compact when that is
 * exact ($165K, $245.5K, $1.234M), else exact dollars ($245,123). It always parses back to the same whole dollars.
 */
export function formatMoneyTyped(dollars: number): string {
  if (!Number.isFinite(dollars)) return String(dollars);
  const size = Math.abs(halfUp(dollars));
  const compact = (size >= 1000 && size < 1_000_000 && size % 100 === 0) || (size >= 1_000_000 && size % 1000 === 0);
  return compact ? formatMoney(dollars) : formatMoneyExact(dollars);
}

/** Exact whole dollars with thousands separators: $165,000. Rounds half up first. Non-finite input prints as is. */
export function formatMoneyExact(dollars: number): string {
  if (!Number.isFinite(dollars)) return String(dollars);
  const whole = halfUp(dollars);
  return `${whole < 0 ? '-' : ''}$${groupDigits(BigInt(Math.abs(whole)).toString())}`;
}

/** "a $13K", "an $8K", "an $18K", "an $11K": the article as the figure is said aloud (eight…, eleven, eighteen). */
export function aMoney(dollars: number): string {
  const shown = formatMoney(dollars);
  return `${/^\$(8|11(?![\d,])|18(?![\d,]))/.test(shown) ? 'an' : 'a'} ${shown}`;
}

/** "$255K–$262K" (en dash, as formatMoney shows each end); one figure when both ends show the same. */
export function formatRange(range: DollarRange): string {
  const low = formatMoney(range.low);
  const high = formatMoney(range.high);
  return low === high ? low : `${low}–${high}`;
}

/** 20 -> "20%", 4.0816 -> "4.1%", 12.5 -> "12.5%": at most `digits` decimals (default 1), no trailing zeros. */
export function formatPercent(percent: number, digits = 1): string {
  if (!Number.isFinite(percent)) return `${percent}%`;
  const places = Math.min(Math.max(Math.trunc(digits) || 0, 0), 20);
  const factor = 10 ** places;
  let text = (Math.round(percent * factor) / factor).toFixed(places);
  if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  if (text === '-0') text = '0';
  return `${text}%`;
}

/** Nearest $1,000, halves rounding up: 262_499 -> 262_000, 262_500 -> 263_000. */
export function roundToThousand(dollars: number): number {
  const rounded = Math.floor((dollars + 500) / 1000) * 1000;
  return rounded === 0 ? 0 : rounded;
}

/** The next whole $1,000 at or above: asks are said in whole thousands, rounded up so an ask never lands below its rule. */
export function upToThousand(dollars: number): number {
  return Math.ceil(dollars / 1000) * 1000;
}
