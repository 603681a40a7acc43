import { PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db';
import { dayRangeInstants, offsetRuns } from './math';

/**
 * R32 contractor scorecards: subtasks, tasks and task items are each read once, by one GROUP BY
 * statement whose rows serve the scorecards, the trend and the bargaining view; nothing loads
 * individual subtasks, tasks or reviews into memory.
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

/**
 * Tasks of the range for every contractor: workspace, not cancelled, due in range, optional type.
 * The contractor filter is applied to the grouped rows instead, because the bargaining view
 * compares all contractors from the same rows.
 */
function rangeTasks(db: Executor, s: ScorecardScope) {
  let q = db
    .selectFrom('tasks as t')
    .where('t.workspace_id', '=', s.workspaceId)
    .where('t.status', '!=', 'cancelled')
    .where('t.due_date', '>=', s.from)
    .where('t.due_date', '<=', s.to);
  if (s.deliverableTypeId) q = q.where(hasItemOf(s.deliverableTypeId));
  return q;
}

/** Whether task `t` has an item of the type. */
function hasItemOf(typeId: string): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from task_items ti where ti.task_id = t.id and ti.deliverable_type_id = ${typeId})`;
}

const isPostgres = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * A flag per task `t`, 1 when `t` is in a set of task ids. SQLite probes an index per task.
 * PostgreSQL plans such a select-list EXISTS as a hashed subplan whose cost, counted again in the
 * sort and group keys, sets off JIT compilation (~0.1 s a statement): there the set is left
 * joined as `alias` instead, hashed once.
 */
function flagOf(db: Executor, alias: string, exists: RawBuilder<boolean>): RawBuilder<number> {
  return isPostgres(db)
    ? sql<number>`(case when ${sql.ref(`${alias}.task_id`)} is null then 0 else 1 end)`
    : sql<number>`(case when ${exists} then 1 else 0 end)`;
}

/**
 * Whether task `t` counts for the bargaining view's type (joined as `tt` on PostgreSQL, see
 * flagOf). Under a type filter every task of the scope has it; without a type there is
 * no bargaining view to count for.
 */
function typedFlag(
  db: Executor,
  s: ScorecardScope,
  bargainingTypeId: string | null,
): RawBuilder<number> {
  if (s.deliverableTypeId) return sql<number>`1`;
  return bargainingTypeId ? flagOf(db, 'tt', hasItemOf(bargainingTypeId)) : sql<number>`0`;
}

/** Whether the statement left joins `tt` (PostgreSQL with a bargaining type, see flagOf). */
const joinsTypedTasks = (db: Executor, s: ScorecardScope, typeId: string | null) =>
  isPostgres(db) && !s.deliverableTypeId && typeId !== null;

/** The tasks with an item of the type, as `tt`. */
function typedTasks(db: Executor, typeId: string) {
  return db
    .selectFrom('task_items')
    .select('task_id')
    .distinct()
    .where('deliverable_type_id', '=', typeId)
    .as('tt');
}

/** The tasks with a QA review, as `rv`. */
function qaReviewedTasks(db: Executor, s: ScorecardScope) {
  return db
    .selectFrom('reviews')
    .select('task_id')
    .distinct()
    .where('workspace_id', '=', s.workspaceId)
    .where('kind', '=', 'qa')
    .as('rv');
}

/**
 * Contractor subtasks due in range (done or overdue), per contractor, month, final or not and
 * bargaining type or not: the totals, the trend and the bargaining view are sums of these rows,
 * so a year of subtasks is read once. Grouping by `final` keeps the on-time rule to one
 * evaluation per subtask.
 */
export async function subtaskPunctuality(
  db: Executor,
  s: ScorecardScope,
  bargainingTypeId: string | null,
) {
  const onTime = sql<number>`case when s.completed_at is not null and ${epochSeconds(db, 's.completed_at', 'instant')} < ${epochSeconds(db, 's.due_date', 'day')} + 86400 - 60 * ${offsetOfDueDay(s)} then 1 else 0 end`;
  const final = sql<number>`(case when s.kind = 'final' then 1 else 0 end)`;
  // Summed per task first: the task (contractor, status) and its items are then looked up once
  // per task and month, in task order, instead of once per subtask.
  const perTask = db
    .selectFrom('subtasks as s')
    .select([
      's.task_id',
      MONTH('s.due_date').as('month'),
      final.as('final'),
      (eb) => eb.fn.countAll<number>().as('due'),
      sql<number>`sum(${onTime})`.as('on_time'),
    ])
    .where('s.workspace_id', '=', s.workspaceId)
    .where('s.assignee_role', '=', 'contractor')
    .where('s.due_date', '>=', s.from)
    .where('s.due_date', '<=', s.to)
    .where((eb) => eb.or([eb('s.completed_at', 'is not', null), eb('s.due_date', '<', s.today)]))
    .groupBy(['s.task_id', MONTH('s.due_date'), final]);
  // CROSS JOIN keeps SQLite from reading the workspace's tasks in contractor order instead.
  let perContractor = db
    .selectFrom(perTask.as('x'))
    .crossJoin('tasks as t')
    .$if(joinsTypedTasks(db, s, bargainingTypeId), (q) =>
      q.leftJoin(typedTasks(db, bargainingTypeId as string), 'tt.task_id', 't.id'),
    )
    .select([
      't.contractor_id',
      'x.month',
      'x.final',
      typedFlag(db, s, bargainingTypeId).as('typed'),
      'x.due',
      'x.on_time',
    ])
    .whereRef('t.id', '=', 'x.task_id')
    .where('t.workspace_id', '=', s.workspaceId)
    .where('t.status', '!=', 'cancelled');
  if (s.deliverableTypeId) {
    perContractor = perContractor.where(hasItemOf(s.deliverableTypeId));
  }
  return db
    .selectFrom(perContractor.as('y'))
    .select([
      'y.contractor_id',
      'y.month',
      'y.final',
      'y.typed',
      (eb) => eb.fn.sum<number>('y.due').as('due'),
      (eb) => eb.fn.sum<number>('y.on_time').as('on_time'),
    ])
    .groupBy(['y.contractor_id', 'y.month', 'y.final', 'y.typed'])
    .execute();
}

/**
 * Tasks due in range: count, revision rounds and QA reviews, per contractor, month, bargaining
 * type or not and QA-clean or not (no failed QA: a reviewed clean task passed first time).
 */
export async function taskQuality(
  db: Executor,
  s: ScorecardScope,
  bargainingTypeId: string | null,
) {
  // Per task, on reports_reviews_kind_task: grouping every QA review of the workspace first
  // read five years of reviews to report on one.
  const reviewed = flagOf(
    db,
    'rv',
    sql<boolean>`exists (select 1 from reviews r where r.workspace_id = ${s.workspaceId} and r.kind = 'qa' and r.task_id = t.id)`,
  );
  const tasks = rangeTasks(db, s)
    .$if(isPostgres(db), (q) => q.leftJoin(qaReviewedTasks(db, s), 'rv.task_id', 't.id'))
    .$if(joinsTypedTasks(db, s, bargainingTypeId), (q) =>
      q.leftJoin(typedTasks(db, bargainingTypeId as string), 'tt.task_id', 't.id'),
    )
    .select([
      't.contractor_id',
      MONTH('t.due_date').as('month'),
      typedFlag(db, s, bargainingTypeId).as('typed'),
      sql<number>`(case when t.qa_fail_count = 0 then 1 else 0 end)`.as('clean'),
      't.rounds_used',
      reviewed.as('reviewed'),
    ]);
  return db
    .selectFrom(tasks.as('x'))
    .select([
      'x.contractor_id',
      'x.month',
      'x.typed',
      'x.clean',
      (eb) => eb.fn.countAll<number>().as('tasks'),
      (eb) => eb.fn.sum<number>('x.rounds_used').as('rounds'),
      (eb) => eb.fn.sum<number>('x.reviewed').as('qa_reviewed'),
    ])
    .groupBy(['x.contractor_id', 'x.month', 'x.typed', 'x.clean'])
    .execute();
}

/**
 * Task items of the range's tasks per contractor, deliverable type and currency: item counts
 * (the busiest type) and the accepted work's amounts (QA passed: client-ready or closed). One
 * index-only pass over task_items serves both; the contractor's currency is matched by the caller.
 */
export async function itemTotals(db: Executor, s: ScorecardScope) {
  const accepted = sql<boolean>`t.status in ('ready', 'closed')`;
  return (
    rangeTasks(db, { ...s, deliverableTypeId: undefined })
      .innerJoin('task_items as i', 'i.task_id', 't.id')
      .select([
        't.contractor_id',
        'i.deliverable_type_id',
        'i.currency',
        (eb) => eb.fn.countAll<number>().as('items'),
        sql<number>`sum(case when ${accepted} then i.amount_minor else 0 end)`.as('amount'),
        sql<number>`sum(case when ${accepted} then i.quantity else 0 end)`.as('quantity'),
      ])
      // Type first: led by the contractor, SQLite would read all the workspace's tasks along
      // tasks_contractor to skip one sort.
      .groupBy(['i.deliverable_type_id', 't.contractor_id', 'i.currency'])
      .execute()
  );
}

/** Escalations opened in range about a contractor (named, or through the task). */
export async function escalationCounts(db: Executor, s: ScorecardScope) {
  const who = sql<string>`coalesce(e.contractor_id, t.contractor_id)`;
  const days = dayRangeInstants(s.from, s.to, s.timeZone);
  let q = db
    .selectFrom('escalations as e')
    .leftJoin('tasks as t', 't.id', 'e.task_id')
    .select([who.as('contractor_id'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.workspace_id', '=', s.workspaceId)
    .where('e.opened_at', '>=', days.start)
    .where('e.opened_at', '<', days.end)
    .groupBy(who);
  if (s.contractorId) q = q.where(who, '=', s.contractorId);
  return q.execute();
}

/** Kudos and constructive feedback given in range, per contractor (R25). */
export async function recognitionCounts(db: Executor, s: ScorecardScope) {
  const days = dayRangeInstants(s.from, s.to, s.timeZone);
  let q = db
    .selectFrom('recognitions')
    .select([
      'contractor_id',
      sql<number>`sum(case when kind = 'kudos' then 1 else 0 end)`.as('kudos'),
      sql<number>`sum(case when kind = 'feedback' then 1 else 0 end)`.as('feedback'),
    ])
    .where('workspace_id', '=', s.workspaceId)
    .where('created_at', '>=', days.start)
    .where('created_at', '<', days.end)
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

/** The named deliverable type, else the busiest one of the range, else the first one offered. */
export async function findDeliverableType(
  db: Executor,
  s: ScorecardScope,
  busiestTypeId: string | null,
) {
  const types = db
    .selectFrom('deliverable_types')
    .select(['id', 'name', 'unit'])
    .where('workspace_id', '=', s.workspaceId);
  if (s.deliverableTypeId) return types.where('id', '=', s.deliverableTypeId).executeTakeFirst();
  if (busiestTypeId) {
    const found = await types.where('id', '=', busiestTypeId).executeTakeFirst();
    if (found) return found;
  }
  return types
    .where('archived', '=', 0)
    .orderBy('sort')
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
}
