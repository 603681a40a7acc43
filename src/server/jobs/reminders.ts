import { sql } from 'kysely';
import { calendarDayIn, type IsoDate } from '../../domain/calendar';
import { formatDayMonth } from '../../domain/format';
import type { AppContext } from '../context';
import type { Executor } from '../db';
import { notify, requestLink, taskLink, triagers } from '../features/notifications/notify';
import { emitWebhookEvent } from '../features/webhooks';
import { listMissingWeeklyUpdates } from '../features/weekly-updates';
import { flushRequestedRuns } from './kick';
import { dueSoonWindow, triageIsLate } from './rules';
import { dedupeKeySql, eachWorkspace, notYetNotified, type WorkspaceCalendar } from './workspaces';

/**
 * The reminders job (R31): requests waiting for triage, subtasks due on the next business day,
 * overdue subtasks and missing weekly updates (R25). Every reminder carries a dedupe key, so running the job twice (or on two
 * machines) tells each person once. Work goes in pages of BATCH, one transaction per reminder.
 */

const BATCH = 200;
const CLOSED_TASKS = ['closed', 'cancelled'];

export async function runReminders(ctx: AppContext, now = new Date()): Promise<void> {
  const db = ctx.database.db;
  for await (const ws of eachWorkspace(db)) {
    await remindTriage(db, ws, now);
    const today = calendarDayIn(now, ws.timeZone);
    await remindSubtasks(db, ws, 'due_tomorrow', dueSoonWindow(today, ws.cal), today);
    await remindSubtasks(db, ws, 'overdue', { from: '0000-01-01', to: prevDay(today) }, today);
    await remindWeeklyUpdates(db, ws, now);
    flushRequestedRuns();
  }
}

function prevDay(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Requests still 'submitted' one full business day after submission → admins and coordinators. */
async function remindTriage(db: Executor, ws: WorkspaceCalendar, now: Date): Promise<void> {
  const key = dedupeKeySql('request_waiting_triage:', 'requests.id');
  // Nobody can be late before 23 hours (a business day, less a DST hour): a cheap SQL bound.
  const bound = new Date(now.getTime() - 23 * 3_600_000).toISOString();
  let after = { at: '', id: '' };
  for (;;) {
    const rows = await db
      .selectFrom('requests')
      .innerJoin('clients', 'clients.id', 'requests.client_id')
      .leftJoin('user', 'user.id', 'requests.submitted_by')
      .select([
        'requests.id',
        'requests.client_id',
        'requests.due_date',
        'requests.submitted_at',
        'clients.name as client_name',
        'user.name as submitter',
      ])
      .where('requests.workspace_id', '=', ws.id)
      .where('requests.status', '=', 'submitted')
      .where('requests.submitted_at', '<', bound)
      .where(
        sql<boolean>`NOT EXISTS (SELECT 1 FROM notifications n WHERE n.workspace_id = ${ws.id} AND n.dedupe_key = ${key})`,
      )
      .where((eb) =>
        eb.or([
          eb('requests.submitted_at', '>', after.at),
          eb.and([eb('requests.submitted_at', '=', after.at), eb('requests.id', '>', after.id)]),
        ]),
      )
      .orderBy('requests.submitted_at')
      .orderBy('requests.id')
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      if (!triageIsLate(new Date(r.submitted_at), now, ws.timeZone, ws.cal)) continue;
      await db.transaction().execute(async (tx) => {
        const { notified } = await notify(tx, {
          workspaceId: ws.id,
          recipients: await triagers(tx, ws.id),
          kind: 'request_waiting_triage',
          title: `Waiting for triage: ${r.client_name}`,
          body:
            `Submitted ${formatDayMonth(calendarDayIn(new Date(r.submitted_at), ws.timeZone))}` +
            `${r.submitter ? ` by ${r.submitter}` : ''}, due ${formatDayMonth(r.due_date)}. ` +
            'Assign a contractor or decline it.',
          link: requestLink(r.id),
          dedupeKey: `request_waiting_triage:${r.id}`,
          clientId: r.client_id,
        });
        if (notified.length > 0) {
          await emitWebhookEvent(tx, ws.id, 'request.waiting_triage', {
            requestId: r.id,
            clientId: r.client_id,
            dueDate: r.due_date,
            submittedAt: r.submitted_at,
          });
        }
      });
    }
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    after = { at: last.submitted_at, id: last.id };
  }
}

/** Open subtasks with a person assigned and a due date in [from, to] → that person, once. */
async function remindSubtasks(
  db: Executor,
  ws: WorkspaceCalendar,
  kind: 'due_tomorrow' | 'overdue',
  window: { from: IsoDate; to: IsoDate },
  today: IsoDate,
): Promise<void> {
  if (window.from > window.to) return;
  const key = dedupeKeySql(`${kind}:`, 'subtasks.id');
  let after = { due: '', id: '' };
  for (;;) {
    const rows = await db
      .selectFrom('subtasks')
      .innerJoin('tasks', 'tasks.id', 'subtasks.task_id')
      .innerJoin('clients', 'clients.id', 'tasks.client_id')
      .select([
        'subtasks.id',
        'subtasks.title',
        'subtasks.due_date',
        'subtasks.assignee_role',
        'subtasks.assignee_user_id',
        'tasks.id as task_id',
        'tasks.title as task_title',
        'tasks.client_id',
        'clients.name as client_name',
      ])
      .where('subtasks.workspace_id', '=', ws.id)
      .where('subtasks.status', '=', 'todo')
      .where('subtasks.assignee_user_id', 'is not', null)
      .where('tasks.status', 'not in', CLOSED_TASKS)
      .where('subtasks.due_date', '>=', window.from)
      .where('subtasks.due_date', '<=', window.to)
      .where(notYetNotified('subtasks.assignee_user_id', key))
      .where((eb) =>
        eb.or([
          eb('subtasks.due_date', '>', after.due),
          eb.and([eb('subtasks.due_date', '=', after.due), eb('subtasks.id', '>', after.id)]),
        ]),
      )
      .orderBy('subtasks.due_date')
      .orderBy('subtasks.id')
      .limit(BATCH)
      .execute();
    for (const s of rows) {
      const what = `${s.title} — ${s.client_name}`;
      const due = formatDayMonth(s.due_date);
      const title =
        kind === 'overdue'
          ? `Overdue: ${what}`
          : `Due ${s.due_date === window.from ? 'tomorrow' : due}: ${what}`;
      await db.transaction().execute(async (tx) => {
        const { notified } = await notify(tx, {
          workspaceId: ws.id,
          recipients: [s.assignee_user_id],
          kind,
          title,
          body: `${kind === 'overdue' ? 'Was due' : 'Due'} ${due} (today is ${formatDayMonth(today)}). ${s.task_title}`,
          link: taskLink(s.task_id, s.assignee_role),
          dedupeKey: `${kind}:${s.id}`,
          clientId: s.client_id,
        });
        if (notified.length > 0) {
          await emitWebhookEvent(tx, ws.id, `subtask.${kind}`, {
            subtaskId: s.id,
            taskId: s.task_id,
            title: s.title,
            dueDate: s.due_date,
            assigneeUserId: s.assignee_user_id,
          });
        }
      });
    }
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    after = { due: last.due_date, id: last.id };
  }
}

/** R25: last week's update is missing → the contractor (if they sign in) and the coordinators. */
async function remindWeeklyUpdates(db: Executor, ws: WorkspaceCalendar, now: Date): Promise<void> {
  const { weekStart, missing } = await listMissingWeeklyUpdates(db, {
    workspaceId: ws.id,
    today: now,
  });
  if (missing.length === 0) return;
  const staff = await triagers(db, ws.id);
  const week = formatDayMonth(weekStart);
  for (const c of missing) {
    const dedupeKey = `weekly_update_missing:${c.contractorId}:${weekStart}`;
    await db.transaction().execute(async (tx) => {
      if (c.userId) {
        await notify(tx, {
          workspaceId: ws.id,
          recipients: [c.userId],
          kind: 'weekly_update_missing',
          title: `Your weekly update for the week of ${week} is missing`,
          body: 'Post your progress, blockers and availability changes for that week.',
          link: '/my-work',
          dedupeKey,
        });
      }
      await notify(tx, {
        workspaceId: ws.id,
        recipients: staff,
        kind: 'weekly_update_missing',
        title: `Weekly update missing: ${c.name}`,
        body: `No update for the week of ${week} yet.`,
        link: `/contractors?contractor=${encodeURIComponent(c.contractorId)}`,
        dedupeKey,
      });
    });
  }
}
