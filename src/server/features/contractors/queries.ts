import type { Selectable } from 'kysely';
import type { Executor } from '../../db';
import { containsInsensitive, type DialectName } from '../../db/dialect';
import type { ContractorsTable } from '../../db/tables/contractors';

export type ContractorRow = Selectable<ContractorsTable>;

export async function findContractor(db: Executor, scope: { workspaceId: string; id: string }) {
  return db
    .selectFrom('contractors')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', scope.id)
    .executeTakeFirst();
}

export async function findContractorByUser(
  db: Executor,
  scope: { workspaceId: string; userId: string },
) {
  return db
    .selectFrom('contractors')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('user_id', '=', scope.userId)
    .executeTakeFirst();
}

export async function findContractorByEmail(
  db: Executor,
  scope: { workspaceId: string; email: string },
) {
  return db
    .selectFrom('contractors')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('email', '=', scope.email.toLowerCase())
    .executeTakeFirst();
}

export interface ContractorListFilter {
  workspaceId: string;
  dialect: DialectName;
  statuses: readonly string[];
  skill?: string;
  q?: string;
  limit: number;
  /** Keyset: the (name, id) of the last row of the previous page. */
  after: { name: string; id: string } | null;
}

/** One page of contractors sorted by name, filtered in SQL. */
export async function listContractors(db: Executor, f: ContractorListFilter) {
  let q = db.selectFrom('contractors').selectAll().where('workspace_id', '=', f.workspaceId);
  if (f.statuses.length > 0) q = q.where('status', 'in', [...f.statuses]);
  // skills_json is a JSON array of ids; the quoted id cannot match part of another id.
  const skill = f.skill;
  if (skill) {
    q = q.where((eb) => containsInsensitive(f.dialect, eb.ref('skills_json'), `"${skill}"`));
  }
  if (f.q) {
    const needle = f.q;
    q = q.where((eb) =>
      eb.or([
        containsInsensitive(f.dialect, eb.ref('name'), needle),
        containsInsensitive(f.dialect, eb.ref('email'), needle),
      ]),
    );
  }
  if (f.after) {
    const { name, id } = f.after;
    q = q.where((eb) =>
      eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]),
    );
  }
  return q
    .orderBy('name')
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
}

export async function listContractorsByIds(
  db: Executor,
  scope: { workspaceId: string; ids: readonly string[] },
) {
  if (scope.ids.length === 0) return [];
  return db
    .selectFrom('contractors')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', 'in', [...scope.ids])
    .execute();
}

/** Every contractor of a workspace (export, import matching); bounded. */
export async function listAllContractors(db: Executor, scope: { workspaceId: string }) {
  return db
    .selectFrom('contractors')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .orderBy('name')
    .orderBy('id')
    .limit(10_000)
    .execute();
}

export async function findMemberRole(
  db: Executor,
  scope: { workspaceId: string; userId: string },
): Promise<string | null> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('workspace_id', '=', scope.workspaceId)
    .where('user_id', '=', scope.userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

export async function listInterviewNotes(
  db: Executor,
  scope: { workspaceId: string; contractorId: string },
) {
  return db
    .selectFrom('contractor_interview_notes')
    .leftJoin('user', 'user.id', 'contractor_interview_notes.author_user_id')
    .selectAll('contractor_interview_notes')
    .select('user.name as author_name')
    .where('contractor_interview_notes.workspace_id', '=', scope.workspaceId)
    .where('contractor_interview_notes.contractor_id', '=', scope.contractorId)
    .orderBy('contractor_interview_notes.created_at', 'desc')
    .limit(500)
    .execute();
}

export async function listReferences(
  db: Executor,
  scope: { workspaceId: string; contractorId: string },
) {
  return db
    .selectFrom('contractor_references')
    .leftJoin('user', 'user.id', 'contractor_references.created_by')
    .selectAll('contractor_references')
    .select('user.name as created_by_name')
    .where('contractor_references.workspace_id', '=', scope.workspaceId)
    .where('contractor_references.contractor_id', '=', scope.contractorId)
    .orderBy('contractor_references.created_at', 'desc')
    .limit(500)
    .execute();
}

/** The deliverable type ids of a workspace among `ids` (to validate skills). */
export async function existingTypeIds(
  db: Executor,
  scope: { workspaceId: string; ids: readonly string[] },
): Promise<Set<string>> {
  if (scope.ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('deliverable_types')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', 'in', [...scope.ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}
