import type { z } from 'zod';
import type { AssignBody, AssignResult } from '../../../contracts/requests';
import { formatList } from '../../../domain/format';
import { priceLine, rateInForce } from '../../../domain/rates';
import { RuleViolation } from '../../../domain/rule-violation';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError, conflict, notFound, staleVersion } from '../../errors';
import { assertWithinBudget } from '../budgets';
import { assertClientAssignable } from '../clients';
import { findContractor, recordPairing } from '../contractors';
import { onTaskAssigned } from '../notifications';
import { loadRateEntries } from '../rates';
import { insertTask, type PricedItem } from '../tasks';
import { loadPlanningContext, loadRequestForPlanning, planForContractor } from './planning';
import { itemsSummary } from './present';
import * as q from './queries';
import { ASSIGNABLE_STATUSES } from './suggest-queries';

/** R13–R17 with R1, R4 and R7: assigning a request creates its parent task, in one transaction. */

const SCRUBBERS = ['strategist', 'admin'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Harbor Coffee · Dec 2026 · 12 × Static graphic" (at most 200 characters). */
export function taskTitle(clientName: string, month: string, summary: string): string {
  const label = `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
  const title = `${clientName} · ${label} · ${summary}`;
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}

async function loadAssignableContractor(tx: Executor, workspaceId: string, id: string) {
  const contractor = await findContractor(tx, { workspaceId, id });
  if (!contractor) throw notFound('Contractor');
  if (!(ASSIGNABLE_STATUSES as readonly string[]).includes(contractor.status)) {
    throw new RuleViolation(
      'R9',
      `${contractor.name} is ${contractor.status.replace('_', ' ')}: only active contractors ` +
        '(or one on a trial task) can take work',
      { contractorId: id, status: contractor.status },
    );
  }
  return contractor;
}

async function assertScrubber(tx: Executor, workspaceId: string, userId: string) {
  const role = await q.memberRole(tx, { workspaceId, userId });
  if (!role || !SCRUBBERS.includes(role)) {
    throw new AppError('VALIDATION', 'Choose a strategist (or admin) of this workspace', {
      fields: { 'body.strategistUserId': 'Not a strategist of this workspace' },
    });
  }
}

/** R7: each item at the contractor's rate in force on the assignment day; a missing rate refuses. */
async function priceItems(
  tx: Executor,
  scope: { workspaceId: string; contractorId: string; contractorName: string; date: string },
  items: q.RequestItemRow[],
): Promise<{ items: PricedItem[]; currency: string }> {
  const entries = await loadRateEntries(tx, {
    workspaceId: scope.workspaceId,
    deliverableTypeIds: items.map((i) => i.deliverable_type_id),
    contractorId: scope.contractorId,
  });
  const priced: PricedItem[] = [];
  const missing: string[] = [];
  for (const item of items) {
    const rate = rateInForce(entries, {
      contractorId: scope.contractorId,
      deliverableTypeId: item.deliverable_type_id,
      date: scope.date,
    });
    if (!rate) missing.push(item.name);
    else {
      priced.push({
        deliverableTypeId: item.deliverable_type_id,
        quantity: item.quantity,
        rate,
        amountMinor: priceLine(rate, item.quantity),
      });
    }
  }
  if (missing.length > 0) {
    throw new RuleViolation(
      'R7',
      `No rate in force for ${formatList(missing)}: add a department default or a negotiated ` +
        `rate for ${scope.contractorName} before assigning`,
      { missingTypes: missing },
    );
  }
  const currencies = [...new Set(priced.map((p) => p.rate.currency))];
  if (currencies.length > 1) {
    throw new RuleViolation(
      'R7',
      `The rates for this work are in ${formatList(currencies)}: one task is priced in one currency`,
      { currencies },
    );
  }
  return { items: priced, currency: currencies[0] };
}

export async function assignRequest(
  db: Executor,
  actor: Actor,
  requestId: string,
  body: z.infer<typeof AssignBody>,
  now: Date,
): Promise<z.infer<typeof AssignResult>> {
  const workspaceId = actor.workspaceId;
  return db.transaction().execute(async (tx) => {
    const request = await loadRequestForPlanning(tx, workspaceId, requestId);
    const { row } = request;
    if (row.status !== 'submitted') throw conflict(`This request is already ${row.status}`);
    if (row.version !== body.version) throw staleVersion('This request', row.version);
    // R1 and R4 are checked here, on the server, whatever the screen showed.
    const client = await assertClientAssignable(tx, { workspaceId, clientId: row.client_id });
    const contractor = await loadAssignableContractor(tx, workspaceId, body.contractorId);
    await assertScrubber(tx, workspaceId, body.strategistUserId);
    const ctx = await loadPlanningContext(tx, workspaceId, now);
    const { plan } = await planForContractor(tx, ctx, request, contractor.id);
    if (!plan.feasible) {
      throw new RuleViolation('R14', plan.reason, {
        earliestFeasibleDueDate: plan.earliestFeasibleDueDate,
        contractorId: contractor.id,
      });
    }
    const { items, currency } = await priceItems(
      tx,
      {
        workspaceId,
        contractorId: contractor.id,
        contractorName: contractor.name,
        date: ctx.today,
      },
      request.items,
    );
    // R27: over the client's planned budget needs an approval reason; over the emergency max, no.
    await assertWithinBudget(tx, {
      workspaceId,
      clientId: client.id,
      month: row.month,
      additionalMinor: items.reduce((sum, i) => sum + i.amountMinor, 0),
      currency,
      approval: body.budgetApprovalReason
        ? { reason: body.budgetApprovalReason, actor }
        : undefined,
    });
    const at = now.toISOString();
    const { taskId, committedMinor } = await insertTask(tx, actor, {
      requestId,
      clientId: client.id,
      title: taskTitle(client.name, row.month, itemsSummary(request.items)),
      contractor: {
        id: contractor.id,
        userId: contractor.user_id,
        name: contractor.name,
        includedRounds: contractor.included_revision_rounds,
      },
      strategistUserId: body.strategistUserId,
      month: row.month,
      dueDate: row.due_date,
      today: ctx.today,
      items,
      currency,
      subtasks: plan.subtasks,
      warnings: plan.warnings,
      oneSheeterVersion: client.oneSheeter.version,
      at,
    });
    // R16: the first assignment of this pair is remembered; repeats skip the brand training.
    await recordPairing(tx, actor, { clientId: client.id, contractorId: contractor.id, at });
    const updated = await tx
      .updateTable('requests')
      .set({ status: 'assigned', task_id: taskId, assigned_at: at, version: row.version + 1 })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', requestId)
      .where('version', '=', body.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleVersion('This request', row.version);
    await recordAudit(tx, actor, {
      entityType: 'request',
      entityId: requestId,
      taskId,
      action: 'assigned',
      before: { status: row.status },
      after: {
        status: 'assigned',
        taskId,
        contractorId: contractor.id,
        strategistUserId: body.strategistUserId,
      },
    });
    // R31: the contractor and the strategist hear of it (in-app, e-mail, Slack) and webhooks fire.
    await onTaskAssigned(tx, { workspaceId, taskId, actorUserId: actor.userId });
    return {
      requestId,
      taskId,
      subtasks: plan.subtasks,
      warnings: plan.warnings,
      committedMinor,
      currency,
    };
  });
}
