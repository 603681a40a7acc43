import type { FitStatus } from '../../../domain/fit';
import type { Executor } from '../../db';
import { containsInsensitive, type DialectName } from '../../db/dialect';

/** Every function here takes the workspace from the actor: another workspace's row is not found. */
export interface WorkspaceScope {
  workspaceId: string;
}

export interface ClientScope extends WorkspaceScope {
  clientId: string;
}

/** The client columns plus the names the presenter needs. */
function selectClients(db: Executor) {
  return db
    .selectFrom('clients')
    .leftJoin('user as strategist', 'strategist.id', 'clients.strategist_user_id')
    .leftJoin('user as overrider', 'overrider.id', 'clients.fit_override_by')
    .leftJoin('one_sheeters', 'one_sheeters.client_id', 'clients.id')
    .leftJoin('one_sheeter_versions as current', (join) =>
      join
        .onRef('current.client_id', '=', 'clients.id')
        .onRef('current.version', '=', 'one_sheeters.current_version'),
    )
    .selectAll('clients')
    .select([
      'strategist.name as strategist_name',
      'overrider.name as override_by_name',
      'one_sheeters.current_version as one_sheeter_version',
      'current.content_json as one_sheeter_json',
    ]);
}

export type ClientRow = Awaited<ReturnType<typeof findClient>> & {};

export async function findClient(db: Executor, scope: ClientScope) {
  return selectClients(db)
    .where('clients.workspace_id', '=', scope.workspaceId)
    .where('clients.id', '=', scope.clientId)
    .executeTakeFirst();
}

export interface ClientFilters {
  q?: string;
  fit?: FitStatus;
  strategist?: string;
  archived: 'true' | 'false' | 'all';
  after?: { nameKey: string; id: string };
  limit: number;
}

/** One page of clients sorted by name, then id (the keyset). */
export async function listClients(
  db: Executor,
  dialect: DialectName,
  scope: WorkspaceScope,
  f: ClientFilters,
) {
  let query = selectClients(db).where('clients.workspace_id', '=', scope.workspaceId);
  if (f.archived !== 'all')
    query = query.where('clients.archived', '=', f.archived === 'true' ? 1 : 0);
  if (f.fit) query = query.where('clients.fit_status', '=', f.fit);
  if (f.strategist === 'none') query = query.where('clients.strategist_user_id', 'is', null);
  else if (f.strategist) query = query.where('clients.strategist_user_id', '=', f.strategist);
  if (f.q) {
    const needle = f.q;
    query = query.where((eb) => containsInsensitive(dialect, eb.ref('clients.name'), needle));
  }
  if (f.after) {
    const { nameKey, id } = f.after;
    query = query.where((eb) =>
      eb.or([
        eb('clients.name_key', '>', nameKey),
        eb.and([eb('clients.name_key', '=', nameKey), eb('clients.id', '>', id)]),
      ]),
    );
  }
  return query.orderBy('clients.name_key').orderBy('clients.id').limit(f.limit).execute();
}

/** Clients by lower-cased name, for duplicate checks and CSV import. */
export async function findClientsByNameKeys(db: Executor, scope: WorkspaceScope, keys: string[]) {
  if (keys.length === 0) return [];
  return db
    .selectFrom('clients')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('name_key', 'in', keys)
    .execute();
}

/** Members who may own clients as strategist (strategists and admins), by user id or e-mail. */
export async function findStrategistMembers(
  db: Executor,
  scope: WorkspaceScope & { userIds?: string[]; emails?: string[] },
) {
  let query = db
    .selectFrom('memberships')
    .innerJoin('user', 'user.id', 'memberships.user_id')
    .select(['user.id', 'user.name', 'user.email', 'memberships.role'])
    .where('memberships.workspace_id', '=', scope.workspaceId)
    .where('memberships.role', 'in', ['strategist', 'admin']);
  if (scope.userIds) {
    if (scope.userIds.length === 0) return [];
    query = query.where('user.id', 'in', scope.userIds);
  }
  if (scope.emails) {
    if (scope.emails.length === 0) return [];
    query = query.where('user.email', 'in', scope.emails);
  }
  return query.limit(1000).execute();
}

/** Every client for the CSV export, by name; bounded (an agency has hundreds, not millions). */
export async function listClientsForExport(db: Executor, scope: WorkspaceScope, limit: number) {
  return db
    .selectFrom('clients')
    .leftJoin('user', 'user.id', 'clients.strategist_user_id')
    .select([
      'clients.name',
      'clients.company_category',
      'clients.department_tier',
      'clients.typical_revision_rounds',
      'clients.collateral_ready',
      'clients.notes',
      'clients.archived',
      'user.email as strategist_email',
    ])
    .where('clients.workspace_id', '=', scope.workspaceId)
    .orderBy('clients.name_key')
    .orderBy('clients.id')
    .limit(limit)
    .execute();
}
