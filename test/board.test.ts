import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecondWorkspace } from './support/clients';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';

type Item = {
  id: string;
  dueDate: string;
  status: string;
  contractor: { id: string };
  nextSubtask: { id: string; dueDate: string } | null;
};

/** GET /api/tasks/board (the whole month, issue #10) and the merged multi-status task list. */
describe.each(testDialects())('month board and task lists on %s', (dialect) => {
  let t: TestApp;
  let coordinator: Client;
  let month: string;
  let monthTaskIds: string[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    coordinator = await t.as('coordinator');
    const busiest = await t.database.db
      .selectFrom('tasks')
      .where('workspace_id', '=', t.demo.workspaceId)
      .select((eb) => ['month', eb.fn.countAll<number>().as('n')])
      .groupBy('month')
      .orderBy('n', 'desc')
      .orderBy('month')
      .executeTakeFirstOrThrow();
    month = busiest.month;
    monthTaskIds = (
      await t.database.db
        .selectFrom('tasks')
        .select('id')
        .where('workspace_id', '=', t.demo.workspaceId)
        .where('month', '=', month)
        .execute()
    ).map((r) => r.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every parent task of the month by due date, each with its earliest open subtask', async () => {
    const res = await coordinator.get(`/api/tasks/board?month=${month}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { month: string; items: Item[]; truncated: boolean };
    expect(body.month).toBe(month);
    expect(body.truncated).toBe(false);
    expect(body.items.map((i) => i.id).sort()).toEqual([...monthTaskIds].sort());
    const order = body.items.map((i) => `${i.dueDate}|${i.id}`);
    expect(order).toEqual([...order].sort());
    for (const item of body.items) {
      const open = await t.database.db
        .selectFrom('subtasks')
        .select(['id', 'due_date', 'sort'])
        .where('task_id', '=', item.id)
        .where('status', '=', 'todo')
        .orderBy('due_date')
        .orderBy('sort')
        .execute();
      expect(item.nextSubtask?.id ?? null).toBe(open[0]?.id ?? null);
    }
    // The same items as the paginated list of that month shows.
    const list = (await coordinator.get(`/api/tasks?month=${month}&limit=200`)).json();
    expect(list.items).toEqual(body.items);
  });

  it('R5 a contractor sees only his own tasks on the board', async () => {
    const contractor = await t.as('contractor');
    const own = await t.database.db
      .selectFrom('contractors')
      .select('id')
      .where('user_id', '=', t.demo.users.contractor)
      .executeTakeFirstOrThrow();
    const items = (await contractor.get(`/api/tasks/board?month=${month}`)).json().items as Item[];
    for (const i of items) expect(i.contractor.id).toBe(own.id);
    const expected = await t.database.db
      .selectFrom('tasks')
      .select('id')
      .where('month', '=', month)
      .where('contractor_id', '=', own.id)
      .execute();
    expect(items.map((i) => i.id).sort()).toEqual(expected.map((r) => r.id).sort());
  });

  it('shows another workspace none of these tasks, and refuses a malformed month', async () => {
    const other = await createSecondWorkspace(t, dialect);
    const res = await other.get(`/api/tasks/board?month=${month}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
    expect((await coordinator.get('/api/tasks/board?month=2026-13')).statusCode).toBe(400);
    expect((await coordinator.get('/api/tasks/board')).statusCode).toBe(400);
    expect((await t.anonymous.get(`/api/tasks/board?month=${month}`)).statusCode).toBe(401);
  });

  it('pages a filter of several statuses in one due-date order, without gaps or repeats', async () => {
    const statuses = ['scheduled', 'in_production', 'closed', 'cancelled', 'qa'];
    const all = await t.database.db
      .selectFrom('tasks')
      .select(['id', 'due_date'])
      .where('workspace_id', '=', t.demo.workspaceId)
      .where('status', 'in', statuses)
      .execute();
    const expected = all.map((r) => `${r.due_date}|${r.id}`).sort();
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const q = `/api/tasks?status=${statuses.join(',')},qa&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const body = (await coordinator.get(q)).json() as {
        items: Item[];
        nextCursor: string | null;
      };
      seen.push(...body.items.map((i) => `${i.dueDate}|${i.id}`));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(expected);
  });
});
