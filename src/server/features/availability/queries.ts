import type { IsoDate } from '../../../domain/calendar';
import { SCHEDULABLE_STATUSES } from '../../../domain/vetting';
import type { Executor } from '../../db';

export async function listUnavailability(
  db: Executor,
  scope: { workspaceId: string; contractorId: string; from?: IsoDate; to?: IsoDate },
) {
  let q = db
    .selectFrom('unavailability')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('contractor_id', '=', scope.contractorId);
  // Overlap with [from, to]: starts on or before `to` and ends on or after `from`.
  if (scope.from) q = q.where('end_date', '>=', scope.from);
  if (scope.to) q = q.where('start_date', '<=', scope.to);
  return q.orderBy('start_date').orderBy('id').limit(1000).execute();
}

export type UnavailabilityRow = Awaited<ReturnType<typeof listUnavailability>>[number];

export async function findUnavailability(db: Executor, scope: { workspaceId: string; id: string }) {
  return db
    .selectFrom('unavailability')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', scope.id)
    .executeTakeFirst();
}

/**
 * The team calendar in one query: every schedulable contractor, each joined with the ranges that
 * overlap the window (none → one row with null range columns).
 */
export async function teamAvailabilityRows(
  db: Executor,
  scope: { workspaceId: string; from: IsoDate; to: IsoDate },
) {
  return db
    .selectFrom('contractors')
    .leftJoin('unavailability', (join) =>
      join
        .onRef('unavailability.contractor_id', '=', 'contractors.id')
        .onRef('unavailability.workspace_id', '=', 'contractors.workspace_id')
        .on('unavailability.start_date', '<=', scope.to)
        .on('unavailability.end_date', '>=', scope.from),
    )
    .select([
      'contractors.id as contractor_id',
      'contractors.name',
      'contractors.status',
      'contractors.time_zone',
      'unavailability.id as range_id',
      'unavailability.start_date',
      'unavailability.end_date',
      'unavailability.kind',
      'unavailability.note',
    ])
    .where('contractors.workspace_id', '=', scope.workspaceId)
    .where('contractors.status', 'in', [...SCHEDULABLE_STATUSES])
    .orderBy('contractors.name')
    .orderBy('contractors.id')
    .orderBy('unavailability.start_date')
    .limit(20_000)
    .execute();
}

/** R8: a contractor's unavailable ranges overlapping [from, to], in date order (for the planner). */
export async function unavailableRanges(
  db: Executor,
  scope: { workspaceId: string; contractorId: string; from: IsoDate; to: IsoDate },
): Promise<{ start: IsoDate; end: IsoDate }[]> {
  const rows = await listUnavailability(db, scope);
  return rows.map((r) => ({ start: r.start_date, end: r.end_date }));
}

export async function findActiveFeedToken(db: Executor, tokenHash: string) {
  return db
    .selectFrom('feed_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}
