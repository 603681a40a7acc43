import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDayIn } from '../src/domain/calendar';
import { deliverOutbound, onTaskAssigned } from '../src/server/features/notifications';
import { JOBS } from '../src/server/jobs';
import { runWeeklyDigest } from '../src/server/jobs/digest';
import { runReminders } from '../src/server/jobs/reminders';
import { startScheduler } from '../src/server/jobs/scheduler';
import { createSecondWorkspace, demoClientId } from './support/clients';
import { testDialects } from './support/databases';
import { createTestApp, type TestApp } from './support/harness';
import { eventually, type ReceivedMail, startReceiver, startSmtp } from './support/receivers';
import { demoContractor, insertRequest, insertTask, notificationsOf } from './support/work';

// Thu 3 Dec 2026, 10:00 in New York (the demo workspace's zone); Fri 4 Dec is the next business day.
const THURSDAY = new Date('2026-12-03T15:00:00Z');
const LATER = new Date('2026-12-03T16:00:00Z');

describe.each(testDialects())('R31 reminders and notifications on %s', (dialect) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let slack: Awaited<ReturnType<typeof startReceiver>>;
  /** Who got an e-mail that mentions `needle` (an id in its link), sorted. */
  const mailsTo = (needle: string) =>
    smtp.mails
      .filter((m: ReceivedMail) => m.text.includes(needle))
      .flatMap((m) => m.to)
      .sort();
  let lateRequest = '';
  let reminderTask = '';

  beforeAll(async () => {
    smtp = await startSmtp();
    slack = await startReceiver();
    t = await createTestApp(dialect, {
      SMTP_URL: smtp.url,
      SLACK_WEBHOOK_URL: `${slack.url}/workspace`,
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await slack?.close();
  });

  it('R31 a request waiting a full business day notifies each coordinator and admin once, however often the job runs', async () => {
    const late = await insertRequest(t, { submittedAt: '2026-12-02T14:00:00.000Z' }); // Wed 09:00
    lateRequest = late;
    const fresh = await insertRequest(t, { submittedAt: '2026-12-02T16:00:00.000Z' }); // Wed 11:00
    await runReminders(t.ctx, THURSDAY);
    await runReminders(t.ctx, THURSDAY);
    const rows = (await notificationsOf(t, 'request_waiting_triage')).filter((n) =>
      n.dedupe_key.endsWith(late),
    );
    expect(rows.map((r) => r.user_id).sort()).toEqual(
      [t.demo.users.admin, t.demo.users.coordinator].sort(),
    );
    expect(rows[0]).toMatchObject({
      title: 'Waiting for triage: Harbor & Vine Coffee',
      link: `/requests?request=${late}`,
    });
    const early = (await notificationsOf(t, 'request_waiting_triage')).filter((n) =>
      n.dedupe_key.endsWith(fresh),
    );
    expect(early).toHaveLength(0);
  });

  it('R31 due-tomorrow and overdue reminders reach the assignee once per subtask, linking to the task', async () => {
    const { taskId, subtaskIds } = await insertTask(t, {
      subtasks: [
        { title: 'First draft', dueDate: '2026-12-04', assignee: 'contractor' },
        { title: 'Strategist scrub', dueDate: '2026-12-02', assignee: 'strategist' },
        { title: 'QA review', dueDate: '2026-12-01', assignee: 'qa' },
        { title: 'Brand training', dueDate: '2026-12-01', assignee: 'contractor', status: 'done' },
      ],
    });
    reminderTask = taskId;
    await runReminders(t.ctx, THURSDAY);
    await runReminders(t.ctx, LATER);
    const due = (await notificationsOf(t, 'due_tomorrow')).filter((n) =>
      subtaskIds.some((id) => n.dedupe_key === `due_tomorrow:${id}`),
    );
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      user_id: t.demo.users.contractor,
      title: 'Due tomorrow: First draft — Harbor & Vine Coffee',
      link: `/my-work?task=${taskId}`,
    });
    const overdue = (await notificationsOf(t, 'overdue')).filter((n) =>
      subtaskIds.some((id) => n.dedupe_key === `overdue:${id}`),
    );
    // The QA subtask has no single assignee and the done one is done: only the scrub is late.
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      user_id: t.demo.users.strategist,
      title: 'Overdue: Strategist scrub — Harbor & Vine Coffee',
      link: `/board?task=${taskId}`,
    });
  });

  it('R31 e-mail leaves through SMTP to the right people, once', async () => {
    await deliverOutbound(t.ctx, LATER);
    await deliverOutbound(t.ctx, LATER);
    expect(mailsTo(`/requests?request=${lateRequest}`)).toEqual([
      'admin@demo.handoff.test',
      'coordinator@demo.handoff.test',
    ]);
    expect(mailsTo(`/board?task=${reminderTask}`)).toEqual(['strategist@demo.handoff.test']);
    expect(mailsTo(`/my-work?task=${reminderTask}`)).toEqual(['contractor@demo.handoff.test']);
    const overdue = smtp.mails.find((m) => m.text.includes(`/board?task=${reminderTask}`));
    expect(overdue?.text).toContain('Was due Wed 2 Dec (today is Thu 3 Dec).');
    expect(overdue?.text).toContain('notification settings: http://localhost:3000/me/settings');
    const pending = await t.database.db
      .selectFrom('outbound_messages')
      .select('id')
      .where('sent_at', 'is', null)
      .execute();
    expect(pending).toHaveLength(0);
  });

  it('R31 Slack gets one message per event naming the people; a client channel wins', async () => {
    const triage = slack.requests.filter((r) => r.body.includes(lateRequest));
    expect(triage).toHaveLength(1);
    expect(triage[0].path).toBe('/workspace');
    const text = JSON.parse(triage[0].body).text as string;
    expect(text).toContain('Kassandra Ferrante');
    expect(text).toContain('Ellie Sebastian');
    expect(text).toContain('|Open in Handoff>');

    const admin = await t.as('admin');
    const client = demoClientId(t, 'Peak Trail Outfitters');
    const set = await admin.put(`/api/integrations/slack/clients/${client}`, {
      webhookUrl: `${slack.url}/peak-trail`,
    });
    expect(set.statusCode).toBe(200);
    const settings = (await admin.get('/api/integrations/slack')).json();
    expect(settings.clients.find((c: { id: string }) => c.id === client).webhook).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/peak-trail/,
    );
    const peakRequest = await insertRequest(t, {
      submittedAt: '2026-12-01T14:00:00.000Z',
      client: 'Peak Trail Outfitters',
    });
    await runReminders(t.ctx, THURSDAY);
    await deliverOutbound(t.ctx, LATER);
    const peak = slack.requests.filter((r) => r.body.includes(peakRequest));
    expect(peak.map((r) => r.path)).toEqual(['/peak-trail']);
  });

  it('R31 preferences: e-mail off sends none, in-app off hides it from the bell, and it still counts as told', async () => {
    const coordinator = await t.as('coordinator');
    const put = await coordinator.put('/api/me/notification-preferences', {
      items: [{ kind: 'request_waiting_triage', inApp: false, email: false, slack: false }],
    });
    expect(put.statusCode).toBe(200);
    const prefs = (await coordinator.get('/api/me/notification-preferences')).json();
    expect(prefs.slackConfigured).toBe(true);
    expect(prefs.items.find((i: { kind: string }) => i.kind === 'request_waiting_triage')).toEqual({
      kind: 'request_waiting_triage',
      inApp: false,
      email: false,
      slack: false,
    });
    const id = await insertRequest(t, {
      submittedAt: '2026-12-01T15:00:00.000Z',
      client: 'Lumen Skincare',
    });
    await runReminders(t.ctx, THURSDAY);
    await runReminders(t.ctx, THURSDAY);
    await deliverOutbound(t.ctx, LATER);
    const rows = (await notificationsOf(t, 'request_waiting_triage')).filter((n) =>
      n.dedupe_key.endsWith(id),
    );
    expect(rows.map((r) => [r.user_id, r.in_app]).sort()).toEqual(
      [
        [t.demo.users.admin, 1],
        [t.demo.users.coordinator, 0],
      ].sort(),
    );
    expect(mailsTo(`/requests?request=${id}`)).toEqual(['admin@demo.handoff.test']);
    const bell = (await coordinator.get('/api/notifications')).json();
    expect(bell.items.some((n: { link: string }) => n.link.endsWith(id))).toBe(false);
  });

  it('GET /api/notifications lists only my own, newest first, with the unread count; read and read-all', async () => {
    const admin = await t.as('admin');
    const first = (await admin.get('/api/notifications?limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.unreadCount).toBeGreaterThanOrEqual(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await admin.get(`/api/notifications?limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(second.items[0].createdAt <= first.items[0].createdAt).toBe(true);

    const read = await admin.post(`/api/notifications/${first.items[0].id}/read`);
    expect(read.statusCode).toBe(200);
    const after = (await admin.get('/api/notifications?unread=true')).json();
    expect(after.unreadCount).toBe(first.unreadCount - 1);
    expect(after.items.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);

    // The strategist cannot read (or mark) the admin's notification: not found, still unread.
    const strategist = await t.as('strategist');
    const other = await strategist.post(`/api/notifications/${second.items[0].id}/read`);
    expect(other.statusCode).toBe(404);
    const mine = (await strategist.get('/api/notifications')).json();
    expect(mine.items.every((n: { id: string }) => n.id !== second.items[0].id)).toBe(true);

    const all = await admin.post('/api/notifications/read-all');
    expect(all.json().marked).toBe(first.unreadCount - 1);
    expect((await admin.get('/api/notifications')).json().unreadCount).toBe(0);
  });

  it("another workspace's admin cannot mark this workspace's notifications and sees none of them", async () => {
    const row = (await notificationsOf(t, 'overdue')).find(
      (n) => n.user_id === t.demo.users.strategist,
    );
    const other = await createSecondWorkspace(t, dialect);
    expect((await other.post(`/api/notifications/${row?.id}/read`)).statusCode).toBe(404);
    expect((await other.get('/api/notifications')).json()).toMatchObject({
      items: [],
      unreadCount: 0,
    });
    expect((await other.get('/api/integrations/slack')).json().clients).toEqual([]);
    const client = demoClientId(t, 'Lumen Skincare');
    const sneaky = await other.put(`/api/integrations/slack/clients/${client}`, {
      webhookUrl: 'https://evil.example/hook',
    });
    expect(sneaky.statusCode).toBe(404);
    const after = await t.database.db
      .selectFrom('notifications')
      .select('read_at')
      .where('id', '=', row?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(after.read_at).toBeNull();
    const lumen = await t.database.db
      .selectFrom('clients')
      .select('slack_webhook_url')
      .where('id', '=', client)
      .executeTakeFirstOrThrow();
    expect(lumen.slack_webhook_url).toBeNull();
  });

  it('R31 assignment tells the contractor and the strategist once, each with their own link', async () => {
    const { taskId } = await insertTask(t, {
      subtasks: [{ title: 'First draft', dueDate: '2026-12-18', assignee: 'contractor' }],
    });
    for (let i = 0; i < 2; i++) {
      await t.database.db.transaction().execute((tx) =>
        onTaskAssigned(tx, {
          workspaceId: t.demo.workspaceId,
          taskId,
          actorUserId: t.demo.users.coordinator,
        }),
      );
    }
    const rows = (await notificationsOf(t, 'assigned')).filter(
      (n) => n.dedupe_key === `assigned:${taskId}`,
    );
    expect(rows.map((r) => [r.user_id, r.link]).sort()).toEqual(
      [
        [t.demo.users.contractor, `/my-work?task=${taskId}`],
        [t.demo.users.strategist, `/board?task=${taskId}`],
      ].sort(),
    );
  });

  it('R31 weekly digest: Monday 08:00 in the person’s zone, once per ISO week, with due, late and waiting', async () => {
    await insertTask(t, {
      subtasks: [
        { title: 'Caption set', dueDate: '2026-12-09', assignee: 'contractor' },
        { title: 'Old draft', dueDate: '2026-12-04', assignee: 'contractor' },
      ],
    });
    const monday0759 = new Date('2026-12-07T12:59:00Z');
    const monday0800 = new Date('2026-12-07T13:00:00Z');
    await runWeeklyDigest(t.ctx, monday0759);
    expect(await notificationsOf(t, 'weekly_digest')).toHaveLength(0);
    await runWeeklyDigest(t.ctx, monday0800);
    await runWeeklyDigest(t.ctx, new Date('2026-12-07T18:00:00Z'));
    const digests = await notificationsOf(t, 'weekly_digest');
    const contractor = digests.filter((d) => d.user_id === t.demo.users.contractor);
    expect(contractor).toHaveLength(1);
    expect(contractor[0].dedupe_key).toBe(`weekly_digest:${t.demo.workspaceId}:2026-W50`);
    expect(contractor[0].in_app).toBe(0);
    expect(contractor[0].body).toContain('Due this week (Mon 7 Dec – Sun 13 Dec):');
    expect(contractor[0].body).toContain('Wed 9 Dec — Caption set — Harbor & Vine Coffee');
    expect(contractor[0].body).toContain('Late:');
    expect(contractor[0].body).toContain('Fri 4 Dec — Old draft');
    expect(contractor[0].body).toContain('Acknowledge the brief');
    const coordinator = digests.filter((d) => d.user_id === t.demo.users.coordinator);
    expect(coordinator).toHaveLength(1);
    expect(coordinator[0].body).toContain('Triage: Harbor & Vine Coffee');
    await deliverOutbound(t.ctx, new Date('2026-12-07T18:00:00Z'));
    const mails = smtp.mails.filter((m) => m.subject.startsWith('Your week:'));
    expect(mails.filter((m) => m.to.includes('contractor@demo.handoff.test'))).toHaveLength(1);
  });

  it('R31 assigning through the API tells the contractor in the bell, and the e-mail leaves right after the commit', async () => {
    const scheduler = await startScheduler(t.ctx, JOBS, { timers: false, instanceId: 'kick' });
    try {
      const strategist = await t.as('strategist');
      const coordinator = await t.as('coordinator');
      const contractor = await t.as('contractor');
      const unread = (await contractor.get('/api/notifications')).json().unreadCount;
      const due = addCalendarDays(calendarDayIn(new Date(), 'America/New_York'), 30);
      const request = await strategist.post('/api/requests', {
        clientId: demoClientId(t, 'Harbor & Vine Coffee'),
        items: [{ deliverableTypeId: t.demo.deliverableTypeIds.captions, quantity: 3 }],
        month: due.slice(0, 7),
        dueDate: due,
        collateralReady: true,
      });
      expect(request.statusCode).toBe(201);
      const assigned = await coordinator.post(`/api/requests/${request.json().id}/assign`, {
        contractorId: (await demoContractor(t)).id,
        strategistUserId: t.demo.users.strategist,
        version: request.json().version,
      });
      expect(assigned.statusCode).toBe(201);
      const { taskId } = assigned.json();
      const bell = (await contractor.get('/api/notifications')).json();
      expect(bell.unreadCount).toBe(unread + 1);
      expect(bell.items[0]).toMatchObject({
        kind: 'assigned',
        title: 'New work: Harbor & Vine Coffee',
        link: `/my-work?task=${taskId}`,
      });
      // Nobody ran the delivery job: the response hook kicked it once the assignment committed.
      await eventually(() => mailsTo(`/my-work?task=${taskId}`).length === 1);
      expect(mailsTo(`/my-work?task=${taskId}`)).toEqual(['contractor@demo.handoff.test']);
    } finally {
      await scheduler.stop();
    }
  });

  it('R25/R31 a missing weekly update reminds the contractor and the coordinators once', async () => {
    const lina = await demoContractor(t);
    // Thu 10 Dec: the week of Mon 30 Nov is over and Lina (active since before it) posted nothing.
    const thursdayAfter = new Date('2026-12-10T15:00:00Z');
    await runReminders(t.ctx, thursdayAfter);
    await runReminders(t.ctx, thursdayAfter);
    const rows = (await notificationsOf(t, 'weekly_update_missing')).filter(
      (n) => n.dedupe_key === `weekly_update_missing:${lina.id}:2026-11-30`,
    );
    expect(rows.map((r) => r.user_id).sort()).toEqual(
      [t.demo.users.admin, t.demo.users.contractor, t.demo.users.coordinator].sort(),
    );
    const own = rows.find((r) => r.user_id === t.demo.users.contractor);
    expect(own?.title).toBe('Your weekly update for the week of Mon 30 Nov is missing');
    const staff = rows.find((r) => r.user_id === t.demo.users.coordinator);
    expect(staff).toMatchObject({
      title: 'Weekly update missing: Lina Okafor',
      link: `/contractors?contractor=${lina.id}`,
    });
  });
});
