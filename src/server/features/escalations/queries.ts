import type { Executor } from '../../db';
import type { Keyset } from './cursor';

/** How much of the workspace's escalations a query may return (R24): all, or one's own. */
export type EscalationScope =
  | { kind: 'all'; workspaceId: string }
  | { kind: 'opener'; workspaceId: string; userId: string };

export interface EscalationFilter {
  status?: 'open' | 'acknowledged' | 'resolved' | 'unresolved';
  contractorId?: string;
  taskId?: string;
  limit: number;
  /** Keyset: (opened_at, id) of the last row of the previous page, newest first. */
  before: Keyset | null;
}

function baseQuery(db: Executor, scope: EscalationScope) {
  let q = db
    .selectFrom('escalations as e')
    .leftJoin('tasks', (j) =>
      j.onRef('tasks.id', '=', 'e.task_id').onRef('tasks.workspace_id', '=', 'e.workspace_id'),
    )
    .leftJoin('contractors', (j) =>
      j
        .onRef('contractors.id', '=', 'e.contractor_id')
        .onRef('contractors.workspace_id', '=', 'e.workspace_id'),
    )
    .leftJoin('user as opener', 'opener.id', 'e.opened_by')
    .leftJoin('user as ack', 'ack.id', 'e.acknowledged_by')
    .leftJoin('user as res', 'res.id', 'e.resolved_by')
    .select([
      'e.id',
      'e.workspace_id',
      'e.task_id',
      'e.contractor_id',
      'e.category',
      'e.severity',
      'e.description',
      'e.status',
      'e.opened_by',
      'e.opened_at',
      'e.acknowledged_by',
      'e.acknowledged_at',
      'e.resolved_by',
      'e.resolved_at',
      'e.resolution_notes',
      'e.version',
      'tasks.title as task_title',
      'tasks.client_id as task_client_id',
      'contractors.name as contractor_name',
      'opener.name as opener_name',
      'ack.name as ack_name',
      'res.name as res_name',
    ])
    .where('e.workspace_id', '=', scope.workspaceId);
  if (scope.kind === 'opener') q = q.where('e.opened_by', '=', scope.userId);
  return q;
}

export type EscalationRow = NonNullable<Awaited<ReturnType<typeof findEscalation>>>;

export async function findEscalation(db: Executor, scope: EscalationScope, id: string) {
  return baseQuery(db, scope).where('e.id', '=', id).executeTakeFirst();
}

/** One page of escalations, newest first, filtered in SQL. */
export async function listEscalations(db: Executor, scope: EscalationScope, f: EscalationFilter) {
  let q = baseQuery(db, scope);
  if (f.status === 'unresolved') q = q.where('e.status', 'in', ['open', 'acknowledged']);
  else if (f.status) q = q.where('e.status', '=', f.status);
  if (f.contractorId) q = q.where('e.contractor_id', '=', f.contractorId);
  if (f.taskId) q = q.where('e.task_id', '=', f.taskId);
  if (f.before) {
    const { at: openedAt, id } = f.before;
    q = q.where((eb) =>
      eb.or([
        eb('e.opened_at', '<', openedAt),
        eb.and([eb('e.opened_at', '=', openedAt), eb('e.id', '<', id)]),
      ]),
    );
  }
  return q
    .orderBy('e.opened_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** A task of the workspace with its contractor, to know whom an escalation is about. */
export async function findTaskRef(db: Executor, scope: { workspaceId: string; id: string }) {
  return db
    .selectFrom('tasks')
    .select(['id', 'contractor_id', 'client_id', 'title'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', scope.id)
    .executeTakeFirst();
}

/** The members with a role, with names (for the process owner). */
export async function membersWithRoles(
  db: Executor,
  scope: { workspaceId: string; roles: readonly string[]; userId?: string },
) {
  let q = db
    .selectFrom('memberships')
    .innerJoin('user', 'user.id', 'memberships.user_id')
    .select(['user.id', 'user.name', 'memberships.role'])
    .where('memberships.workspace_id', '=', scope.workspaceId)
    .where('memberships.role', 'in', [...scope.roles]);
  if (scope.userId) q = q.where('user.id', '=', scope.userId);
  return q.orderBy('user.name').execute();
}

export async function findMemberRole(db: Executor, scope: { workspaceId: string; userId: string }) {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('workspace_id', '=', scope.workspaceId)
    .where('user_id', '=', scope.userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

export async function processOwnerId(db: Executor, workspaceId: string): Promise<string | null> {
  const row = await db
    .selectFrom('workspaces')
    .select('process_owner_user_id')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return row?.process_owner_user_id ?? null;
}
