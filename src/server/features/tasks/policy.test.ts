import { describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/roles';
import type { TaskAction } from '../../../domain/task-status';
import { actionsNow, rowRefusal } from './policy';

const task = (status: string) => ({
  status,
  strategist_user_id: 'strat-1',
  contractor_user_id: 'lina',
});

describe('rowRefusal: the person, not just the role', () => {
  it.each<[string, Role, string, TaskAction, boolean]>([
    ['the assigned contractor submits', 'contractor', 'lina', 'submit_draft', true],
    ['another contractor does not', 'contractor', 'mateo', 'submit_draft', false],
    [
      'the task’s strategist requests a revision',
      'strategist',
      'strat-1',
      'request_revision',
      true,
    ],
    ['another strategist does not', 'strategist', 'strat-2', 'request_revision', false],
    ['another strategist cannot scrub', 'strategist', 'strat-2', 'pass_scrub', false],
    ['an admin may scrub any task', 'admin', 'boss', 'pass_scrub', true],
    ['another strategist cannot close', 'strategist', 'strat-2', 'close', false],
    ['a coordinator closes any task', 'coordinator', 'ellie', 'close', true],
    ['any QA reviewer passes QA', 'qa', 'priya', 'qa_pass', true],
  ])('%s', (_label, role, userId, action, allowed) => {
    expect(rowRefusal({ role, userId }, task('internal_review'), action) === null).toBe(allowed);
  });
});

describe('actionsNow', () => {
  it.each<[string, Role, string, string, boolean, TaskAction[]]>([
    [
      'strategist in review',
      'strategist',
      'strat-1',
      'internal_review',
      false,
      ['request_revision', 'pass_scrub'],
    ],
    ['strategist in review, round pending', 'strategist', 'strat-1', 'internal_review', true, []],
    ['other strategist in review', 'strategist', 'strat-2', 'internal_review', false, []],
    ['contractor in revision', 'contractor', 'lina', 'revision', false, ['submit_revision']],
    ['contractor in revision, round pending', 'contractor', 'lina', 'revision', true, []],
    ['QA in QA', 'qa', 'priya', 'qa', false, ['qa_pass', 'qa_fail']],
    ['coordinator on a ready task', 'coordinator', 'ellie', 'ready', false, ['close', 'cancel']],
    ['coordinator on a closed task', 'coordinator', 'ellie', 'closed', false, ['reopen']],
    ['finance never acts', 'finance', 'marcus', 'qa', false, []],
  ])('%s', (_label, role, userId, status, pending, actions) => {
    expect(actionsNow({ role, userId }, task(status), { roundPending: pending })).toEqual(actions);
  });
});
