import type { Role } from '../../../domain/roles';
import { allowedActions, type TaskAction, type TaskStatus } from '../../../domain/task-status';

/** Pure decisions about subtasks (deny by default). */

export const SUBTASK_MANAGERS: readonly Role[] = ['coordinator', 'admin'];

export interface SubtaskFacts {
  kind: string;
  assignee_role: string;
  assignee_user_id: string | null;
  strategist_user_id: string;
  contractor_user_id: string | null;
}

/**
 * Who may mark a subtask done or reopen it: its assignee (the task's contractor for contractor
 * work, its strategist for the scrub, any QA reviewer for the QA pool), or a coordinator/admin.
 */
export function mayWorkOnSubtask(actor: { role: Role; userId: string }, s: SubtaskFacts): boolean {
  if (SUBTASK_MANAGERS.includes(actor.role)) return true;
  if (s.assignee_user_id !== null && s.assignee_user_id === actor.userId) return true;
  switch (s.assignee_role) {
    case 'contractor':
      return actor.role === 'contractor' && s.contractor_user_id === actor.userId;
    case 'strategist':
      return s.strategist_user_id === actor.userId;
    case 'qa':
      return actor.role === 'qa' && s.assignee_user_id === null;
    default:
      return false;
  }
}

export const ACKNOWLEDGE_FIRST =
  'Acknowledge the brief first: the contractor confirms the one-sheeter before the first draft (R17)';

/** R17: why a subtask can't be completed yet, or null. */
export function subtaskBlockedReason(s: {
  kind: string;
  brief_acknowledged_at: string | null;
}): string | null {
  return s.kind === 'draft' && s.brief_acknowledged_at === null ? ACKNOWLEDGE_FIRST : null;
}

// ── Workflow actions on the parent task (row checks on top of the state machine's roles) ──

export interface TaskFacts {
  status: string;
  strategist_user_id: string;
  contractor_user_id: string | null;
}

type Viewer = { role: Role; userId: string };

const CONTRACTOR_ACTIONS: readonly TaskAction[] = [
  'acknowledge_brief',
  'submit_draft',
  'submit_revision',
];
const STRATEGIST_ACTIONS: readonly TaskAction[] = ['request_revision', 'pass_scrub'];

/**
 * Who may take `action` on THIS task, beyond the role (domain/task-status.ts): contractor work
 * only by the assigned contractor; revisions and the scrub by the task's own strategist (or an
 * admin); closing by the task's strategist or a coordinator/admin. Null when allowed.
 */
export function rowRefusal(actor: Viewer, task: TaskFacts, action: TaskAction): string | null {
  if (CONTRACTOR_ACTIONS.includes(action) && actor.role === 'contractor') {
    return task.contractor_user_id === actor.userId
      ? null
      : 'Only the contractor assigned to this task can do this';
  }
  const ownStrategist = actor.userId === task.strategist_user_id;
  if (STRATEGIST_ACTIONS.includes(action) && actor.role === 'strategist' && !ownStrategist) {
    return "Only this task's strategist (or an admin) can do this";
  }
  if (action === 'close' && actor.role === 'strategist' && !ownStrategist) {
    return "Only this task's strategist, a coordinator or an admin can close it";
  }
  return null;
}

/** What blocks the workflow while a revision round waits for a coordinator (R21). */
export const WAITING_FOR_APPROVAL: readonly TaskAction[] = [
  'request_revision',
  'pass_scrub',
  'submit_revision',
];

/** The actions this person may take on this task right now, in workflow order. */
export function actionsNow(
  actor: Viewer,
  task: TaskFacts,
  opts: { roundPending: boolean },
): TaskAction[] {
  return allowedActions(task.status as TaskStatus, actor.role).filter(
    (a) =>
      a !== 'assign' &&
      rowRefusal(actor, task, a) === null &&
      !(opts.roundPending && WAITING_FOR_APPROVAL.includes(a)),
  );
}
