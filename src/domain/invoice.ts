/**
 * Contractor invoices (R29): line and invoice totals, and the invoice state machine
 * draft → submitted → approved → paid, or submitted → rejected → (reopened) draft.
 */

import { assertMinor, roundHalfAwayFromZero } from './money';
import { type Role, roleRefusal } from './roles';

export const INVOICE_LINE_KINDS = [
  'deliverable',
  'time',
  'extra_round',
  'bonus',
  'adjustment',
] as const;

export type InvoiceLineKind = (typeof INVOICE_LINE_KINDS)[number];

export interface InvoiceLineInput {
  kind: InvoiceLineKind;
  description: string;
  quantity: number;
  /** May be negative for an adjustment (a credit). */
  unitAmountMinor: number;
}

export interface InvoiceTotals {
  /** Every line except adjustments: what the work itself is worth. */
  subtotalMinor: number;
  /** Subtotal plus adjustments: what is paid. */
  totalMinor: number;
  /** Sum per line kind; every kind is present (0 when unused) so views render a stable list. */
  byKind: Record<InvoiceLineKind, number>;
}

/** R29: a line's amount in minor units, rounded half away from zero. */
export function lineTotalMinor(l: InvoiceLineInput): number {
  assertMinor(l.unitAmountMinor, 'unit amount');
  if (!Number.isFinite(l.quantity)) {
    throw new RangeError(`A line quantity must be a finite number, got ${l.quantity}`);
  }
  return roundHalfAwayFromZero(l.quantity * l.unitAmountMinor);
}

/**
 * R29: subtotal, total and per-kind sums. Rounding happens per line, like a real invoice, so the
 * total always equals the sum of the amounts printed on the lines.
 */
export function invoiceTotals(lines: readonly InvoiceLineInput[]): InvoiceTotals {
  const byKind = Object.fromEntries(INVOICE_LINE_KINDS.map((k) => [k, 0])) as Record<
    InvoiceLineKind,
    number
  >;
  let subtotalMinor = 0;
  let totalMinor = 0;
  for (const line of lines) {
    const amount = lineTotalMinor(line);
    byKind[line.kind] += amount;
    totalMinor += amount;
    if (line.kind !== 'adjustment') subtotalMinor += amount;
  }
  return { subtotalMinor, totalMinor, byKind };
}

export const INVOICE_STATUSES = ['draft', 'submitted', 'approved', 'paid', 'rejected'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_ACTIONS = ['submit', 'approve', 'reject', 'pay', 'reopen'] as const;
export type InvoiceAction = (typeof INVOICE_ACTIONS)[number];

export type InvoiceTransitionResult =
  | { ok: true; to: InvoiceStatus }
  | { ok: false; code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN'; reason: string };

interface InvoiceRule {
  from: InvoiceStatus;
  to: InvoiceStatus;
  roles: readonly Role[];
  phrase: string;
}

// Submitting and reopening are the contractor's own acts on their own invoice; admins are not
// listed because an invoice someone else submits is not the contractor's claim.
const INVOICE_RULES: Record<InvoiceAction, InvoiceRule> = {
  submit: { from: 'draft', to: 'submitted', roles: ['contractor'], phrase: 'submit' },
  approve: { from: 'submitted', to: 'approved', roles: ['finance', 'admin'], phrase: 'approve' },
  reject: { from: 'submitted', to: 'rejected', roles: ['finance', 'admin'], phrase: 'reject' },
  pay: { from: 'approved', to: 'paid', roles: ['finance', 'admin'], phrase: 'pay' },
  reopen: { from: 'rejected', to: 'draft', roles: ['contractor'], phrase: 'reopen' },
};

/**
 * R29: the invoice's next status, or why not. Role is checked before state. A rejection's reason
 * text and that the contractor owns the invoice are the caller's checks.
 */
export function invoiceTransition(
  from: InvoiceStatus,
  action: InvoiceAction,
  role: Role,
): InvoiceTransitionResult {
  const rule = INVOICE_RULES[action];
  if (!rule.roles.includes(role)) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      reason: roleRefusal(role, rule.roles, `${rule.phrase} an invoice`),
    };
  }
  if (from !== rule.from) {
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      reason: `Can't ${rule.phrase} an invoice that is ${from}; it must be ${rule.from}`,
    };
  }
  return { ok: true, to: rule.to };
}

/** R29: the invoice actions `role` can take right now, for buttons and the API's links. */
export function allowedInvoiceActions(from: InvoiceStatus, role: Role): InvoiceAction[] {
  return INVOICE_ACTIONS.filter((a) => invoiceTransition(from, a, role).ok);
}
