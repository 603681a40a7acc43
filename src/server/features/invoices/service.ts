import type { z } from 'zod';
import type {
  AddAdjustmentBody,
  AddWorkBody,
  CreateInvoiceBody,
  InvoiceDetail,
  InvoiceList,
  InvoiceListQuery,
  UnbilledWork,
} from '../../../contracts/money';
import { RuleViolation } from '../../../domain/rule-violation';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError, conflict, forbidden, notFound, staleVersion } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import { findSelfContractor } from '../contractors';
import { decodeCursor, encodeCursor } from '../requests';
import { claimWork, computeTotals, unbilledClaims } from './claim';
import { ADJUSTERS, presentDetail, presentSummary } from './present';
import * as q from './queries';
import { billedOn, workOwner } from './work-sources';

/** Contractor invoices (R29): drafts from QA-passed work, lines, and reading them. */

/** Staff see every invoice of the workspace; a contractor only his own (R5). */
export async function invoiceScopeOf(db: Executor, actor: Actor): Promise<q.InvoiceScope> {
  if (actor.role !== 'contractor') return { kind: 'staff', workspaceId: actor.workspaceId };
  const self = await findSelfContractor(db, actor);
  return { kind: 'contractor', workspaceId: actor.workspaceId, contractorId: self?.id ?? '' };
}

export async function workspaceTimeZone(db: Executor, workspaceId: string): Promise<string> {
  const ws = await db
    .selectFrom('workspaces')
    .select('time_zone')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return ws?.time_zone ?? 'UTC';
}

/** Loads an invoice for a change: in the actor's scope (else 404) and at the version they read. */
export async function loadForChange(
  tx: Executor,
  actor: Actor,
  id: string,
  version: number,
  scope?: q.InvoiceScope,
) {
  const inv = await q.findInvoice(tx, scope ?? (await invoiceScopeOf(tx, actor)), id);
  if (!inv) throw notFound('Invoice');
  if (inv.version !== version) throw staleVersion('This invoice', inv.version);
  return inv;
}

/** Writes the new totals and the next version; a concurrent change makes it a 409. */
export async function saveInvoice(
  tx: Executor,
  inv: { id: string; version: number },
  changes: Partial<{
    status: string;
    number: number | null;
    reject_reason: string | null;
    submitted_at: string | null;
    approved_by: string | null;
    approved_at: string | null;
    paid_at: string | null;
    payment_reference: string | null;
  }> = {},
) {
  const totals = await computeTotals(tx, inv.id);
  const updated = await tx
    .updateTable('invoices')
    .set({
      ...changes,
      subtotal_minor: totals.subtotalMinor,
      total_minor: totals.totalMinor,
      updated_at: nowIso(),
      version: inv.version + 1,
    })
    .where('id', '=', inv.id)
    .where('version', '=', inv.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw staleVersion('This invoice', inv.version);
  return totals;
}

export async function getInvoice(db: Executor, actor: Actor, id: string): Promise<InvoiceDetail> {
  const inv = await q.findInvoice(db, await invoiceScopeOf(db, actor), id);
  if (!inv) throw notFound('Invoice');
  const lines = await q.listLines(db, actor.workspaceId, [id]);
  const events = await q.invoiceEvents(db, actor.workspaceId, id);
  return presentDetail(actor, inv, lines, events);
}

export async function listInvoices(
  db: Executor,
  actor: Actor,
  query: z.infer<typeof InvoiceListQuery>,
): Promise<InvoiceList> {
  const scope = await invoiceScopeOf(db, actor);
  const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await q.listInvoices(db, scope, {
    status: query.status,
    contractorId: query.contractorId,
    after: after ? { createdAt: after[0], id: after[1] } : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(presentSummary),
    nextCursor: rows.length > query.limit ? encodeCursor([last.created_at, last.id]) : null,
  };
}

async function selfContractor(db: Executor, actor: Actor) {
  const self = await findSelfContractor(db, actor);
  if (!self) throw forbidden('Your sign-in is not linked to a contractor profile yet');
  return self;
}

/** R29: the contractor's QA-passed work not on an invoice yet, to pick a draft's period. */
export async function unbilledWork(db: Executor, actor: Actor): Promise<UnbilledWork> {
  const self = await selfContractor(db, actor);
  const timeZone = await workspaceTimeZone(db, actor.workspaceId);
  const claims = await unbilledClaims(
    db,
    { workspaceId: actor.workspaceId, contractorId: self.id, currency: self.currency },
    { timeZone },
  );
  const dates = claims
    .map((c) => c.date)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    currency: self.currency,
    items: claims.map((c) => ({
      sourceType: c.sourceType,
      sourceId: c.sourceId,
      kind: c.line.kind,
      description: c.line.description,
      amountMinor: c.line.amountMinor,
      date: c.date,
      taskId: c.taskId,
    })),
    totalMinor: claims.reduce((sum, c) => sum + c.line.amountMinor, 0),
    firstDate: dates[0] ?? null,
    lastDate: dates[dates.length - 1] ?? null,
  };
}

/** R29: the contractor opens a draft for a period; its lines come from his QA-passed work. */
export async function createInvoice(
  db: Executor,
  actor: Actor,
  body: z.infer<typeof CreateInvoiceBody>,
): Promise<string> {
  return createInvoiceFor(db, actor, await selfContractor(db, actor), body);
}

/** Opens a draft for one contractor (the contractor himself, or the demo seed on his behalf). */
export async function createInvoiceFor(
  db: Executor,
  actor: Actor,
  self: { id: string; currency: string },
  body: z.infer<typeof CreateInvoiceBody>,
): Promise<string> {
  const timeZone = await workspaceTimeZone(db, actor.workspaceId);
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const at = nowIso();
    const inv = {
      id,
      workspace_id: actor.workspaceId,
      contractor_id: self.id,
      number: null,
      period_start: body.periodStart,
      period_end: body.periodEnd,
      currency: self.currency,
      status: 'draft',
      reject_reason: null,
      subtotal_minor: 0,
      total_minor: 0,
      submitted_at: null,
      approved_by: null,
      approved_at: null,
      paid_at: null,
      payment_reference: null,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await tx.insertInto('invoices').values(inv).execute();
    const added = await claimWork(tx, inv, { timeZone, userId: actor.userId });
    if (added === 0) {
      throw new RuleViolation(
        'R29',
        `No QA-passed work in ${self.currency} between ${body.periodStart} and ${body.periodEnd} ` +
          'that is not on an invoice already: only work that passed QA can be invoiced',
        { periodStart: body.periodStart, periodEnd: body.periodEnd },
      );
    }
    const totals = await saveInvoice(tx, inv);
    await recordAudit(tx, actor, {
      entityType: 'invoice',
      entityId: id,
      action: 'created',
      after: { period: [body.periodStart, body.periodEnd], lines: added, ...totals },
    });
  });
  return id;
}

/** R29: a bonus or an adjustment (negative allowed) with a reason, added by the agency. */
export async function addAdjustment(
  db: Executor,
  actor: Actor,
  id: string,
  body: z.infer<typeof AddAdjustmentBody>,
): Promise<void> {
  if (!ADJUSTERS.includes(actor.role)) {
    throw forbidden('Bonuses and adjustments are added by finance, a coordinator or an admin');
  }
  if (body.kind === 'bonus' && body.amountMinor < 0) {
    throw new AppError('VALIDATION', 'A bonus is a positive amount; use an adjustment to deduct', {
      fields: { 'body.amountMinor': 'Must be above zero for a bonus' },
    });
  }
  await db.transaction().execute(async (tx) => {
    const inv = await loadForChange(tx, actor, id, body.version);
    if (inv.status !== 'draft' && inv.status !== 'submitted') {
      throw new AppError('ILLEGAL_TRANSITION', `Can't change an invoice that is ${inv.status}`);
    }
    if (body.taskId) {
      const task = await tx
        .selectFrom('tasks')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', body.taskId)
        .where('contractor_id', '=', inv.contractor_id)
        .executeTakeFirst();
      if (!task) {
        throw new AppError('VALIDATION', "That task isn't this contractor's", {
          fields: { 'body.taskId': "Pick one of this contractor's tasks" },
        });
      }
    }
    const last = await tx
      .selectFrom('invoice_lines')
      .select((eb) => eb.fn.max<number>('sort').as('sort'))
      .where('invoice_id', '=', id)
      .executeTakeFirst();
    await tx
      .insertInto('invoice_lines')
      .values({
        id: newId(),
        workspace_id: actor.workspaceId,
        invoice_id: id,
        kind: body.kind,
        description: body.description,
        quantity: 1,
        unit_amount_minor: body.amountMinor,
        amount_minor: body.amountMinor,
        source_type: null,
        source_id: null,
        task_id: body.taskId ?? null,
        reason: body.reason,
        added_by: actor.userId,
        sort: Number(last?.sort ?? -1) + 1,
        created_at: nowIso(),
      })
      .execute();
    const totals = await saveInvoice(tx, inv);
    await recordAudit(tx, actor, {
      entityType: 'invoice',
      entityId: id,
      action: 'line_added',
      after: {
        kind: body.kind,
        description: body.description,
        amountMinor: body.amountMinor,
        reason: body.reason,
        ...totals,
      },
    });
  });
}

/** The contractor puts one piece of his QA-passed work on his draft by hand. */
export async function addWork(
  db: Executor,
  actor: Actor,
  id: string,
  body: z.infer<typeof AddWorkBody>,
): Promise<void> {
  if (actor.role !== 'contractor') throw forbidden('Contractors add their own work');
  const timeZone = await workspaceTimeZone(db, actor.workspaceId);
  await db.transaction().execute(async (tx) => {
    const inv = await loadForChange(tx, actor, id, body.version);
    if (inv.status !== 'draft') {
      throw new AppError('ILLEGAL_TRANSITION', `Can't change an invoice that is ${inv.status}`);
    }
    const owner = await workOwner(tx, { workspaceId: actor.workspaceId, ...body });
    if (!owner || owner.contractor_id !== inv.contractor_id) throw notFound('Work');
    const billed = await billedOn(tx, body.sourceType, body.sourceId);
    if (billed) {
      throw conflict('This work is already on an invoice: it can be billed only once (R29)', {
        invoiceId: billed.id,
      });
    }
    const added = await claimWork(tx, inv, {
      timeZone,
      userId: actor.userId,
      only: { sourceType: body.sourceType, sourceId: body.sourceId },
    });
    if (added === 0) {
      throw new RuleViolation(
        'R29',
        `Only QA-passed, approved work in ${inv.currency} can be invoiced (this task is ${owner.status})`,
        { taskStatus: owner.status },
      );
    }
    const totals = await saveInvoice(tx, inv);
    await recordAudit(tx, actor, {
      entityType: 'invoice',
      entityId: id,
      action: 'line_added',
      after: { ...body, ...totals },
    });
  });
}

/** Takes a line off a draft, and frees its work for another invoice. */
export async function removeLine(
  db: Executor,
  actor: Actor,
  ids: { id: string; lineId: string },
  version: number,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const inv = await loadForChange(tx, actor, ids.id, version);
    const line = (await q.listLines(tx, actor.workspaceId, [ids.id])).find(
      (l) => l.id === ids.lineId,
    );
    if (!line) throw notFound('Invoice line');
    if (inv.status !== 'draft') {
      throw new AppError(
        'ILLEGAL_TRANSITION',
        'Lines come off an invoice only while it is a draft',
      );
    }
    const own = line.source_type ? actor.role === 'contractor' : ADJUSTERS.includes(actor.role);
    if (!own)
      throw forbidden('The contractor removes work; the agency its bonuses and adjustments');
    await tx.deleteFrom('billed_items').where('line_id', '=', line.id).execute();
    await tx.deleteFrom('invoice_lines').where('id', '=', line.id).execute();
    const totals = await saveInvoice(tx, inv);
    await recordAudit(tx, actor, {
      entityType: 'invoice',
      entityId: ids.id,
      action: 'line_removed',
      before: { description: line.description, amountMinor: line.amount_minor },
      after: { description: line.description, ...totals },
    });
  });
}
