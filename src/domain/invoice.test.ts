import { describe, expect, it } from 'vitest';
import {
  allowedInvoiceActions,
  INVOICE_ACTIONS,
  INVOICE_STATUSES,
  type InvoiceAction,
  type InvoiceLineInput,
  type InvoiceStatus,
  invoiceTotals,
  invoiceTransition,
  lineTotalMinor,
} from './invoice';
import { ROLES, type Role } from './roles';

const line = (
  kind: InvoiceLineInput['kind'],
  quantity: number,
  unitAmountMinor: number,
): InvoiceLineInput => ({ kind, description: kind, quantity, unitAmountMinor });

describe('lineTotalMinor (R29)', () => {
  it.each<[string, InvoiceLineInput, number]>([
    ['R29 a zero-quantity line is zero', line('deliverable', 0, 12_500), 0],
    ['R29 a negative adjustment stays negative', line('adjustment', 1, -2_500), -2_500],
    ['R29 a negative half cent rounds away from zero', line('adjustment', 0.5, -3), -2],
    ['R29 1.5 hours at 33.33 rounds 49.995 up to 50.00', line('time', 1.5, 3_333), 5_000],
    ['R29 0.1 hours at 10.00 is exactly 1.00', line('time', 0.1, 1_000), 100],
    ['R29 3 captions at 125.00 are 375.00', line('deliverable', 3, 12_500), 37_500],
  ])('%s', (_title, l, expected) => {
    expect(lineTotalMinor(l)).toBe(expected);
  });

  it.each<[string, InvoiceLineInput]>([
    ['R29 a fractional unit amount is refused', line('bonus', 1, 10.5)],
    ['R29 a non-finite quantity is refused', line('time', Number.NaN, 100)],
  ])('%s', (_title, l) => {
    expect(() => lineTotalMinor(l)).toThrow(RangeError);
  });
});

describe('invoiceTotals (R29)', () => {
  it('R29 an empty invoice totals zero with every kind present', () => {
    expect(invoiceTotals([])).toEqual({
      subtotalMinor: 0,
      totalMinor: 0,
      byKind: { deliverable: 0, time: 0, extra_round: 0, bonus: 0, adjustment: 0 },
    });
  });

  it('R29 rounding happens per line: three half-cent lines each round up', () => {
    // Each line is 0.5 × 1 = 0.5 → 1 cent; summing unrounded would give 1.5 → 2 cents.
    const lines = [line('time', 0.5, 1), line('time', 0.5, 1), line('time', 0.5, 1)];
    expect(invoiceTotals(lines).totalMinor).toBe(3);
  });

  it('R29 subtotal excludes adjustments; total includes them; byKind sums each kind', () => {
    const t = invoiceTotals([
      line('deliverable', 4, 12_500),
      line('time', 2.5, 6_000),
      line('extra_round', 1, 5_000),
      line('bonus', 1, 10_000),
      line('adjustment', 1, -7_500),
      line('deliverable', 1, 20_000),
    ]);
    expect(t.byKind).toEqual({
      deliverable: 70_000,
      time: 15_000,
      extra_round: 5_000,
      bonus: 10_000,
      adjustment: -7_500,
    });
    expect(t.subtotalMinor).toBe(100_000);
    expect(t.totalMinor).toBe(92_500);
  });
});

// Hand-written list of every allowed (from, action, role) and where it leads.
const ALLOWED: [InvoiceStatus, InvoiceAction, Role, InvoiceStatus][] = [
  ['draft', 'submit', 'contractor', 'submitted'],
  ['submitted', 'approve', 'finance', 'approved'],
  ['submitted', 'approve', 'admin', 'approved'],
  ['submitted', 'reject', 'finance', 'rejected'],
  ['submitted', 'reject', 'admin', 'rejected'],
  ['approved', 'pay', 'finance', 'paid'],
  ['approved', 'pay', 'admin', 'paid'],
  ['rejected', 'reopen', 'contractor', 'draft'],
];

const cases = INVOICE_STATUSES.flatMap((from) =>
  INVOICE_ACTIONS.flatMap((action) =>
    ROLES.map((role) => {
      const hit = ALLOWED.find(([f, a, r]) => f === from && a === action && r === role);
      const mayEver = ALLOWED.some(([, a, r]) => a === action && r === role);
      const expected = hit ? hit[3] : mayEver ? 'ILLEGAL_TRANSITION' : 'FORBIDDEN';
      return { from, action, role, expected };
    }),
  ),
);

describe('invoiceTransition (R29)', () => {
  it.each(cases)('R29 $from + $action by $role → $expected', ({ from, action, role, expected }) => {
    const r = invoiceTransition(from, action, role);
    if (r.ok) expect(r.to).toBe(expected);
    else expect(r.code).toBe(expected);
  });

  it.each<[string, InvoiceStatus, InvoiceAction, Role, string]>([
    [
      'R29 a paid invoice cannot be rejected',
      'paid',
      'reject',
      'finance',
      "Can't reject an invoice that is paid; it must be submitted",
    ],
    [
      'R29 a contractor cannot approve their own invoice',
      'submitted',
      'approve',
      'contractor',
      "A contractor can't approve an invoice: only finance or admins can",
    ],
    [
      'R29 a draft cannot be paid',
      'draft',
      'pay',
      'admin',
      "Can't pay an invoice that is draft; it must be approved",
    ],
  ])('%s', (_title, from, action, role, reason) => {
    expect(invoiceTransition(from, action, role)).toMatchObject({ ok: false, reason });
  });

  it.each<[string, InvoiceStatus, Role, InvoiceAction[]]>([
    ['R29 nothing can happen to a paid invoice', 'paid', 'admin', []],
    [
      'R29 finance can approve or reject a submitted invoice',
      'submitted',
      'finance',
      ['approve', 'reject'],
    ],
    ['R29 a contractor can reopen a rejected invoice', 'rejected', 'contractor', ['reopen']],
    ['R29 a coordinator has no invoice actions', 'submitted', 'coordinator', []],
  ])('%s', (_title, from, role, actions) => {
    expect(allowedInvoiceActions(from, role)).toEqual(actions);
  });
});
