import { sql } from 'kysely';
import type { WorkloadReport } from '../../../contracts/reports';
import { addCalendarDays } from '../../../domain/calendar';
import { mondayOf } from '../../../domain/weekly-updates';
import type { Executor } from '../../db';
import { effectiveCapacity, num, unavailableWeekdays, weekStarts } from './math';

/**
 * R32 workload by week: per active contractor, the item quantity of his non-cancelled tasks due
 * in each week (one GROUP BY with a CASE that buckets due dates into the weeks asked for) against
 * his weekly capacity, scaled down by the weekdays he is unavailable.
 */

type Grid = WorkloadReport['contractors'];

async function grid(db: Executor, workspaceId: string, weeks: string[]): Promise<Grid> {
  const first = weeks[0];
  const last = addCalendarDays(weeks[weeks.length - 1], 6);
  const contractors = await db
    .selectFrom('contractors')
    .select(['id', 'name', 'weekly_capacity', 'capacity_unit'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'active')
    .orderBy('name')
    .limit(2000)
    .execute();
  if (contractors.length === 0) return [];
  const bucket = sql<string>`case ${sql.join(
    weeks.map(
      (w) => sql`when t.due_date between ${w} and ${addCalendarDays(w, 6)} then cast(${w} as text)`,
    ),
    sql` `,
  )} end`;
  // The CASE holds parameters, so it is grouped on from a derived table (PostgreSQL can't match
  // a parameterised expression in GROUP BY with the one in the select list).
  const dueItems = db
    .selectFrom('tasks as t')
    .innerJoin('task_items as i', 'i.task_id', 't.id')
    .select(['t.contractor_id', bucket.as('week'), 'i.quantity'])
    .where('t.workspace_id', '=', workspaceId)
    .where('t.status', '!=', 'cancelled')
    .where('t.due_date', '>=', first)
    .where('t.due_date', '<=', last);
  const loads = await db
    .selectFrom(dueItems.as('x'))
    .select(['x.contractor_id', 'x.week', (eb) => eb.fn.sum<number>('x.quantity').as('load')])
    .groupBy(['x.contractor_id', 'x.week'])
    .execute();
  const off = await db
    .selectFrom('unavailability')
    .select(['contractor_id', 'start_date', 'end_date'])
    .where('workspace_id', '=', workspaceId)
    .where('end_date', '>=', first)
    .where('start_date', '<=', last)
    .limit(20000)
    .execute();
  const load = new Map(loads.map((r) => [`${r.contractor_id}|${r.week}`, num(r.load)]));
  return contractors.map((c) => {
    const ranges = off
      .filter((o) => o.contractor_id === c.id)
      .map((o) => ({ start: o.start_date, end: o.end_date }));
    return {
      contractorId: c.id,
      name: c.name,
      weeklyCapacity: Number(c.weekly_capacity),
      capacityUnit: c.capacity_unit,
      cells: weeks.map((weekStart) => {
        const unavailableDays = unavailableWeekdays(weekStart, ranges);
        const capacity = effectiveCapacity(Number(c.weekly_capacity), unavailableDays);
        const l = load.get(`${c.id}|${weekStart}`) ?? 0;
        return { weekStart, load: l, unavailableDays, capacity, over: l > capacity };
      }),
    };
  });
}

export async function workloadReport(
  db: Executor,
  s: { workspaceId: string; from: string; weeks: number; today: string },
): Promise<WorkloadReport> {
  const weeks = weekStarts(s.from, s.weeks);
  const nextWeek = addCalendarDays(mondayOf(s.today), 7);
  const contractors = await grid(db, s.workspaceId, weeks);
  const next = weeks.includes(nextWeek) ? contractors : await grid(db, s.workspaceId, [nextWeek]);
  const overNextWeek = next
    .filter((c) => c.cells.find((cell) => cell.weekStart === nextWeek)?.over)
    .map((c) => ({ contractorId: c.contractorId, name: c.name }));
  return { weeks, nextWeek, contractors, overNextWeek };
}
