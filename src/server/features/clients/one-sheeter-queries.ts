import type { Executor } from '../../db';
import type { ClientScope } from './queries';

/** The one-sheeter head of a client (null when none was ever saved). */
export async function findOneSheeter(db: Executor, scope: ClientScope) {
  return db
    .selectFrom('one_sheeters')
    .leftJoin('user', 'user.id', 'one_sheeters.updated_by')
    .selectAll('one_sheeters')
    .select('user.name as updated_by_name')
    .where('one_sheeters.workspace_id', '=', scope.workspaceId)
    .where('one_sheeters.client_id', '=', scope.clientId)
    .executeTakeFirst();
}

export async function findOneSheeterVersion(
  db: Executor,
  scope: ClientScope & { version: number },
) {
  return db
    .selectFrom('one_sheeter_versions')
    .leftJoin('user', 'user.id', 'one_sheeter_versions.author_user_id')
    .selectAll('one_sheeter_versions')
    .select('user.name as author_name')
    .where('one_sheeter_versions.workspace_id', '=', scope.workspaceId)
    .where('one_sheeter_versions.client_id', '=', scope.clientId)
    .where('one_sheeter_versions.version', '=', scope.version)
    .executeTakeFirst();
}

/** Versions newest first, keyset-paginated by version number. */
export async function listOneSheeterVersions(
  db: Executor,
  scope: ClientScope & { before?: number; limit: number },
) {
  let query = db
    .selectFrom('one_sheeter_versions')
    .leftJoin('user', 'user.id', 'one_sheeter_versions.author_user_id')
    .selectAll('one_sheeter_versions')
    .select('user.name as author_name')
    .where('one_sheeter_versions.workspace_id', '=', scope.workspaceId)
    .where('one_sheeter_versions.client_id', '=', scope.clientId);
  if (scope.before) query = query.where('one_sheeter_versions.version', '<', scope.before);
  return query.orderBy('one_sheeter_versions.version', 'desc').limit(scope.limit).execute();
}

/**
 * R5: whether a contractor (by user id) is paired with a client in this workspace. Pairings are
 * kept by the contractors feature (client_contractor_pairings, created on first assignment).
 */
export async function isContractorPairedWithClient(
  db: Executor,
  scope: ClientScope & { userId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('client_contractor_pairings as p')
    .innerJoin('contractors as c', 'c.id', 'p.contractor_id')
    .select('p.client_id')
    .where('p.workspace_id', '=', scope.workspaceId)
    .where('p.client_id', '=', scope.clientId)
    .where('c.workspace_id', '=', scope.workspaceId)
    .where('c.user_id', '=', scope.userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
