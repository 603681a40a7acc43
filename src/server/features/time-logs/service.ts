import type { z } from 'zod';
import type {
  CreateTimeLogBody,
  TaskTimeLogs,
  TimeLog,
  TimeWeek,
  TimeWeekQuery,
} from '../../../contracts/money';
import { addCalendarDays } from '../../../domain/calendar';
import { RuleViolation } from '../../../domain/rule-violation';
import { minutesFromHours, reviewTimeLog, weekOf } from '../../../domain/time-logs';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError, conflict, forbidden, notFound, staleVersion } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import { findSelfContractor } from '../contractors';
import { workspaceToday } from '../rates';
import { taskScopeOf } from '../tasks';
import * as q from './queries';

/** Time logs for hourly deliverables (R28): logged by the contractor, reviewed by the strategist. */

const REVIEW_MANAGERS = ['admin', 'coordinator'];
const MAX_MINUTES_A_DAY = 24 * 60;

/** The task's strategist reviews its time; a coordinator or admin may too. */
function mayReview(actor: Actor, row: { strategist_user_id: string }): boolean {
  if (REVIEW_MANAGERS.includes(actor.role)) return true;
  return actor.role === 'strategist' && row.strategist_user_id === actor.userId;
}

function present(r: q.TimeLogRow, actor: Actor): TimeLog {
  const status = r.status as TimeLog['status'];
  return {
    id: r.id,
    task: { id: r.task_id, title: r.task_title },
    item: { id: r.task_item_id, name: r.item_name },
    contractor: { id: r.contractor_id, name: r.contractor_name },
    date: r.date,
    minutes: r.minutes,
    hours: r.minutes / 60,
    note: r.note,
    status,
    reviewedBy: r.reviewer_name ?? null,
    reviewedAt: r.reviewed_at,
    rejectReason: r.reject_reason,
    billed: r.billed_invoice_id !== null,
    createdAt: r.created_at,
    version: r.version,
    abilities: {
      review: status === 'pending' && mayReview(actor, r),
      delete:
        status === 'pending' &&
        actor.role === 'contractor' &&
        r.contractor_user_id === actor.userId,
    },
  };
}

export async function taskTimeLogs(
  db: Executor,
  actor: Actor,
  taskId: string,
): Promise<TaskTimeLogs> {
  const scope = taskScopeOf(actor);
  const task = await q.findTaskForTime(db, scope, taskId);
  if (!task) throw notFound('Task');
  const rows = await q.listTaskLogs(db, scope, taskId);
  const totals = { pending: 0, approved: 0, rejected: 0 };
  for (const r of rows) totals[r.status as keyof typeof totals] += r.minutes;
  const items = await q.hourlyItems(db, actor.workspaceId, taskId);
  return {
    items: rows.map((r) => present(r, actor)),
    totals,
    abilities: {
      log:
        actor.role === 'contractor' &&
        task.contractor_user_id === actor.userId &&
        task.status !== 'cancelled' &&
        items.length > 0,
    },
    hourlyItems: items.map((i) => ({ id: i.id, name: i.name, quantity: i.quantity })),
  };
}

export async function logTime(
  db: Executor,
  actor: Actor,
  taskId: string,
  body: z.infer<typeof CreateTimeLogBody>,
): Promise<TimeLog> {
  const workspaceId = actor.workspaceId;
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const self = await findSelfContractor(tx, actor);
    const task = await q.findTaskForTime(tx, taskScopeOf(actor), taskId);
    if (!self || !task || task.contractor_id !== self.id) throw notFound('Task');
    if (task.status === 'cancelled') throw conflict('This task was cancelled: no time to log');
    const items = await q.hourlyItems(tx, workspaceId, taskId);
    if (items.length === 0) {
      throw new RuleViolation(
        'R28',
        'This task has no hourly deliverable: time is logged only on work billed by the hour',
      );
    }
    const item = body.taskItemId
      ? items.find((i) => i.id === body.taskItemId)
      : items.length === 1
        ? items[0]
        : undefined;
    if (!item) {
      throw new AppError('VALIDATION', 'Choose which hourly deliverable this time is for', {
        fields: { 'body.taskItemId': 'Pick one of the hourly deliverables of this task' },
      });
    }
    if (body.subtaskId) {
      const sub = await tx
        .selectFrom('subtasks')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('task_id', '=', taskId)
        .where('id', '=', body.subtaskId)
        .executeTakeFirst();
      if (!sub) {
        throw new AppError('VALIDATION', 'That subtask is not part of this task', {
          fields: { 'body.subtaskId': 'Not a subtask of this task' },
        });
      }
    }
    // One day of slack: the contractor's "today" may be tomorrow in the workspace's zone.
    const latest = addCalendarDays(await workspaceToday(tx, workspaceId), 1);
    if (body.date > latest) {
      throw new AppError('VALIDATION', "Time can't be logged for a day still to come", {
        fields: { 'body.date': 'Pick today or an earlier day' },
      });
    }
    const minutes = minutesFromHours(body.hours);
    const already = await q.minutesOnDay(tx, {
      workspaceId,
      contractorId: self.id,
      date: body.date,
    });
    if (already + minutes > MAX_MINUTES_A_DAY) {
      throw new AppError('VALIDATION', 'That makes more than 24 hours on one day', {
        fields: { 'body.hours': `${(already / 60).toFixed(2)} h already logged that day` },
      });
    }
    const row = {
      id,
      workspace_id: workspaceId,
      task_id: taskId,
      task_item_id: item.id,
      subtask_id: body.subtaskId ?? null,
      contractor_id: self.id,
      date: body.date,
      minutes,
      note: body.note,
      status: 'pending',
      reviewed_by: null,
      reviewed_at: null,
      reject_reason: null,
      created_by: actor.userId,
      created_at: nowIso(),
      version: 1,
    };
    await tx.insertInto('time_logs').values(row).execute();
    await recordAudit(tx, actor, {
      entityType: 'time_log',
      entityId: id,
      taskId,
      action: 'logged',
      after: { date: row.date, minutes, note: row.note, item: item.name },
    });
  });
  const created = await q.findLog(db, taskScopeOf(actor), id);
  if (!created) throw notFound('Time log');
  return present(created, actor);
}

/** R28: the task's strategist (or a coordinator/admin) approves or rejects pending time. */
export async function reviewTime(
  db: Executor,
  actor: Actor,
  id: string,
  review: { action: 'approve' | 'reject'; version: number; reason?: string },
): Promise<TimeLog> {
  await db.transaction().execute(async (tx) => {
    const row = await q.findLog(tx, taskScopeOf(actor), id);
    if (!row) throw notFound('Time log');
    if (!mayReview(actor, row)) {
      throw forbidden("Only the task's strategist, a coordinator or an admin reviews its time");
    }
    if (row.version !== review.version) throw staleVersion('This time log', row.version);
    const move = reviewTimeLog(row.status as 'pending', review.action);
    if (!move.ok) throw new AppError('ILLEGAL_TRANSITION', move.reason);
    const at = nowIso();
    const changes = {
      status: move.to,
      reviewed_by: actor.userId,
      reviewed_at: at,
      reject_reason: review.action === 'reject' ? (review.reason ?? null) : null,
      version: row.version + 1,
    };
    const updated = await tx
      .updateTable('time_logs')
      .set(changes)
      .where('id', '=', id)
      .where('version', '=', review.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleVersion('This time log', row.version);
    await recordAudit(tx, actor, {
      entityType: 'time_log',
      entityId: id,
      taskId: row.task_id,
      action: move.to,
      before: { status: row.status },
      after: { status: move.to, reason: changes.reject_reason },
    });
  });
  const after = await q.findLog(db, taskScopeOf(actor), id);
  if (!after) throw notFound('Time log');
  return present(after, actor);
}

/** The contractor withdraws time he logged by mistake, while it is still pending. */
export async function deleteTime(db: Executor, actor: Actor, id: string, version: number) {
  await db.transaction().execute(async (tx) => {
    const row = await q.findLog(tx, taskScopeOf(actor), id);
    if (!row || row.contractor_user_id !== actor.userId) throw notFound('Time log');
    if (row.status !== 'pending') {
      throw new AppError('ILLEGAL_TRANSITION', `This time was already ${row.status}`);
    }
    if (row.version !== version) throw staleVersion('This time log', row.version);
    await tx.deleteFrom('time_logs').where('id', '=', id).where('version', '=', version).execute();
    await recordAudit(tx, actor, {
      entityType: 'time_log',
      entityId: id,
      taskId: row.task_id,
      action: 'deleted',
      before: { date: row.date, minutes: row.minutes, note: row.note },
    });
  });
}

/** A week of time (Monday to Sunday): a contractor's own, or everyone's for staff, with totals. */
export async function timeWeek(
  db: Executor,
  actor: Actor,
  query: z.infer<typeof TimeWeekQuery>,
): Promise<TimeWeek> {
  const self = actor.role === 'contractor' ? await findSelfContractor(db, actor) : null;
  const week = weekOf(query.week ?? (await workspaceToday(db, actor.workspaceId)));
  const rows = await q.listWeekLogs(db, taskScopeOf(actor), {
    from: week.start,
    to: week.end,
    contractorId: query.contractorId,
    status: query.status,
  });
  const totals = new Map<string, TimeWeek['totals'][number]>();
  // A contractor always sees his own line, even in a week with nothing logged yet.
  if (self) {
    totals.set(self.id, {
      contractor: { id: self.id, name: self.name },
      minutes: 0,
      approvedMinutes: 0,
      capacityHours: self.capacity_unit === 'hours' ? self.weekly_capacity : null,
    });
  }
  for (const r of rows) {
    const t = totals.get(r.contractor_id) ?? {
      contractor: { id: r.contractor_id, name: r.contractor_name },
      minutes: 0,
      approvedMinutes: 0,
      capacityHours: r.capacity_unit === 'hours' ? r.weekly_capacity : null,
    };
    if (r.status !== 'rejected') t.minutes += r.minutes;
    if (r.status === 'approved') t.approvedMinutes += r.minutes;
    totals.set(r.contractor_id, t);
  }
  return {
    weekStart: week.start,
    weekEnd: week.end,
    items: rows.map((r) => present(r, actor)),
    totals: [...totals.values()].sort((a, b) => a.contractor.name.localeCompare(b.contractor.name)),
  };
}
