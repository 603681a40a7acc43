import { prose } from './prng';
import { AS_OF, addDays, instantOn, type World } from './world';
import type { Row } from './writer';

/** Escalations, weekly updates, recognition, announcements and the handful of people's inboxes. */
export async function writeCommunity(w: World): Promise<void> {
  const { rng, ids, workspaceId, users } = w;
  const staff = [users.admin, users.coordinator, ...users.strategists, users.qa, users.finance];
  const people = [...staff, ...users.contractors];

  const escalations: Row<'escalations'>[] = [];
  for (let i = 0; i < Math.max(3, Math.round(w.size.tasks / 100)); i++) {
    const opened = addDays(AS_OF, -rng.int(0, 5 * 365));
    const resolved = opened < addDays(AS_OF, -20) || rng.chance(0.5);
    escalations.push({
      id: ids.next(),
      workspace_id: workspaceId,
      task_id: null,
      contractor_id: rng.pick(w.contractors).id,
      category: rng.pick(['missed_deadline', 'quality', 'communication', 'other']),
      severity: rng.pick(['low', 'medium', 'high']),
      description: prose(rng, 120),
      status: resolved ? 'resolved' : 'open',
      opened_by: rng.pick(staff),
      opened_at: instantOn(rng, opened),
      acknowledged_by: resolved ? users.admin : null,
      acknowledged_at: resolved ? instantOn(rng, opened) : null,
      resolved_by: resolved ? users.admin : null,
      resolved_at: resolved ? instantOn(rng, addDays(opened, 3)) : null,
      resolution_notes: resolved ? prose(rng, 80) : null,
      version: resolved ? 3 : 1,
    });
  }

  // Two years of weekly updates from the active contractors (a few weeks skipped).
  const updates: Row<'weekly_updates'>[] = [];
  const firstMonday = '2024-11-25';
  for (const c of w.contractors.slice(0, Math.ceil(w.contractors.length * 0.9))) {
    for (let week = 0; week < 104; week++) {
      if (rng.chance(0.15)) continue;
      const weekStart = addDays(firstMonday, week * 7);
      const at = instantOn(rng, addDays(weekStart, 4));
      updates.push({
        id: ids.next(),
        workspace_id: workspaceId,
        contractor_id: c.id,
        week_start: weekStart,
        progress: prose(rng, 160),
        blockers: rng.chance(0.2) ? prose(rng, 60) : '',
        availability_changes: '',
        submitted_at: at,
        submitted_by: c.userId ?? users.coordinator,
        updated_at: at,
      });
    }
  }

  const recognitions: Row<'recognitions'>[] = Array.from(
    { length: Math.max(5, Math.round(w.size.tasks / 20)) },
    () => ({
      id: ids.next(),
      workspace_id: workspaceId,
      contractor_id: rng.pick(w.contractors).id,
      task_id: null,
      kind: rng.chance(0.7) ? 'kudos' : 'feedback',
      body: prose(rng, 120),
      author_id: rng.pick(staff),
      created_at: instantOn(rng, addDays(AS_OF, -rng.int(0, 5 * 365))),
    }),
  );

  const announcements: Row<'announcements'>[] = Array.from({ length: 60 }, (_, i) => {
    const at = instantOn(rng, addDays(AS_OF, -i * 30));
    return {
      id: ids.next(),
      workspace_id: workspaceId,
      title: prose(rng, 30),
      body: prose(rng, 400),
      audience: i % 3 === 0 ? 'staff' : 'everyone',
      pinned: i === 0 ? 1 : 0,
      author_id: users.admin,
      published_at: at,
      updated_at: at,
      version: 1,
    };
  });
  const reads: Row<'announcement_reads'>[] = [];
  for (const a of announcements.slice(1)) {
    for (const u of people)
      reads.push({ announcement_id: a.id, user_id: u, read_at: a.published_at });
  }

  // Each of the handful of people has a few hundred notifications, most of them read.
  const notifications: Row<'notifications'>[] = [];
  for (const u of people) {
    for (let i = 0; i < 300; i++) {
      const at = instantOn(rng, addDays(AS_OF, -Math.floor(i / 2)));
      notifications.push({
        id: ids.next(),
        workspace_id: workspaceId,
        user_id: u,
        kind: rng.pick(['assigned', 'due_tomorrow', 'overdue', 'revision_requested', 'qa_passed']),
        title: prose(rng, 40),
        body: prose(rng, 100),
        link: '/board',
        dedupe_key: `bench:${i}`,
        in_app: 1,
        read_at: i < 8 ? null : at,
        created_at: at,
      });
    }
  }

  await w.db.transaction().execute(async (tx) => {
    await w.writer.insert(tx, 'escalations', escalations);
    await w.writer.insert(tx, 'weekly_updates', updates);
    await w.writer.insert(tx, 'recognitions', recognitions);
    await w.writer.insert(tx, 'announcements', announcements);
    await w.writer.insert(tx, 'announcement_reads', reads);
    await w.writer.insert(tx, 'notifications', notifications);
  });
}
