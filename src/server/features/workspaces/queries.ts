import type { Executor } from '../../db';

/** Workspace row with its holidays; the workspace id always comes from the actor. */
export async function findWorkspace(db: Executor, workspaceId: string) {
  const ws = await db
    .selectFrom('workspaces')
    .selectAll()
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  if (!ws) return null;
  const holidays = await db
    .selectFrom('holidays')
    .select(['date', 'name'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('date')
    .execute();
  return { ...ws, holidays };
}

export async function listMemberships(db: Executor, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select(['workspaces.id', 'workspaces.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.created_at')
    .execute();
}

export async function listMembers(db: Executor, scope: { workspaceId: string }) {
  return db
    .selectFrom('memberships')
    .innerJoin('user', 'user.id', 'memberships.user_id')
    .select([
      'memberships.id',
      'memberships.user_id',
      'memberships.role',
      'memberships.created_at',
      'user.name',
      'user.email',
    ])
    .where('memberships.workspace_id', '=', scope.workspaceId)
    .orderBy('user.name')
    .limit(1000)
    .execute();
}

export async function findMember(db: Executor, scope: { workspaceId: string; id: string }) {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', scope.id)
    .executeTakeFirst();
}

export async function countAdmins(db: Executor, scope: { workspaceId: string }): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserByEmail(db: Executor, email: string) {
  return db
    .selectFrom('user')
    .select(['id', 'name', 'email'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
