import { calendarDayIn } from '../../../domain/calendar';
import { invoiceTotals } from '../../../domain/invoice';
import {
  deliverableLine,
  type GeneratedLine,
  roundLine,
  timeLine,
} from '../../../domain/invoice-lines';
import type { Executor } from '../../db';
import { isUniqueViolation } from '../../db/dialect';
import { conflict } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import * as src from './work-sources';

/**
 * Putting work on an invoice (R29): each line is inserted together with its billed_items row,
 * whose primary key refuses a second invoice for the same piece of work. Deliverables and extra
 * rounds count on the day their task passed QA, time on the day it was worked.
 */

export interface InvoiceForClaim {
  id: string;
  workspace_id: string;
  contractor_id: string;
  currency: string;
  period_start: string;
  period_end: string;
}

type SourceType = 'task_item' | 'time_log' | 'revision_round';

export interface Claim {
  line: GeneratedLine;
  sourceType: SourceType;
  sourceId: string;
  taskId: string;
  /** The work's day in the workspace's zone: QA passed (deliverables, rounds) or worked (time). */
  date: string | null;
}

export interface ClaimOptions {
  timeZone: string;
  userId: string | null;
  /** Only this piece of work (the contractor adds it by hand, whatever its date). */
  only?: { sourceType: SourceType; sourceId: string };
}

/** All of a contractor's unbilled QA-passed work in one currency, with its dates. */
export async function unbilledClaims(
  tx: Executor,
  s: { workspaceId: string; contractorId: string; currency: string },
  o: Pick<ClaimOptions, 'timeZone' | 'only'>,
): Promise<Claim[]> {
  const scope = { ...s, sourceId: o.only?.sourceId };
  const want = (t: SourceType) => !o.only || o.only.sourceType === t;
  const dayOf = (instant: string | null) =>
    instant ? calendarDayIn(new Date(instant), o.timeZone) : null;
  const claims: Claim[] = [];
  if (want('task_item')) {
    for (const r of await src.unbilledDeliverables(tx, scope)) {
      claims.push({
        line: deliverableLine({
          name: r.item_name,
          quantity: r.quantity,
          unitAmountMinor: r.unit_amount_minor,
          clientName: r.client_name,
          month: r.month,
        }),
        sourceType: 'task_item',
        sourceId: r.id,
        taskId: r.task_id,
        date: dayOf(r.qa_passed_at),
      });
    }
  }
  if (want('time_log')) {
    for (const r of await src.unbilledTime(tx, scope)) {
      claims.push({
        line: timeLine({
          itemName: r.item_name,
          clientName: r.client_name,
          date: r.date,
          minutes: r.minutes,
          hourlyRateMinor: r.unit_amount_minor,
        }),
        sourceType: 'time_log',
        sourceId: r.id,
        taskId: r.task_id,
        date: r.date,
      });
    }
  }
  if (want('revision_round')) {
    for (const r of await src.approvedBillableRounds(tx, scope)) {
      claims.push({
        line: roundLine({
          number: r.number,
          clientName: r.client_name,
          taskTitle: r.task_title,
          amountMinor: r.amount_minor,
        }),
        sourceType: 'revision_round',
        sourceId: r.id,
        taskId: r.task_id,
        date: dayOf(r.qa_passed_at),
      });
    }
  }
  return claims;
}

/** Adds the invoice's unbilled QA-passed work as lines; returns how many were added. */
export async function claimWork(
  tx: Executor,
  inv: InvoiceForClaim,
  options: ClaimOptions,
): Promise<number> {
  const all = await unbilledClaims(
    tx,
    { workspaceId: inv.workspace_id, contractorId: inv.contractor_id, currency: inv.currency },
    options,
  );
  const claims = options.only
    ? all
    : all.filter((c) => c.date !== null && c.date >= inv.period_start && c.date <= inv.period_end);
  if (claims.length === 0) return 0;
  const last = await tx
    .selectFrom('invoice_lines')
    .select((eb) => eb.fn.max<number>('sort').as('sort'))
    .where('invoice_id', '=', inv.id)
    .executeTakeFirst();
  let sort = Number(last?.sort ?? -1) + 1;
  const at = nowIso();
  for (const c of claims) {
    const lineId = newId();
    await tx
      .insertInto('invoice_lines')
      .values({
        id: lineId,
        workspace_id: inv.workspace_id,
        invoice_id: inv.id,
        kind: c.line.kind,
        description: c.line.description,
        quantity: c.line.quantity,
        unit_amount_minor: c.line.unitAmountMinor,
        amount_minor: c.line.amountMinor,
        source_type: c.sourceType,
        source_id: c.sourceId,
        task_id: c.taskId,
        reason: null,
        added_by: options.userId,
        sort: sort++,
        created_at: at,
      })
      .execute();
    try {
      await tx
        .insertInto('billed_items')
        .values({
          source_type: c.sourceType,
          source_id: c.sourceId,
          workspace_id: inv.workspace_id,
          invoice_id: inv.id,
          line_id: lineId,
        })
        .execute();
    } catch (err) {
      // Someone billed it a moment ago, in a transaction that committed first.
      if (isUniqueViolation(err)) {
        throw conflict('This work is already on another invoice: it can be billed only once', {
          sourceType: c.sourceType,
          sourceId: c.sourceId,
        });
      }
      throw err;
    }
  }
  return claims.length;
}

/** Recomputes subtotal and total from the lines (integer minor units, rounded per line). */
export async function computeTotals(tx: Executor, invoiceId: string) {
  const lines = await tx
    .selectFrom('invoice_lines')
    .select(['kind', 'quantity', 'unit_amount_minor', 'description'])
    .where('invoice_id', '=', invoiceId)
    .execute();
  return invoiceTotals(
    lines.map((l) => ({
      kind: l.kind as GeneratedLine['kind'],
      description: l.description,
      quantity: Number(l.quantity),
      unitAmountMinor: Number(l.unit_amount_minor),
    })),
  );
}
