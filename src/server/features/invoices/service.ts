import type { z } from 'zod';
import type {
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
import { forbidden, notFound, staleVersion } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import { findSelfContractor } from '../contractors';
import { decodeCursor, encodeCursor } from '../requests';
import { claimWork, computeTotals, unbilledClaims } from './claim';
import { presentDetail, presentSummary } from './present';
import * as q from './queries';

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
