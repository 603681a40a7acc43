import type { z } from 'zod';
import type { CalendarResponse, MyWork } from '../../../contracts/tasks';
import {
  addCalendarDays,
  calendarDayIn,
  calendarDaysBetween,
  type IsoDate,
} from '../../../domain/calendar';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError, notFound } from '../../errors';
import { findSelfContractor } from '../contractors';
import { countSubmitted, listRequests } from '../requests';
import { findWorkspace } from '../workspaces/queries';
import { presentCalendarSubtask, presentWorkSubtask, presentWorkTask } from './present';
import * as q from './queries';
import { taskScopeOf } from './scope';
import { tasksWithPendingRounds } from './workflow-queries';

/** The calendar of due dates and time away, and each person's "my work" list. */

export const MAX_CALENDAR_DAYS = 62;
const LIST_LIMIT = 200;

async function zones(db: Executor, actor: Actor) {
  const ws = await findWorkspace(db, actor.workspaceId);
  if (!ws) throw notFound('Workspace');
  // A contractor's own profile zone wins: due dates are shown in the person's local time.
  const self = actor.role === 'contractor' ? await findSelfContractor(db, actor) : null;
  return { workspace: ws.time_zone, viewer: self?.time_zone ?? actor.timeZone };
}

/** Subtasks due in [from, to] and unavailability overlapping it; a contractor sees only his own. */
export async function calendarView(
  db: Executor,
  actor: Actor,
  range: { from: IsoDate; to: IsoDate },
): Promise<z.infer<typeof CalendarResponse>> {
  const span = calendarDaysBetween(range.from, range.to) + 1;
  if (span < 1 || span > MAX_CALENDAR_DAYS) {
    throw new AppError(
      'VALIDATION',
      `Choose a range of 1 to ${MAX_CALENDAR_DAYS} days, with "to" on or after "from"`,
      { fields: { 'querystring.to': `At most ${MAX_CALENDAR_DAYS} days after "from"` } },
    );
  }
  const scope = taskScopeOf(actor);
  const tz = await zones(db, actor);
  const subtasks = await q.listSubtasksWithTasks(db, scope, { ...range, limit: 2000 });
  const away = await q.unavailabilityInRange(db, scope, range);
  return {
    ...range,
    workspaceTimeZone: tz.workspace,
    viewerTimeZone: tz.viewer,
    subtasks: subtasks.map(presentCalendarSubtask),
    unavailability: away.map((a) => ({
      id: a.id,
      contractor: { id: a.contractor_id, name: a.contractor_name },
      start: a.start_date,
      end: a.end_date,
      kind: a.kind,
    })),
  };
}

type Work = Pick<
  z.infer<typeof MyWork>,
  'subtasks' | 'awaitingBrief' | 'tasksNeedingAction' | 'triage' | 'overdueSubtasks'
>;

async function contractorWork(db: Executor, actor: Actor, today: IsoDate): Promise<Work> {
  const scope = taskScopeOf(actor);
  const subtasks = await q.listSubtasksWithTasks(db, scope, {
    openOnly: true,
    assigneeRoles: ['contractor'],
    limit: LIST_LIMIT,
  });
  const awaiting = await q.listTasks(db, scope, { statuses: ['scheduled'], limit: LIST_LIMIT });
  return {
    subtasks: subtasks.map((s) => presentWorkSubtask(s, today)),
    awaitingBrief: awaiting.filter((t) => t.brief_acknowledged_at === null).map(presentWorkTask),
    tasksNeedingAction: [],
    triage: null,
    overdueSubtasks: [],
  };
}

async function strategistWork(db: Executor, actor: Actor, today: IsoDate): Promise<Work> {
  const scope = taskScopeOf(actor);
  const subtasks = await q.listSubtasksWithTasks(db, scope, {
    openOnly: true,
    assigneeUserId: actor.userId,
    limit: LIST_LIMIT,
  });
  const tasks = await q.listTasks(db, scope, {
    statuses: ['internal_review', 'revision'],
    strategistUserId: actor.userId,
    limit: LIST_LIMIT,
  });
  return {
    subtasks: subtasks.map((s) => presentWorkSubtask(s, today)),
    awaitingBrief: [],
    tasksNeedingAction: tasks.map(presentWorkTask),
    triage: null,
    overdueSubtasks: [],
  };
}

async function coordinatorWork(db: Executor, actor: Actor, today: IsoDate): Promise<Work> {
  const scope = taskScopeOf(actor);
  const workspaceId = actor.workspaceId;
  const waiting = await listRequests(db, { workspaceId }, { status: 'submitted', limit: 20 });
  const own = await q.listSubtasksWithTasks(db, scope, {
    openOnly: true,
    assigneeUserId: actor.userId,
    limit: LIST_LIMIT,
  });
  const overdue = await q.listSubtasksWithTasks(db, scope, {
    openOnly: true,
    to: addCalendarDays(today, -1),
    limit: LIST_LIMIT,
  });
  // R21: extra revision rounds wait for a coordinator's decision.
  const approvals = [];
  for (const id of await tasksWithPendingRounds(db, scope, LIST_LIMIT)) {
    const task = await q.findTask(db, scope, id);
    if (task) approvals.push(presentWorkTask(task));
  }
  return {
    subtasks: own.map((s) => presentWorkSubtask(s, today)),
    awaitingBrief: [],
    tasksNeedingAction: approvals,
    triage: {
      count: await countSubmitted(db, { workspaceId }),
      requests: waiting.map((r) => ({
        id: r.id,
        client: { id: r.client_id, name: r.client_name },
        dueDate: r.due_date,
        leadStatus: r.lead_status as 'ok' | 'warning' | 'refused',
        submittedAt: r.submitted_at,
      })),
    },
    overdueSubtasks: overdue.map((s) => presentWorkSubtask(s, today)),
  };
}

async function qaWork(db: Executor, actor: Actor, today: IsoDate): Promise<Work> {
  const scope = taskScopeOf(actor);
  const tasks = await q.listTasks(db, scope, { statuses: ['qa'], limit: LIST_LIMIT });
  const subtasks = await q.listSubtasksWithTasks(db, scope, {
    openOnly: true,
    assigneeRoles: ['qa'],
    taskStatuses: ['qa'],
    limit: LIST_LIMIT,
  });
  return {
    subtasks: subtasks.map((s) => presentWorkSubtask(s, today)),
    awaitingBrief: [],
    tasksNeedingAction: tasks.map(presentWorkTask),
    triage: null,
    overdueSubtasks: [],
  };
}

const EMPTY: Work = {
  subtasks: [],
  awaitingBrief: [],
  tasksNeedingAction: [],
  triage: null,
  overdueSubtasks: [],
};

/** What needs the actor's attention now, by role. */
export async function myWork(
  db: Executor,
  actor: Actor,
  now: Date,
): Promise<z.infer<typeof MyWork>> {
  const tz = await zones(db, actor);
  const today = calendarDayIn(now, tz.workspace);
  const byRole: Record<Actor['role'], () => Promise<Work>> = {
    contractor: () => contractorWork(db, actor, today),
    strategist: () => strategistWork(db, actor, today),
    coordinator: () => coordinatorWork(db, actor, today),
    admin: () => coordinatorWork(db, actor, today),
    qa: () => qaWork(db, actor, today),
    finance: async () => EMPTY,
  };
  return {
    role: actor.role,
    today,
    workspaceTimeZone: tz.workspace,
    viewerTimeZone: tz.viewer,
    ...(await byRole[actor.role]()),
  };
}
