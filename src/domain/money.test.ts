import { describe, expect, it } from 'vitest';
import { assertMinor, currencyExponent, formatMoney, roundHalfAwayFromZero } from './money';

describe('formatMoney', () => {
  it.each([
    [0, 'USD', '$0.00'],
    [-250, 'USD', '-$2.50'],
    [1, 'USD', '$0.01'],
    [123456, 'USD', '$1,234.56'],
    [5000, 'JPY', '¥5,000'],
    [150000, 'EUR', '€1,500.00'],
    [999, 'usd', '$9.99'],
  ])('R27 %i minor units of %s display as %s', (minor, currency, expected) => {
    expect(formatMoney(minor, currency)).toBe(expected);
  });

  it('R27 a fractional minor amount is refused rather than displayed', () => {
    expect(() => formatMoney(10.5, 'USD')).toThrow(RangeError);
  });
});

describe('currencyExponent', () => {
  it.each([
    ['JPY', 0],
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
  ])('R7 %s has %i minor-unit digits', (currency, digits) => {
    expect(currencyExponent(currency)).toBe(digits);
  });
});

describe('roundHalfAwayFromZero', () => {
  it.each([
    [0, 0],
    [-0.5, -1],
    [-1.5, -2],
    [0.5, 1],
    [0.49, 0],
    [2998.5, 2999],
    [1.005 * 100, 101],
    [0.1 * 3, 0],
    [-2.4, -2],
    [-0.4, 0],
  ])('R29 %d rounds half away from zero to %i', (value, expected) => {
    expect(roundHalfAwayFromZero(value)).toBe(expected);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])('R29 %d cannot be rounded to money', (v) => {
    expect(() => roundHalfAwayFromZero(v)).toThrow(RangeError);
  });
});

describe('assertMinor', () => {
  it.each([[0.5], [Number.NaN], [2 ** 53]])('R7 %d is not a valid minor amount', (v) => {
    expect(() => assertMinor(v)).toThrow(RangeError);
  });

  it.each([[0], [-100], [123456]])('R7 %i is a valid minor amount', (v) => {
    expect(() => assertMinor(v)).not.toThrow();
  });
});
