import { describe, expect, it } from 'vitest';
import { invoiceTotals } from './invoice';
import {
  deliverableLine,
  invoiceNumberLabel,
  isQaPassed,
  nextInvoiceNumber,
  roundLine,
  timeLine,
} from './invoice-lines';
import { priceLine, type RateEntry, rateInForce } from './rates';

const TYPE = 'captions';
const LINA = 'lina';
// Department default $35 (last year), raised to $40; Lina negotiated $45 later on.
const history: RateEntry[] = [
  {
    deliverableTypeId: TYPE,
    contractorId: null,
    amountMinor: 3500,
    currency: 'USD',
    unit: 'item',
    effectiveFrom: '2025-01-01',
  },
  {
    deliverableTypeId: TYPE,
    contractorId: null,
    amountMinor: 4000,
    currency: 'USD',
    unit: 'item',
    effectiveFrom: '2026-07-01',
  },
  {
    deliverableTypeId: TYPE,
    contractorId: LINA,
    amountMinor: 4500,
    currency: 'USD',
    unit: 'item',
    effectiveFrom: '2026-09-01',
  },
];

describe('deliverable lines are priced at the rate in force on assignment (R7, R29)', () => {
  it.each<[string, string, string, number, number]>([
    ['R7 assigned under last year’s default', LINA, '2026-06-30', 3500, 42_000],
    ['R7 assigned the day the default changed', LINA, '2026-07-01', 4000, 48_000],
    ['R7 assigned after the negotiated rate started', LINA, '2026-09-01', 4500, 54_000],
    ['R7 another contractor keeps the default', 'mateo', '2026-10-01', 4000, 48_000],
  ])('%s', (_label, contractorId, assignedOn, unit, amount) => {
    const rate = rateInForce(history, { contractorId, deliverableTypeId: TYPE, date: assignedOn });
    if (!rate) throw new Error('no rate');
    // What assignment stores on the task item …
    const stored = { unitAmountMinor: rate.amountMinor, amountMinor: priceLine(rate, 12) };
    // … is what the invoice bills, whatever the rate card says on invoice day.
    const line = deliverableLine({
      name: 'Caption',
      quantity: 12,
      unitAmountMinor: stored.unitAmountMinor,
      clientName: 'Harbor Coffee',
      month: '2026-11',
    });
    expect(line).toMatchObject({ kind: 'deliverable', unitAmountMinor: unit, amountMinor: amount });
    expect(line.amountMinor).toBe(stored.amountMinor);
    expect(line.description).toBe('Caption — Harbor Coffee · Nov 2026');
  });
});

describe('time and extra-round lines (R28, R21)', () => {
  it('R28 bills approved time in hours at the stored hourly rate, rounded per line', () => {
    const line = timeLine({
      itemName: 'Community management hour',
      clientName: 'Bloom',
      date: '2026-11-03',
      minutes: 100,
      hourlyRateMinor: 3833,
    });
    expect(line).toMatchObject({ kind: 'time', unitAmountMinor: 3833, amountMinor: 6388 });
    expect(line.quantity).toBeCloseTo(1.6667, 4);
    expect(line.description).toBe('Community management hour — Bloom · Tue 3 Nov');
  });

  it('R21 bills an approved extra round at its approved amount', () => {
    expect(
      roundLine({ number: 2, clientName: 'Bloom', taskTitle: 'Bloom · Nov', amountMinor: 5000 }),
    ).toMatchObject({ kind: 'extra_round', quantity: 1, amountMinor: 5000 });
  });

  it('R29 invoice totals equal the sum of the printed line amounts', () => {
    const lines = [
      timeLine({
        itemName: 'Hour',
        clientName: 'A',
        date: '2026-11-01',
        minutes: 20,
        hourlyRateMinor: 3833,
      }),
      timeLine({
        itemName: 'Hour',
        clientName: 'A',
        date: '2026-11-02',
        minutes: 20,
        hourlyRateMinor: 3833,
      }),
      timeLine({
        itemName: 'Hour',
        clientName: 'A',
        date: '2026-11-03',
        minutes: 20,
        hourlyRateMinor: 3833,
      }),
    ];
    // 3 × 1277.67 rounded per line = 3 × 1278 = 3834, not round(3833) of the unrounded sum.
    expect(invoiceTotals(lines).totalMinor).toBe(3834);
    expect(lines.reduce((s, l) => s + l.amountMinor, 0)).toBe(3834);
  });
});

describe('QA-passed work only (R23, R29)', () => {
  it.each<[string, boolean]>([
    ['ready', true],
    ['closed', true],
    ['qa', false],
    ['revision', false],
    ['in_production', false],
    ['cancelled', false],
  ])('R29 a task in %s is invoiceable: %s', (status, ok) => {
    expect(isQaPassed(status)).toBe(ok);
  });
});

describe('gap-free invoice numbers (R29)', () => {
  it.each<[number | null, number]>([
    [null, 1],
    [0, 1],
    [1, 2],
    [41, 42],
  ])('R29 after %s comes %s', (last, next) => {
    expect(nextInvoiceNumber(last)).toBe(next);
  });

  it('R29 numbering a run of submits gives 1…n with no gap', () => {
    let last: number | null = null;
    const given: number[] = [];
    for (let i = 0; i < 5; i++) {
      last = nextInvoiceNumber(last);
      given.push(last);
    }
    expect(given).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([-1, 1.5, Number.NaN])('refuses a broken counter %s', (last) => {
    expect(() => nextInvoiceNumber(last)).toThrow(RangeError);
  });

  it.each<[string, number | null, string]>([
    ['Lina Okafor', 7, 'LO-0007'],
    ['Mateo Álvarez', 12, 'MA-0012'],
    ['Grace Kim', null, 'Draft'],
    ['李 小龍', 3, 'INV-0003'],
  ])('%s invoice %s is labelled %s', (name, n, label) => {
    expect(invoiceNumberLabel(name, n)).toBe(label);
  });
});
