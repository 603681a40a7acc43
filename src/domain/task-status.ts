/**
 * The parent-task workflow as one state machine: every allowed transition and who may make it.
 * Route handlers, the UI's buttons and the audit trail all read from here, so the workflow can
 * only change in one place.
 *
 * Only work that passed QA reaches 'ready' (R23); the contractor must acknowledge the brief before
 * the draft starts (R17). Whether this particular contractor or strategist is the one assigned
 * to the task is the caller's check: this module knows roles, not people.
 */

import { type Role, roleRefusal } from './roles';

export const TASK_STATUSES = [
  'requested',
  'scheduled',
  'in_production',
  'internal_review',
  'revision',
  'qa',
  'ready',
  'closed',
  'cancelled',
] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_ACTIONS = [
  'assign',
  'acknowledge_brief',
  'submit_draft',
  'request_revision',
  'submit_revision',
  'pass_scrub',
  'qa_pass',
  'qa_fail',
  'close',
  'cancel',
  'reopen',
] as const;

export type TaskAction = (typeof TASK_ACTIONS)[number];

/** Display label of each status. */
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  requested: 'Requested',
  scheduled: 'Scheduled',
  in_production: 'In production',
  internal_review: 'Internal review',
  revision: 'Revision',
  qa: 'QA',
  ready: 'Client-ready',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

/** Display label of each action, for buttons and the command palette. */
export const TASK_ACTION_LABELS: Record<TaskAction, string> = {
  assign: 'Assign',
  acknowledge_brief: 'Acknowledge brief',
  submit_draft: 'Submit draft',
  request_revision: 'Request revision',
  submit_revision: 'Submit revision',
  pass_scrub: 'Pass scrub',
  qa_pass: 'Pass QA',
  qa_fail: 'Fail QA',
  close: 'Close',
  cancel: 'Cancel',
  reopen: 'Reopen',
};

export type TaskTransitionResult =
  | { ok: true; to: TaskStatus }
  | { ok: false; code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN'; reason: string };

interface TaskRule {
  from: readonly TaskStatus[];
  to: TaskStatus;
  roles: readonly Role[];
  /** Verb phrase for messages: "Can't <phrase> while …". */
  phrase: string;
}

// Wording for "while the task is …" in refusal messages.
const STATUS_PHRASES: Record<TaskStatus, string> = {
  requested: 'still a request',
  scheduled: 'scheduled',
  in_production: 'in production',
  internal_review: 'in internal review',
  revision: 'in revision',
  qa: 'in QA',
  ready: 'client-ready',
  closed: 'closed',
  cancelled: 'cancelled',
};

const OPEN_STATUSES: readonly TaskStatus[] = TASK_STATUSES.filter(
  (s) => s !== 'closed' && s !== 'cancelled',
);

const TASK_RULES: Record<TaskAction, TaskRule> = {
  assign: {
    from: ['requested'],
    to: 'scheduled',
    roles: ['coordinator', 'admin'],
    phrase: 'assign',
  },
  // R17: only the contractor can acknowledge; an admin clicking it would fake the contractor's
  // confirmation that they read the brief.
  acknowledge_brief: {
    from: ['scheduled'],
    to: 'in_production',
    roles: ['contractor'],
    phrase: 'acknowledge the brief',
  },
  submit_draft: {
    from: ['in_production'],
    to: 'internal_review',
    roles: ['contractor'],
    phrase: 'submit a draft',
  },
  request_revision: {
    from: ['internal_review'],
    to: 'revision',
    roles: ['strategist', 'admin'],
    phrase: 'request a revision',
  },
  submit_revision: {
    from: ['revision'],
    to: 'internal_review',
    roles: ['contractor'],
    phrase: 'submit a revision',
  },
  pass_scrub: {
    from: ['internal_review'],
    to: 'qa',
    roles: ['strategist', 'admin'],
    phrase: 'pass the strategist scrub',
  },
  // R23: the only way into 'ready'.
  qa_pass: { from: ['qa'], to: 'ready', roles: ['qa', 'admin'], phrase: 'pass QA' },
  qa_fail: { from: ['qa'], to: 'revision', roles: ['qa', 'admin'], phrase: 'fail QA' },
  close: {
    from: ['ready'],
    to: 'closed',
    roles: ['strategist', 'coordinator', 'admin'],
    phrase: 'close',
  },
  cancel: {
    from: OPEN_STATUSES,
    to: 'cancelled',
    roles: ['coordinator', 'admin'],
    phrase: 'cancel',
  },
  // Reopened work goes back through revision, so it passes scrub and QA again before 'ready'.
  reopen: {
    from: ['closed'],
    to: 'revision',
    roles: ['coordinator', 'admin'],
    phrase: 'reopen',
  },
};

/** The roles that may ever take `action`, whatever the status. */
export function rolesFor(action: TaskAction): readonly Role[] {
  return TASK_RULES[action].roles;
}

/** Workflow: the status `action` by `role` leads to from `from`, or a coded refusal. */
export function taskTransition(
  from: TaskStatus,
  action: TaskAction,
  role: Role,
): TaskTransitionResult {
  const rule = TASK_RULES[action];
  // Role first: telling a contractor "not from this status" would imply they could do it later.
  if (!rule.roles.includes(role)) {
    return { ok: false, code: 'FORBIDDEN', reason: roleRefusal(role, rule.roles, rule.phrase) };
  }
  if (!rule.from.includes(from)) {
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      reason: `Can't ${rule.phrase} while the task is ${STATUS_PHRASES[from]}${expected(rule)}`,
    };
  }
  return { ok: true, to: rule.to };
}

// Names the status the action needs when there is a single one, so the message says what to do.
function expected(rule: TaskRule): string {
  if (rule.from.length !== 1) return '';
  return `; it must be ${STATUS_PHRASES[rule.from[0]]}`;
}

/** The actions `role` may take on a task in status `from`, in workflow order. */
export function allowedActions(from: TaskStatus, role: Role): TaskAction[] {
  return TASK_ACTIONS.filter((a) => taskTransition(from, a, role).ok);
}

/** True while the task is neither closed nor cancelled: it still counts as open work. */
export function isOpenStatus(status: TaskStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
