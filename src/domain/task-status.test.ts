import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './roles';
import {
  allowedActions,
  isOpenStatus,
  TASK_ACTIONS,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type TaskAction,
  type TaskStatus,
  taskTransition,
} from './task-status';

// Hand-written list of every allowed (from, action, role) and where it leads. The generated table
// below checks all 9 × 11 × 6 combinations against it.
const ALLOWED: [TaskStatus, TaskAction, Role, TaskStatus][] = [
  ['requested', 'assign', 'coordinator', 'scheduled'],
  ['requested', 'assign', 'admin', 'scheduled'],
  ['scheduled', 'acknowledge_brief', 'contractor', 'in_production'],
  ['in_production', 'submit_draft', 'contractor', 'internal_review'],
  ['internal_review', 'request_revision', 'strategist', 'revision'],
  ['internal_review', 'request_revision', 'admin', 'revision'],
  ['revision', 'submit_revision', 'contractor', 'internal_review'],
  ['internal_review', 'pass_scrub', 'strategist', 'qa'],
  ['internal_review', 'pass_scrub', 'admin', 'qa'],
  ['qa', 'qa_pass', 'qa', 'ready'],
  ['qa', 'qa_pass', 'admin', 'ready'],
  ['qa', 'qa_fail', 'qa', 'revision'],
  ['qa', 'qa_fail', 'admin', 'revision'],
  ['ready', 'close', 'strategist', 'closed'],
  ['ready', 'close', 'coordinator', 'closed'],
  ['ready', 'close', 'admin', 'closed'],
  ['closed', 'reopen', 'coordinator', 'revision'],
  ['closed', 'reopen', 'admin', 'revision'],
  ...(
    [
      'requested',
      'scheduled',
      'in_production',
      'internal_review',
      'revision',
      'qa',
      'ready',
    ] as const
  ).flatMap((s): [TaskStatus, TaskAction, Role, TaskStatus][] => [
    [s, 'cancel', 'coordinator', 'cancelled'],
    [s, 'cancel', 'admin', 'cancelled'],
  ]),
];

const table = TASK_STATUSES.flatMap((from) =>
  TASK_ACTIONS.flatMap((action) =>
    ROLES.map((role) => {
      const hit = ALLOWED.find(([f, a, r]) => f === from && a === action && r === role);
      const mayEver = ALLOWED.some(([, a, r]) => a === action && r === role);
      const expected = hit ? hit[3] : mayEver ? 'ILLEGAL_TRANSITION' : 'FORBIDDEN';
      return { from, action, role, expected };
    }),
  ),
);

describe('taskTransition: every status × action × role', () => {
  it('R23 the generated table covers all 594 combinations', () => {
    expect(table).toHaveLength(9 * 11 * 6);
  });

  it.each(table)('R23 workflow: $from + $action by $role → $expected', (c) => {
    const r = taskTransition(c.from, c.action, c.role);
    if (r.ok) expect(r.to).toBe(c.expected);
    else expect(r.code).toBe(c.expected);
  });
});

describe('taskTransition: hand-picked cases', () => {
  it.each<[string, TaskStatus, TaskAction, Role, string]>([
    [
      'R23 a cancelled task cannot be cancelled again',
      'cancelled',
      'cancel',
      'admin',
      'ILLEGAL_TRANSITION',
    ],
    [
      'R23 a closed task cannot be cancelled',
      'closed',
      'cancel',
      'coordinator',
      'ILLEGAL_TRANSITION',
    ],
    [
      'R23 a cancelled task cannot be reopened',
      'cancelled',
      'reopen',
      'admin',
      'ILLEGAL_TRANSITION',
    ],
    [
      'R23 scrubbed work cannot skip QA to client-ready',
      'internal_review',
      'qa_pass',
      'qa',
      'ILLEGAL_TRANSITION',
    ],
    ['R23 a strategist cannot pass QA', 'qa', 'qa_pass', 'strategist', 'FORBIDDEN'],
    [
      'R17 an admin cannot acknowledge the brief for the contractor',
      'scheduled',
      'acknowledge_brief',
      'admin',
      'FORBIDDEN',
    ],
    [
      'R17 a draft cannot be submitted before the brief is acknowledged',
      'scheduled',
      'submit_draft',
      'contractor',
      'ILLEGAL_TRANSITION',
    ],
    [
      'R21 a contractor cannot request their own revision',
      'internal_review',
      'request_revision',
      'contractor',
      'FORBIDDEN',
    ],
    ['R13 finance cannot assign work', 'requested', 'assign', 'finance', 'FORBIDDEN'],
    ['R23 QA pass makes the work client-ready', 'qa', 'qa_pass', 'qa', 'ready'],
    ['R23 QA fail sends the work back to revision', 'qa', 'qa_fail', 'admin', 'revision'],
    [
      'R23 reopening closed work sends it to revision, not to ready',
      'closed',
      'reopen',
      'coordinator',
      'revision',
    ],
    ['R13 a coordinator assigns a request', 'requested', 'assign', 'coordinator', 'scheduled'],
  ])('%s', (_title, from, action, role, expected) => {
    const r = taskTransition(from, action, role);
    expect(r.ok ? r.to : r.code).toBe(expected);
  });

  it.each<[string, TaskStatus, TaskAction, Role, string]>([
    [
      'R23 QA cannot pass work that is in revision',
      'revision',
      'qa_pass',
      'qa',
      "Can't pass QA while the task is in revision; it must be in QA",
    ],
    [
      'R23 a contractor is told who may pass QA',
      'qa',
      'qa_pass',
      'contractor',
      "A contractor can't pass QA: only QA reviewers or admins can",
    ],
    [
      'R23 a closed task cannot be cancelled, and says why',
      'closed',
      'cancel',
      'admin',
      "Can't cancel while the task is closed",
    ],
    [
      'R17 a brief cannot be acknowledged before assignment',
      'requested',
      'acknowledge_brief',
      'contractor',
      "Can't acknowledge the brief while the task is still a request; it must be scheduled",
    ],
  ])('%s', (_title, from, action, role, reason) => {
    expect(taskTransition(from, action, role)).toEqual({
      ok: false,
      code: expect.any(String),
      reason,
    });
  });

  it('R23 ready is reached only through qa_pass', () => {
    const intoReady = ALLOWED.filter(([, , , to]) => to === 'ready').map(([, a]) => a);
    expect(new Set(intoReady)).toEqual(new Set(['qa_pass']));
    for (const from of TASK_STATUSES) {
      for (const action of TASK_ACTIONS) {
        for (const role of ROLES) {
          const r = taskTransition(from, action, role);
          if (r.ok && r.to === 'ready') expect([from, action]).toEqual(['qa', 'qa_pass']);
        }
      }
    }
  });
});

describe('allowedActions', () => {
  it.each<[string, TaskStatus, Role, TaskAction[]]>([
    ['R23 nothing can be done to a cancelled task', 'cancelled', 'admin', []],
    ['R23 finance has no workflow actions', 'qa', 'finance', []],
    ['R23 a coordinator can only reopen a closed task', 'closed', 'coordinator', ['reopen']],
    [
      'R17 a contractor on a scheduled task can only acknowledge the brief',
      'scheduled',
      'contractor',
      ['acknowledge_brief'],
    ],
    [
      'R23 a strategist in internal review can revise or pass the scrub',
      'internal_review',
      'strategist',
      ['request_revision', 'pass_scrub'],
    ],
    [
      'R23 an admin in QA can pass, fail or cancel',
      'qa',
      'admin',
      ['qa_pass', 'qa_fail', 'cancel'],
    ],
  ])('%s', (_title, from, role, actions) => {
    expect(allowedActions(from, role)).toEqual(actions);
  });
});

describe('labels and open statuses', () => {
  it('R23 the ready status is labelled Client-ready and every status has a label', () => {
    expect(TASK_STATUS_LABELS.ready).toBe('Client-ready');
    expect(Object.keys(TASK_STATUS_LABELS).sort()).toEqual([...TASK_STATUSES].sort());
  });

  it.each<[TaskStatus, boolean]>([
    ['cancelled', false],
    ['closed', false],
    ['requested', true],
    ['ready', true],
  ])('R32 %s counts as open work: %s', (status, open) => {
    expect(isOpenStatus(status)).toBe(open);
  });
});
