import type { Role } from '../../../domain/roles';

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
