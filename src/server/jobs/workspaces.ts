import { sql } from 'kysely';
import type { WorkCalendar } from '../../domain/calendar';
import type { Executor } from '../db';

export interface WorkspaceCalendar {
  id: string;
  timeZone: string;
  cal: WorkCalendar;
}

/**
 * Every workspace with its time zone and business-day calendar, a page at a time (keyset by id),
 * so a job walks a large install in bounded steps.
 */
export async function* eachWorkspace(
  db: Executor,
  pageSize = 200,
): AsyncGenerator<WorkspaceCalendar> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('workspaces')
      .select(['id', 'time_zone', 'weekend_days'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    const holidays = await db
      .selectFrom('holidays')
      .select(['workspace_id', 'date'])
      .where(
        'workspace_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    for (const r of rows) {
      yield {
        id: r.id,
        timeZone: r.time_zone,
        cal: {
          weekendDays: JSON.parse(r.weekend_days) as number[],
          holidays: new Set(holidays.filter((h) => h.workspace_id === r.id).map((h) => h.date)),
        },
      };
    }
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].id;
  }
}

/** `prefix || id` as a dedupe key inside SQL, the same on both databases. */
export function dedupeKeySql(prefix: string, idColumn: string) {
  return sql<string>`CAST(${prefix} AS TEXT) || ${sql.ref(idColumn)}`;
}

/** No notification with this key was written yet for this person (the job's "already done"). */
export function notYetNotified(userColumn: string, key: ReturnType<typeof dedupeKeySql>) {
  return sql<boolean>`NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = ${sql.ref(
    userColumn,
  )} AND n.dedupe_key = ${key})`;
}
