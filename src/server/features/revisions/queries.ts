import { sql } from 'kysely';
import type { Executor } from '../../db';
import type { TaskScope } from '../tasks';

/**
 * Revision requests, items and rounds. The scope decides the columns: for a contractor the raw
 * client feedback and the override reason are not even selected (R5, R19).
 */

export async function listRequests(db: Executor, scope: TaskScope, taskId: string) {
  const base = db
    .selectFrom('revision_requests')
    .leftJoin('user as author', 'author.id', 'revision_requests.created_by')
    .select([
      'revision_requests.id',
      'revision_requests.status',
      'revision_requests.strategist_tweak',
      'revision_requests.counts',
      'revision_requests.round_number',
      'revision_requests.deliverable_version',
      'revision_requests.affected_due_date',
      'revision_requests.notice_business_days',
      'revision_requests.late',
      'revision_requests.moved_due_date_to',
      'revision_requests.created_by',
      'revision_requests.created_at',
      'author.name as author_name',
    ])
    .where('revision_requests.workspace_id', '=', scope.workspaceId)
    .where('revision_requests.task_id', '=', taskId);
  const q =
    scope.kind === 'contractor'
      ? base
          .select(sql<string | null>`null`.as('override_reason'))
          // Only the rounds the contractor is asked to work on: no tweaks, nothing pending.
          .where('revision_requests.status', '=', 'active')
      : base.select('revision_requests.override_reason');
  return q.orderBy('revision_requests.created_at', 'desc').limit(100).execute();
}

export type RequestRow = Awaited<ReturnType<typeof listRequests>>[number];

export async function itemsOf(db: Executor, scope: TaskScope, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  const base = db
    .selectFrom('revision_items')
    .select([
      'revision_items.id',
      'revision_items.request_id',
      'revision_items.what',
      'revision_items.why',
      'revision_items.scrubbed_text',
    ])
    .where('revision_items.workspace_id', '=', scope.workspaceId)
    .where('revision_items.request_id', 'in', requestIds);
  const q =
    scope.kind === 'contractor'
      ? base.select(sql<string | null>`null`.as('client_feedback_raw'))
      : base.select('revision_items.client_feedback_raw');
  return q.orderBy('revision_items.request_id').orderBy('revision_items.sort').execute();
}

export type ItemRow = Awaited<ReturnType<typeof itemsOf>>[number];

function selectRounds(db: Executor, scope: TaskScope) {
  return db
    .selectFrom('revision_rounds')
    .leftJoin('user as decider', 'decider.id', 'revision_rounds.decided_by')
    .selectAll('revision_rounds')
    .select('decider.name as decider_name')
    .where('revision_rounds.workspace_id', '=', scope.workspaceId);
}

export async function listRounds(db: Executor, scope: TaskScope, taskId: string) {
  return selectRounds(db, scope)
    .where('revision_rounds.task_id', '=', taskId)
    .orderBy('revision_rounds.created_at', 'desc')
    .limit(100)
    .execute();
}

export type RoundRow = Awaited<ReturnType<typeof listRounds>>[number];

/** One round of the workspace (staff only decide rounds, so no contractor scope is needed). */
export async function findRound(db: Executor, scope: TaskScope, id: string) {
  return selectRounds(db, scope).where('revision_rounds.id', '=', id).executeTakeFirst();
}

export async function findRequest(db: Executor, scope: TaskScope, id: string) {
  return db
    .selectFrom('revision_requests')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}
