import type { z } from 'zod';
import type { InvoiceActionBody } from '../../../contracts/money';
import { type InvoiceAction, invoiceTransition } from '../../../domain/invoice';
import { invoiceNumberLabel, nextInvoiceNumber } from '../../../domain/invoice-lines';
import { formatMoney } from '../../../domain/money';
import { RuleViolation } from '../../../domain/rule-violation';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { isUniqueViolation } from '../../db/dialect';
import { AppError, conflict, forbidden } from '../../errors';
import { notify } from '../notifications';
import { emitWebhookEvent } from '../webhooks';
import { claimWork } from './claim';
import type { InvoiceRow, InvoiceScope } from './queries';
import * as q from './queries';
import { loadForChange, saveInvoice, workspaceTimeZone } from './service';
import { linesOfUnpassedTasks } from './work-sources';

/**
 * The invoice state machine (R29): submit (the contractor), approve, reject with a reason, pay
 * with a reference (finance, admin), reopen a rejected invoice as a draft (the contractor).
 */

const invoiceLink = (id: string) => `/invoices?invoice=${encodeURIComponent(id)}`;

/**
 * Gives the contractor's next invoice number, in the submitting transaction. Numbers are given
 * at the first submit, never to drafts (which can be discarded), and a reopened invoice keeps its
 * number, so each contractor's invoices run 1, 2, 3… without gaps. The increment is one UPDATE,
 * which holds the counter row's lock until commit on PostgreSQL and the write lock on SQLite.
 */
async function allocateNumber(tx: Executor, inv: InvoiceRow): Promise<number> {
  const bumped = await tx
    .updateTable('invoice_counters')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('contractor_id', '=', inv.contractor_id)
    .returning('last_number')
    .executeTakeFirst();
  if (bumped) return Number(bumped.last_number);
  const first = nextInvoiceNumber(null);
  try {
    await tx
      .insertInto('invoice_counters')
      .values({
        contractor_id: inv.contractor_id,
        workspace_id: inv.workspace_id,
        last_number: first,
      })
      .execute();
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('Another invoice was numbered at the same moment: try again');
    throw err;
  }
  return first;
}

async function assertSubmittable(tx: Executor, inv: InvoiceRow): Promise<void> {
  if (Number(inv.line_count ?? 0) === 0) {
    throw new RuleViolation('R29', 'An invoice needs at least one line');
  }
  const unpassed = await linesOfUnpassedTasks(tx, inv.id);
  if (unpassed.length > 0) {
    throw new RuleViolation(
      'R29',
      `Only QA-passed work can be invoiced: "${unpassed[0].description}" is back in ${unpassed[0].status}; remove it first`,
      { lineIds: unpassed.map((l) => l.id) },
    );
  }
}

type Changes = Parameters<typeof saveInvoice>[2];

/** Applies one action to an invoice, in one transaction, with its audit, notices and webhooks. */
export async function actOnInvoice(
  db: Executor,
  actor: Actor,
  id: string,
  action: InvoiceAction,
  body: z.infer<typeof InvoiceActionBody>,
  /** The demo seed acts for contractors without a sign-in; everyone else gets their own scope. */
  scope?: InvoiceScope,
): Promise<void> {
  const timeZone = await workspaceTimeZone(db, actor.workspaceId);
  await db.transaction().execute(async (tx) => {
    const inv = await loadForChange(tx, actor, id, body.version, scope);
    const move = invoiceTransition(inv.status as never, action, actor.role);
    if (!move.ok) throw new AppError(move.code, move.reason);
    const at = new Date().toISOString();
    let changes: Changes = { status: move.to };
    const note: Record<string, unknown> = {};
    if (action === 'submit') {
      await assertSubmittable(tx, inv);
      const number = inv.number ?? (await allocateNumber(tx, inv));
      changes = { ...changes, number, submitted_at: at, reject_reason: null };
      note.number = number;
    } else if (action === 'approve') {
      changes = { ...changes, approved_by: actor.userId, approved_at: at };
    } else if (action === 'reject') {
      const reason = body.reason?.trim() ?? '';
      if (reason.length < 5) {
        throw new AppError('VALIDATION', 'Say why the invoice is rejected', {
          fields: { 'body.reason': 'At least 5 characters' },
        });
      }
      // The work goes back to being billable: it may go on the reopened or another invoice.
      await tx.deleteFrom('billed_items').where('invoice_id', '=', id).execute();
      changes = { ...changes, reject_reason: reason };
      note.reason = reason;
    } else if (action === 'pay') {
      const reference = body.paymentReference?.trim() ?? '';
      if (reference.length === 0) {
        throw new AppError('VALIDATION', 'Give the payment reference (bank or payout id)', {
          fields: { 'body.paymentReference': 'Required to mark the invoice paid' },
        });
      }
      changes = { ...changes, paid_at: at, payment_reference: reference };
      note.paymentReference = reference;
    } else if (action === 'reopen') {
      // Work lines are rebuilt from what is still unbilled; bonuses and adjustments stay.
      await tx
        .deleteFrom('invoice_lines')
        .where('invoice_id', '=', id)
        .where('source_type', 'is not', null)
        .execute();
      note.linesAdded = await claimWork(tx, inv, { timeZone, userId: actor.userId });
    }
    const totals = await saveInvoice(tx, inv, changes);
    const verb = {
      submit: 'submitted',
      approve: 'approved',
      reject: 'rejected',
      pay: 'paid',
      reopen: 'reopened',
    }[action];
    await recordAudit(tx, actor, {
      entityType: 'invoice',
      entityId: id,
      action: verb,
      before: { status: inv.status },
      after: { status: move.to, ...note, totalMinor: totals.totalMinor },
    });
    await announce(tx, actor, { ...inv, number: changes?.number ?? inv.number }, action, {
      totalMinor: totals.totalMinor,
      version: inv.version + 1,
    });
  });
}

/** R31: finance hears of a submitted invoice; the contractor of its approval and payment. */
async function announce(
  tx: Executor,
  actor: Actor,
  inv: InvoiceRow,
  action: InvoiceAction,
  after: { totalMinor: number; version: number },
): Promise<void> {
  const label = invoiceNumberLabel(inv.contractor_name, inv.number);
  const amount = formatMoney(after.totalMinor, inv.currency);
  const payload = {
    invoiceId: inv.id,
    number: inv.number,
    label,
    contractorId: inv.contractor_id,
    totalMinor: after.totalMinor,
    currency: inv.currency,
  };
  const base = { workspaceId: actor.workspaceId, link: invoiceLink(inv.id) };
  if (action === 'submit') {
    await notify(tx, {
      ...base,
      recipients: await q.invoiceApprovers(tx, actor.workspaceId),
      kind: 'invoice_submitted',
      title: `Invoice ${label} from ${inv.contractor_name}`,
      body: `${amount} for ${inv.period_start} to ${inv.period_end}: approve or reject it.`,
      dedupeKey: `invoice_submitted:${inv.id}:${after.version}`,
    });
    await emitWebhookEvent(tx, actor.workspaceId, 'invoice.submitted', payload);
  } else if (action === 'approve' || action === 'pay') {
    const paid = action === 'pay';
    await notify(tx, {
      ...base,
      recipients: [inv.contractor_user_id],
      kind: paid ? 'invoice_paid' : 'invoice_approved',
      title: `Invoice ${label} ${paid ? 'paid' : 'approved'}`,
      body: paid ? `${amount} was paid.` : `${amount} was approved for payment.`,
      dedupeKey: `invoice_${paid ? 'paid' : 'approved'}:${inv.id}`,
    });
    await emitWebhookEvent(
      tx,
      actor.workspaceId,
      paid ? 'invoice.paid' : 'invoice.approved',
      payload,
    );
  }
}

/** The contractor pulls newly QA-passed work of the period onto his draft. */
export async function refreshDraft(db: Executor, actor: Actor, id: string, version: number) {
  const timeZone = await workspaceTimeZone(db, actor.workspaceId);
  return db.transaction().execute(async (tx) => {
    const inv = await loadForChange(tx, actor, id, version);
    if (actor.role !== 'contractor') throw forbidden('The contractor refreshes his own draft');
    if (inv.status !== 'draft') {
      throw new AppError('ILLEGAL_TRANSITION', `Can't change an invoice that is ${inv.status}`);
    }
    const added = await claimWork(tx, inv, { timeZone, userId: actor.userId });
    const totals = await saveInvoice(tx, inv);
    await recordAudit(tx, actor, {
      entityType: 'invoice',
      entityId: id,
      action: 'refreshed',
      after: { linesAdded: added, ...totals },
    });
    return added;
  });
}

/** The contractor discards a draft that was never submitted (it has no number, so no gap). */
export async function discardDraft(db: Executor, actor: Actor, id: string, version: number) {
  await db.transaction().execute(async (tx) => {
    const inv = await loadForChange(tx, actor, id, version);
    if (actor.role !== 'contractor') throw forbidden('The contractor discards his own draft');
    if (inv.status !== 'draft' || inv.number !== null) {
      throw new AppError(
        'ILLEGAL_TRANSITION',
        inv.number !== null
          ? 'This invoice has a number: resubmit it rather than discard it, so numbers keep no gaps'
          : `Can't discard an invoice that is ${inv.status}`,
      );
    }
    await tx.deleteFrom('invoices').where('id', '=', id).execute();
    await recordAudit(tx, actor, {
      entityType: 'invoice',
      entityId: id,
      action: 'discarded',
      before: { period: [inv.period_start, inv.period_end], totalMinor: inv.total_minor },
    });
  });
}
