import { type Kysely, sql } from 'kysely';
import { planSubtasks } from '../../src/domain/planner';
import type { DB } from '../../src/server/db/schema';
import { Rng } from '../gen/prng';
import { AS_OF, addDays } from '../gen/world';
import { percentile } from './load';

/**
 * g. Contractor scorecards over 12 months (R32): on-time rate (final version done by its due
 * date), average revision rounds, QA first-pass rate, escalations and cost per accepted
 * deliverable, for every contractor, as SQL aggregations. Measured in-process with Kysely
 * because no reports route exists yet.
 */
export async function scorecards(db: Kysely<DB>, workspaceId: string, asOf = AS_OF) {
  const from = addDays(asOf, -365);
  const done = ['ready', 'closed'];
  const base = db
    .selectFrom('tasks')
    .where('tasks.workspace_id', '=', workspaceId)
    .where('tasks.due_date', '>=', from)
    .where('tasks.due_date', '<=', asOf)
    .where('tasks.status', 'in', done);
  const [work, items, escalations] = await Promise.all([
    base
      .leftJoin('subtasks as final', (j) =>
        j.onRef('final.task_id', '=', 'tasks.id').on('final.kind', '=', 'final'),
      )
      .select((eb) => [
        'tasks.contractor_id',
        eb.fn.countAll<number>().as('tasks'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(sql<string>`substr(final.completed_at, 1, 10)`, '<=', eb.ref('final.due_date'))
              .then(1)
              .else(0)
              .end(),
          )
          .as('on_time'),
        eb.fn.sum<number>('tasks.rounds_used').as('rounds'),
        eb.fn
          .sum<number>(eb.case().when('tasks.qa_fail_count', '=', 0).then(1).else(0).end())
          .as('first_pass'),
        eb.fn.sum<number>('tasks.committed_minor').as('cost_minor'),
      ])
      .groupBy('tasks.contractor_id')
      .execute(),
    base
      .innerJoin('task_items', 'task_items.task_id', 'tasks.id')
      .select((eb) => ['tasks.contractor_id', eb.fn.sum<number>('task_items.quantity').as('units')])
      .groupBy('tasks.contractor_id')
      .execute(),
    db
      .selectFrom('escalations')
      .where('workspace_id', '=', workspaceId)
      .where('opened_at', '>=', from)
      .where('contractor_id', 'is not', null)
      .select((eb) => ['contractor_id', eb.fn.countAll<number>().as('n')])
      .groupBy('contractor_id')
      .execute(),
  ]);
  const units = new Map(items.map((r) => [r.contractor_id, Number(r.units)]));
  const escalated = new Map(escalations.map((r) => [r.contractor_id, Number(r.n)]));
  return work.map((r) => {
    const tasks = Number(r.tasks);
    return {
      contractorId: r.contractor_id,
      tasks,
      onTimeRate: Number(r.on_time) / tasks,
      averageRounds: Number(r.rounds) / tasks,
      qaFirstPassRate: Number(r.first_pass) / tasks,
      escalations: escalated.get(r.contractor_id) ?? 0,
      costPerDeliverableMinor: Math.round(
        Number(r.cost_minor) / Math.max(1, units.get(r.contractor_id) ?? 0),
      ),
    };
  });
}

export interface Timing {
  runs: number;
  p50: number;
  max: number;
  detail: string;
}

export async function timeScorecards(
  db: Kysely<DB>,
  workspaceId: string,
  runs: number,
): Promise<Timing> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = (await scorecards(db, workspaceId)).length;
    times.push(performance.now() - t0);
  }
  const sorted = Float64Array.from(times).sort();
  return {
    runs,
    p50: percentile(sorted, 50),
    max: sorted[sorted.length - 1],
    detail: `${rows} contractors`,
  };
}

/**
 * h. Plans 1,000 requests with the real planner: varied due dates, production days, first
 * pairings, a holiday calendar and ~10 ranges of time away per contractor. Reports ms per plan.
 */
export function timePlanner(count = 1000, rounds = 5): Timing {
  const rng = new Rng(7);
  const holidays = new Set([
    '2026-12-25',
    '2026-12-26',
    '2027-01-01',
    '2027-01-19',
    '2027-02-16',
    '2027-05-31',
  ]);
  const inputs = Array.from({ length: count }, () => {
    const due = addDays(AS_OF, rng.int(5, 90));
    const unavailable = Array.from({ length: 10 }, () => {
      const start = addDays(AS_OF, rng.int(-30, 120));
      return { start, end: addDays(start, rng.int(0, 6)) };
    });
    return {
      dueDate: due,
      today: AS_OF,
      productionDays: rng.int(1, 10),
      firstPairing: rng.chance(0.2),
      calendar: { weekendDays: [0, 6], holidays },
      unavailable,
    };
  });
  const perPlan: number[] = [];
  let feasible = 0;
  for (let r = 0; r < rounds; r++) {
    feasible = 0;
    const t0 = performance.now();
    for (const input of inputs) if (planSubtasks(input).feasible) feasible++;
    perPlan.push((performance.now() - t0) / count);
  }
  const sorted = Float64Array.from(perPlan).sort();
  return {
    runs: rounds,
    p50: percentile(sorted, 50),
    max: sorted[sorted.length - 1],
    detail: `${count} plans/round, ${feasible} feasible`,
  };
}
