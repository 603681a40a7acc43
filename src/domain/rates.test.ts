import { describe, expect, it } from 'vitest';
import { priceLine, type RateEntry, type RateInForce, rateInForce } from './rates';

const def = (amountMinor: number, effectiveFrom: string, type = 'captions'): RateEntry => ({
  deliverableTypeId: type,
  contractorId: null,
  amountMinor,
  currency: 'USD',
  unit: 'item',
  effectiveFrom,
});

const neg = (contractorId: string, amountMinor: number, effectiveFrom: string): RateEntry => ({
  ...def(amountMinor, effectiveFrom),
  contractorId,
});

const card: RateEntry[] = [
  def(10_000, '2025-01-01'),
  def(12_000, '2025-06-01'),
  def(15_000, '2026-01-01'),
  def(99_900, '2024-01-01', 'reels'),
  neg('ana', 13_000, '2025-09-01'),
  neg('ana', 14_000, '2026-03-01'),
  neg('ben', 5_000, '2024-01-01'),
];

const q = (contractorId: string, date: string, deliverableTypeId = 'captions') => ({
  contractorId,
  deliverableTypeId,
  date,
});

describe('rateInForce (R7)', () => {
  it.each<[string, string, string, string, number | null, 'negotiated' | 'default' | null]>([
    ['R7 before any rate there is no rate in force', 'cy', '2024-12-31', 'captions', null, null],
    ['R7 an unknown deliverable type has no rate', 'ana', '2026-06-01', 'blogs', null, null],
    [
      'R7 a default applies exactly on its effective date',
      'cy',
      '2025-01-01',
      'captions',
      10_000,
      'default',
    ],
    [
      'R7 the day before a new default, the old one is in force',
      'cy',
      '2025-05-31',
      'captions',
      10_000,
      'default',
    ],
    [
      'R7 history of 3 defaults: the middle one in the middle',
      'cy',
      '2025-12-31',
      'captions',
      12_000,
      'default',
    ],
    [
      'R7 history of 3 defaults: the latest one afterwards',
      'cy',
      '2027-01-01',
      'captions',
      15_000,
      'default',
    ],
    [
      'R7 a negotiated rate overrides the default',
      'ana',
      '2025-09-01',
      'captions',
      13_000,
      'negotiated',
    ],
    [
      'R7 a later negotiated rate replaces the earlier one',
      'ana',
      '2026-03-01',
      'captions',
      14_000,
      'negotiated',
    ],
    [
      'R7 a negotiated rate that starts later falls back to the default',
      'ana',
      '2025-08-31',
      'captions',
      12_000,
      'default',
    ],
    [
      "R7 another contractor's negotiated rate is never used",
      'cy',
      '2026-06-01',
      'captions',
      15_000,
      'default',
    ],
    [
      'R7 a negotiated rate for one type is not used for another type',
      'ben',
      '2025-02-01',
      'reels',
      99_900,
      'default',
    ],
    ["R7 another type's default is ignored", 'cy', '2024-06-01', 'captions', null, null],
  ])('%s', (_title, contractorId, date, type, amount, source) => {
    const r = rateInForce(card, q(contractorId, date, type));
    expect(r?.amountMinor ?? null).toBe(amount);
    expect(r?.source ?? null).toBe(source);
  });

  it('R7 on a same-day tie the entry recorded later wins', () => {
    const entries = [
      def(10_000, '2025-01-01'),
      def(11_000, '2025-01-01'),
      neg('ana', 1, '2025-01-01'),
      neg('ana', 2, '2025-01-01'),
    ];
    expect(rateInForce(entries, q('cy', '2025-02-01'))?.amountMinor).toBe(11_000);
    expect(rateInForce(entries, q('ana', '2025-02-01'))?.amountMinor).toBe(2);
  });

  it('R7 the array order of history does not matter apart from ties', () => {
    const reversed = [...card].reverse();
    expect(rateInForce(reversed, q('ana', '2026-04-01'))?.amountMinor).toBe(14_000);
    expect(rateInForce(reversed, q('cy', '2025-07-01'))?.amountMinor).toBe(12_000);
  });

  it('R7 the rate in force carries its unit, currency and effective date', () => {
    expect(rateInForce(card, q('ana', '2026-04-01'))).toEqual({
      deliverableTypeId: 'captions',
      contractorId: 'ana',
      amountMinor: 14_000,
      currency: 'USD',
      unit: 'item',
      effectiveFrom: '2026-03-01',
      source: 'negotiated',
    });
  });
});

describe('priceLine (R7)', () => {
  const hourly: RateInForce = { ...def(4_999, '2025-01-01'), unit: 'hour', source: 'default' };

  it.each<[string, number, number]>([
    ['R7 zero hours cost nothing', 0, 0],
    ['R7 1.5 hours at 49.99 round half away from zero to 74.99', 1.5, 7_499],
    ['R7 0.25 hours at 49.99 round to 12.50', 0.25, 1_250],
    ['R7 one unit costs the rate', 1, 4_999],
    ['R7 three units cost three times the rate', 3, 14_997],
  ])('%s', (_title, quantity, expected) => {
    expect(priceLine(hourly, quantity)).toBe(expected);
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    'R7 a quantity of %d cannot be priced',
    (quantity) => {
      expect(() => priceLine(hourly, quantity)).toThrow(RangeError);
    },
  );
});
