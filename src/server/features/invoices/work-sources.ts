import { sql } from 'kysely';
import { QA_PASSED_STATUSES } from '../../../domain/invoice-lines';
import type { Executor } from '../../db';

/**
 * The contractor's billable work (R29): items of QA-passed tasks, approved time and approved
 * billable extra rounds, in the invoice's currency, not on any non-rejected invoice yet (no row
 * in billed_items). `sourceId` narrows to one piece of work.
 */
export interface WorkScope {
  workspaceId: string;
  contractorId: string;
  currency: string;
  sourceId?: string;
}

const passed = [...QA_PASSED_STATUSES];

/**
 * When the task passed QA: the last passing QA review, else the QA subtask's completion, else the
 * task's last change (tasks moved to ready before reviews were recorded).
 */
function qaPassedAt() {
  return sql<string | null>`coalesce(
    (select max(r.created_at) from reviews r
      where r.task_id = tasks.id and r.kind = 'qa' and r.result = 'pass'),
    (select max(s.completed_at) from subtasks s where s.task_id = tasks.id and s.kind = 'qa'),
    tasks.updated_at)`;
}

/** Per-item and per-calendar deliverables; hourly items are billed from approved time (R28). */
export async function unbilledDeliverables(db: Executor, s: WorkScope) {
  let q = db
    .selectFrom('task_items')
    .innerJoin('tasks', 'tasks.id', 'task_items.task_id')
    .innerJoin('clients', 'clients.id', 'tasks.client_id')
    .innerJoin('deliverable_types', 'deliverable_types.id', 'task_items.deliverable_type_id')
    .leftJoin('billed_items', (join) =>
      join
        .onRef('billed_items.source_id', '=', 'task_items.id')
        .on('billed_items.source_type', '=', 'task_item'),
    )
    .select([
      'task_items.id',
      'task_items.quantity',
      'task_items.unit_amount_minor',
      'task_items.amount_minor',
      'tasks.id as task_id',
      'tasks.month',
      'tasks.status as task_status',
      'clients.name as client_name',
      'deliverable_types.name as item_name',
      qaPassedAt().as('qa_passed_at'),
    ])
    .where('task_items.workspace_id', '=', s.workspaceId)
    .where('tasks.contractor_id', '=', s.contractorId)
    .where('tasks.status', 'in', passed)
    .where('task_items.unit', '!=', 'hour')
    .where('task_items.currency', '=', s.currency)
    .where('billed_items.source_id', 'is', null);
  if (s.sourceId) q = q.where('task_items.id', '=', s.sourceId);
  return q
    .orderBy('clients.name')
    .orderBy('tasks.id')
    .orderBy('task_items.id')
    .limit(2000)
    .execute();
}

/** Approved time on the contractor's QA-passed tasks, at the hourly rate stored on the item. */
export async function unbilledTime(db: Executor, s: WorkScope) {
  let q = db
    .selectFrom('time_logs')
    .innerJoin('task_items', 'task_items.id', 'time_logs.task_item_id')
    .innerJoin('tasks', 'tasks.id', 'time_logs.task_id')
    .innerJoin('clients', 'clients.id', 'tasks.client_id')
    .innerJoin('deliverable_types', 'deliverable_types.id', 'task_items.deliverable_type_id')
    .leftJoin('billed_items', (join) =>
      join
        .onRef('billed_items.source_id', '=', 'time_logs.id')
        .on('billed_items.source_type', '=', 'time_log'),
    )
    .select([
      'time_logs.id',
      'time_logs.date',
      'time_logs.minutes',
      'task_items.unit_amount_minor',
      'tasks.id as task_id',
      'clients.name as client_name',
      'deliverable_types.name as item_name',
    ])
    .where('time_logs.workspace_id', '=', s.workspaceId)
    .where('time_logs.contractor_id', '=', s.contractorId)
    .where('time_logs.status', '=', 'approved')
    .where('tasks.contractor_id', '=', s.contractorId)
    .where('tasks.status', 'in', passed)
    .where('task_items.currency', '=', s.currency)
    .where('billed_items.source_id', 'is', null);
  if (s.sourceId) q = q.where('time_logs.id', '=', s.sourceId);
  return q.orderBy('time_logs.date').orderBy('time_logs.id').limit(2000).execute();
}

/**
 * Approved billable extra revision rounds (R21) of the contractor's QA-passed tasks. Reads the
 * revision_rounds table of the revisions workflow (approval_status 'approved_billable', billable 1).
 */
export async function approvedBillableRounds(db: Executor, s: WorkScope) {
  let q = db
    .selectFrom('revision_rounds')
    .innerJoin('tasks', 'tasks.id', 'revision_rounds.task_id')
    .innerJoin('clients', 'clients.id', 'tasks.client_id')
    .leftJoin('billed_items', (join) =>
      join
        .onRef('billed_items.source_id', '=', 'revision_rounds.id')
        .on('billed_items.source_type', '=', 'revision_round'),
    )
    .select([
      'revision_rounds.id',
      'revision_rounds.number',
      'revision_rounds.amount_minor',
      'tasks.id as task_id',
      'tasks.title as task_title',
      'clients.name as client_name',
      qaPassedAt().as('qa_passed_at'),
    ])
    .where('revision_rounds.workspace_id', '=', s.workspaceId)
    .where('revision_rounds.approval_status', '=', 'approved_billable')
    .where('revision_rounds.billable', '=', 1)
    .where('revision_rounds.currency', '=', s.currency)
    .where('tasks.contractor_id', '=', s.contractorId)
    .where('tasks.status', 'in', passed)
    .where('billed_items.source_id', 'is', null);
  if (s.sourceId) q = q.where('revision_rounds.id', '=', s.sourceId);
  return q.orderBy('tasks.id').orderBy('revision_rounds.number').limit(2000).execute();
}

/** Which invoice (if any) already bills a piece of work. */
export async function billedOn(db: Executor, sourceType: string, sourceId: string) {
  return db
    .selectFrom('billed_items')
    .innerJoin('invoices', 'invoices.id', 'billed_items.invoice_id')
    .innerJoin('contractors', 'contractors.id', 'invoices.contractor_id')
    .select(['invoices.id', 'invoices.number', 'contractors.name'])
    .where('billed_items.source_type', '=', sourceType)
    .where('billed_items.source_id', '=', sourceId)
    .executeTakeFirst();
}

/** Work lines whose task is no longer QA-passed (e.g. reopened for a revision). */
export async function linesOfUnpassedTasks(db: Executor, invoiceId: string) {
  return db
    .selectFrom('invoice_lines')
    .innerJoin('tasks', 'tasks.id', 'invoice_lines.task_id')
    .select(['invoice_lines.id', 'invoice_lines.description', 'tasks.status'])
    .where('invoice_lines.invoice_id', '=', invoiceId)
    .where('invoice_lines.source_type', 'is not', null)
    .where('tasks.status', 'not in', passed)
    .execute();
}

/** The contractor and status of the task a piece of work belongs to, or undefined. */
export async function workOwner(
  db: Executor,
  s: { workspaceId: string; sourceType: string; sourceId: string },
): Promise<{ contractor_id: string; status: string } | undefined> {
  const table =
    s.sourceType === 'task_item'
      ? 'task_items'
      : s.sourceType === 'time_log'
        ? 'time_logs'
        : 'revision_rounds';
  const row = await db
    .selectFrom(table)
    .select('task_id')
    .where('id', '=', s.sourceId)
    .where('workspace_id', '=', s.workspaceId)
    .executeTakeFirst();
  if (!row) return undefined;
  return db
    .selectFrom('tasks')
    .select(['contractor_id', 'status'])
    .where('id', '=', row.task_id)
    .executeTakeFirst();
}
