import type { Role } from '../../contracts/roles';
import { addCalendarDays, calendarDayIn, type IsoDate } from '../../domain/calendar';
import { recordAudit } from '../audit';
import type { Actor } from '../auth/access';
import type { AppContext } from '../context';
import type { Executor } from '../db';
import { putBudget } from '../features/budgets/service';
import { unbilledClaims } from '../features/invoices/claim';
import { addAdjustment } from '../features/invoices/lines';
import { createInvoiceFor, workspaceTimeZone } from '../features/invoices/service';
import { actOnInvoice } from '../features/invoices/transitions';
import { newId } from '../lib/ids';

/**
 * Demo money (R27–R29): time logs on the hourly tasks (approved, pending, rejected), invoices in
 * every state for several contractors (Lina, the demo contractor, has a paid and a rejected one,
 * so her rejected work is billable again for a fresh invoice), and this month's budgets (one
 * near 80 %, one over 100 %, one client left without a budget).
 */

export interface DemoMoneyInput {
  workspaceId: string;
  users: Record<Role, string>;
  contractorIds: string[];
}

function actorFor(demo: DemoMoneyInput, role: Role, userId = demo.users[role]): Actor {
  return {
    userId,
    name: '',
    email: '',
    workspaceId: demo.workspaceId,
    role,
    membershipId: '',
    timeZone: 'UTC',
  };
}

const quarter = (h: number) => Math.max(0.25, Math.round(h * 4) / 4);

async function seedTimeLogs(db: Executor, demo: DemoMoneyInput, today: IsoDate) {
  const items = await db
    .selectFrom('task_items')
    .innerJoin('tasks', 'tasks.id', 'task_items.task_id')
    .select([
      'task_items.id as item_id',
      'task_items.quantity',
      'tasks.id as task_id',
      'tasks.status',
      'tasks.contractor_id',
      'tasks.strategist_user_id',
      'tasks.created_at',
      'tasks.due_date',
    ])
    .where('task_items.workspace_id', '=', demo.workspaceId)
    .where('task_items.unit', '=', 'hour')
    .where('tasks.status', 'not in', ['scheduled', 'cancelled'])
    .orderBy('tasks.created_at')
    .execute();
  const coordinator = actorFor(demo, 'coordinator');
  for (const it of items) {
    const done = it.status === 'ready' || it.status === 'closed';
    const start = it.created_at.slice(0, 10);
    const last = [today, it.due_date].sort()[0];
    const day = (n: number) => [addCalendarDays(start, 2 + n * 3), last].sort()[0];
    const each = quarter(it.quantity / 4);
    // Finished work: all approved, plus one duplicate entry the strategist rejected.
    // Work in progress: the first entry approved, the latest ones waiting for review.
    const plan: [number, number, string, string | null][] = done
      ? [
          [0, each, 'approved', null],
          [1, each, 'approved', null],
          [1, 2, 'rejected', 'Duplicate of the entry for the same day'],
          [2, each, 'approved', null],
          [3, each, 'approved', null],
        ]
      : [
          [0, each, 'approved', null],
          [1, quarter(each * 0.75), 'pending', null],
          [2, 1.5, 'pending', null],
        ];
    for (const [n, hours, status, reason] of plan) {
      const id = newId();
      const date = day(n);
      const at = `${date}T17:00:00.000Z`;
      await db
        .insertInto('time_logs')
        .values({
          id,
          workspace_id: demo.workspaceId,
          task_id: it.task_id,
          task_item_id: it.item_id,
          subtask_id: null,
          contractor_id: it.contractor_id,
          date,
          minutes: Math.round(hours * 60),
          note:
            status === 'rejected' ? 'Replies and DMs' : 'Replies, DMs and escalations per the SOP',
          status,
          reviewed_by: status === 'pending' ? null : it.strategist_user_id,
          reviewed_at: status === 'pending' ? null : at,
          reject_reason: reason,
          created_by: null,
          created_at: at,
          version: status === 'pending' ? 1 : 2,
        })
        .execute();
      await recordAudit(db, coordinator, {
        entityType: 'time_log',
        entityId: id,
        taskId: it.task_id,
        action: 'demo_seeded',
        after: { date, hours, status },
      });
    }
  }
}

const monthStart = (d: IsoDate) => `${d.slice(0, 7)}-01`;
const monthEnd = (d: IsoDate) =>
  addCalendarDays(`${addCalendarDays(monthStart(d), 32).slice(0, 7)}-01`, -1);

type Step = 'draft' | 'submitted' | 'approved' | 'paid' | 'rejected';

async function seedInvoice(
  db: Executor,
  demo: DemoMoneyInput,
  c: { id: string; currency: string; userId: string | null },
  period: { from: IsoDate; to: IsoDate },
  step: Step,
  extra?: {
    kind: 'bonus' | 'adjustment';
    amountMinor: number;
    description: string;
    reason: string;
  },
) {
  const self = actorFor(demo, 'contractor', c.userId ?? '');
  const scope = { kind: 'contractor' as const, workspaceId: demo.workspaceId, contractorId: c.id };
  const id = await createInvoiceFor(db, self, c, {
    periodStart: period.from,
    periodEnd: period.to,
  });
  const version = async () =>
    (
      await db
        .selectFrom('invoices')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).version;
  const finance = actorFor(demo, 'finance');
  if (extra) await addAdjustment(db, finance, id, { ...extra, version: await version() });
  if (step === 'draft') return;
  await actOnInvoice(db, self, id, 'submit', { version: await version() }, scope);
  if (step === 'submitted') return;
  if (step === 'rejected') {
    await actOnInvoice(db, finance, id, 'reject', {
      version: await version(),
      reason:
        'Six static graphics are billed but the brief and the delivery have five: please check',
    });
    return;
  }
  await actOnInvoice(db, finance, id, 'approve', { version: await version() });
  if (step === 'paid') {
    await actOnInvoice(db, finance, id, 'pay', {
      version: await version(),
      paymentReference: `WISE-${id.slice(0, 8).toUpperCase()}`,
    });
  }
}

async function seedInvoices(db: Executor, demo: DemoMoneyInput) {
  const tz = await workspaceTimeZone(db, demo.workspaceId);
  const contractors = await db
    .selectFrom('contractors')
    .select(['id', 'currency', 'user_id'])
    .where('workspace_id', '=', demo.workspaceId)
    .execute();
  const byIndex = (i: number) => contractors.find((c) => c.id === demo.contractorIds[i]);
  // PEOPLE order: Lina, Mateo, Grace, Tomás (EUR: his USD-priced work can't go on a EUR invoice),
  // Angelica, Oliver.
  const plan: [number, Step, Parameters<typeof seedInvoice>[5]?][] = [
    [1, 'paid'],
    [
      2,
      'submitted',
      {
        kind: 'bonus',
        amountMinor: 15_000,
        description: 'Rush turnaround bonus',
        reason: 'Shortlist delivered two days early for the launch',
      },
    ],
    [4, 'draft'],
    [
      5,
      'approved',
      {
        kind: 'adjustment',
        amountMinor: -2_500,
        description: 'Late delivery credit',
        reason: 'Final files arrived a day after the agreed date',
      },
    ],
  ];
  for (const [index, step, extra] of plan) {
    const c = byIndex(index);
    if (!c) continue;
    const dates = await workDates(db, demo.workspaceId, c, tz);
    if (dates.length === 0) continue;
    const period = { from: monthStart(dates[0]), to: monthEnd(dates[dates.length - 1]) };
    await seedInvoice(db, demo, { ...c, userId: c.user_id }, period, step, extra);
  }
  // Lina: last month's work paid; the latest rejected (its work is billable again).
  const lina = byIndex(0);
  if (!lina) return;
  const dates = await workDates(db, demo.workspaceId, lina, tz);
  if (dates.length === 0) return;
  const linaRow = { ...lina, userId: lina.user_id };
  await seedInvoice(db, demo, linaRow, { from: monthStart(dates[0]), to: dates[0] }, 'paid');
  const rest = dates.filter((d) => d > dates[0]);
  if (rest.length > 0) {
    await seedInvoice(
      db,
      demo,
      linaRow,
      { from: rest[0], to: monthEnd(rest[rest.length - 1]) },
      'rejected',
    );
  }
}

async function workDates(
  db: Executor,
  workspaceId: string,
  c: { id: string; currency: string },
  tz: string,
) {
  const claims = await unbilledClaims(
    db,
    { workspaceId, contractorId: c.id, currency: c.currency },
    { timeZone: tz },
  );
  return [...new Set(claims.map((x) => x.date).filter((d): d is string => d !== null))].sort();
}

async function seedBudgets(db: Executor, demo: DemoMoneyInput, month: string) {
  const rows = await db
    .selectFrom('tasks')
    .select(['client_id', (eb) => eb.fn.sum<number>('committed_minor').as('minor')])
    .where('workspace_id', '=', demo.workspaceId)
    .where('month', '=', month)
    .where('status', '!=', 'cancelled')
    .groupBy('client_id')
    .execute();
  const committed = rows
    .map((r) => ({ clientId: r.client_id, minor: Number(r.minor ?? 0) }))
    .sort((a, b) => b.minor - a.minor);
  const finance = actorFor(demo, 'finance');
  const round = (minor: number, step: number) => Math.ceil(minor / step) * step;
  // Leave the smallest without a budget, so "no budget set" shows too.
  const budgeted = committed.length > 3 ? committed.slice(0, -1) : committed;
  for (const [i, c] of budgeted.entries()) {
    const planned =
      i === 0
        ? round(c.minor * 0.9, 10_000) // over 100 %
        : i === 1
          ? round(c.minor / 0.84, 10_000) // about 84 %: amber
          : round(Math.max(c.minor * 1.6, 100_000), 50_000);
    const emergency = round(planned * (i === 0 ? 1.3 : 1.2), 10_000);
    await putBudget(
      db,
      finance,
      { clientId: c.clientId, month },
      {
        plannedMinor: planned,
        emergencyMaxMinor: emergency,
        version: 0,
      },
    );
  }
}

/** Seeds the money part of the demo; runs last, after the work it bills exists. */
export async function seedMoney(ctx: AppContext, demo: DemoMoneyInput): Promise<void> {
  const db = ctx.database.db;
  const tz = await workspaceTimeZone(db, demo.workspaceId);
  const today = calendarDayIn(new Date(), tz);
  await seedTimeLogs(db, demo, today);
  await seedInvoices(db, demo);
  await seedBudgets(db, demo, today.slice(0, 7));
}
