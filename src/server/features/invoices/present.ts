import type { InvoiceDetail, InvoiceLine, InvoiceSummary } from '../../../contracts/money';
import type { Role } from '../../../contracts/roles';
import {
  allowedInvoiceActions,
  INVOICE_LINE_KINDS,
  type InvoiceLineKind,
  type InvoiceStatus,
} from '../../../domain/invoice';
import { invoiceNumberLabel } from '../../../domain/invoice-lines';
import type { Actor } from '../../auth/access';
import type { InvoiceRow, LineRow } from './queries';

/** Invoice rows to API shapes, with what the viewer may do (never a raw row). */

export const ADJUSTERS: readonly Role[] = ['finance', 'coordinator', 'admin'];

type SourceType = NonNullable<InvoiceLine['sourceType']>;
const asSource = (v: string | null): SourceType | null =>
  v === 'task_item' || v === 'time_log' || v === 'revision_round' ? v : null;

export function presentSummary(r: InvoiceRow): InvoiceSummary {
  return {
    id: r.id,
    number: r.number,
    label: invoiceNumberLabel(r.contractor_name, r.number),
    contractor: { id: r.contractor_id, name: r.contractor_name },
    periodStart: r.period_start,
    periodEnd: r.period_end,
    currency: r.currency,
    status: r.status as InvoiceStatus,
    subtotalMinor: Number(r.subtotal_minor),
    totalMinor: Number(r.total_minor),
    lineCount: Number(r.line_count ?? 0),
    rejectReason: r.reject_reason,
    submittedAt: r.submitted_at,
    approvedAt: r.approved_at,
    paidAt: r.paid_at,
    paymentReference: r.payment_reference,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** Who may take a line off a draft: the contractor his work, the agency its bonuses/adjustments. */
function mayRemove(actor: Actor, inv: InvoiceRow, line: LineRow): boolean {
  if (inv.status !== 'draft') return false;
  if (line.source_type) return actor.role === 'contractor';
  return ADJUSTERS.includes(actor.role);
}

export function presentLine(actor: Actor, inv: InvoiceRow, l: LineRow): InvoiceLine {
  return {
    id: l.id,
    kind: l.kind as InvoiceLineKind,
    description: l.description,
    quantity: Number(l.quantity),
    unitAmountMinor: Number(l.unit_amount_minor),
    amountMinor: Number(l.amount_minor),
    sourceType: asSource(l.source_type),
    sourceId: l.source_id,
    task: l.task_id && l.task_title ? { id: l.task_id, title: l.task_title } : null,
    reason: l.reason,
    addedBy: l.added_by_name ?? null,
    abilities: { remove: mayRemove(actor, inv, l) },
  };
}

/** Acts only the contractor takes: a contractor without a sign-in still shows as their author. */
const CONTRACTOR_ACTS = new Set(['created', 'submitted', 'reopened', 'refreshed']);

const EVENT_NOTE: Record<string, string> = {
  rejected: 'reason',
  paid: 'paymentReference',
  line_added: 'description',
  line_removed: 'description',
};

export function presentDetail(
  actor: Actor,
  inv: InvoiceRow,
  lines: LineRow[],
  events: { action: string; after_json: string | null; created_at: string; name: string | null }[],
): InvoiceDetail {
  const status = inv.status as InvoiceStatus;
  const byKind = Object.fromEntries(INVOICE_LINE_KINDS.map((k) => [k, 0])) as Record<
    InvoiceLineKind,
    number
  >;
  for (const l of lines) byKind[l.kind as InvoiceLineKind] += Number(l.amount_minor);
  const isOwner = actor.role === 'contractor';
  return {
    ...presentSummary(inv),
    contractor: {
      id: inv.contractor_id,
      name: inv.contractor_name,
      email: inv.contractor_email,
      paymentTerms: inv.payment_terms,
    },
    lines: lines.map((l) => presentLine(actor, inv, l)),
    byKind,
    approvedBy: inv.approver_name ?? null,
    timeline: events.map((e) => {
      const after = e.after_json ? (JSON.parse(e.after_json) as Record<string, unknown>) : {};
      const key = EVENT_NOTE[e.action];
      const note = key && typeof after[key] === 'string' ? (after[key] as string) : null;
      const by = e.name ?? (CONTRACTOR_ACTS.has(e.action) ? inv.contractor_name : null);
      return { action: e.action, at: e.created_at, by, note };
    }),
    abilities: {
      actions: allowedInvoiceActions(status, actor.role),
      addAdjustment: ADJUSTERS.includes(actor.role) && ['draft', 'submitted'].includes(status),
      addWork: isOwner && status === 'draft',
      refresh: isOwner && status === 'draft',
      discard: isOwner && status === 'draft' && inv.number === null,
    },
  };
}
