/**
 * Invoice lines from work (R29): deliverables at the rate stored on the task item (the rate in
 * force when it was assigned, R7), approved time at the item's hourly rate (R28), approved
 * billable extra revision rounds (R21), and gap-free invoice numbers per contractor.
 */

import { formatDayMonth } from './format';
import { type InvoiceLineInput, lineTotalMinor } from './invoice';
import { timeAmountMinor } from './time-logs';

/** Only QA-passed work is client-ready and invoiceable (R23, R29). */
export const QA_PASSED_STATUSES = ['ready', 'closed'] as const;

export function isQaPassed(taskStatus: string): boolean {
  return (QA_PASSED_STATUSES as readonly string[]).includes(taskStatus);
}

export interface GeneratedLine extends InvoiceLineInput {
  amountMinor: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (month: string) =>
  `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** R29: a per-item or per-calendar deliverable, at the unit amount stored on assignment. */
export function deliverableLine(item: {
  name: string;
  quantity: number;
  unitAmountMinor: number;
  clientName: string;
  month: string;
}): GeneratedLine {
  const line: InvoiceLineInput = {
    kind: 'deliverable',
    description: `${item.name} — ${item.clientName} · ${monthLabel(item.month)}`,
    quantity: item.quantity,
    unitAmountMinor: item.unitAmountMinor,
  };
  return { ...line, amountMinor: lineTotalMinor(line) };
}

/** R28/R29: approved time, in hours, at the hourly rate stored on the task item. */
export function timeLine(log: {
  itemName: string;
  clientName: string;
  date: string;
  minutes: number;
  hourlyRateMinor: number;
}): GeneratedLine {
  return {
    kind: 'time',
    description: `${log.itemName} — ${log.clientName} · ${formatDayMonth(log.date)}`,
    quantity: log.minutes / 60,
    unitAmountMinor: log.hourlyRateMinor,
    amountMinor: timeAmountMinor(log.minutes, log.hourlyRateMinor),
  };
}

/** R21/R29: an approved billable extra revision round at the amount approved. */
export function roundLine(round: {
  number: number;
  clientName: string;
  taskTitle: string;
  amountMinor: number;
}): GeneratedLine {
  return {
    kind: 'extra_round',
    description: `Extra revision round ${round.number} — ${round.taskTitle}`,
    quantity: 1,
    unitAmountMinor: round.amountMinor,
    amountMinor: round.amountMinor,
  };
}

/**
 * The next number of a contractor's invoices: one more than the last one given. Numbers are given
 * when an invoice is first submitted (never to drafts, which may be discarded), and a reopened
 * invoice keeps its number, so the sequence 1, 2, 3… has no gaps.
 */
export function nextInvoiceNumber(lastNumber: number | null): number {
  if (lastNumber !== null && (!Number.isSafeInteger(lastNumber) || lastNumber < 0)) {
    throw new RangeError(`An invoice counter is a whole number of zero or more, got ${lastNumber}`);
  }
  return (lastNumber ?? 0) + 1;
}

/** "LO-0007" for Lina Okafor's seventh invoice; "Draft" before it has a number. */
export function invoiceNumberLabel(contractorName: string, number: number | null): string {
  if (number === null) return 'Draft';
  const initials = contractorName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .map((w) => w[0].toUpperCase())
    .slice(0, 3)
    .join('');
  return `${initials || 'INV'}-${String(number).padStart(4, '0')}`;
}
