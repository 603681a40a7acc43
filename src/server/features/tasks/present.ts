import type { z } from 'zod';
import type {
  CalendarSubtask,
  Subtask,
  TaskDetail,
  TaskItem,
  TaskListItem,
  WorkSubtask,
  WorkTask,
} from '../../../contracts/tasks';
import type { SubtaskKind } from '../../../domain/planner';
import type { Role } from '../../../domain/roles';
import { TASK_STATUS_LABELS, type TaskStatus } from '../../../domain/task-status';
import type { ListRow, OpenSubtaskRow } from './board-queries';
import { actionsNow, mayWorkOnSubtask, subtaskBlockedReason } from './policy';
import type { SubtaskRow, SubtaskWithTaskRow, TaskRow } from './queries';

/** Task rows → API shapes with the viewer's abilities. Never a raw row. */

type Viewer = { role: Role; userId: string };
type AssigneeRole = 'contractor' | 'strategist' | 'qa';

const asStatus = (s: string) => s as TaskStatus;
const asKind = (s: string) => s as SubtaskKind;

export function presentListItem(
  row: ListRow,
  next: OpenSubtaskRow | undefined,
): z.infer<typeof TaskListItem> {
  return {
    id: row.id,
    title: row.title,
    client: { id: row.client_id, name: row.client_name },
    contractor: { id: row.contractor_id, name: row.contractor_name },
    strategist: { userId: row.strategist_user_id, name: row.strategist_name ?? null },
    status: asStatus(row.status),
    statusLabel: TASK_STATUS_LABELS[asStatus(row.status)],
    dueDate: row.due_date,
    month: row.month,
    briefAcknowledged: row.brief_acknowledged_at !== null,
    nextSubtask: next
      ? { id: next.id, kind: asKind(next.kind), title: next.title, dueDate: next.due_date }
      : null,
  };
}

export function presentSubtask(
  s: SubtaskRow,
  task: Pick<TaskRow, 'strategist_user_id' | 'contractor_user_id' | 'brief_acknowledged_at'>,
  viewer: Viewer,
): z.infer<typeof Subtask> {
  const facts = { ...s, ...task };
  const allowed = mayWorkOnSubtask(viewer, facts);
  const blocked = s.status === 'todo' ? subtaskBlockedReason(facts) : null;
  return {
    id: s.id,
    taskId: s.task_id,
    kind: asKind(s.kind),
    title: s.title,
    assigneeRole: s.assignee_role as AssigneeRole,
    assignee: s.assignee_user_id
      ? { userId: s.assignee_user_id, name: s.assignee_name ?? null }
      : null,
    startDate: s.start_date,
    dueDate: s.due_date,
    status: s.status === 'done' ? 'done' : 'todo',
    completedAt: s.completed_at,
    completedBy: s.completed_by
      ? { userId: s.completed_by, name: s.completed_by_name ?? null }
      : null,
    abilities: {
      complete: allowed && s.status === 'todo' && blocked === null,
      reopen: allowed && s.status === 'done',
    },
    blockedReason: allowed ? blocked : null,
  };
}

export function presentDetail(
  row: TaskRow,
  parts: {
    subtasks: SubtaskRow[];
    items: (z.infer<typeof TaskItem> & {})[];
    comments: z.infer<typeof TaskDetail>['comments'];
    olderCommentsCursor: string | null;
    oneSheeterVersion: number;
    versionCount: number;
    pendingRound: { id: string; number: number } | null;
  },
  viewer: Viewer,
): z.infer<typeof TaskDetail> {
  const status = asStatus(row.status);
  const isContractor = viewer.role === 'contractor';
  const managers = viewer.role === 'coordinator' || viewer.role === 'admin';
  const open = status !== 'closed' && status !== 'cancelled';
  return {
    id: row.id,
    title: row.title,
    requestId: row.request_id,
    client: { id: row.client_id, name: row.client_name },
    contractor: {
      id: row.contractor_id,
      name: row.contractor_name,
      timeZone: row.contractor_time_zone,
    },
    strategist: { userId: row.strategist_user_id, name: row.strategist_name ?? null },
    status,
    statusLabel: TASK_STATUS_LABELS[status],
    dueDate: row.due_date,
    month: row.month,
    briefAcknowledgedAt: row.brief_acknowledged_at,
    briefVersion: row.brief_version,
    oneSheeterVersion: parts.oneSheeterVersion,
    includedRounds: row.included_rounds,
    roundsUsed: row.rounds_used,
    currency: row.currency,
    // R5: the client's budget side of the money stays with staff.
    committedMinor: isContractor ? null : row.committed_minor,
    items: parts.items,
    subtasks: parts.subtasks.map((s) => presentSubtask(s, row, viewer)),
    comments: parts.comments,
    olderCommentsCursor: parts.olderCommentsCursor,
    qaFailCount: row.qa_fail_count,
    finalDueDate: parts.subtasks.find((s) => s.kind === 'final')?.due_date ?? null,
    versionCount: parts.versionCount,
    pendingRound: parts.pendingRound,
    abilities: {
      acknowledgeBrief:
        isContractor && status === 'scheduled' && row.contractor_user_id === viewer.userId,
      actions: actionsNow(viewer, row, { roundPending: parts.pendingRound !== null }),
      comment: !isContractor || row.contractor_user_id === viewer.userId,
      commentInternal: !isContractor,
      decideRound: managers && parts.pendingRound !== null,
      overrideNotice: managers && open,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function presentCalendarSubtask(s: SubtaskWithTaskRow): z.infer<typeof CalendarSubtask> {
  return {
    id: s.id,
    taskId: s.task_id,
    taskTitle: s.task_title,
    client: { id: s.client_id, name: s.client_name },
    contractor: { id: s.contractor_id, name: s.contractor_name },
    kind: asKind(s.kind),
    title: s.title,
    assigneeRole: s.assignee_role as AssigneeRole,
    startDate: s.start_date,
    dueDate: s.due_date,
    status: s.status === 'done' ? 'done' : 'todo',
  };
}

export function presentWorkSubtask(
  s: SubtaskWithTaskRow,
  today: string,
): z.infer<typeof WorkSubtask> {
  return { ...presentCalendarSubtask(s), overdue: s.status === 'todo' && s.due_date < today };
}

export function presentWorkTask(row: ListRow): z.infer<typeof WorkTask> {
  const status = asStatus(row.status);
  return {
    id: row.id,
    title: row.title,
    client: { id: row.client_id, name: row.client_name },
    contractor: { id: row.contractor_id, name: row.contractor_name },
    status,
    statusLabel: TASK_STATUS_LABELS[status],
    dueDate: row.due_date,
  };
}
