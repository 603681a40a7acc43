import type { Executor } from '../../db';

/** Requests and their items. Every function filters by the actor's workspace. */

interface Scope {
  workspaceId: string;
}

function selectRequests(db: Executor) {
  return db
    .selectFrom('requests')
    .innerJoin('clients', 'clients.id', 'requests.client_id')
    .leftJoin('user as submitter', 'submitter.id', 'requests.submitted_by')
    .leftJoin('user as overrider', 'overrider.id', 'requests.override_by')
    .leftJoin('contractors as preferred', 'preferred.id', 'requests.preferred_contractor_id')
    .selectAll('requests')
    .select([
      'clients.name as client_name',
      'submitter.name as submitted_by_name',
      'overrider.name as override_by_name',
      'preferred.name as preferred_name',
    ]);
}

export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export async function findRequest(db: Executor, scope: Scope & { id: string }) {
  return selectRequests(db)
    .where('requests.workspace_id', '=', scope.workspaceId)
    .where('requests.id', '=', scope.id)
    .executeTakeFirst();
}

export async function findByIdempotencyKey(
  db: Executor,
  scope: Scope & { submittedBy: string; key: string },
) {
  return db
    .selectFrom('requests')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('submitted_by', '=', scope.submittedBy)
    .where('idempotency_key', '=', scope.key)
    .executeTakeFirst();
}

/** The items of some requests with their deliverable type. */
export async function listRequestItems(db: Executor, scope: Scope & { requestIds: string[] }) {
  if (scope.requestIds.length === 0) return [];
  return db
    .selectFrom('request_items')
    .innerJoin('deliverable_types', 'deliverable_types.id', 'request_items.deliverable_type_id')
    .select([
      'request_items.id',
      'request_items.request_id',
      'request_items.deliverable_type_id',
      'request_items.quantity',
      'deliverable_types.name',
      'deliverable_types.unit',
      'deliverable_types.is_content_calendar',
      'deliverable_types.default_production_days',
      'deliverable_types.archived',
      'deliverable_types.sort',
    ])
    .where('request_items.workspace_id', '=', scope.workspaceId)
    .where('request_items.request_id', 'in', scope.requestIds)
    .orderBy('deliverable_types.sort')
    .orderBy('deliverable_types.name')
    .execute();
}

export type RequestItemRow = Awaited<ReturnType<typeof listRequestItems>>[number];

export interface RequestListFilter {
  status?: string;
  month?: string;
  clientId?: string;
  /** Keyset: (due date, submitted at, id) of the last row of the previous page. */
  after?: { dueDate: string; submittedAt: string; id: string };
  limit: number;
}

/** One page in triage order: due date, then submission time, then id. */
export async function listRequests(db: Executor, scope: Scope, f: RequestListFilter) {
  let q = selectRequests(db).where('requests.workspace_id', '=', scope.workspaceId);
  if (f.status) q = q.where('requests.status', '=', f.status);
  if (f.month) q = q.where('requests.month', '=', f.month);
  if (f.clientId) q = q.where('requests.client_id', '=', f.clientId);
  if (f.after) {
    const { dueDate, submittedAt, id } = f.after;
    q = q.where((eb) =>
      eb.or([
        eb('requests.due_date', '>', dueDate),
        eb.and([
          eb('requests.due_date', '=', dueDate),
          eb.or([
            eb('requests.submitted_at', '>', submittedAt),
            eb.and([eb('requests.submitted_at', '=', submittedAt), eb('requests.id', '>', id)]),
          ]),
        ]),
      ]),
    );
  }
  return q
    .orderBy('requests.due_date')
    .orderBy('requests.submitted_at')
    .orderBy('requests.id')
    .limit(f.limit)
    .execute();
}

/** R12: the client's latest request that was not cancelled, to repeat. */
export async function latestRequestForClient(db: Executor, scope: Scope & { clientId: string }) {
  return selectRequests(db)
    .where('requests.workspace_id', '=', scope.workspaceId)
    .where('requests.client_id', '=', scope.clientId)
    .where('requests.status', '!=', 'cancelled')
    .orderBy('requests.submitted_at', 'desc')
    .orderBy('requests.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function countSubmitted(db: Executor, scope: Scope): Promise<number> {
  const row = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The workspace's deliverable types among `ids` (read-only on the rate card's table). */
export async function findDeliverableTypes(db: Executor, scope: Scope & { ids: string[] }) {
  if (scope.ids.length === 0) return [];
  return db
    .selectFrom('deliverable_types')
    .select([
      'id',
      'name',
      'unit',
      'archived',
      'is_content_calendar',
      'default_production_days',
      'sort',
    ])
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', 'in', scope.ids)
    .execute();
}

/** A member's role in the workspace, or null. */
export async function memberRole(
  db: Executor,
  scope: Scope & { userId: string },
): Promise<string | null> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('workspace_id', '=', scope.workspaceId)
    .where('user_id', '=', scope.userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

export async function insertItems(
  tx: Executor,
  scope: Scope & { requestId: string },
  items: { id: string; deliverableTypeId: string; quantity: number }[],
) {
  await tx
    .insertInto('request_items')
    .values(
      items.map((i) => ({
        id: i.id,
        workspace_id: scope.workspaceId,
        request_id: scope.requestId,
        deliverable_type_id: i.deliverableTypeId,
        quantity: i.quantity,
      })),
    )
    .execute();
}
