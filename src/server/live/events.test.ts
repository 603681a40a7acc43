import { describe, expect, it } from 'vitest';
import type { Role } from '../../contracts/roles';
import { browserPayload, changeEventFor, type LiveEvent, mayHear, needsTaskOwner } from './events';
import { parseEvent } from './pg-listener';

const WS = 'ws-1';

describe('changeEventFor: which hint an audited change sends', () => {
  it.each([
    // entity, id, taskId → type, id, taskId
    ['task', 't1', null, 'task.changed', 't1', 't1'],
    ['subtask', 's1', 't1', 'task.changed', 't1', 't1'],
    ['comment', 'c1', 't1', 'task.changed', 't1', 't1'],
    ['time_log', 'l1', 't1', 'task.changed', 't1', 't1'],
    ['request', 'r1', null, 'request.changed', 'r1', undefined],
    ['request', 'r1', 't1', 'request.changed', 'r1', 't1'],
    ['client', 'k1', null, 'client.changed', 'k1', undefined],
    ['one_sheeter', 'k1', null, 'client.changed', 'k1', undefined],
    ['client_contractor_pairing', 'k1:p1', null, 'contractor.changed', 'p1', undefined],
    ['rate', 'x1', null, 'rates.changed', 'x1', undefined],
    ['membership', 'm1', null, 'workspace.changed', 'm1', undefined],
  ] as const)('%s %s (task %s) → %s', (entityType, entityId, taskId, type, id, eventTaskId) => {
    expect(changeEventFor(WS, { entityType, entityId, taskId })).toEqual({
      type,
      id,
      workspaceId: WS,
      ...(eventTaskId ? { taskId: eventTaskId } : {}),
    });
  });

  it.each(['api_token', 'webhook', 'feed_token', 'notification_preferences', 'budget'])(
    '%s without a task sends nothing (nobody else watches it)',
    (entityType) => {
      expect(changeEventFor(WS, { entityType, entityId: 'x' })).toBeNull();
    },
  );
});

const task = (taskId: string, workspaceId = WS): LiveEvent => ({
  type: 'task.changed',
  id: taskId,
  taskId,
  workspaceId,
});
const note = (userId: string): LiveEvent => ({
  type: 'notification.created',
  id: 'n',
  workspaceId: WS,
  userId,
});
const client: LiveEvent = { type: 'client.changed', id: 'k1', workspaceId: WS };
const request: LiveEvent = { type: 'request.changed', id: 'r1', taskId: 't1', workspaceId: WS };

describe('mayHear: R5 for live hints', () => {
  it.each([
    // role, user, event, task owner → heard?
    ['contractor', 'u-lina', task('t1'), 'u-lina', true],
    ['contractor', 'u-lina', task('t2'), 'u-other', false],
    ['contractor', 'u-lina', task('t3'), null, false],
    ['contractor', 'u-lina', task('t1', 'ws-2'), 'u-lina', false],
    ['contractor', 'u-lina', client, null, false],
    ['contractor', 'u-lina', request, 'u-lina', false],
    ['contractor', 'u-lina', note('u-lina'), null, true],
    ['contractor', 'u-lina', note('u-ellie'), null, false],
    ['coordinator', 'u-ellie', task('t2'), 'u-other', true],
    ['strategist', 'u-jon', client, null, true],
    ['finance', 'u-marc', request, null, true],
    ['admin', 'u-kas', task('t1', 'ws-2'), null, false],
    ['admin', 'u-kas', note('u-ellie'), null, false],
    ['coordinator', 'u-ellie', note('u-ellie'), null, true],
  ] as const)('%s %s hears %o (owner %s): %s', (role, userId, event, owner, heard) => {
    expect(mayHear({ role: role as Role, userId, workspaceId: WS }, event, owner)).toBe(heard);
  });

  it('looks up the task owner only for a contractor hearing a task of his workspace', () => {
    const lina = { role: 'contractor' as Role, userId: 'u-lina', workspaceId: WS };
    expect(needsTaskOwner(lina, task('t1'))).toBe(true);
    expect(needsTaskOwner(lina, task('t1', 'ws-2'))).toBe(false);
    expect(needsTaskOwner(lina, client)).toBe(false);
    expect(needsTaskOwner({ ...lina, role: 'coordinator' }, task('t1'))).toBe(false);
  });
});

describe('what crosses the wire', () => {
  it('the browser never sees whom a notification is for', () => {
    expect(browserPayload(note('u-lina'))).toEqual({
      type: 'notification.created',
      id: 'n',
      workspaceId: WS,
    });
  });

  it.each([
    ['not json', null],
    ['{"type":"drop.tables","id":"x","workspaceId":"w","seq":"1"}', null],
    ['{"type":"task.changed","id":"x","workspaceId":"w"}', null],
    [
      '{"type":"task.changed","id":"x","taskId":"x","workspaceId":"w","seq":"1"}',
      { type: 'task.changed', id: 'x', taskId: 'x', workspaceId: 'w', seq: '1' },
    ],
  ])('parseEvent(%s)', (payload, expected) => {
    expect(parseEvent(payload)).toEqual(expected);
  });
});
