import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/server/lib/ids';
import { createSecondWorkspace } from './support/clients';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';
import { demoContractor, notificationsOf } from './support/work';

const ISSUE = {
  category: 'scope',
  severity: 'high',
  description: 'The brief asks for 10 captions but the comments now ask for 14.',
};

describe.each(testDialects())('R24 escalations on %s', (dialect) => {
  let t: TestApp;
  let contractor: Client;
  let coordinator: Client;
  let admin: Client;
  let strategist: Client;
  let ownTask = '';
  let otherTask = '';
  let otherContractor = '';
  let selfId = '';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [contractor, coordinator, admin, strategist] = await Promise.all([
      t.as('contractor'),
      t.as('coordinator'),
      t.as('admin'),
      t.as('strategist'),
    ]);
    selfId = (await demoContractor(t)).id;
    const tasks = await t.database.db
      .selectFrom('tasks')
      .select(['id', 'contractor_id'])
      .where('workspace_id', '=', t.demo.workspaceId)
      .execute();
    ownTask = tasks.find((x) => x.contractor_id === selfId)?.id ?? '';
    const other = tasks.find((x) => x.contractor_id !== selfId);
    otherTask = other?.id ?? '';
    otherContractor = other?.contractor_id ?? '';
    expect(ownTask && otherTask).toBeTruthy();
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('escalations')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('R24 a contractor escalates about his own task and it reaches the process owner at once', async () => {
    const res = await contractor.post('/api/escalations', { ...ISSUE, taskId: ownTask });
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      status: 'open',
      severity: 'high',
      task: { id: ownTask },
      contractor: { id: selfId },
      openedBy: { id: t.demo.users.contractor },
      abilities: { acknowledge: false, resolve: false },
    });
    // The demo's process owner is the admin (the SOP's "Process Owner").
    const told = (await notificationsOf(t, 'escalation_opened')).filter(
      (n) => n.dedupe_key === `escalation_opened:${e.id}`,
    );
    expect(told.map((n) => n.user_id)).toEqual([t.demo.users.admin]);
    expect(told[0].link).toBe(`/escalations?escalation=${e.id}`);
    // Audited with the task, so it shows in the task's history (R30).
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'escalation')
      .where('entity_id', '=', e.id)
      .execute();
    expect(audit.map((a) => [a.action, a.task_id])).toEqual([['opened', ownTask]]);
  });

  it('R24 emits the escalation.opened webhook event in the same transaction', async () => {
    await t.database.db
      .insertInto('webhooks')
      .values({
        id: newId(),
        workspace_id: t.demo.workspaceId,
        url: 'https://hooks.example.com/handoff',
        events_json: JSON.stringify(['escalation.opened']),
        secret: 'test-secret',
        active: 1,
        created_at: new Date().toISOString(),
      })
      .execute();
    const e = (await strategist.post('/api/escalations', { ...ISSUE, taskId: otherTask })).json();
    const deliveries = await t.database.db
      .selectFrom('webhook_deliveries')
      .select(['event', 'payload'])
      .where('event', '=', 'escalation.opened')
      .execute();
    const mine = deliveries.filter((d) => d.payload.includes(e.id));
    expect(mine).toHaveLength(1);
    expect(JSON.parse(mine[0].payload).data).toMatchObject({
      escalationId: e.id,
      taskId: otherTask,
      severity: 'high',
    });
    await t.database.db.updateTable('webhooks').set({ active: 0 }).execute();
  });

  it('R24 R5 a contractor escalating about another contractor or his task gets 404 and nothing is written', async () => {
    const before = await count();
    const byTask = await contractor.post('/api/escalations', { ...ISSUE, taskId: otherTask });
    expect(byTask.statusCode).toBe(404);
    const byContractor = await contractor.post('/api/escalations', {
      ...ISSUE,
      contractorId: otherContractor,
    });
    expect(byContractor.statusCode).toBe(404);
    expect(await count()).toBe(before);
    // About himself (e.g. a late payment): no task needed.
    const self = await contractor.post('/api/escalations', { ...ISSUE, category: 'payment' });
    expect(self.statusCode).toBe(201);
    expect(self.json().contractor.id).toBe(selfId);
  });

  it('R24 staff name a task or a contractor; the task’s contractor must match', async () => {
    const none = await strategist.post('/api/escalations', ISSUE);
    expect(none.statusCode).toBe(400);
    const mismatch = await strategist.post('/api/escalations', {
      ...ISSUE,
      taskId: ownTask,
      contractorId: otherContractor,
    });
    expect(mismatch.statusCode).toBe(400);
    const short = await strategist.post('/api/escalations', {
      ...ISSUE,
      taskId: otherTask,
      description: 'late',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields['body.description']).toBeTruthy();
    const ok = await strategist.post('/api/escalations', { ...ISSUE, taskId: otherTask });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().contractor.id).toBe(otherContractor);
  });

  it('R24 handlers see every escalation; others only the ones they opened', async () => {
    const all = (await coordinator.get('/api/escalations?limit=200')).json().items;
    const mine = (await contractor.get('/api/escalations')).json().items;
    const theirs = (await strategist.get('/api/escalations')).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(
      mine.every((e: { openedBy: { id: string } }) => e.openedBy.id === t.demo.users.contractor),
    ).toBe(true);
    expect(
      theirs.every((e: { openedBy: { id: string } }) => e.openedBy.id === t.demo.users.strategist),
    ).toBe(true);
    expect(all.length).toBeGreaterThan(mine.length + theirs.length - 1);
    const notMine = all.find(
      (e: { openedBy: { id: string } }) => e.openedBy.id !== t.demo.users.contractor,
    );
    expect((await contractor.get(`/api/escalations/${notMine.id}`)).statusCode).toBe(404);
    const unresolved = (await coordinator.get('/api/escalations?status=unresolved')).json().items;
    expect(unresolved.every((e: { status: string }) => e.status !== 'resolved')).toBe(true);
    const page = (await coordinator.get('/api/escalations?limit=2')).json();
    expect(page.items).toHaveLength(2);
    const next = (
      await coordinator.get(`/api/escalations?limit=2&cursor=${page.nextCursor}`)
    ).json();
    expect(next.items[0].id).not.toBe(page.items[1].id);
    expect((await coordinator.get('/api/escalations?cursor=garbage')).statusCode).toBe(400);
  });

  it('R24 stays open until resolved with notes: acknowledge, refuse short notes, resolve, then closed', async () => {
    const e = (await contractor.post('/api/escalations', { ...ISSUE, taskId: ownTask })).json();
    expect(
      (await contractor.post(`/api/escalations/${e.id}/acknowledge`, { version: 1 })).statusCode,
    ).toBe(403);
    const ack = await coordinator.post(`/api/escalations/${e.id}/acknowledge`, { version: 1 });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: { id: t.demo.users.coordinator },
    });
    const again = await coordinator.post(`/api/escalations/${e.id}/acknowledge`, { version: 2 });
    expect(again.statusCode).toBe(409);
    for (const notes of [undefined, '', 'done', '   ok   ']) {
      const res = await coordinator.post(`/api/escalations/${e.id}/resolve`, { version: 2, notes });
      expect(res.statusCode).toBe(400);
    }
    const stale = await coordinator.post(`/api/escalations/${e.id}/resolve`, {
      version: 1,
      notes: 'Agreed the scope with the strategist.',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await contractor.get(`/api/escalations/${e.id}`)).json().status).toBe('acknowledged');
    const resolved = await admin.post(`/api/escalations/${e.id}/resolve`, {
      version: 2,
      notes:
        'Agreed the scope with the strategist: 14 captions, the carousel scripts move to January.',
    });
    expect(resolved.statusCode).toBe(200);
    // The contractor who escalated reads the outcome.
    const seen = (await contractor.get(`/api/escalations/${e.id}`)).json();
    expect(seen).toMatchObject({ status: 'resolved', resolvedBy: { id: t.demo.users.admin } });
    expect(seen.resolutionNotes).toMatch(/^Agreed the scope/);
    const closed = await admin.post(`/api/escalations/${e.id}/resolve`, {
      version: 3,
      notes: 'Resolving it a second time.',
    });
    expect(closed.statusCode).toBe(409);
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'task_id'])
      .where('entity_id', '=', e.id)
      .orderBy('id')
      .execute();
    expect(actions).toEqual([
      { action: 'opened', task_id: ownTask },
      { action: 'acknowledged', task_id: ownTask },
      { action: 'resolved', task_id: ownTask },
    ]);
  });

  it('R24 the admin chooses the process owner (an admin or coordinator); escalations then reach that person', async () => {
    expect(
      (await coordinator.patch('/api/escalations/process-owner', { userId: null })).statusCode,
    ).toBe(403);
    const wrong = await admin.patch('/api/escalations/process-owner', {
      userId: t.demo.users.strategist,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.rule).toBe('R24');
    const set = await admin.patch('/api/escalations/process-owner', {
      userId: t.demo.users.coordinator,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().user.id).toBe(t.demo.users.coordinator);
    expect((await contractor.get('/api/escalations/process-owner')).json().notified).toEqual([
      { id: t.demo.users.coordinator, name: 'Ellie Sebastian' },
    ]);
    const e = (await strategist.post('/api/escalations', { ...ISSUE, taskId: otherTask })).json();
    const told = (await notificationsOf(t, 'escalation_opened')).filter(
      (n) => n.dedupe_key === `escalation_opened:${e.id}`,
    );
    expect(told.map((n) => n.user_id)).toEqual([t.demo.users.coordinator]);
    // Back to every admin.
    const reset = await admin.patch('/api/escalations/process-owner', { userId: null });
    expect(reset.json()).toEqual({
      user: null,
      notified: [{ id: t.demo.users.admin, name: 'Kassandra Ferrante' }],
    });
  });

  it('another workspace: its escalations are not found here and ours not there; rows unchanged', async () => {
    const outsider = await createSecondWorkspace(t, dialect);
    const ours = (await coordinator.get('/api/escalations?status=open')).json().items[0];
    const before = await t.database.db
      .selectFrom('escalations')
      .selectAll()
      .where('id', '=', ours.id)
      .executeTakeFirstOrThrow();
    expect((await outsider.get(`/api/escalations/${ours.id}`)).statusCode).toBe(404);
    expect(
      (await outsider.post(`/api/escalations/${ours.id}/acknowledge`, { version: ours.version }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await outsider.post(`/api/escalations/${ours.id}/resolve`, {
          version: ours.version,
          notes: 'Resolved from elsewhere.',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await outsider.post('/api/escalations', { ...ISSUE, taskId: ownTask })).statusCode,
    ).toBe(404);
    expect(
      (await outsider.post('/api/escalations', { ...ISSUE, contractorId: selfId })).statusCode,
    ).toBe(404);
    expect((await outsider.get('/api/escalations')).json().items).toEqual([]);
    expect(
      (await outsider.patch('/api/escalations/process-owner', { userId: t.demo.users.admin }))
        .statusCode,
    ).toBe(404);
    const after = await t.database.db
      .selectFrom('escalations')
      .selectAll()
      .where('id', '=', ours.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });
});
