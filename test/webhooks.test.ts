import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onTaskAssigned } from '../src/server/features/notifications';
import { deliverWebhooks } from '../src/server/features/webhooks';
import { verifySignature } from '../src/server/features/webhooks/signature';
import { createSecondWorkspace } from './support/clients';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';
import { startReceiver } from './support/receivers';
import { insertTask } from './support/work';

const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

describe.each(testDialects())('outgoing webhooks on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  // Fails the first delivery it sees of each id, accepts the retry.
  const seen = new Set<string>();
  let flaky: Awaited<ReturnType<typeof startReceiver>>;
  let broken: Awaited<ReturnType<typeof startReceiver>>;
  let hook: { id: string; secret: string };

  beforeAll(async () => {
    flaky = await startReceiver((req) => {
      const id = req.headers['x-handoff-delivery'] as string;
      if (seen.has(id)) return 200;
      seen.add(id);
      return 500;
    });
    broken = await startReceiver(() => 503);
    t = await createTestApp(dialect);
    admin = await t.as('admin');
  });
  afterAll(async () => {
    await t?.close();
    await flaky?.close();
    await broken?.close();
  });

  it('an admin registers a URL for events and gets the signing secret once; others may not', async () => {
    const res = await admin.post('/api/webhooks', {
      url: `${flaky.url}/handoff`,
      events: ['task.assigned'],
    });
    expect(res.statusCode).toBe(201);
    hook = res.json();
    expect(hook.secret).toMatch(/^whsec_/);
    const list = (await admin.get('/api/webhooks')).json().items;
    expect(list).toEqual([
      expect.objectContaining({ id: hook.id, events: ['task.assigned'], active: true }),
    ]);
    expect(list[0]).not.toHaveProperty('secret');
    for (const role of ['coordinator', 'contractor'] as const) {
      const other = await t.as(role);
      expect((await other.get('/api/webhooks')).statusCode).toBe(403);
      expect(
        (await other.post('/api/webhooks', { url: flaky.url, events: ['*'] })).statusCode,
      ).toBe(403);
    }
    expect(
      (await admin.post('/api/webhooks', { url: 'ftp://x.example', events: ['*'] })).statusCode,
    ).toBe(400);
    expect((await admin.post('/api/webhooks', { url: flaky.url, events: [] })).statusCode).toBe(
      400,
    );
    expect(
      (await admin.post('/api/webhooks', { url: flaky.url, events: ['nope'] })).statusCode,
    ).toBe(400);
  });

  it('deliveries are signed; a failed first attempt is retried after a minute and succeeds', async () => {
    const { taskId } = await insertTask(t, {
      subtasks: [{ title: 'First draft', dueDate: '2026-12-18', assignee: 'contractor' }],
    });
    await t.database.db
      .transaction()
      .execute((tx) => onTaskAssigned(tx, { workspaceId: t.demo.workspaceId, taskId }));
    const now = new Date();
    expect(await deliverWebhooks(t.ctx, now)).toEqual({ delivered: 0, failed: 1 });
    // Not due yet: nothing is sent again before the minute has passed.
    expect(await deliverWebhooks(t.ctx, now)).toEqual({ delivered: 0, failed: 0 });
    expect(await deliverWebhooks(t.ctx, minutes(now, 1.1))).toEqual({ delivered: 1, failed: 0 });
    expect(flaky.requests).toHaveLength(2);
    const [first, retry] = flaky.requests;
    expect(retry.body).toBe(first.body);
    for (const r of flaky.requests) {
      expect(r.path).toBe('/handoff');
      expect(r.headers['x-handoff-event']).toBe('task.assigned');
      const signature = r.headers['x-handoff-signature'] as string;
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifySignature(hook.secret, r.body, signature, new Date())).toBe(true);
      expect(verifySignature('whsec_wrong', r.body, signature, new Date())).toBe(false);
    }
    const body = JSON.parse(first.body);
    expect(body).toMatchObject({
      event: 'task.assigned',
      workspaceId: t.demo.workspaceId,
      data: { taskId, dueDate: '2026-12-18' },
    });
    const log = (await admin.get(`/api/webhooks/${hook.id}/deliveries`)).json().items;
    expect(log[0]).toMatchObject({ id: body.id, status: 'delivered', attempt: 2, statusCode: 200 });
  });

  it('a receiver that keeps failing is retried after 1 m, 5 m, 30 m, 2 h and 6 h, then marked failed', async () => {
    const created = (
      await admin.post('/api/webhooks', { url: `${broken.url}/down`, events: ['*'] })
    ).json();
    const test = await admin.post(`/api/webhooks/${created.id}/test`);
    expect(test.statusCode).toBe(200);
    expect(test.json()).toMatchObject({
      event: 'ping',
      status: 'pending',
      attempt: 1,
      statusCode: 503,
    });
    let at = new Date();
    const gaps: number[] = [];
    for (;;) {
      const row = await t.database.db
        .selectFrom('webhook_deliveries')
        .select(['next_attempt_at', 'attempt'])
        .where('id', '=', test.json().id)
        .executeTakeFirstOrThrow();
      if (!row.next_attempt_at) break;
      const next = new Date(row.next_attempt_at);
      gaps.push(Math.round((next.getTime() - at.getTime()) / 60_000));
      at = next;
      await deliverWebhooks(t.ctx, next);
    }
    expect(gaps).toEqual([1, 5, 30, 120, 360]);
    expect(broken.requests).toHaveLength(6);
    const log = (await admin.get(`/api/webhooks/${created.id}/deliveries`)).json().items;
    expect(log[0]).toMatchObject({ status: 'failed', attempt: 6, statusCode: 503 });
    expect(log[0].error).toContain('503');
  });

  it('"send test" delivers a signed ping now; only subscribed events are sent', async () => {
    const before = flaky.requests.length;
    const res = await admin.post(`/api/webhooks/${hook.id}/test`);
    // The flaky receiver refuses a first attempt: the test shows it, and the retry goes later.
    expect(res.json()).toMatchObject({ event: 'ping', status: 'pending', statusCode: 500 });
    expect(flaky.requests).toHaveLength(before + 1);
    const ping = flaky.requests[before];
    expect(JSON.parse(ping.body).data.message).toBe('Test delivery from Handoff');
    expect(
      verifySignature(
        hook.secret,
        ping.body,
        ping.headers['x-handoff-signature'] as string,
        new Date(),
      ),
    ).toBe(true);
    // request.waiting_triage is not among this webhook's events: no delivery is queued for it.
    const { emitWebhookEvent } = await import('../src/server/features/webhooks');
    const ids = await t.database.db
      .transaction()
      .execute((tx) => emitWebhookEvent(tx, t.demo.workspaceId, 'request.waiting_triage', {}));
    const rows = await t.database.db
      .selectFrom('webhook_deliveries')
      .select('webhook_id')
      .where('id', 'in', ids)
      .execute();
    expect(rows.map((r) => r.webhook_id)).not.toContain(hook.id);
  });

  it("another workspace's admin cannot test, read or delete these webhooks (404, unchanged)", async () => {
    const other = await createSecondWorkspace(t, dialect);
    expect((await other.get('/api/webhooks')).json().items).toEqual([]);
    expect((await other.post(`/api/webhooks/${hook.id}/test`)).statusCode).toBe(404);
    expect((await other.get(`/api/webhooks/${hook.id}/deliveries`)).statusCode).toBe(404);
    expect((await other.delete(`/api/webhooks/${hook.id}`)).statusCode).toBe(404);
    expect(
      (await admin.get('/api/webhooks')).json().items.map((w: { id: string }) => w.id),
    ).toContain(hook.id);
  });

  it('deleting a webhook removes it and its log, and is audited', async () => {
    expect((await admin.delete(`/api/webhooks/${hook.id}`)).statusCode).toBe(200);
    const rows = await t.database.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('webhook_id', '=', hook.id)
      .execute();
    expect(rows).toHaveLength(0);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after_json', 'before_json'])
      .where('entity_type', '=', 'webhook')
      .where('entity_id', '=', hook.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['created', 'deleted']);
    expect(JSON.stringify(audit)).not.toContain(hook.secret);
  });
});
