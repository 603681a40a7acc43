import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from './csv';

describe('CSV amounts (R7)', () => {
  it.each<[string, string, number | null]>([
    ['0', 'USD', 0],
    ['85', 'USD', 8500],
    ['85.5', 'USD', 8550],
    ['1,200.00', 'USD', 120_000],
    ['$40', 'USD', 4000],
    ['0.01', 'USD', 1],
    ['1.005', 'USD', null],
    ['-5', 'USD', null],
    ['1o0', 'USD', null],
    ['', 'USD', null],
    ['1500', 'JPY', 1500],
    ['1500.5', 'JPY', null],
  ])('parses %j in %s as %j minor units', (text, currency, expected) => {
    expect(parseAmount(text, currency)).toBe(expected);
  });

  it.each<[number, string, string]>([
    [120_000, 'USD', '1200.00'],
    [4550, 'EUR', '45.50'],
    [1, 'USD', '0.01'],
    [1500, 'JPY', '1500'],
  ])('formats %d %s as %s', (minor, currency, text) => {
    expect(formatAmount(minor, currency)).toBe(text);
    expect(parseAmount(text, currency)).toBe(minor);
  });
});
