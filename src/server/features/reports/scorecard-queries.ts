import { PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db';
import { dayAfter, offsetRuns } from './math';

/**
 * R32 contractor scorecards: every figure is one GROUP BY statement per source table; nothing
 * loads individual subtasks, tasks or reviews into memory.
 *
 * A subtask counts once it is due in the range and either done or overdue (its due day is before
 * today); it is on time when completed by the end of its due day in the workspace's time zone. A task counts when it is not cancelled and its final due date is in the range.
 */

export interface ScorecardScope {
  workspaceId: string;
  from: string;
  to: string;
  today: string;
  /** The workspace's zone: a due day ends at midnight there. */
  timeZone: string;
  contractorId?: string;
  deliverableTypeId?: string;
}

/**
 * Seconds since 1970 of an ISO instant or of a date's UTC midnight, in the database's own (C)
 * date functions: calendar arithmetic written out in SQL cost ~0.6 s per scorecard at size L.
 */
function epochSeconds(db: Executor, col: string, kind: 'instant' | 'day'): RawBuilder<number> {
  const ref = sql.ref(col);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    return kind === 'instant'
      ? sql<number>`extract(epoch from ${ref}::timestamptz)`
      : sql<number>`extract(epoch from ${ref}::date::timestamp)`;
  }
  return sql<number>`((julianday(${ref}) - 2440587.5) * 86400)`;
}

/** The workspace zone's UTC offset (minutes) on each subtask's due day, daylight saving included. */
function offsetOfDueDay(s: ScorecardScope): RawBuilder<number> {
  const runs = offsetRuns(s.from, s.to, s.timeZone);
  if (runs.length === 1) return sql<number>`${sql.lit(runs[0].offsetMinutes)}`;
  const cases = runs
    .slice(1)
    .map((r, i) => sql`when s.due_date < ${r.from} then ${sql.lit(runs[i].offsetMinutes)}`);
  return sql<number>`(case ${sql.join(cases, sql` `)} else ${sql.lit(runs[runs.length - 1].offsetMinutes)} end)`;
}

const MONTH = (col: string) => sql<string>`substr(${sql.ref(col)}, 1, 7)`;

/** Tasks of the scope: workspace, not cancelled, due in range, optional contractor and type. */
function scopedTasks(db: Executor, s: ScorecardScope) {
  let q = db
    .selectFrom('tasks as t')
    .where('t.workspace_id', '=', s.workspaceId)
    .where('t.status', '!=', 'cancelled')
    .where('t.due_date', '>=', s.from)
    .where('t.due_date', '<=', s.to);
  if (s.contractorId) q = q.where('t.contractor_id', '=', s.contractorId);
  if (s.deliverableTypeId) {
    const type = s.deliverableTypeId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_items as ti')
          .select('ti.id')
          .whereRef('ti.task_id', '=', 't.id')
          .where('ti.deliverable_type_id', '=', type),
      ),
    );
  }
  return q;
}

/** Contractor subtasks due in range (done or overdue), per contractor, optionally per month. */
export async function subtaskPunctuality(db: Executor, s: ScorecardScope, byMonth: boolean) {
  const onTime = sql`s.completed_at is not null and ${epochSeconds(db, 's.completed_at', 'instant')} < ${epochSeconds(db, 's.due_date', 'day')} + 86400 - 60 * ${offsetOfDueDay(s)}`;
  let q = db
    .selectFrom('subtasks as s')
    .innerJoin('tasks as t', 't.id', 's.task_id')
    .select([
      't.contractor_id',
      (eb) => eb.fn.countAll<number>().as('due'),
      sql<number>`sum(case when ${onTime} then 1 else 0 end)`.as('on_time'),
      sql<number>`sum(case when s.kind = 'final' then 1 else 0 end)`.as('finals'),
      sql<number>`sum(case when s.kind = 'final' and ${onTime} then 1 else 0 end)`.as(
        'finals_on_time',
      ),
    ])
    .where('s.workspace_id', '=', s.workspaceId)
    .where('t.workspace_id', '=', s.workspaceId)
    .where('s.assignee_role', '=', 'contractor')
    .where('t.status', '!=', 'cancelled')
    .where('s.due_date', '>=', s.from)
    .where('s.due_date', '<=', s.to)
    .where((eb) => eb.or([eb('s.completed_at', 'is not', null), eb('s.due_date', '<', s.today)]))
    .groupBy('t.contractor_id');
  if (s.contractorId) q = q.where('t.contractor_id', '=', s.contractorId);
  if (s.deliverableTypeId) {
    const type = s.deliverableTypeId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('task_items as ti')
          .select('ti.id')
          .whereRef('ti.task_id', '=', 't.id')
          .where('ti.deliverable_type_id', '=', type),
      ),
    );
  }
  if (!byMonth) return (await q.execute()).map((r) => ({ ...r, month: '' }));
  return q.select(MONTH('s.due_date').as('month')).groupBy(MONTH('s.due_date')).execute();
}

/** Tasks due in range: count, revision rounds and the QA first pass, per contractor (and month). */
export async function taskQuality(db: Executor, s: ScorecardScope, byMonth: boolean) {
  // Per task, on reports_reviews_kind_task: grouping every QA review of the workspace first
  // read five years of reviews to report on one.
  const reviewed = sql<boolean>`exists (select 1 from reviews r where r.workspace_id = ${s.workspaceId} and r.kind = 'qa' and r.task_id = t.id)`;
  const q = scopedTasks(db, s)
    .select([
      't.contractor_id',
      (eb) => eb.fn.countAll<number>().as('tasks'),
      (eb) => eb.fn.sum<number>('t.rounds_used').as('rounds'),
      sql<number>`sum(case when ${reviewed} then 1 else 0 end)`.as('qa_reviewed'),
      sql<number>`sum(case when t.qa_fail_count = 0 and ${reviewed} then 1 else 0 end)`.as(
        'qa_first_pass',
      ),
    ])
    .groupBy('t.contractor_id');
  if (!byMonth) return (await q.execute()).map((r) => ({ ...r, month: '' }));
  return q.select(MONTH('t.due_date').as('month')).groupBy(MONTH('t.due_date')).execute();
}

/** Accepted work (QA passed: client-ready or closed) at its item amounts, per contractor. */
export async function acceptedCost(db: Executor, s: ScorecardScope) {
  let q = scopedTasks(db, s)
    .innerJoin('task_items as i', 'i.task_id', 't.id')
    .innerJoin('contractors as c', 'c.id', 't.contractor_id')
    .select([
      't.contractor_id',
      (eb) => eb.fn.sum<number>('i.amount_minor').as('amount'),
      (eb) => eb.fn.sum<number>('i.quantity').as('quantity'),
    ])
    .where('t.status', 'in', ['ready', 'closed'])
    .whereRef('i.currency', '=', 'c.currency')
    .groupBy('t.contractor_id');
  if (s.deliverableTypeId) q = q.where('i.deliverable_type_id', '=', s.deliverableTypeId);
  return q.execute();
}

/** Escalations opened in range about a contractor (named, or through the task). */
export async function escalationCounts(db: Executor, s: ScorecardScope) {
  const who = sql<string>`coalesce(e.contractor_id, t.contractor_id)`;
  let q = db
    .selectFrom('escalations as e')
    .leftJoin('tasks as t', 't.id', 'e.task_id')
    .select([who.as('contractor_id'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.workspace_id', '=', s.workspaceId)
    .where('e.opened_at', '>=', s.from)
    .where('e.opened_at', '<', dayAfter(s.to))
    .groupBy(who);
  if (s.contractorId) q = q.where(who, '=', s.contractorId);
  return q.execute();
}

/** Kudos and constructive feedback given in range, per contractor (R25). */
export async function recognitionCounts(db: Executor, s: ScorecardScope) {
  let q = db
    .selectFrom('recognitions')
    .select([
      'contractor_id',
      sql<number>`sum(case when kind = 'kudos' then 1 else 0 end)`.as('kudos'),
      sql<number>`sum(case when kind = 'feedback' then 1 else 0 end)`.as('feedback'),
    ])
    .where('workspace_id', '=', s.workspaceId)
    .where('created_at', '>=', s.from)
    .where('created_at', '<', dayAfter(s.to))
    .groupBy('contractor_id');
  if (s.contractorId) q = q.where('contractor_id', '=', s.contractorId);
  return q.execute();
}

export async function listContractors(
  db: Executor,
  scope: { workspaceId: string; contractorId?: string },
) {
  let q = db
    .selectFrom('contractors')
    .select(['id', 'name', 'status', 'currency', 'skills_json', 'weekly_capacity', 'capacity_unit'])
    .where('workspace_id', '=', scope.workspaceId);
  if (scope.contractorId) q = q.where('id', '=', scope.contractorId);
  return q.orderBy('name').limit(2000).execute();
}

/** The named deliverable type, else the one with the most task items due in the range. */
export async function findDeliverableType(db: Executor, s: ScorecardScope) {
  const types = db
    .selectFrom('deliverable_types')
    .select(['id', 'name', 'unit'])
    .where('workspace_id', '=', s.workspaceId);
  if (s.deliverableTypeId) return types.where('id', '=', s.deliverableTypeId).executeTakeFirst();
  const busiest = await db
    .selectFrom('task_items as i')
    .innerJoin('tasks as t', 't.id', 'i.task_id')
    .select(['i.deliverable_type_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('t.workspace_id', '=', s.workspaceId)
    .where('t.status', '!=', 'cancelled')
    .where('t.due_date', '>=', s.from)
    .where('t.due_date', '<=', s.to)
    .groupBy('i.deliverable_type_id')
    .orderBy('n', 'desc')
    .orderBy('i.deliverable_type_id')
    .limit(1)
    .executeTakeFirst();
  if (busiest) {
    const found = await types.where('id', '=', busiest.deliverable_type_id).executeTakeFirst();
    if (found) return found;
  }
  return types
    .where('archived', '=', 0)
    .orderBy('sort')
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
}
