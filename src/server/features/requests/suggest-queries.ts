import { sql } from 'kysely';
import type { IsoDate } from '../../../domain/calendar';
import type { Executor } from '../../db';

/**
 * Read-only queries behind suggestions (R13). Contractors, their time away and pairings belong to
 * other features; these read those tables for a whole candidate list at once, in a few queries.
 */

interface Scope {
  workspaceId: string;
}

/** Contractors who may take work: active, and trial (flagged in the ranking). */
export const ASSIGNABLE_STATUSES = ['active', 'trial'] as const;

/** Tasks still in someone's hands: they load capacity. */
const OPEN_TASK_STATUSES = ['scheduled', 'in_production', 'internal_review', 'revision', 'qa'];

export async function assignableContractors(db: Executor, scope: Scope) {
  return db
    .selectFrom('contractors')
    .select([
      'id',
      'name',
      'status',
      'time_zone',
      'skills_json',
      'weekly_capacity',
      'capacity_unit',
      'currency',
    ])
    .where('workspace_id', '=', scope.workspaceId)
    .where('status', 'in', [...ASSIGNABLE_STATUSES])
    .orderBy('name')
    .orderBy('id')
    .limit(1000)
    .execute();
}

export async function unavailabilityOf(
  db: Executor,
  scope: Scope & { contractorIds: string[]; from: IsoDate; to: IsoDate },
) {
  if (scope.contractorIds.length === 0) return [];
  return db
    .selectFrom('unavailability')
    .select(['contractor_id', 'start_date', 'end_date'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('contractor_id', 'in', scope.contractorIds)
    .where('end_date', '>=', scope.from)
    .where('start_date', '<=', scope.to)
    .orderBy('start_date')
    .limit(20_000)
    .execute();
}

/** R16: the contractors already paired with a client. */
export async function pairedContractorIds(
  db: Executor,
  scope: Scope & { clientId: string },
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('client_contractor_pairings')
    .select('contractor_id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('client_id', '=', scope.clientId)
    .limit(5000)
    .execute();
  return new Set(rows.map((r) => r.contractor_id));
}

/**
 * Units (items or hours) each contractor already has due in [from, to]: the quantities of his
 * open tasks with an open contractor subtask due in that week.
 */
export async function loadInWeek(
  db: Executor,
  scope: Scope & { contractorIds: string[]; from: IsoDate; to: IsoDate },
): Promise<Map<string, number>> {
  if (scope.contractorIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tasks')
    .innerJoin('task_items', 'task_items.task_id', 'tasks.id')
    .select(['tasks.contractor_id', (eb) => eb.fn.sum<number>('task_items.quantity').as('units')])
    .where('tasks.workspace_id', '=', scope.workspaceId)
    .where('tasks.contractor_id', 'in', scope.contractorIds)
    .where('tasks.status', 'in', OPEN_TASK_STATUSES)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('subtasks')
          .select('subtasks.id')
          .whereRef('subtasks.task_id', '=', 'tasks.id')
          .where('subtasks.assignee_role', '=', 'contractor')
          .where('subtasks.status', '=', 'todo')
          .where('subtasks.due_date', '>=', scope.from)
          .where('subtasks.due_date', '<=', scope.to),
      ),
    )
    .groupBy('tasks.contractor_id')
    .execute();
  return new Map(rows.map((r) => [r.contractor_id, Number(r.units)]));
}

export interface Performance {
  qaFirstPassRate: number | null;
  onTimeRate: number | null;
}

/**
 * R13/R32 track record from the work so far, as SQL aggregates: the share of tasks that passed QA
 * without a failure, and the share of draft and final subtasks done by the end of their due day.
 */
export async function performanceOf(
  db: Executor,
  scope: Scope & { contractorIds: string[] },
): Promise<Map<string, Performance>> {
  const out = new Map<string, Performance>();
  if (scope.contractorIds.length === 0) return out;
  const qa = await db
    .selectFrom('tasks')
    .select([
      'contractor_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(case when qa_fail_count = 0 then 1 else 0 end)`.as('first_pass'),
    ])
    .where('workspace_id', '=', scope.workspaceId)
    .where('contractor_id', 'in', scope.contractorIds)
    .where('status', 'in', ['ready', 'closed'])
    .groupBy('contractor_id')
    .execute();
  const onTime = await db
    .selectFrom('subtasks')
    .innerJoin('tasks', 'tasks.id', 'subtasks.task_id')
    .select([
      'tasks.contractor_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      // completed_at is a UTC instant; the due day ends at its last UTC millisecond.
      sql<number>`sum(case when subtasks.completed_at <= subtasks.due_date || 'T23:59:59.999Z' then 1 else 0 end)`.as(
        'on_time',
      ),
    ])
    .where('subtasks.workspace_id', '=', scope.workspaceId)
    .where('tasks.contractor_id', 'in', scope.contractorIds)
    .where('subtasks.status', '=', 'done')
    .where('subtasks.kind', 'in', ['draft', 'final'])
    .groupBy('tasks.contractor_id')
    .execute();
  const share = (part: number, n: number) => (n > 0 ? Number(part) / Number(n) : null);
  for (const id of scope.contractorIds) out.set(id, { qaFirstPassRate: null, onTimeRate: null });
  for (const r of qa) out.get(r.contractor_id)!.qaFirstPassRate = share(r.first_pass, r.n);
  for (const r of onTime) out.get(r.contractor_id)!.onTimeRate = share(r.on_time, r.n);
  return out;
}
