import { calendarDayIn, type IsoDate } from '../../domain/calendar';
import { formatDayMonth } from '../../domain/format';
import type { AppContext } from '../context';
import type { Executor } from '../db';
import { notify } from '../features/notifications/notify';
import { flushRequestedRuns } from './kick';
import { isDigestTime, isoWeekKey, weekOf } from './rules';
import { eachWorkspace, type WorkspaceCalendar } from './workspaces';

/**
 * The weekly digest (R31): Monday from 08:00 in each person's time zone, one e-mail with what is
 * due this week, what is late and what waits on them. The dedupe key is the ISO week, so the
 * hourly job sends it once per person per week; a person with nothing on their plate gets none.
 */

const MAX_LINES = 15;
const TRIAGERS = ['admin', 'coordinator'];

export async function runWeeklyDigest(ctx: AppContext, now = new Date()): Promise<void> {
  const db = ctx.database.db;
  for await (const ws of eachWorkspace(db)) {
    const members = await db
      .selectFrom('memberships')
      .select(['user_id', 'role', 'time_zone'])
      .where('workspace_id', '=', ws.id)
      .orderBy('user_id')
      .limit(5000)
      .execute();
    for (const m of members) {
      const timeZone = m.time_zone ?? ws.timeZone;
      if (!isDigestTime(now, timeZone)) continue;
      const localToday = calendarDayIn(now, timeZone);
      const dedupeKey = `weekly_digest:${ws.id}:${isoWeekKey(localToday)}`;
      const sent = await db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', m.user_id)
        .where('dedupe_key', '=', dedupeKey)
        .executeTakeFirst();
      if (sent) continue;
      const digest = await composeDigest(db, ws, m, localToday, calendarDayIn(now, ws.timeZone));
      if (!digest) continue;
      await db.transaction().execute((tx) =>
        notify(tx, {
          workspaceId: ws.id,
          recipients: [m.user_id],
          kind: 'weekly_digest',
          title: digest.title,
          body: digest.body,
          link: '/my-work',
          dedupeKey,
        }),
      );
    }
    flushRequestedRuns();
  }
}

interface Line {
  date: IsoDate;
  text: string;
}

function section(heading: string, lines: Line[]): string[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, MAX_LINES).map((l) => `• ${formatDayMonth(l.date)} — ${l.text}`);
  if (lines.length > MAX_LINES) shown.push(`• …and ${lines.length - MAX_LINES} more`);
  return [heading, ...shown, ''];
}

/** The digest's title and body for one person, or null when there is nothing to tell. */
export async function composeDigest(
  db: Executor,
  ws: WorkspaceCalendar,
  member: { user_id: string; role: string },
  localToday: IsoDate,
  workspaceToday: IsoDate,
): Promise<{ title: string; body: string } | null> {
  const week = weekOf(localToday);
  const open = db
    .selectFrom('subtasks')
    .innerJoin('tasks', 'tasks.id', 'subtasks.task_id')
    .innerJoin('clients', 'clients.id', 'tasks.client_id')
    .select(['subtasks.title', 'subtasks.due_date', 'clients.name as client_name'])
    .where('subtasks.workspace_id', '=', ws.id)
    .where('subtasks.assignee_user_id', '=', member.user_id)
    .where('subtasks.status', '=', 'todo')
    .where('tasks.status', 'not in', ['closed', 'cancelled']);
  const toLine = (r: { title: string; due_date: string; client_name: string }): Line => ({
    date: r.due_date,
    text: `${r.title} — ${r.client_name}`,
  });
  const due = (
    await open
      .where('subtasks.due_date', '>=', workspaceToday > week.monday ? workspaceToday : week.monday)
      .where('subtasks.due_date', '<=', week.sunday)
      .orderBy('subtasks.due_date')
      .limit(100)
      .execute()
  ).map(toLine);
  const late = (
    await open
      .where('subtasks.due_date', '<', workspaceToday)
      .orderBy('subtasks.due_date')
      .limit(100)
      .execute()
  ).map(toLine);
  const waiting: Line[] = [];
  if (TRIAGERS.includes(member.role)) {
    const requests = await db
      .selectFrom('requests')
      .innerJoin('clients', 'clients.id', 'requests.client_id')
      .select(['requests.due_date', 'clients.name'])
      .where('requests.workspace_id', '=', ws.id)
      .where('requests.status', '=', 'submitted')
      .orderBy('requests.due_date')
      .limit(100)
      .execute();
    for (const r of requests) waiting.push({ date: r.due_date, text: `Triage: ${r.name}` });
  }
  if (member.role === 'contractor') {
    const briefs = await db
      .selectFrom('tasks')
      .innerJoin('contractors', 'contractors.id', 'tasks.contractor_id')
      .innerJoin('clients', 'clients.id', 'tasks.client_id')
      .select(['tasks.due_date', 'clients.name'])
      .where('tasks.workspace_id', '=', ws.id)
      .where('contractors.user_id', '=', member.user_id)
      .where('tasks.brief_acknowledged_at', 'is', null)
      .where('tasks.status', 'not in', ['closed', 'cancelled'])
      .orderBy('tasks.due_date')
      .limit(100)
      .execute();
    for (const b of briefs)
      waiting.push({ date: b.due_date, text: `Acknowledge the brief: ${b.name}` });
  }
  if (due.length + late.length + waiting.length === 0) return null;
  const body = [
    ...section(
      `Due this week (${formatDayMonth(week.monday)} – ${formatDayMonth(week.sunday)}):`,
      due,
    ),
    ...section('Late:', late),
    ...section('Waiting on you:', waiting),
  ]
    .join('\n')
    .trim();
  const parts = [`${due.length} due`, `${late.length} late`];
  if (waiting.length > 0) parts.push(`${waiting.length} waiting on you`);
  return { title: `Your week: ${parts.join(', ')}`, body };
}
