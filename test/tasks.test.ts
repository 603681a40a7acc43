import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDayIn } from '../src/domain/calendar';
import { getClientForAssignment } from '../src/server/features/clients';
import { createSecondWorkspace } from './support/clients';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';

const TZ = 'America/New_York';
const day = (offset: number) => addCalendarDays(calendarDayIn(new Date(), TZ), offset);

type Row = { id: string; kind: string; status: string; contractor: { id: string } };

describe.each(testDialects())('tasks, subtasks, calendar and my work on %s', (dialect) => {
  let t: TestApp;
  let coordinator: Client;
  let contractor: Client;
  const lina = () => t.demo.contractorIds[0];

  /** Submits and assigns a fresh request to `contractorId` for a client ready for contracting. */
  async function freshTask(contractorId: string, clientIndex = 0): Promise<string> {
    const ready: string[] = [];
    for (const clientId of t.demo.clientIds) {
      const c = await getClientForAssignment(t.database.db, {
        workspaceId: t.demo.workspaceId,
        clientId,
      });
      if (c.assignable && c.oneSheeter.completeness.complete) ready.push(clientId);
    }
    const strategist = await t.as('strategist');
    const req = (
      await strategist.post('/api/requests', {
        clientId: ready[clientIndex],
        items: [{ deliverableTypeId: t.demo.deliverableTypeIds.captions, quantity: 4 }],
        month: day(30).slice(0, 7),
        dueDate: day(30),
        collateralReady: true,
      })
    ).json();
    const res = await coordinator.post(`/api/requests/${req.id}/assign`, {
      contractorId,
      strategistUserId: t.demo.users.strategist,
      version: req.version,
    });
    expect(res.statusCode).toBe(201);
    return res.json().taskId;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    coordinator = await t.as('coordinator');
    contractor = await t.as('contractor');
  });
  afterAll(async () => {
    await t.close();
  });

  it('R17 the draft cannot be completed before the contractor acknowledges the brief', async () => {
    const taskId = await freshTask(lina());
    const task = (await contractor.get(`/api/tasks/${taskId}`)).json();
    expect(task).toMatchObject({ status: 'scheduled', briefAcknowledgedAt: null });
    expect(task.abilities.acknowledgeBrief).toBe(true);
    const draft = task.subtasks.find((s: Row) => s.kind === 'draft');
    expect(draft.abilities.complete).toBe(false);
    expect(draft.blockedReason).toContain('Acknowledge the brief first');

    const early = await contractor.post(`/api/subtasks/${draft.id}/complete`);
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ rule: 'R17' });
    expect(early.json().error.message).toContain('Acknowledge the brief first');
    // Not even a coordinator can skip it.
    expect((await coordinator.post(`/api/subtasks/${draft.id}/complete`)).statusCode).toBe(422);
    // Staff cannot acknowledge for the contractor.
    expect((await coordinator.post(`/api/tasks/${taskId}/acknowledge-brief`)).statusCode).toBe(403);

    const ack = await contractor.post(`/api/tasks/${taskId}/acknowledge-brief`);
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'in_production' });
    expect(ack.json().briefVersion).toBeGreaterThan(0);
    expect((await contractor.post(`/api/tasks/${taskId}/acknowledge-brief`)).statusCode).toBe(409);

    const done = await contractor.post(`/api/subtasks/${draft.id}/complete`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', abilities: { reopen: true } });
    const reopened = await contractor.post(`/api/subtasks/${draft.id}/reopen`);
    expect(reopened.json().status).toBe('todo');
    const history = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('task_id', '=', taskId)
      .execute();
    expect(history.map((h) => h.action)).toEqual(
      expect.arrayContaining(['brief_acknowledged', 'completed', 'reopened']),
    );
  });

  it('R16 marking the brand training done records it on the pairing', async () => {
    const pairs = await t.database.db
      .selectFrom('client_contractor_pairings')
      .select(['client_id', 'contractor_id'])
      .where('contractor_id', '=', lina())
      .execute();
    const paired = new Set(pairs.map((p) => p.client_id));
    const unpairedIndex = (
      await Promise.all(
        t.demo.clientIds.map((id) =>
          getClientForAssignment(t.database.db, { workspaceId: t.demo.workspaceId, clientId: id }),
        ),
      )
    )
      .filter((c) => c.assignable && c.oneSheeter.completeness.complete)
      .findIndex((c) => !paired.has(c.id));
    expect(unpairedIndex).toBeGreaterThanOrEqual(0);
    const taskId = await freshTask(lina(), unpairedIndex);
    const task = (await contractor.get(`/api/tasks/${taskId}`)).json();
    const training = task.subtasks.find((s: Row) => s.kind === 'brand_training');
    expect(training).toBeDefined();
    // The strategist is not the assignee of the contractor's training.
    const strategist = await t.as('strategist');
    expect((await strategist.post(`/api/subtasks/${training.id}/complete`)).statusCode).toBe(403);
    expect((await contractor.post(`/api/subtasks/${training.id}/complete`)).statusCode).toBe(200);
    const pairing = await t.database.db
      .selectFrom('client_contractor_pairings')
      .select('brand_training_done_at')
      .where('client_id', '=', task.client.id)
      .where('contractor_id', '=', lina())
      .executeTakeFirstOrThrow();
    expect(pairing.brand_training_done_at).not.toBeNull();
  });

  it('R5 a contractor sees only his own tasks: others are 404 and missing from his lists', async () => {
    const mateosTask = await freshTask(t.demo.contractorIds[1]);
    const board = (await contractor.get('/api/tasks?limit=200')).json();
    expect(board.items.length).toBeGreaterThan(0);
    expect(board.items.every((r: Row) => r.contractor.id === lina())).toBe(true);
    expect(board.items.some((r: Row) => r.id === mateosTask)).toBe(false);
    expect((await contractor.get(`/api/tasks/${mateosTask}`)).statusCode).toBe(404);
    expect((await contractor.post(`/api/tasks/${mateosTask}/acknowledge-brief`)).statusCode).toBe(
      404,
    );
    const theirSubtask = await t.database.db
      .selectFrom('subtasks')
      .select('id')
      .where('task_id', '=', mateosTask)
      .executeTakeFirstOrThrow();
    expect((await contractor.post(`/api/subtasks/${theirSubtask.id}/complete`)).statusCode).toBe(
      404,
    );

    const own = (await contractor.get(`/api/tasks/${board.items[0].id}`)).json();
    expect(own.committedMinor).toBeNull();
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.comments.every((c: { visibility: string }) => c.visibility === 'all')).toBe(true);

    const cal = (await contractor.get(`/api/calendar?from=${day(-10)}&to=${day(40)}`)).json();
    expect(cal.subtasks.length).toBeGreaterThan(0);
    expect(cal.subtasks.every((s: Row) => s.contractor.id === lina())).toBe(true);
    expect(cal.unavailability.every((u: Row) => u.contractor.id === lina())).toBe(true);

    const staffCal = (await coordinator.get(`/api/calendar?from=${day(-10)}&to=${day(40)}`)).json();
    expect(new Set(staffCal.subtasks.map((s: Row) => s.contractor.id)).size).toBeGreaterThan(1);
    expect(staffCal.unavailability.length).toBeGreaterThan(0);
    expect((await coordinator.get(`/api/calendar?from=${day(0)}&to=${day(70)}`)).statusCode).toBe(
      400,
    );
    expect((await coordinator.get(`/api/calendar?from=${day(5)}&to=${day(0)}`)).statusCode).toBe(
      400,
    );
  });

  it('filters and pages the board; each row carries its next open subtask', async () => {
    const qa = (await coordinator.get('/api/tasks?status=qa,ready')).json();
    expect(qa.items.length).toBeGreaterThan(0);
    expect(qa.items.every((r: Row) => ['qa', 'ready'].includes(r.status))).toBe(true);
    const first = (await coordinator.get('/api/tasks?limit=5')).json();
    expect(first.nextCursor).toBeTruthy();
    const second = (await coordinator.get(`/api/tasks?limit=5&cursor=${first.nextCursor}`)).json();
    const seen = new Set(first.items.map((r: Row) => r.id));
    expect(second.items.some((r: Row) => seen.has(r.id))).toBe(false);
    const scheduled = (await coordinator.get('/api/tasks?status=scheduled')).json().items[0];
    expect(scheduled.nextSubtask).toMatchObject({
      kind: expect.any(String),
      dueDate: expect.any(String),
    });
    const byLina = (await coordinator.get(`/api/tasks?contractorId=${lina()}`)).json();
    expect(byLina.items.every((r: Row) => r.contractor.id === lina())).toBe(true);
    expect((await coordinator.get('/api/tasks?status=bogus')).statusCode).toBe(400);
  });

  it('my work: briefs to acknowledge for the contractor, triage for the coordinator, QA for QA', async () => {
    const mine = (await contractor.get('/api/my-work')).json();
    expect(mine).toMatchObject({ workspaceTimeZone: TZ, viewerTimeZone: 'Europe/London' });
    expect(mine.awaitingBrief.length).toBeGreaterThan(0);
    expect(mine.subtasks.every((s: Row) => s.contractor.id === lina())).toBe(true);
    const dues = mine.subtasks.map((s: { dueDate: string }) => s.dueDate);
    expect(dues).toEqual([...dues].sort());

    const triage = (await coordinator.get('/api/my-work')).json();
    const submitted = await t.database.db
      .selectFrom('requests')
      .select('id')
      .where('workspace_id', '=', t.demo.workspaceId)
      .where('status', '=', 'submitted')
      .execute();
    expect(triage.triage.count).toBe(submitted.length);
    expect(triage.overdueSubtasks.every((s: { overdue: boolean }) => s.overdue)).toBe(true);

    const qa = (await (await t.as('qa')).get('/api/my-work')).json();
    expect(qa.tasksNeedingAction.length).toBeGreaterThan(0);
    expect(qa.tasksNeedingAction.every((r: Row) => r.status === 'qa')).toBe(true);
    const strategist = (await (await t.as('strategist')).get('/api/my-work')).json();
    expect(
      strategist.tasksNeedingAction.every((r: Row) =>
        ['internal_review', 'revision'].includes(r.status),
      ),
    ).toBe(true);
    const finance = (await (await t.as('finance')).get('/api/my-work')).json();
    expect(finance).toMatchObject({ subtasks: [], triage: null });
  });

  it('lets any QA reviewer complete a QA subtask from the pool, but not the contractor', async () => {
    const [row] = await t.database.db
      .selectFrom('subtasks')
      .innerJoin('tasks', 'tasks.id', 'subtasks.task_id')
      .select('subtasks.id')
      .where('tasks.status', '=', 'qa')
      .where('tasks.contractor_id', '=', lina())
      .where('subtasks.kind', '=', 'qa')
      .where('subtasks.status', '=', 'todo')
      .execute();
    expect(row).toBeDefined();
    expect((await contractor.post(`/api/subtasks/${row.id}/complete`)).statusCode).toBe(403);
    const qa = await t.as('qa');
    const res = await qa.post(`/api/subtasks/${row.id}/complete`);
    expect(res.statusCode).toBe(200);
    expect(res.json().completedBy.name).toBe('Priya Nair');
  });

  it("gives 404 for another workspace's task and subtask and leaves them unchanged", async () => {
    const other = await createSecondWorkspace(t, `${dialect}-tasks`);
    const task = await t.database.db
      .selectFrom('tasks')
      .selectAll()
      .where('workspace_id', '=', t.demo.workspaceId)
      .executeTakeFirstOrThrow();
    const sub = await t.database.db
      .selectFrom('subtasks')
      .selectAll()
      .where('task_id', '=', task.id)
      .orderBy('sort')
      .executeTakeFirstOrThrow();
    expect((await other.get(`/api/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/subtasks/${sub.id}/complete`)).statusCode).toBe(404);
    expect((await other.post(`/api/subtasks/${sub.id}/reopen`)).statusCode).toBe(404);
    expect((await other.get('/api/tasks')).json().items).toEqual([]);
    const cal = (await other.get(`/api/calendar?from=${day(-30)}&to=${day(30)}`)).json();
    expect(cal.subtasks).toEqual([]);
    const taskAfter = await t.database.db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    const subAfter = await t.database.db
      .selectFrom('subtasks')
      .selectAll()
      .where('id', '=', sub.id)
      .executeTakeFirstOrThrow();
    expect(taskAfter).toEqual(task);
    expect(subAfter).toEqual(sub);
  });
});
