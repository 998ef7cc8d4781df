import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatMoneyExact,
  formatMoneyTyped,
  formatPercent,
  formatRange,
  type Parsed,
  parseAmount,
  parseAmountOrPercent,
  parsePercent,
  roundToThousand,
  upToThousand,
} from '../../src/engine/money.js';

const RUNS = { numRuns: 200 };

function value<T>(result: Parsed<T>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.value;
}

describe('parseAmount accepts', () => {
  const accepted: [input: string, value: number, readAs?: string][] = [
    ['$245k', 245_000],
    ['245K', 245_000],
    ['245,000', 245_000],
    ['245000', 245_000],
    ['$245,000', 245_000],
    ['1.2M', 1_200_000],
    ['$1.2m', 1_200_000],
    ['245K USD', 245_000],
    ['USD 245k', 245_000],
    ['US$245k', 245_000],
    ['usd$245k', 245_000],
    ['$245.5k', 245_500],
    ['$170,000.00', 170_000],
    ['  $245k  ', 245_000],
    ['245 k', 245_000],
    ['$ 245 k usd', 245_000],
    ['245\u00a0k', 245_000],
    ['245 thousand', 245_000],
    ['1.5 million', 1_500_000],
    ['.5m', 500_000],
    ['1,200k', 1_200_000],
    ['$1,000', 1_000],
    ['$10M', 10_000_000],
    ['1.2mm', 1_200_000, 'read as $1,200,000'],
    ['2.25MM', 2_250_000, 'read as $2,250,000'],
    ['245', 245_000, 'read as $245,000'],
    ['170', 170_000, 'read as $170,000'],
    [' 999 ', 999_000, 'read as $999,000'],
    ['245.5', 245_500, 'read as $245,500'],
    ['1000', 1_000],
    ['$170,000.50', 170_001, 'read as $170,001 (rounded to the nearest dollar)'],
    ['$170,000.49', 170_000, 'read as $170,000 (rounded to the nearest dollar)'],
    ['170000.99', 170_001, 'read as $170,001 (rounded to the nearest dollar)'],
  ];

  it.each(accepted)('%j -> %d', (input, expected, readAs) => {
    const result = parseAmount(input);
    expect(result).toEqual(
      readAs === undefined ? { ok: true, value: expected } : { ok: true, value: expected, readAs },
    );
  });
});

describe('parseAmount rejects', () => {
  const rejected: [input: string, reason: RegExp][] = [
    ['', /^no amount given$/],
    ['   ', /^no amount given$/],
    ['abc', /"abc" isn't an amount/],
    ['$', /isn't an amount/],
    ['-5k', /can't be negative/],
    ['$-5k', /can't be negative/],
    ['\u22125k', /can't be negative/],
    ['(5k)', /can't be negative/],
    ['1e6', /scientific notation/],
    ['2.5E5', /scientific notation/],
    ['170k 180k', /looks like two amounts; give one/],
    ['170-180k', /looks like two amounts; give one/],
    ['$255K–$262K', /looks like two amounts/],
    ['170 to 180k', /looks like two amounts/],
    ['24,50,00', /commas .* wrong places/],
    ['1,2345', /commas .* wrong places/],
    ['0,245', /commas .* wrong places/],
    ['245,00', /commas .* wrong places/],
    ['245 000', /spaces inside the number/],
    ['1.2.3', /more than one decimal point/],
    ['1.200.000', /more than one decimal point/],
    ['1,000.', /stray "\."/],
    ['1.2,5k', /comma after the decimal point/],
    ['15%', /percentage, but this needs a dollar amount/],
    ['245b', /unknown suffix "b"/],
    ['245 thousandz', /unknown suffix "thousandz"/],
    ['245kk', /unknown suffix "kk"/],
    ['245k/yr', /unexpected "\/yr" after the amount/],
    ['~245k', /unexpected "~" before the number/],
    ['€245k', /only US dollars/],
    ['245k EUR', /only US dollars/],
    ['C$245k', /only US dollars/],
    ['$170,000.5', /cents need exactly two digits/],
    ['$170,000.505', /cents need exactly two digits/],
    ['$1.200', /cents need exactly two digits/],
    ['245.5555k', /isn't a whole number of dollars; use at most 3 decimals with k/],
    ['1.2345678M', /at most 6 decimals with M/],
    ['245.5555', /bare number means thousands/],
    ['$500', /^\$500 is under the \$1,000 minimum for a year's pay$/],
    ['0.5', /^0\.5 \(read as \$500\) is under the \$1,000 minimum/],
    ['$20M', /^\$20,000,000 is over the \$10,000,000 maximum for a year's pay$/],
    ['9'.repeat(40), /far over the \$10,000,000 maximum/],
  ];

  it.each(rejected)('%j', (input, reason) => {
    const result = parseAmount(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      expect(result.example).toBe('245k or $245,000');
    }
  });

  it('never echoes markup or long input back to the user', () => {
    for (const input of ['<!channel>', '245 <!here>', `245 ${'x'.repeat(100)}`]) {
      const result = parseAmount(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).not.toMatch(/<|x{30}/);
    }
  });
});

describe('parseAmount limits', () => {
  it('applies custom limits and names them without "a year\'s pay"', () => {
    expect(parseAmount('$5k', { min: 10_000 })).toMatchObject({
      ok: false,
      reason: '$5,000 is under the $10,000 minimum',
    });
    expect(parseAmount('245', { max: 100_000 })).toMatchObject({
      ok: false,
      reason: '245 (read as $245,000) is over the $100,000 maximum',
      example: '100k or $100,000',
    });
    expect(parseAmount('$500', { min: 0 })).toEqual({ ok: true, value: 500 });
    expect(parseAmount('$0', { min: 0 })).toEqual({ ok: true, value: 0 });
  });

  it('gives an example that fits the limits', () => {
    const result = parseAmount('abc', { min: 2_000_000, max: 3_000_000 });
    expect(result).toMatchObject({ ok: false, example: '$2M or $2,000,000' });
  });
});

describe('parsePercent', () => {
  const accepted: [string, number][] = [
    ['15%', 15],
    ['15 %', 15],
    ['15.5%', 15.5],
    [' 0% ', 0],
    ['100%', 100],
    ['4.0816%', 4.0816],
    ['.5%', 0.5],
  ];
  it.each(accepted)('accepts %j', (input, expected) => {
    expect(parsePercent(input)).toEqual({ ok: true, value: expected });
  });

  const rejected: [string, RegExp][] = [
    ['', /no percentage given/],
    ['15', /add a % sign, like 15%/],
    ['15 percent', /with a % sign, like 15%/],
    ['abc', /isn't a percentage/],
    ['-5%', /can't be negative/],
    ['150%', /^150% is over the 100% maximum$/],
    ['10-15%', /two percentages/],
    ['10% 15%', /two percentages/],
    ['1e1%', /scientific notation/],
    ['1.2.3%', /more than one decimal point/],
    ['1,000%', /without commas/],
    ['%15', /after the number/],
    ['$15%', /dollar amount/],
    ['15k%', /dollar amount/],
    ['15%%', /unexpected "%%"/],
  ];
  it.each(rejected)('rejects %j', (input, reason) => {
    const result = parsePercent(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      expect(result.example).toBe('15%');
    }
  });

  it('applies custom limits', () => {
    expect(parsePercent('-5%', { min: -10 })).toEqual({ ok: true, value: -5 });
    expect(parsePercent('30%', { max: 25 })).toMatchObject({ ok: false, reason: '30% is over the 25% maximum' });
    expect(parsePercent('2%', { min: 5 })).toMatchObject({ ok: false, reason: '2% is under the 5% minimum' });
  });
});

describe('parseAmountOrPercent', () => {
  it('tells percentages from dollars', () => {
    expect(parseAmountOrPercent('15%')).toEqual({ ok: true, value: { kind: 'percent', percent: 15 } });
    expect(parseAmountOrPercent('$30k')).toEqual({ ok: true, value: { kind: 'dollars', dollars: 30_000 } });
    expect(parseAmountOrPercent('150')).toEqual({
      ok: true,
      value: { kind: 'dollars', dollars: 150_000 },
      readAs: 'read as $150,000',
    });
  });

  it('rejects a bare number that could be either', () => {
    expect(parseAmountOrPercent('15')).toMatchObject({ ok: false, reason: expect.stringMatching(/15% or \$15K/) });
  });

  it('passes on specific reasons', () => {
    expect(parseAmountOrPercent('')).toMatchObject({ ok: false, reason: 'no amount or percentage given' });
    expect(parseAmountOrPercent('200%')).toMatchObject({ ok: false, reason: expect.stringMatching(/100% maximum/) });
    expect(parseAmountOrPercent('-5k')).toMatchObject({ ok: false, example: '15% or 245k' });
  });
});

describe('formatting', () => {
  const compact: [number, string][] = [
    [0, '$0'],
    [950, '$950'],
    [1_000, '$1K'],
    [1_050, '$1.1K'],
    [41_250, '$41.3K'],
    [36_750, '$36.8K'],
    [165_000, '$165K'],
    [245_500, '$245.5K'],
    [245_123, '$245.1K'],
    [999_900, '$999.9K'],
    [999_949, '$999.9K'],
    [999_950, '$1M'],
    [1_000_000, '$1M'],
    [1_200_000, '$1.2M'],
    [1_250_000, '$1.25M'],
    [1_234_000, '$1.234M'],
    [1_234_500, '$1.235M'],
    [10_000_000, '$10M'],
    [1_500_000_000, '$1,500M'],
    [165_000.4, '$165K'],
    [-5_000, '-$5K'],
  ];
  it.each(compact)('formatMoney(%d) = %s', (dollars, text) => {
    expect(formatMoney(dollars)).toBe(text);
  });

  it('formatMoneyTyped: compact only where that is exact, so what was read can be checked digit for digit', () => {
    expect(formatMoneyTyped(165_000)).toBe('$165K');
    expect(formatMoneyTyped(245_500)).toBe('$245.5K');
    expect(formatMoneyTyped(245_123)).toBe('$245,123');
    expect(formatMoneyTyped(41_250)).toBe('$41,250');
    expect(formatMoneyTyped(1_234_000)).toBe('$1.234M');
    expect(formatMoneyTyped(1_234_500)).toBe('$1,234,500');
    expect(formatMoneyTyped(950)).toBe('$950');
  });

  it('formatMoneyExact', () => {
    expect(formatMoneyExact(165_000)).toBe('$165,000');
    expect(formatMoneyExact(1_234_567)).toBe('$1,234,567');
    expect(formatMoneyExact(999)).toBe('$999');
    expect(formatMoneyExact(170_000.5)).toBe('$170,001');
    expect(formatMoneyExact(-1_500)).toBe('-$1,500');
  });

  it('formatRange', () => {
    expect(formatRange({ low: 255_000, high: 262_000 })).toBe('$255K–$262K');
    expect(formatRange({ low: 262_000, high: 262_000 })).toBe('$262K');
    expect(formatRange({ low: 1_200_000, high: 1_234_567 })).toBe('$1.2M–$1.235M');
    // Ends that show the same are one figure.
    expect(formatRange({ low: 41_250, high: 41_260 })).toBe('$41.3K');
  });

  it('formatPercent', () => {
    expect(formatPercent(20)).toBe('20%');
    expect(formatPercent(4.0816)).toBe('4.1%');
    expect(formatPercent(12.5)).toBe('12.5%');
    expect(formatPercent(19.96)).toBe('20%');
    expect(formatPercent(-0.01)).toBe('0%');
    expect(formatPercent(4.0816, 2)).toBe('4.08%');
    expect(formatPercent(4.0816, 0)).toBe('4%');
  });

  it('roundToThousand rounds halves up', () => {
    expect(roundToThousand(262_499)).toBe(262_000);
    expect(roundToThousand(262_500)).toBe(263_000);
    expect(roundToThousand(499)).toBe(0);
    expect(roundToThousand(1_500)).toBe(2_000);
  });

  it('upToThousand rounds any part of a thousand up, and leaves whole thousands alone', () => {
    expect(upToThousand(245_000)).toBe(245_000);
    expect(upToThousand(245_001)).toBe(246_000);
    expect(upToThousand(41_250)).toBe(42_000);
    expect(upToThousand(0)).toBe(0);
  });
});

describe('properties', () => {
  const dollarsInRange = fc.integer({ min: 1_000, max: 10_000_000 });
  const moneyish = fc.string({
    unit: fc.constantFrom(...'0123456789,.$%-–kKmMuUsSdDe()~ \u00a0'.split(''), 'USD', 'thousand', 'mm'),
    maxLength: 14,
  });
  // Odd unicode without fc.string({ unit: 'binary' }), whose one-off setup costs about a second.
  const oddUnicode = fc.string({
    unit: fc.constantFrom(...'0123456789k$%.,\u00a0\u200b\u2212–—€£٣１😀\ud800<>!\n\t'.split('')),
    maxLength: 20,
  });

  it('parseAmount(formatMoneyExact(x)) === x', () => {
    fc.assert(
      fc.property(dollarsInRange, (x) => value(parseAmount(formatMoneyExact(x))) === x),
      RUNS,
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (x) => {
        return value(parseAmount(formatMoneyExact(x), { min: 0, max: 2_000_000_000 })) === x;
      }),
      RUNS,
    );
  });

  it('parseAmount(formatMoney(x)) === x for multiples of $100 under $1M, and of $1K from $1M', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 10, max: 9_999 }).map((hundreds) => hundreds * 100),
          fc.integer({ min: 1_000, max: 10_000 }).map((thousands) => thousands * 1000),
        ),
        (x) => value(parseAmount(formatMoney(x))) === x,
      ),
      RUNS,
    );
  });

  it('formatMoney is off by under $50 below $1M, and under $500 from $1M', () => {
    fc.assert(
      fc.property(dollarsInRange, (x) => {
        const shown = value(parseAmount(formatMoney(x), { min: 0, max: 20_000_000 }));
        return shown !== undefined && Math.abs(shown - x) <= (x < 999_950 ? 50 : 500);
      }),
      RUNS,
    );
  });

  it('parseAmount(formatMoneyTyped(x)) === x', () => {
    fc.assert(
      fc.property(dollarsInRange, (x) => value(parseAmount(formatMoneyTyped(x))) === x),
      RUNS,
    );
  });

  it('parsePercent(formatPercent(p)) === p for one-decimal p in 0..100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000 }),
        (tenths) => value(parsePercent(formatPercent(tenths / 10))) === tenths / 10,
      ),
      RUNS,
    );
  });

  it('never throws, and answers either a whole in-range amount or a reason with a working example', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), moneyish, oddUnicode), (input) => {
        const amount = parseAmount(input);
        const amountFine = amount.ok
          ? Number.isInteger(amount.value) && amount.value >= 1_000 && amount.value <= 10_000_000
          : amount.reason !== '' && amount.example.split(' or ').every((example) => parseAmount(example).ok);
        const percent = parsePercent(input);
        const percentFine = percent.ok ? percent.value >= 0 && percent.value <= 100 : parsePercent(percent.example).ok;
        const either = parseAmountOrPercent(input);
        const eitherFine = either.ok || (either.reason !== '' && either.example !== '');
        return amountFine && percentFine && eitherFine;
      }),
      RUNS,
    );
  });

  it('roundToThousand lands on the nearest thousand', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (x) => {
        const rounded = roundToThousand(x);
        return rounded % 1000 === 0 && Math.abs(rounded - x) <= 500;
      }),
      RUNS,
    );
  });

  it('upToThousand lands on the thousand at or above', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (x) => {
        const rounded = upToThousand(x);
        return rounded % 1000 === 0 && rounded >= x && rounded - x < 1000;
      }),
      RUNS,
    );
  });
});
