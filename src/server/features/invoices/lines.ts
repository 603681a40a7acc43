import type { z } from 'zod';
import type { AddAdjustmentBody, AddWorkBody } from '../../../contracts/money';
import { RuleViolation } from '../../../domain/rule-violation';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError, conflict, forbidden, notFound } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import { claimWork } from './claim';
import { ADJUSTERS } from './present';
import * as q from './queries';
import { loadForChange, saveInvoice, workspaceTimeZone } from './service';
import { billedOn, workOwner } from './work-sources';

/** Invoice lines (R29): the agency's bonuses and adjustments, the contractor's own work. */

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
