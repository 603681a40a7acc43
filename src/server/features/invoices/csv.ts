import { addCalendarDays, calendarDayIn } from '../../../domain/calendar';
import { invoiceNumberLabel } from '../../../domain/invoice-lines';
import { currencyExponent } from '../../../domain/money';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { toCsv } from '../rates';
import * as q from './queries';
import { workspaceTimeZone } from './service';

/**
 * R29: approved and paid invoices approved in a date range (days in the workspace's time zone),
 * one row per invoice, for accounting. Amounts are plain decimal numbers in the invoice's
 * currency; text cells that look like formulas are neutralised (spreadsheet injection).
 */

export const EXPORT_COLUMNS = [
  'invoice',
  'contractor',
  'contractor_email',
  'period_start',
  'period_end',
  'status',
  'currency',
  'subtotal',
  'adjustments',
  'total',
  'submitted_on',
  'approved_on',
  'paid_on',
  'payment_reference',
] as const;

const decimal = (minor: number, currency: string) => {
  const exp = currencyExponent(currency);
  return Number((minor / 10 ** exp).toFixed(exp));
};

export async function exportInvoicesCsv(
  db: Executor,
  actor: Actor,
  range: { from: string; to: string },
): Promise<string> {
  const tz = await workspaceTimeZone(db, actor.workspaceId);
  // A day in any zone lies within a day either side of the UTC day: widen, then filter exactly.
  const rows = await q.listForExport(db, {
    workspaceId: actor.workspaceId,
    fromInstant: `${addCalendarDays(range.from, -1)}T00:00:00.000Z`,
    toInstant: `${addCalendarDays(range.to, 2)}T00:00:00.000Z`,
  });
  const day = (iso: string | null) => (iso ? calendarDayIn(new Date(iso), tz) : '');
  const data = rows
    .filter((r) => {
      const approved = day(r.approved_at);
      return approved >= range.from && approved <= range.to;
    })
    .map((r) => {
      const subtotal = Number(r.subtotal_minor);
      const total = Number(r.total_minor);
      return [
        invoiceNumberLabel(r.contractor_name, r.number),
        r.contractor_name,
        r.contractor_email,
        r.period_start,
        r.period_end,
        r.status,
        r.currency,
        decimal(subtotal, r.currency),
        decimal(total - subtotal, r.currency),
        decimal(total, r.currency),
        day(r.submitted_at),
        day(r.approved_at),
        day(r.paid_at),
        r.payment_reference ?? '',
      ];
    });
  return toCsv(EXPORT_COLUMNS, data);
}
