import type {
  MyWeeklyUpdates,
  WeeklyUpdate,
  WeeklyUpdateBody,
  WeeklyUpdatesForWeek,
} from '../../../contracts/community';
import { calendarDayIn, type IsoDate } from '../../../domain/calendar';
import { RuleViolation } from '../../../domain/rule-violation';
import {
  isWeekOver,
  lastWeekStart,
  missingForWeek,
  mondayOf,
  weekEnd,
} from '../../../domain/weekly-updates';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { notFound } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import { findSelfContractor } from '../contractors';
import * as q from './queries';

const dayOf = (value: Date | IsoDate, tz: string): IsoDate =>
  typeof value === 'string' ? value : calendarDayIn(value, tz);

function present(row: q.WeeklyUpdateRow, tz: string): WeeklyUpdate {
  return {
    id: row.id,
    contractor: { id: row.contractor_id, name: row.contractor_name },
    weekStart: row.week_start,
    progress: row.progress,
    blockers: row.blockers,
    availabilityChanges: row.availability_changes,
    submittedAt: row.submitted_at,
    late: calendarDayIn(new Date(row.submitted_at), tz) > weekEnd(row.week_start),
  };
}

async function selfOrNotFound(db: Executor, actor: Actor) {
  const self = await findSelfContractor(db, actor);
  if (!self) throw notFound('Contractor');
  return self;
}

/**
 * R25: a contractor posts (or, posting again, edits) his update for this week or, late, for last
 * week. `mustExist` is the edit (PUT): there must already be an update for that week.
 */
export async function saveWeeklyUpdate(
  db: Executor,
  actor: Actor,
  body: WeeklyUpdateBody,
  options: { mustExist: boolean },
): Promise<{ created: boolean; update: WeeklyUpdate }> {
  const tz = await q.workspaceTimeZone(db, actor.workspaceId);
  const self = await selfOrNotFound(db, actor);
  const today = calendarDayIn(new Date(), tz);
  const thisWeek = mondayOf(today);
  const weekStart = body.weekStart ?? thisWeek;
  if (weekStart !== thisWeek && weekStart !== lastWeekStart(today)) {
    throw new RuleViolation('R25', 'Post the update for this week, or (late) for last week', {
      weekStart,
      thisWeek,
    });
  }
  const fields = {
    progress: body.progress.trim(),
    blockers: (body.blockers ?? '').trim(),
    availability_changes: (body.availabilityChanges ?? '').trim(),
  };
  const created = await db.transaction().execute(async (tx) => {
    const scope = { workspaceId: actor.workspaceId, contractorId: self.id, weekStart };
    const existing = await q.findUpdate(tx, scope);
    if (!existing && options.mustExist) throw notFound('Weekly update');
    const now = nowIso();
    const saved = await tx
      .insertInto('weekly_updates')
      .values({
        id: newId(),
        workspace_id: actor.workspaceId,
        contractor_id: self.id,
        week_start: weekStart,
        ...fields,
        submitted_at: now,
        submitted_by: actor.userId,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['contractor_id', 'week_start']).doUpdateSet({ ...fields, updated_at: now }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      entityType: 'weekly_update',
      entityId: saved.id,
      action: existing ? 'edited' : 'submitted',
      before: existing
        ? {
            progress: existing.progress,
            blockers: existing.blockers,
            availabilityChanges: existing.availability_changes,
          }
        : undefined,
      after: { weekStart, ...fields },
    });
    return !existing;
  });
  const [row] = await q.updatesForWeek(db, {
    workspaceId: actor.workspaceId,
    weekStart,
    contractorId: self.id,
  });
  return { created, update: present(row, tz) };
}

/** R25, the contractor's side: his recent updates and whether last week's is missing. */
export async function myWeeklyUpdates(db: Executor, actor: Actor): Promise<MyWeeklyUpdates> {
  const tz = await q.workspaceTimeZone(db, actor.workspaceId);
  const self = await selfOrNotFound(db, actor);
  const today = calendarDayIn(new Date(), tz);
  const rows = await q.updatesOfContractor(db, {
    workspaceId: actor.workspaceId,
    contractorId: self.id,
    limit: 26,
  });
  const lastWeek = lastWeekStart(today);
  const active = (
    await q.activeContractors(db, { workspaceId: actor.workspaceId, timeZone: tz })
  ).filter((c) => c.id === self.id);
  const updates = rows.map((r) => ({ contractorId: r.contractor_id, weekStart: r.week_start }));
  return {
    today,
    currentWeek: mondayOf(today),
    lastWeek,
    lastWeekMissing: missingForWeek(active, updates, lastWeek, today).length > 0,
    items: rows.map((r) => present(r, tz)),
  };
}

/** R25, the staff side: a week's updates and, once it is over, who is missing. */
export async function weekForStaff(
  db: Executor,
  actor: Actor,
  week: IsoDate | undefined,
): Promise<WeeklyUpdatesForWeek> {
  const tz = await q.workspaceTimeZone(db, actor.workspaceId);
  const today = calendarDayIn(new Date(), tz);
  const weekStart = week ?? lastWeekStart(today);
  const rows = await q.updatesForWeek(db, { workspaceId: actor.workspaceId, weekStart });
  const active = await q.activeContractors(db, { workspaceId: actor.workspaceId, timeZone: tz });
  const updates = rows.map((r) => ({ contractorId: r.contractor_id, weekStart: r.week_start }));
  const posted = new Set(updates.map((u) => u.contractorId));
  const over = isWeekOver(weekStart, today);
  const person = (c: q.ActiveContractor) => ({ id: c.id, name: c.name });
  return {
    week: weekStart,
    today,
    over,
    submitted: rows.map((r) => present(r, tz)),
    missing: missingForWeek(active, updates, weekStart, today).map(person),
    pending: over || weekStart > today ? [] : active.filter((c) => !posted.has(c.id)).map(person),
  };
}

/**
 * R25 for the reminder job: who is missing last week's update on `today` (an instant, or a
 * calendar day of the workspace), with the user to remind when the contractor signs in.
 */
export async function listMissingWeeklyUpdates(
  db: Executor,
  scope: { workspaceId: string; today: Date | IsoDate },
): Promise<{
  weekStart: IsoDate;
  missing: { contractorId: string; name: string; userId: string | null }[];
}> {
  const tz = await q.workspaceTimeZone(db, scope.workspaceId);
  const today = dayOf(scope.today, tz);
  const weekStart = lastWeekStart(today);
  const active = await q.activeContractors(db, { workspaceId: scope.workspaceId, timeZone: tz });
  const rows = await q.updatesForWeek(db, { workspaceId: scope.workspaceId, weekStart });
  const updates = rows.map((r) => ({ contractorId: r.contractor_id, weekStart: r.week_start }));
  return {
    weekStart,
    missing: missingForWeek(active, updates, weekStart, today).map((c) => ({
      contractorId: c.id,
      name: c.name,
      userId: c.userId,
    })),
  };
}
