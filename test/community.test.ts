import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDayIn } from '../src/domain/calendar';
import { lastWeekStart, mondayOf } from '../src/domain/weekly-updates';
import { listMissingWeeklyUpdates } from '../src/server/features/weekly-updates';
import { createSecondWorkspace } from './support/clients';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';
import { demoContractor } from './support/work';

const NY = 'America/New_York';

describe.each(testDialects())(
  'R25 R26 weekly updates, recognition, announcements on %s',
  (dialect) => {
    let t: TestApp;
    let contractor: Client;
    let coordinator: Client;
    let admin: Client;
    let strategist: Client;
    let selfId = '';
    let otherId = '';
    let today = '';

    beforeAll(async () => {
      t = await createTestApp(dialect);
      [contractor, coordinator, admin, strategist] = await Promise.all([
        t.as('contractor'),
        t.as('coordinator'),
        t.as('admin'),
        t.as('strategist'),
      ]);
      selfId = (await demoContractor(t)).id;
      otherId = t.demo.contractorIds.find((id) => id !== selfId) ?? '';
      today = calendarDayIn(new Date(), NY);
    });
    afterAll(async () => {
      await t?.close();
    });

    const names = (people: { name: string }[]) => people.map((p) => p.name).sort();

    it('R25 a contractor posts his update for this week; posting again edits the same one', async () => {
      const body = { progress: 'Drafted 6 of 10 captions', blockers: 'Need photos' };
      const first = await contractor.post('/api/weekly-updates', body);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        weekStart: mondayOf(today),
        progress: 'Drafted 6 of 10 captions',
        late: false,
      });
      const second = await contractor.post('/api/weekly-updates', {
        ...body,
        progress: 'All 10 drafted',
      });
      expect(second.statusCode).toBe(200);
      const edit = await contractor.put('/api/weekly-updates', {
        progress: 'All 10 drafted and shared',
        availabilityChanges: 'Off Friday',
      });
      expect(edit.statusCode).toBe(200);
      const rows = await t.database.db
        .selectFrom('weekly_updates')
        .selectAll()
        .where('contractor_id', '=', selfId)
        .where('week_start', '=', mondayOf(today))
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        progress: 'All 10 drafted and shared',
        blockers: '',
        availability_changes: 'Off Friday',
      });
      const mine = (await contractor.get('/api/weekly-updates/mine')).json();
      expect(mine.items[0].weekStart).toBe(mondayOf(today));
      expect(mine.lastWeekMissing).toBe(false);
    });

    it('R25 only this week or (late) last week; a week starts on a Monday; roles are checked', async () => {
      const monday = mondayOf(today);
      expect(
        (
          await contractor.post('/api/weekly-updates', {
            weekStart: addCalendarDays(monday, 1),
            progress: 'x',
          })
        ).statusCode,
      ).toBe(400);
      const old = await contractor.post('/api/weekly-updates', {
        weekStart: addCalendarDays(monday, -14),
        progress: 'Old news',
      });
      expect(old.statusCode).toBe(422);
      expect(old.json().error.rule).toBe('R25');
      expect((await contractor.post('/api/weekly-updates', { progress: '' })).statusCode).toBe(400);
      expect((await strategist.post('/api/weekly-updates', { progress: 'x' })).statusCode).toBe(
        403,
      );
      expect((await contractor.get('/api/weekly-updates')).statusCode).toBe(403);
      expect((await t.as('qa').then((c) => c.get('/api/weekly-updates'))).statusCode).toBe(403);
    });

    it('R25 staff see a week with the missing flagged from Monday; paused contractors never are', async () => {
      // The demo: four of the six active contractors posted last week.
      const last = (
        await strategist.get(`/api/weekly-updates?week=${lastWeekStart(today)}`)
      ).json();
      expect(last.over).toBe(true);
      expect(last.submitted).toHaveLength(4);
      expect(names(last.missing)).toEqual(['Oliver Hughes', 'Tomás Ferreira']);
      expect(names(last.missing)).not.toContain('Ethan Cole'); // paused
      // This week is running: nobody is flagged yet, the rest are only pending.
      const current = (await coordinator.get(`/api/weekly-updates?week=${mondayOf(today)}`)).json();
      expect(current).toMatchObject({ over: false, missing: [] });
      expect(current.submitted.map((u: { contractor: { id: string } }) => u.contractor.id)).toEqual(
        [selfId],
      );
      expect(current.pending).toHaveLength(5);
      // The reminder job's view: Sunday still counts last week; from Monday this week is owed.
      const sunday = addCalendarDays(mondayOf(today), 6);
      const nextMonday = addCalendarDays(mondayOf(today), 7);
      const onSunday = await listMissingWeeklyUpdates(t.database.db, {
        workspaceId: t.demo.workspaceId,
        today: sunday,
      });
      expect(onSunday.weekStart).toBe(lastWeekStart(today));
      expect(onSunday.missing.map((m) => m.name).sort()).toEqual([
        'Oliver Hughes',
        'Tomás Ferreira',
      ]);
      const onMonday = await listMissingWeeklyUpdates(t.database.db, {
        workspaceId: t.demo.workspaceId,
        today: nextMonday,
      });
      expect(onMonday.weekStart).toBe(mondayOf(today));
      expect(onMonday.missing).toHaveLength(5);
      expect(onMonday.missing.map((m) => m.contractorId)).not.toContain(selfId);
      // Re-activated today: he owes nothing for a week that began before (unless today is Monday).
      const paused = await t.database.db
        .selectFrom('contractors')
        .select(['id', 'version'])
        .where('workspace_id', '=', t.demo.workspaceId)
        .where('status', '=', 'paused')
        .executeTakeFirstOrThrow();
      const activate = await coordinator.post(`/api/contractors/${paused.id}/status`, {
        status: 'active',
        version: paused.version,
      });
      expect(activate.statusCode).toBe(200);
      const after = await listMissingWeeklyUpdates(t.database.db, {
        workspaceId: t.demo.workspaceId,
        today: nextMonday,
      });
      const owes = after.missing.some((m) => m.contractorId === paused.id);
      expect(owes).toBe(today === mondayOf(today));
    });

    it('R25 kudos and feedback go into the contractor’s record; he sees his own, not another’s', async () => {
      const kudos = await strategist.post(`/api/contractors/${selfId}/recognitions`, {
        kind: 'kudos',
        body: 'Captions nailed the voice on the first draft.',
      });
      expect(kudos.statusCode).toBe(201);
      expect(kudos.json()).toMatchObject({
        kind: 'kudos',
        author: { id: t.demo.users.strategist },
      });
      const feedback = await coordinator.post(`/api/contractors/${selfId}/recognitions`, {
        kind: 'feedback',
        body: 'Flag late drafts before the due date, so we can move the review.',
      });
      expect(feedback.statusCode).toBe(201);
      expect(
        (
          await t
            .as('qa')
            .then((c) =>
              c.post(`/api/contractors/${selfId}/recognitions`, { kind: 'kudos', body: 'Nice!' }),
            )
        ).statusCode,
      ).toBe(403);
      const own = (await contractor.get(`/api/contractors/${selfId}/recognitions`)).json().items;
      expect(own.map((r: { kind: string }) => r.kind)).toEqual(
        expect.arrayContaining(['kudos', 'feedback']),
      );
      expect(own[0].id).toBe(feedback.json().id);
      expect((await contractor.get(`/api/contractors/${otherId}/recognitions`)).statusCode).toBe(
        404,
      );
      expect(
        (await t.as('finance').then((c) => c.get(`/api/contractors/${otherId}/recognitions`)))
          .statusCode,
      ).toBe(200);
      // About a task: it must be one of his.
      const otherTask = await t.database.db
        .selectFrom('tasks')
        .select('id')
        .where('workspace_id', '=', t.demo.workspaceId)
        .where('contractor_id', '!=', selfId)
        .executeTakeFirstOrThrow();
      const wrongTask = await strategist.post(`/api/contractors/${selfId}/recognitions`, {
        kind: 'kudos',
        body: 'Great reel.',
        taskId: otherTask.id,
      });
      expect(wrongTask.statusCode).toBe(404);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'recognition')
        .where('entity_id', '=', kudos.json().id)
        .execute();
      expect(audit).toEqual([{ action: 'kudos_given' }]);
    });

    it('R26 contractors read announcements for everyone, never staff-only ones; pinned first; unread count', async () => {
      const everyone = await admin.post('/api/announcements', {
        title: 'Office closed Friday',
        body: 'Deliveries move to Monday.',
      });
      expect(everyone.statusCode).toBe(201);
      expect(everyone.json()).toMatchObject({ audience: 'everyone', pinned: false, read: true });
      const staffOnly = await coordinator.post('/api/announcements', {
        title: 'Budget talk for staff',
        body: 'Internal only.',
        audience: 'staff',
      });
      expect(staffOnly.statusCode).toBe(201);
      expect(
        (await strategist.post('/api/announcements', { title: 'x', body: 'y' })).statusCode,
      ).toBe(403);
      expect(
        (await contractor.post('/api/announcements', { title: 'x', body: 'y' })).statusCode,
      ).toBe(403);

      const list = (await contractor.get('/api/announcements')).json();
      const ids = list.items.map((a: { id: string }) => a.id);
      expect(ids).toContain(everyone.json().id);
      expect(ids).not.toContain(staffOnly.json().id);
      expect(list.items.every((a: { audience: string }) => a.audience === 'everyone')).toBe(true);
      expect(list.items[0].pinned).toBe(true); // the demo's pinned holiday schedule
      expect((await contractor.get(`/api/announcements/${staffOnly.json().id}`)).statusCode).toBe(
        404,
      );
      expect(
        (await contractor.post(`/api/announcements/${staffOnly.json().id}/read`)).statusCode,
      ).toBe(404);
      expect((await strategist.get(`/api/announcements/${staffOnly.json().id}`)).statusCode).toBe(
        200,
      );

      const unread = list.unreadCount;
      expect(unread).toBeGreaterThan(0);
      expect(
        (await contractor.post(`/api/announcements/${everyone.json().id}/read`)).statusCode,
      ).toBe(200);
      expect((await contractor.get('/api/announcements/unread-count')).json().count).toBe(
        unread - 1,
      );
      await contractor.post('/api/announcements/read-all');
      expect((await contractor.get('/api/announcements/unread-count')).json().count).toBe(0);
    });

    it('R26 admins and coordinators edit (optimistic) and delete announcements, audited', async () => {
      const a = (await admin.post('/api/announcements', { title: 'Draft', body: 'Body' })).json();
      const edited = await coordinator.patch(`/api/announcements/${a.id}`, {
        version: 1,
        title: 'Final',
        pinned: true,
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ title: 'Final', pinned: true, version: 2 });
      const stale = await admin.patch(`/api/announcements/${a.id}`, { version: 1, title: 'Again' });
      expect(stale.statusCode).toBe(409);
      expect((await admin.delete(`/api/announcements/${a.id}`)).statusCode).toBe(200);
      expect((await admin.get(`/api/announcements/${a.id}`)).statusCode).toBe(404);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', a.id)
        .orderBy('id')
        .execute();
      expect(audit.map((x) => x.action)).toEqual(['published', 'edited', 'deleted']);
    });

    it('another workspace: our updates, recognition and announcements are not found there; rows unchanged', async () => {
      const outsider = await createSecondWorkspace(t, dialect);
      const ours = (await admin.get('/api/announcements')).json().items[0];
      const before = await t.database.db
        .selectFrom('announcements')
        .selectAll()
        .where('id', '=', ours.id)
        .executeTakeFirstOrThrow();
      expect((await outsider.get(`/api/announcements/${ours.id}`)).statusCode).toBe(404);
      expect(
        (
          await outsider.patch(`/api/announcements/${ours.id}`, {
            version: ours.version,
            title: 'Hijacked',
          })
        ).statusCode,
      ).toBe(404);
      expect((await outsider.delete(`/api/announcements/${ours.id}`)).statusCode).toBe(404);
      expect((await outsider.post(`/api/announcements/${ours.id}/read`)).statusCode).toBe(404);
      expect((await outsider.get('/api/announcements')).json().items).toEqual([]);
      expect((await outsider.get(`/api/contractors/${selfId}/recognitions`)).statusCode).toBe(404);
      expect(
        (
          await outsider.post(`/api/contractors/${selfId}/recognitions`, {
            kind: 'kudos',
            body: 'Hello there',
          })
        ).statusCode,
      ).toBe(404);
      const week = (await outsider.get(`/api/weekly-updates?week=${lastWeekStart(today)}`)).json();
      expect(week).toMatchObject({ submitted: [], missing: [] });
      const after = await t.database.db
        .selectFrom('announcements')
        .selectAll()
        .where('id', '=', ours.id)
        .executeTakeFirstOrThrow();
      expect(after).toEqual(before);
    });
  },
);
