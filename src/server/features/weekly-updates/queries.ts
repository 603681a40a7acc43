import { calendarDayIn, type IsoDate } from '../../../domain/calendar';
import type { WeeklyContractor } from '../../../domain/weekly-updates';
import type { Executor } from '../../db';

export interface ActiveContractor extends WeeklyContractor {
  name: string;
  userId: string | null;
}

export async function workspaceTimeZone(db: Executor, workspaceId: string): Promise<string> {
  const row = await db
    .selectFrom('workspaces')
    .select('time_zone')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return row?.time_zone ?? 'UTC';
}

/**
 * Active contractors with the workspace calendar day they last became active: the latest status
 * change to active in the audit trail, else the day their record was created (R25: nobody owes
 * an update for a week that began before they were active).
 */
export async function activeContractors(
  db: Executor,
  scope: { workspaceId: string; timeZone: string },
): Promise<ActiveContractor[]> {
  const rows = await db
    .selectFrom('contractors')
    .select(['id', 'name', 'user_id', 'status', 'created_at'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('status', '=', 'active')
    .orderBy('name')
    .execute();
  if (rows.length === 0) return [];
  const changes = await db
    .selectFrom('audit_log')
    .select(['entity_id', 'after_json', 'created_at'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('entity_type', '=', 'contractor')
    .where('action', '=', 'status_changed')
    .where(
      'entity_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  const activated = new Map<string, string>();
  for (const c of changes) {
    const after = c.after_json ? (JSON.parse(c.after_json) as { status?: string }) : {};
    if (after.status === 'active') activated.set(c.entity_id, c.created_at);
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    userId: r.user_id,
    status: r.status,
    activeSince: calendarDayIn(new Date(activated.get(r.id) ?? r.created_at), scope.timeZone),
  }));
}

function updatesQuery(db: Executor, workspaceId: string) {
  return db
    .selectFrom('weekly_updates as w')
    .innerJoin('contractors', (j) =>
      j
        .onRef('contractors.id', '=', 'w.contractor_id')
        .onRef('contractors.workspace_id', '=', 'w.workspace_id'),
    )
    .select([
      'w.id',
      'w.contractor_id',
      'w.week_start',
      'w.progress',
      'w.blockers',
      'w.availability_changes',
      'w.submitted_at',
      'contractors.name as contractor_name',
    ])
    .where('w.workspace_id', '=', workspaceId);
}

export type WeeklyUpdateRow = Awaited<ReturnType<typeof updatesForWeek>>[number];

export async function updatesForWeek(
  db: Executor,
  scope: { workspaceId: string; weekStart: IsoDate; contractorId?: string },
) {
  let query = updatesQuery(db, scope.workspaceId).where('w.week_start', '=', scope.weekStart);
  if (scope.contractorId) query = query.where('w.contractor_id', '=', scope.contractorId);
  return query.orderBy('contractors.name').limit(1000).execute();
}

/** One contractor's updates, newest week first. */
export async function updatesOfContractor(
  db: Executor,
  scope: { workspaceId: string; contractorId: string; limit: number },
) {
  return updatesQuery(db, scope.workspaceId)
    .where('w.contractor_id', '=', scope.contractorId)
    .orderBy('w.week_start', 'desc')
    .limit(scope.limit)
    .execute();
}

export async function findUpdate(
  db: Executor,
  scope: { workspaceId: string; contractorId: string; weekStart: IsoDate },
) {
  return db
    .selectFrom('weekly_updates')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('contractor_id', '=', scope.contractorId)
    .where('week_start', '=', scope.weekStart)
    .executeTakeFirst();
}
