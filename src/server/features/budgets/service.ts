import type { z } from 'zod';
import type {
  BudgetCheck,
  BudgetCheckQuery,
  BudgetList,
  BudgetRow,
  PutBudgetBody,
} from '../../../contracts/money';
import type { Role } from '../../../contracts/roles';
import {
  type AssignmentBudgetVerdict,
  assignmentBudgetVerdict,
  budgetSummary,
} from '../../../domain/budget-summary';
import { formatMoney } from '../../../domain/money';
import { RuleViolation } from '../../../domain/rule-violation';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { isUniqueViolation } from '../../db/dialect';
import { AppError, notFound, staleVersion } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import { workspaceCurrency } from '../rates';
import * as q from './queries';

/** Budgets per client per month (R27): the overview, editing, and the check on assignment. */

export const BUDGET_EDITORS: readonly Role[] = ['admin', 'coordinator', 'finance'];
export const BUDGET_READERS: readonly Role[] = [...BUDGET_EDITORS, 'strategist'];
/** Who may approve an assignment over the planned amount (with a reason). */
export const BUDGET_APPROVERS: readonly Role[] = ['finance', 'coordinator', 'admin'];
export const MIN_APPROVAL_REASON = 10;

function present(r: q.BudgetOverviewRow): BudgetRow {
  const summary = budgetSummary(r.budget, r);
  return {
    client: { id: r.clientId, name: r.clientName },
    budget: r.budget,
    committedMinor: r.committedMinor,
    actualMinor: r.actualMinor,
    remainingMinor: summary.remainingMinor,
    alert: summary.alert,
  };
}

export async function listBudgets(db: Executor, actor: Actor, month: string): Promise<BudgetList> {
  const currency = await workspaceCurrency(db, actor.workspaceId);
  const rows = (
    await q.budgetOverview(db, { workspaceId: actor.workspaceId, month, currency })
  ).map(present);
  const sum = (pick: (r: BudgetRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return {
    month,
    currency,
    items: rows,
    totals: {
      plannedMinor: sum((r) => r.budget?.plannedMinor ?? 0),
      committedMinor: sum((r) => r.committedMinor),
      actualMinor: sum((r) => r.actualMinor),
    },
    abilities: { edit: BUDGET_EDITORS.includes(actor.role) },
  };
}

/** Sets a client's planned amount and emergency maximum for a month (version 0 creates it). */
export async function putBudget(
  db: Executor,
  actor: Actor,
  params: { clientId: string; month: string },
  body: z.infer<typeof PutBudgetBody>,
): Promise<BudgetRow> {
  const workspaceId = actor.workspaceId;
  await db.transaction().execute(async (tx) => {
    const client = await tx
      .selectFrom('clients')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', params.clientId)
      .executeTakeFirst();
    if (!client) throw notFound('Client');
    const before = await q.findBudget(tx, { workspaceId, ...params });
    const at = nowIso();
    const amounts = {
      planned_minor: body.plannedMinor,
      emergency_max_minor: body.emergencyMaxMinor,
    };
    if (!before) {
      if (body.version !== 0) throw staleVersion('This budget', 0);
      const id = newId();
      try {
        await tx
          .insertInto('budgets')
          .values({
            id,
            workspace_id: workspaceId,
            client_id: client.id,
            month: params.month,
            ...amounts,
            currency: await workspaceCurrency(tx, workspaceId),
            updated_by: actor.userId,
            created_at: at,
            updated_at: at,
            version: 1,
          })
          .execute();
      } catch (err) {
        if (isUniqueViolation(err)) throw staleVersion('This budget', 1);
        throw err;
      }
      await recordAudit(tx, actor, {
        entityType: 'budget',
        entityId: id,
        action: 'created',
        after: { clientId: client.id, month: params.month, ...amounts },
      });
      return;
    }
    if (before.version !== body.version) throw staleVersion('This budget', before.version);
    const updated = await tx
      .updateTable('budgets')
      .set({ ...amounts, updated_by: actor.userId, updated_at: at, version: before.version + 1 })
      .where('id', '=', before.id)
      .where('version', '=', body.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleVersion('This budget', before.version);
    await recordAudit(tx, actor, {
      entityType: 'budget',
      entityId: before.id,
      action: 'updated',
      before: {
        planned_minor: before.planned_minor,
        emergency_max_minor: before.emergency_max_minor,
      },
      after: amounts,
    });
  });
  const list = await listBudgets(db, actor, params.month);
  const row = list.items.find((r) => r.client.id === params.clientId);
  if (!row) throw notFound('Client');
  return row;
}

async function verdictFor(
  db: Executor,
  input: { workspaceId: string; clientId: string; month: string; additionalMinor: number },
  currency: string | undefined,
  lock: boolean,
) {
  const budget = await q.findBudget(db, input);
  const workspaceCur = budget?.currency ?? (await workspaceCurrency(db, input.workspaceId));
  if (budget && lock) await q.lockBudget(db, budget.id);
  const committedMinor = await q.committedFor(db, { ...input, currency: workspaceCur });
  const amounts = budget
    ? {
        plannedMinor: budget.planned_minor,
        emergencyMaxMinor: budget.emergency_max_minor,
        currency: budget.currency,
      }
    : null;
  const verdict = assignmentBudgetVerdict(amounts, committedMinor, {
    amountMinor: input.additionalMinor,
    currency: currency ?? workspaceCur,
  });
  return { budget, amounts, committedMinor, verdict, currency: workspaceCur };
}

/** R27 for the assign form: what assigning this amount would mean, without changing anything. */
export async function checkBudget(
  db: Executor,
  workspaceId: string,
  query: z.infer<typeof BudgetCheckQuery>,
): Promise<BudgetCheck> {
  const r = await verdictFor(
    db,
    {
      workspaceId,
      clientId: query.clientId,
      month: query.month,
      additionalMinor: query.amountMinor,
    },
    query.currency,
    false,
  );
  return {
    status: r.verdict.status,
    message: r.verdict.message,
    committedMinor: r.committedMinor,
    afterMinor: r.verdict.afterMinor,
    plannedMinor: r.amounts?.plannedMinor ?? null,
    emergencyMaxMinor: r.amounts?.emergencyMaxMinor ?? null,
    currency: r.currency,
  };
}

export interface BudgetApproval {
  reason: string;
  actor: Actor;
}

/**
 * R27, inside the assignment's transaction: within the plan (or no budget set) passes; over the
 * plan needs a finance/coordinator/admin approval with a reason; over the emergency maximum is
 * always refused. Holds the budget row's lock until the transaction ends.
 */
export async function assertWithinBudget(
  tx: Executor,
  input: {
    workspaceId: string;
    clientId: string;
    month: string;
    additionalMinor: number;
    /** The currency the new work is priced in; the budget's when omitted. */
    currency?: string;
    approval?: BudgetApproval;
  },
): Promise<AssignmentBudgetVerdict> {
  const { budget, amounts, verdict } = await verdictFor(tx, input, input.currency, true);
  if (!budget || !amounts || verdict.status === 'within' || verdict.status === 'no_budget') {
    return verdict;
  }
  const details = {
    status: verdict.status,
    afterMinor: verdict.afterMinor,
    plannedMinor: amounts.plannedMinor,
    emergencyMaxMinor: amounts.emergencyMaxMinor,
    currency: amounts.currency,
  };
  if (verdict.status === 'refused') throw new RuleViolation('R27', verdict.message, details);
  const approval = input.approval;
  if (!approval || approval.reason.trim().length === 0) {
    throw new RuleViolation(
      'R27',
      `Over the planned budget: this assignment needs approval. ${verdict.message}`,
      { ...details, needsApproval: true },
    );
  }
  if (!BUDGET_APPROVERS.includes(approval.actor.role)) {
    throw new RuleViolation(
      'R27',
      'Over the planned budget: only finance, a coordinator or an admin can approve it',
      { ...details, needsApproval: true },
    );
  }
  if (approval.reason.trim().length < MIN_APPROVAL_REASON) {
    throw new AppError('VALIDATION', 'Say why this is worth going over the plan', {
      fields: { 'body.budgetApprovalReason': `At least ${MIN_APPROVAL_REASON} characters` },
    });
  }
  await recordAudit(tx, approval.actor, {
    entityType: 'budget',
    entityId: budget.id,
    action: 'over_plan_approved',
    after: {
      clientId: input.clientId,
      month: input.month,
      reason: approval.reason.trim(),
      afterMinor: verdict.afterMinor,
      planned: formatMoney(amounts.plannedMinor, amounts.currency),
    },
  });
  return verdict;
}
