import ical from 'ical-generator';
import { addCalendarDays, calendarDayIn, type IsoDate } from '../../../domain/calendar';
import type { Executor } from '../../db';
import { hashSecret } from '../../lib/ids';
import { taskLink } from '../notifications';
import { FEED_TOKEN_KINDS, isStaff } from './service';

const PAST_DAYS = 60;
const FUTURE_DAYS = 400;

// A calendar day as the UTC midnight ical-generator writes back as that same DATE value.
const utcDay = (date: IsoDate) => new Date(`${date}T00:00:00.000Z`);

/**
 * Renders a due-date feed for its secret token, or null (unknown, revoked, or its owner no longer
 * a member — or no longer staff, for the team feed). Open subtasks are all-day events on their
 * due date (a due date is a calendar day, the same in every zone); the calendar carries the
 * person's time zone so apps show it in their day.
 */
export async function renderDueFeed(
  db: Executor,
  token: string,
  publicUrl: string,
): Promise<string | null> {
  const feed = await db
    .selectFrom('feed_tokens')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.workspace_id', '=', 'feed_tokens.workspace_id')
        .onRef('memberships.user_id', '=', 'feed_tokens.subject_id'),
    )
    .innerJoin('workspaces', 'workspaces.id', 'feed_tokens.workspace_id')
    .select([
      'feed_tokens.kind',
      'feed_tokens.workspace_id',
      'feed_tokens.subject_id',
      'memberships.role',
      'memberships.time_zone',
      'workspaces.time_zone as workspace_time_zone',
      'workspaces.name as workspace_name',
    ])
    .where('feed_tokens.token_hash', '=', hashSecret(token))
    .where('feed_tokens.revoked_at', 'is', null)
    .where('feed_tokens.kind', 'in', [FEED_TOKEN_KINDS.person, FEED_TOKEN_KINDS.team])
    .executeTakeFirst();
  if (!feed) return null;
  const team = feed.kind === FEED_TOKEN_KINDS.team;
  if (team && !isStaff(feed.role)) return null;
  const timeZone = feed.time_zone ?? feed.workspace_time_zone;
  const today = calendarDayIn(new Date(), feed.workspace_time_zone);

  let q = db
    .selectFrom('subtasks')
    .innerJoin('tasks', 'tasks.id', 'subtasks.task_id')
    .innerJoin('clients', 'clients.id', 'tasks.client_id')
    .leftJoin('user as assignee', 'assignee.id', 'subtasks.assignee_user_id')
    .select([
      'subtasks.id',
      'subtasks.title',
      'subtasks.due_date',
      'subtasks.assignee_role',
      'tasks.id as task_id',
      'tasks.title as task_title',
      'clients.name as client_name',
      'assignee.name as assignee_name',
    ])
    .where('subtasks.workspace_id', '=', feed.workspace_id)
    .where('subtasks.status', '=', 'todo')
    .where('tasks.status', 'not in', ['closed', 'cancelled'])
    .where('subtasks.due_date', '>=', addCalendarDays(today, -PAST_DAYS))
    .where('subtasks.due_date', '<=', addCalendarDays(today, FUTURE_DAYS));
  if (!team) q = q.where('subtasks.assignee_user_id', '=', feed.subject_id);
  const rows = await q.orderBy('subtasks.due_date').orderBy('subtasks.id').limit(5000).execute();

  const calendar = ical({
    name: team ? `${feed.workspace_name} · due dates (Handoff)` : 'My due dates (Handoff)',
    prodId: { company: 'Handoff', product: 'due-dates', language: 'EN' },
    timezone: timeZone,
    ttl: 15 * 60,
  });
  const viewer = team ? 'staff' : feed.role;
  for (const r of rows) {
    const who = team
      ? ` · ${r.assignee_name ?? (r.assignee_role === 'qa' ? 'QA' : 'unassigned')}`
      : '';
    const url = `${publicUrl}${taskLink(r.task_id, viewer)}`;
    calendar.createEvent({
      id: `${r.id}@handoff`,
      allDay: true,
      start: utcDay(r.due_date),
      end: utcDay(addCalendarDays(r.due_date, 1)),
      summary: `Due: ${r.title} — ${r.client_name}${who}`,
      description: `${r.task_title}\n${url}`,
      url,
    });
  }
  return calendar.toString();
}
