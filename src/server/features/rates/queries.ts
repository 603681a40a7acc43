import { calendarDayIn, type IsoDate } from '../../../domain/calendar';
import type { Executor } from '../../db';

// Rate history grows by a few rows a month per workspace; this bound only guards against abuse.
const MAX_RATE_ROWS = 20_000;

export async function listDeliverableTypes(
  db: Executor,
  scope: { workspaceId: string; includeArchived?: boolean },
) {
  let q = db
    .selectFrom('deliverable_types')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId);
  if (!scope.includeArchived) q = q.where('archived', '=', 0);
  return q.orderBy('sort').orderBy('name').limit(500).execute();
}

export type DeliverableTypeRow = Awaited<ReturnType<typeof listDeliverableTypes>>[number];

export async function findDeliverableType(
  db: Executor,
  scope: { workspaceId: string; id: string },
) {
  return db
    .selectFrom('deliverable_types')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', scope.id)
    .executeTakeFirst();
}

/**
 * Rate rows with their type's unit, oldest effective date first and, within a day, in the order
 * they were recorded (the domain's tie-break: a later entry wins). `contractorIds` also keeps the
 * department defaults (contractor_id null), which negotiated rates fall back to.
 */
export async function listRateRows(
  db: Executor,
  scope: {
    workspaceId: string;
    deliverableTypeIds?: readonly string[];
    contractorIds?: readonly string[];
    defaultsOnly?: boolean;
  },
) {
  let q = db
    .selectFrom('rates')
    .innerJoin('deliverable_types', 'deliverable_types.id', 'rates.deliverable_type_id')
    .leftJoin('user', 'user.id', 'rates.created_by')
    .leftJoin('contractors', 'contractors.id', 'rates.contractor_id')
    .selectAll('rates')
    .select([
      'deliverable_types.unit',
      'user.name as created_by_name',
      'contractors.name as contractor_name',
      'contractors.email as contractor_email',
    ])
    .where('rates.workspace_id', '=', scope.workspaceId);
  if (scope.deliverableTypeIds) {
    if (scope.deliverableTypeIds.length === 0) return [];
    q = q.where('rates.deliverable_type_id', 'in', [...scope.deliverableTypeIds]);
  }
  if (scope.defaultsOnly) {
    q = q.where('rates.contractor_id', 'is', null);
  } else if (scope.contractorIds) {
    const ids = [...scope.contractorIds];
    q = q.where((eb) =>
      ids.length > 0
        ? eb.or([eb('rates.contractor_id', 'is', null), eb('rates.contractor_id', 'in', ids)])
        : eb('rates.contractor_id', 'is', null),
    );
  }
  return q
    .orderBy('rates.effective_from')
    .orderBy('rates.created_at')
    .orderBy('rates.id')
    .limit(MAX_RATE_ROWS)
    .execute();
}

export type RateRowWithUnit = Awaited<ReturnType<typeof listRateRows>>[number];

/** Today's calendar day in the workspace time zone: the day rates are "in force" on. */
export async function workspaceToday(db: Executor, workspaceId: string): Promise<IsoDate> {
  const ws = await db
    .selectFrom('workspaces')
    .select(['time_zone'])
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return calendarDayIn(new Date(), ws?.time_zone ?? 'UTC');
}

export async function workspaceCurrency(db: Executor, workspaceId: string): Promise<string> {
  const ws = await db
    .selectFrom('workspaces')
    .select(['currency'])
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return ws?.currency ?? 'USD';
}
