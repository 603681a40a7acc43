import type { Executor } from '../../db';

/**
 * Budget reads (R27). Committed = non-cancelled tasks of the client's month at the rates stored
 * on assignment, plus approved billable extra revision rounds of those tasks; actual = lines of
 * approved or paid invoices whose task is the client's month. Only amounts in the budget's
 * currency are summed: without exchange rates, other currencies can't be added up honestly.
 */

interface MonthScope {
  workspaceId: string;
  month: string;
  currency: string;
}

const num = (v: unknown) => Number(v ?? 0);

function committedTasks(db: Executor, s: MonthScope) {
  return db
    .selectFrom('tasks')
    .select(['tasks.client_id', (eb) => eb.fn.sum<number>('tasks.committed_minor').as('minor')])
    .where('tasks.workspace_id', '=', s.workspaceId)
    .where('tasks.month', '=', s.month)
    .where('tasks.status', '!=', 'cancelled')
    .where('tasks.currency', '=', s.currency)
    .groupBy('tasks.client_id');
}

/** Approved billable extra rounds (R21) of the month's tasks, per client. */
function committedRounds(db: Executor, s: MonthScope) {
  return db
    .selectFrom('revision_rounds')
    .innerJoin('tasks', 'tasks.id', 'revision_rounds.task_id')
    .select([
      'tasks.client_id',
      (eb) => eb.fn.sum<number>('revision_rounds.amount_minor').as('minor'),
    ])
    .where('revision_rounds.workspace_id', '=', s.workspaceId)
    .where('revision_rounds.approval_status', '=', 'approved_billable')
    .where('revision_rounds.billable', '=', 1)
    .where('revision_rounds.currency', '=', s.currency)
    .where('tasks.month', '=', s.month)
    .where('tasks.status', '!=', 'cancelled')
    .groupBy('tasks.client_id');
}

function actualSpend(db: Executor, s: MonthScope) {
  return db
    .selectFrom('invoice_lines')
    .innerJoin('invoices', 'invoices.id', 'invoice_lines.invoice_id')
    .innerJoin('tasks', 'tasks.id', 'invoice_lines.task_id')
    .select([
      'tasks.client_id',
      (eb) => eb.fn.sum<number>('invoice_lines.amount_minor').as('minor'),
    ])
    .where('invoice_lines.workspace_id', '=', s.workspaceId)
    .where('invoices.status', 'in', ['approved', 'paid'])
    .where('invoices.currency', '=', s.currency)
    .where('tasks.month', '=', s.month)
    .groupBy('tasks.client_id');
}

/**
 * Every active client (and any archived one with a budget or work that month) with its budget,
 * committed and actual amounts: one SQL statement, whatever the number of clients.
 */
export async function budgetOverview(db: Executor, s: MonthScope) {
  const rows = await db
    .selectFrom('clients')
    .leftJoin('budgets', (join) =>
      join.onRef('budgets.client_id', '=', 'clients.id').on('budgets.month', '=', s.month),
    )
    .leftJoin(committedTasks(db, s).as('ct'), 'ct.client_id', 'clients.id')
    .leftJoin(committedRounds(db, s).as('cr'), 'cr.client_id', 'clients.id')
    .leftJoin(actualSpend(db, s).as('ac'), 'ac.client_id', 'clients.id')
    .select([
      'clients.id as client_id',
      'clients.name as client_name',
      'budgets.id as budget_id',
      'budgets.planned_minor',
      'budgets.emergency_max_minor',
      'budgets.currency as budget_currency',
      'budgets.version as budget_version',
      'ct.minor as tasks_minor',
      'cr.minor as rounds_minor',
      'ac.minor as actual_minor',
    ])
    .where('clients.workspace_id', '=', s.workspaceId)
    .where((eb) =>
      eb.or([
        eb('clients.archived', '=', 0),
        eb('budgets.id', 'is not', null),
        eb('ct.minor', 'is not', null),
      ]),
    )
    .orderBy('clients.name_key')
    .limit(2000)
    .execute();
  return rows.map((r) => ({
    clientId: r.client_id,
    clientName: r.client_name,
    budget:
      r.budget_id === null
        ? null
        : {
            plannedMinor: num(r.planned_minor),
            emergencyMaxMinor: num(r.emergency_max_minor),
            currency: r.budget_currency ?? s.currency,
            version: num(r.budget_version),
          },
    committedMinor: num(r.tasks_minor) + num(r.rounds_minor),
    actualMinor: num(r.actual_minor),
  }));
}

export type BudgetOverviewRow = Awaited<ReturnType<typeof budgetOverview>>[number];

export async function findBudget(
  db: Executor,
  scope: { workspaceId: string; clientId: string; month: string },
) {
  return db
    .selectFrom('budgets')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('client_id', '=', scope.clientId)
    .where('month', '=', scope.month)
    .executeTakeFirst();
}

/** Committed amount of one client's month (tasks plus approved billable rounds). */
export async function committedFor(
  db: Executor,
  scope: MonthScope & { clientId: string },
): Promise<number> {
  const tasks = await committedTasks(db, scope)
    .where('tasks.client_id', '=', scope.clientId)
    .executeTakeFirst();
  const rounds = await committedRounds(db, scope)
    .where('tasks.client_id', '=', scope.clientId)
    .executeTakeFirst();
  return num(tasks?.minor) + num(rounds?.minor);
}

/**
 * Takes the budget row's write lock for the rest of the transaction (a no-op update works on both
 * databases), so two assignments checked at once can't both squeeze under the plan.
 */
export async function lockBudget(db: Executor, budgetId: string): Promise<void> {
  await db
    .updateTable('budgets')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', budgetId)
    .execute();
}
