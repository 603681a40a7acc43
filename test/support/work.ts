import { newId } from '../../src/server/lib/ids';
import { demoClientId } from './clients';
import type { TestApp } from './harness';

/**
 * Requests, tasks and subtasks written straight into the database, for the notification, feed
 * and webhook suites: they test what happens around the work, not how it is assigned.
 */

export async function demoContractor(t: TestApp): Promise<{ id: string; userId: string }> {
  const row = await t.database.db
    .selectFrom('contractors')
    .select(['id', 'user_id'])
    .where('workspace_id', '=', t.demo.workspaceId)
    .where('user_id', '=', t.demo.users.contractor)
    .executeTakeFirstOrThrow();
  return { id: row.id, userId: row.user_id as string };
}

export async function insertRequest(
  t: TestApp,
  r: { submittedAt: string; dueDate?: string; status?: string; client?: string },
): Promise<string> {
  const id = newId();
  await t.database.db
    .insertInto('requests')
    .values({
      id,
      workspace_id: t.demo.workspaceId,
      client_id: demoClientId(t, r.client ?? 'Harbor & Vine Coffee'),
      month: '2026-12',
      due_date: r.dueDate ?? '2026-12-31',
      collateral_ready: 1,
      preferred_contractor_id: null,
      notes: '',
      status: r.status ?? 'submitted',
      lead_days: 30,
      lead_status: 'ok',
      lead_message: '',
      override_reason: null,
      override_by: null,
      override_at: null,
      decline_reason: null,
      idempotency_key: null,
      submitted_by: t.demo.users.strategist,
      submitted_at: r.submittedAt,
      assigned_at: null,
      task_id: null,
      version: 1,
    })
    .execute();
  return id;
}

export interface SubtaskSpec {
  title: string;
  dueDate: string;
  assignee: 'contractor' | 'strategist' | 'qa';
  status?: 'todo' | 'done';
}

/** A parent task for the demo contractor with the given subtasks; returns their ids in order. */
export async function insertTask(
  t: TestApp,
  spec: { subtasks: SubtaskSpec[]; status?: string; client?: string },
): Promise<{ taskId: string; subtaskIds: string[] }> {
  const db = t.database.db;
  const contractor = await demoContractor(t);
  const clientId = demoClientId(t, spec.client ?? 'Harbor & Vine Coffee');
  const requestId = await insertRequest(t, {
    submittedAt: '2026-11-01T10:00:00.000Z',
    status: 'assigned',
    client: spec.client,
  });
  const taskId = newId();
  const at = '2026-11-02T10:00:00.000Z';
  await db
    .insertInto('tasks')
    .values({
      id: taskId,
      workspace_id: t.demo.workspaceId,
      request_id: requestId,
      client_id: clientId,
      contractor_id: contractor.id,
      strategist_user_id: t.demo.users.strategist,
      title: 'Harbor & Vine Coffee · Dec 2026 · 12 × Static graphic',
      status: spec.status ?? 'scheduled',
      due_date: spec.subtasks[spec.subtasks.length - 1]?.dueDate ?? '2026-12-31',
      month: '2026-12',
      brief_acknowledged_at: null,
      brief_version: null,
      included_rounds: 1,
      rounds_used: 0,
      qa_fail_count: 0,
      committed_minor: 10000,
      currency: 'USD',
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  const users = { contractor: contractor.userId, strategist: t.demo.users.strategist, qa: null };
  const subtaskIds = spec.subtasks.map(() => newId());
  await db
    .insertInto('subtasks')
    .values(
      spec.subtasks.map((s, i) => ({
        id: subtaskIds[i],
        workspace_id: t.demo.workspaceId,
        task_id: taskId,
        kind: 'draft',
        title: s.title,
        assignee_role: s.assignee,
        assignee_user_id: users[s.assignee],
        start_date: s.dueDate,
        due_date: s.dueDate,
        status: s.status ?? 'todo',
        completed_at: null,
        completed_by: null,
        sort: i,
      })),
    )
    .execute();
  return { taskId, subtaskIds };
}

/** The notifications rows of one kind, for direct checks. */
export async function notificationsOf(t: TestApp, kind: string) {
  return t.database.db
    .selectFrom('notifications')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('created_at')
    .execute();
}
