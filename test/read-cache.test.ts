import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db';
import { READ_CACHE_HEADER } from '../src/server/read-cache';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';

/**
 * The read cache (src/server/read-cache): answers are kept per viewer and URL and served again
 * only while no write happened anywhere — in this process or another one.
 */
describe.each(testDialects())('read cache on %s', (dialect) => {
  let t: TestApp;
  let coordinator: Client;
  let contractor: Client;
  let dir: string | undefined;
  let taskId: string;
  let othersTaskId: string;

  beforeAll(async () => {
    // SQLite on a file, so a second connection (another process's writes) can reach it.
    if (dialect === 'sqlite') dir = mkdtempSync(join(tmpdir(), 'handoff-cache-'));
    t = await createTestApp(dialect, dir ? { DATABASE_URL: join(dir, 'cache.db') } : {});
    coordinator = await t.as('coordinator');
    contractor = await t.as('contractor');
    const mine = await contractor.get('/api/tasks?limit=200');
    const own = new Set((mine.json().items as { id: string }[]).map((i) => i.id));
    const all = (await coordinator.get('/api/tasks?limit=200')).json().items as { id: string }[];
    taskId = [...own][0];
    othersTaskId = all.find((i) => !own.has(i.id))?.id ?? '';
    expect(taskId).toBeTruthy();
    expect(othersTaskId).toBeTruthy();
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the same answer again from the cache while nothing changed', async () => {
    const url = `/api/tasks/${taskId}`;
    const first = await coordinator.get(url);
    const second = await coordinator.get(url);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.headers[READ_CACHE_HEADER]).toBe('hit');
    expect(second.headers['content-type']).toMatch(/^application\/json/);
    expect(second.json()).toEqual(first.json());
  });

  it('drops kept answers on any write through the app (a new comment shows at once)', async () => {
    const url = `/api/tasks/${taskId}`;
    await coordinator.get(url);
    expect((await coordinator.get(url)).headers[READ_CACHE_HEADER]).toBe('hit');
    const posted = await coordinator.post(`/api/tasks/${taskId}/comments`, {
      body: 'Cache check: the export sizes are final',
      visibility: 'all',
      kind: 'comment',
    });
    expect(posted.statusCode).toBe(201);
    const after = await coordinator.get(url);
    expect(after.headers[READ_CACHE_HEADER]).toBe('miss');
    const bodies = (after.json().comments as { body: string }[]).map((c) => c.body);
    expect(bodies).toContain('Cache check: the export sizes are final');
  });

  it("sees another process's write on the next request", async () => {
    const url = `/api/tasks?limit=200`;
    await coordinator.get(url);
    expect((await coordinator.get(url)).headers[READ_CACHE_HEADER]).toBe('hit');
    const other = openDatabase(t.config.databaseUrl);
    try {
      await other.db
        .updateTable('tasks')
        .set({ title: 'Renamed by another process' })
        .where('id', '=', othersTaskId)
        .execute();
    } finally {
      await other.close();
    }
    const after = await coordinator.get(url);
    expect(after.headers[READ_CACHE_HEADER]).toBe('miss');
    const titles = (after.json().items as { id: string; title: string }[])
      .filter((i) => i.id === othersTaskId)
      .map((i) => i.title);
    expect(titles).toEqual(['Renamed by another process']);
  });

  it("never gives one person's kept answer to another (R5)", async () => {
    const url = `/api/tasks/${othersTaskId}`;
    expect((await coordinator.get(url)).statusCode).toBe(200);
    expect((await coordinator.get(url)).headers[READ_CACHE_HEADER]).toBe('hit');
    const denied = await contractor.get(url);
    expect(denied.statusCode).toBe(404);
    expect(denied.headers[READ_CACHE_HEADER]).not.toBe('hit');
    // The same list URL: each viewer gets their own answer, cached or not.
    const list = '/api/tasks?limit=200';
    await coordinator.get(list);
    const mine = await contractor.get(list);
    const again = await contractor.get(list);
    expect(again.headers[READ_CACHE_HEADER]).toBe('hit');
    const ids = (again.json().items as { id: string }[]).map((i) => i.id);
    expect(ids).toEqual((mine.json().items as { id: string }[]).map((i) => i.id));
    expect(ids).not.toContain(othersTaskId);
  });

  it('checks the session on every request: a signed-out cookie gets no kept answer', async () => {
    const finance = await t.as('finance');
    const url = '/api/reports/spend';
    expect((await finance.get(url)).statusCode).toBe(200);
    expect((await finance.get(url)).headers[READ_CACHE_HEADER]).toBe('hit');
    const out = await finance.post('/api/auth/sign-out', {});
    expect(out.statusCode).toBe(200);
    expect((await finance.get(url)).statusCode).toBe(401);
  });

  it('keeps JSON answers only: a CSV download is made afresh each time', async () => {
    const url = '/api/reports/spend?format=csv';
    const first = await coordinator.get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/text\/csv/);
    const second = await coordinator.get(url);
    expect(second.headers[READ_CACHE_HEADER]).toBe('miss');
    expect(second.headers['content-disposition']).toMatch(/attachment/);
  });
});
