import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDayIn } from '../src/domain/calendar';
import { getClientForAssignment } from '../src/server/features/clients';
import { createSecondWorkspace } from './support/clients';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';

const TZ = 'America/New_York';
const day = (offset: number) => addCalendarDays(calendarDayIn(new Date(), TZ), offset);

describe.each(testDialects())('time logs (R28) on %s', (dialect) => {
  let t: TestApp;
  let coordinator: Client;
  let strategist: Client;
  let lina: Client;
  let hourlyTask: string;
  let itemTask: string;

  /** Assigns a fresh request of `items` to Lina and returns the task id. */
  async function taskFor(items: [string, number][]): Promise<string> {
    let clientId = '';
    for (const id of t.demo.clientIds) {
      const c = await getClientForAssignment(t.database.db, {
        workspaceId: t.demo.workspaceId,
        clientId: id,
      });
      if (c.assignable && c.oneSheeter.completeness.complete) clientId = id;
    }
    const req = (
      await strategist.post('/api/requests', {
        clientId,
        items: items.map(([key, quantity]) => ({
          deliverableTypeId: t.demo.deliverableTypeIds[key],
          quantity,
        })),
        month: day(45).slice(0, 7),
        dueDate: day(45),
        collateralReady: true,
      })
    ).json();
    const res = await coordinator.post(`/api/requests/${req.id}/assign`, {
      contractorId: t.demo.contractorIds[0],
      strategistUserId: t.demo.users.strategist,
      version: req.version,
    });
    expect(res.statusCode).toBe(201);
    return res.json().taskId;
  }

  const log = (taskId: string, body: object, who = lina) =>
    who.post(`/api/tasks/${taskId}/time-logs`, body);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    coordinator = await t.as('coordinator');
    strategist = await t.as('strategist');
    lina = await t.as('contractor');
    hourlyTask = await taskFor([['community', 10]]);
    itemTask = await taskFor([['captions', 2]]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('R28 the contractor logs quarter hours on his own hourly task; bad entries are refused', async () => {
    const ok = await log(hourlyTask, { date: day(-1), hours: 1.5, note: 'Replies and DMs' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ minutes: 90, hours: 1.5, status: 'pending', billed: false });
    expect((await log(hourlyTask, { date: day(-1), hours: 1.3 })).statusCode).toBe(400);
    expect((await log(hourlyTask, { date: day(5), hours: 1 })).statusCode).toBe(400);
    expect((await log(hourlyTask, { date: day(-1), hours: 23 })).statusCode).toBe(400);
    const perItem = await log(itemTask, { date: day(-1), hours: 1 });
    expect(perItem.statusCode).toBe(422);
    expect(perItem.json().error.rule).toBe('R28');
    // Staff do not log for the contractor; nobody logs on someone else's task.
    expect((await log(hourlyTask, { date: day(-1), hours: 1 }, coordinator)).statusCode).toBe(403);
    const others = await t.database.db
      .selectFrom('tasks')
      .select('id')
      .where('contractor_id', '!=', t.demo.contractorIds[0])
      .limit(1)
      .executeTakeFirstOrThrow();
    expect((await log(others.id, { date: day(-1), hours: 1 })).statusCode).toBe(404);
  });

  it("R28 the task's strategist approves or rejects pending time with a reason", async () => {
    const a = (await log(hourlyTask, { date: day(-2), hours: 2, note: 'Community' })).json();
    const b = (await log(hourlyTask, { date: day(-2), hours: 0.75, note: 'Twice?' })).json();
    const qa = await t.as('qa');
    expect(
      (await qa.post(`/api/time-logs/${a.id}/approve`, { version: a.version })).statusCode,
    ).toBe(403);
    expect(
      (await lina.post(`/api/time-logs/${a.id}/approve`, { version: a.version })).statusCode,
    ).toBe(403);
    const stale = await strategist.post(`/api/time-logs/${a.id}/approve`, {
      version: a.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const approved = await strategist.post(`/api/time-logs/${a.id}/approve`, {
      version: a.version,
    });
    expect(approved.json()).toMatchObject({ status: 'approved', reviewedBy: 'Jonathan Reisch' });
    expect(
      (
        await strategist.post(`/api/time-logs/${a.id}/reject`, {
          version: 2,
          reason: 'Changed my mind',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await strategist.post(`/api/time-logs/${b.id}/reject`, { version: b.version })).statusCode,
    ).toBe(400);
    const rejected = await coordinator.post(`/api/time-logs/${b.id}/reject`, {
      version: b.version,
      reason: 'Duplicate of the 2 h entry',
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejectReason: 'Duplicate of the 2 h entry',
    });

    const onTask = (await lina.get(`/api/tasks/${hourlyTask}/time-logs`)).json();
    expect(onTask.totals).toMatchObject({ approved: 120, rejected: 45, pending: 90 });
    expect(onTask.abilities.log).toBe(true);
    expect(onTask.hourlyItems).toHaveLength(1);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'time_log')
      .where('task_id', '=', hourlyTask)
      .execute();
    expect(audit.map((x) => x.action)).toEqual(
      expect.arrayContaining(['logged', 'approved', 'rejected']),
    );
  });

  it('R28 the weekly view: a contractor sees his own time against his capacity, staff see everyone', async () => {
    const mine = (await lina.get(`/api/time-logs?week=${day(-1)}`)).json();
    expect(
      mine.items.every(
        (i: { contractor: { id: string } }) => i.contractor.id === t.demo.contractorIds[0],
      ),
    ).toBe(true);
    expect(mine.totals[0]).toMatchObject({ capacityHours: 30 });
    const monday = new Date(`${mine.weekStart}T00:00:00Z`).getUTCDay();
    expect(monday).toBe(1);
    const staff = (await coordinator.get(`/api/time-logs?week=${day(-1)}`)).json();
    expect(staff.items.length).toBeGreaterThanOrEqual(mine.items.length);
    const pending = (await coordinator.get(`/api/time-logs?week=${day(-1)}&status=pending`)).json();
    expect(pending.items.every((i: { status: string }) => i.status === 'pending')).toBe(true);
  });

  it('R28 approved time is billed from the hourly rate stored on the task, once QA passed', async () => {
    await t.database.db
      .updateTable('tasks')
      .set({ status: 'ready' })
      .where('id', '=', hourlyTask)
      .execute();
    const task = (await coordinator.get(`/api/tasks/${hourlyTask}`)).json();
    const rate = task.items[0].unitAmountMinor;
    const res = await lina.post('/api/invoices', { periodStart: day(-3), periodEnd: day(0) });
    expect(res.statusCode).toBe(201);
    const time = res.json().lines.filter((l: { kind: string }) => l.kind === 'time');
    // Only the approved 2 h: pending and rejected time is not billed.
    expect(time).toHaveLength(1);
    expect(time[0]).toMatchObject({ quantity: 2, unitAmountMinor: rate, amountMinor: 2 * rate });
    const logs = (await lina.get(`/api/tasks/${hourlyTask}/time-logs`)).json().items;
    expect(logs.find((l: { status: string }) => l.status === 'approved').billed).toBe(true);
  });

  it('R28 another workspace cannot review this time; the log stays pending', async () => {
    const other = await createSecondWorkspace(t, dialect);
    const p = (await lina.get(`/api/tasks/${hourlyTask}/time-logs`))
      .json()
      .items.find((l: { status: string }) => l.status === 'pending');
    const res = await other.post(`/api/time-logs/${p.id}/approve`, { version: p.version });
    expect(res.statusCode).toBe(404);
    expect((await other.get(`/api/tasks/${hourlyTask}/time-logs`)).statusCode).toBe(404);
    const row = await t.database.db
      .selectFrom('time_logs')
      .select(['status', 'version'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'pending', version: p.version });
  });
});
