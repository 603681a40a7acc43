import { sql } from 'kysely';
import type { SpendReport, SpendRow } from '../../../contracts/reports';
import type { Executor } from '../../db';
import { monthsBetween, num, quarterOf } from './math';

/**
 * R32 spend against budget (R27), per client, contractor or deliverable type and per month or
 * quarter. Committed = non-cancelled tasks of the month at their assigned item amounts plus
 * approved billable extra rounds; actual = lines of approved or paid invoices for the month's
 * tasks; planned = the clients' budgets. As in the budget screen, only amounts in the workspace
 * currency are summed. Each source is one GROUP BY (key, month); quarters fold months here.
 */

export type SpendGroup = 'client' | 'contractor' | 'type';

export interface SpendScope {
  workspaceId: string;
  currency: string;
  from: string;
  to: string;
  groupBy: SpendGroup;
  period: 'month' | 'quarter';
}

interface Sum {
  key: string | null;
  month: string;
  minor: unknown;
}

type TaskKey = 't.contractor_id' | 't.client_id';
const taskKey = (g: SpendGroup): TaskKey =>
  g === 'contractor' ? 't.contractor_id' : 't.client_id';

async function committed(db: Executor, s: SpendScope, months: string[]): Promise<Sum[]> {
  const base = () =>
    db
      .selectFrom('tasks as t')
      .where('t.workspace_id', '=', s.workspaceId)
      .where('t.status', '!=', 'cancelled')
      .where('t.month', 'in', months);
  if (s.groupBy === 'type') {
    const items = await base()
      .innerJoin('task_items as i', 'i.task_id', 't.id')
      .select([
        'i.deliverable_type_id as key',
        't.month',
        (eb) => eb.fn.sum<number>('i.amount_minor').as('minor'),
      ])
      .where('i.currency', '=', s.currency)
      .groupBy(['i.deliverable_type_id', 't.month'])
      .execute();
    return [...items, ...(await rounds(db, s, months, null))];
  }
  const key = taskKey(s.groupBy);
  const tasks = await base()
    .select([
      sql<string>`${sql.ref(key)}`.as('key'),
      't.month',
      (eb) => eb.fn.sum<number>('t.committed_minor').as('minor'),
    ])
    .where('t.currency', '=', s.currency)
    .groupBy([key, 't.month'])
    .execute();
  return [...tasks, ...(await rounds(db, s, months, key))];
}

/** Approved billable extra rounds (R21); by type they have no deliverable type (key null). */
async function rounds(db: Executor, s: SpendScope, months: string[], key: TaskKey | null) {
  const k = key ? sql<string | null>`${sql.ref(key)}` : sql<string | null>`null`;
  return db
    .selectFrom('revision_rounds as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .select([k.as('key'), 't.month', (eb) => eb.fn.sum<number>('r.amount_minor').as('minor')])
    .where('r.workspace_id', '=', s.workspaceId)
    .where('r.approval_status', '=', 'approved_billable')
    .where('r.billable', '=', 1)
    .where('r.currency', '=', s.currency)
    .where('t.status', '!=', 'cancelled')
    .where('t.month', 'in', months)
    .groupBy(key ? [key, 't.month'] : 't.month')
    .execute();
}

async function actual(db: Executor, s: SpendScope, months: string[]): Promise<Sum[]> {
  const key =
    s.groupBy === 'type'
      ? sql<string | null>`coalesce(ti.deliverable_type_id, lti.deliverable_type_id)`
      : sql<string | null>`${sql.ref(taskKey(s.groupBy))}`;
  return db
    .selectFrom('invoice_lines as l')
    .innerJoin('invoices as inv', 'inv.id', 'l.invoice_id')
    .innerJoin('tasks as t', 't.id', 'l.task_id')
    .leftJoin('task_items as ti', (j) =>
      j.onRef('ti.id', '=', 'l.source_id').on('l.source_type', '=', 'task_item'),
    )
    .leftJoin('time_logs as tl', (j) =>
      j.onRef('tl.id', '=', 'l.source_id').on('l.source_type', '=', 'time_log'),
    )
    .leftJoin('task_items as lti', 'lti.id', 'tl.task_item_id')
    .select([key.as('key'), 't.month', (eb) => eb.fn.sum<number>('l.amount_minor').as('minor')])
    .where('l.workspace_id', '=', s.workspaceId)
    .where('inv.status', 'in', ['approved', 'paid'])
    .where('inv.currency', '=', s.currency)
    .where('t.month', 'in', months)
    .groupBy([key, 't.month'])
    .execute();
}

async function planned(db: Executor, s: SpendScope, months: string[]): Promise<Sum[]> {
  return db
    .selectFrom('budgets')
    .select(['client_id as key', 'month', (eb) => eb.fn.sum<number>('planned_minor').as('minor')])
    .where('workspace_id', '=', s.workspaceId)
    .where('currency', '=', s.currency)
    .where('month', 'in', months)
    .groupBy(['client_id', 'month'])
    .execute();
}

async function labels(db: Executor, s: SpendScope, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const table =
    s.groupBy === 'client'
      ? 'clients'
      : s.groupBy === 'contractor'
        ? 'contractors'
        : 'deliverable_types';
  const rows = await db
    .selectFrom(table)
    .select(['id', 'name'])
    .where('workspace_id', '=', s.workspaceId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function spendReport(db: Executor, s: SpendScope): Promise<SpendReport> {
  const months = monthsBetween(s.from, s.to);
  const base = {
    from: s.from,
    to: s.to,
    currency: s.currency,
    groupBy: s.groupBy,
    period: s.period,
  };
  if (months.length === 0) return { ...base, rows: [], totals: [] };
  const [c, a, b] = await Promise.all([
    committed(db, s, months),
    actual(db, s, months),
    planned(db, s, months),
  ]);
  const periodOf = (m: string) => (s.period === 'quarter' ? quarterOf(m) : m);
  const rows = new Map<string, SpendRow>();
  const totals = new Map<string, SpendReport['totals'][number]>();
  for (const m of months) {
    const p = periodOf(m);
    if (!totals.has(p))
      totals.set(p, { period: p, budgetMinor: 0, committedMinor: 0, actualMinor: 0 });
  }
  const add = (r: Sum, field: 'budgetMinor' | 'committedMinor' | 'actualMinor') => {
    const period = periodOf(r.month);
    const id = `${r.key ?? ''}|${period}`;
    let row = rows.get(id);
    if (!row) {
      row = { key: r.key, label: '', period, budgetMinor: null, committedMinor: 0, actualMinor: 0 };
      rows.set(id, row);
    }
    row[field] = (row[field] ?? 0) + num(r.minor);
    const total = totals.get(period);
    if (total) total[field] += num(r.minor);
  };
  for (const r of c) add(r, 'committedMinor');
  for (const r of a) add(r, 'actualMinor');
  if (s.groupBy === 'client') for (const r of b) add(r, 'budgetMinor');
  else for (const r of b) totals.get(periodOf(r.month))!.budgetMinor += num(r.minor);

  const names = await labels(db, s, [
    ...new Set([...rows.values()].flatMap((r) => (r.key ? [r.key] : []))),
  ]);
  const other = s.groupBy === 'type' ? 'Extra rounds & other' : 'Other';
  const list = [...rows.values()].map((r) => ({
    ...r,
    label: r.key ? (names.get(r.key) ?? 'Unknown') : other,
  }));
  list.sort((x, y) => x.period.localeCompare(y.period) || x.label.localeCompare(y.label));
  return { ...base, rows: list, totals: [...totals.values()] };
}
