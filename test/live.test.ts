import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp } from '../src/server/app';
import { type AuditEntry, recordAudit } from '../src/server/audit';
import { type Database, openDatabase } from '../src/server/db';
import { newId } from '../src/server/lib/ids';
import { publishNotificationsCreated } from '../src/server/live';
import { createSecondWorkspace, demoClientId } from './support/clients';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';
import { openSse, type SseStream } from './support/sse';
import { demoContractor, insertTask } from './support/work';

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

const DRAFT = [{ title: 'Draft', dueDate: '2026-12-10', assignee: 'contractor' as const }];

describe.each(testDialects())('live updates on %s', (dialect) => {
  let t: TestApp;
  /** PostgreSQL: a second app instance on the same database, where the streams connect. */
  let second: { built: BuiltApp; database: Database } | null = null;
  let streamsUrl: string;
  let other: Client;
  let otherUserId: string;
  const streams: SseStream[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    if (dialect === 'postgres') {
      const database = openDatabase(t.config.databaseUrl);
      second = { built: await buildApp(t.config, database, { logger: false }), database };
      streamsUrl = await listen(second.built.app);
    } else {
      streamsUrl = await listen(t.app);
    }
    other = await createSecondWorkspace(t, dialect);
    otherUserId = (await other.get('/api/me')).json().user.id;
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    if (second) {
      await second.built.app.close();
      await second.database.close();
    }
    await t?.close();
  });

  const stream = async (client: Client, headers: Record<string, string> = {}) => {
    const s = await openSse(`${streamsUrl}/api/events?workspace=${client.workspaceId}`, {
      cookie: client.cookie ?? '',
      ...headers,
    });
    streams.push(s);
    return s;
  };
  /** A change recorded the way every command records one: its audit entry, in its transaction. */
  const change = (workspaceId: string, entry: Omit<AuditEntry, 'action'>) =>
    t.database.db
      .transaction()
      .execute((tx) => recordAudit(tx, { userId: null, workspaceId }, { action: 'x', ...entry }));
  const notifyPeople = (workspaceId: string, userIds: string[], dedupeKey: string) =>
    t.database.db
      .transaction()
      .execute((tx) => publishNotificationsCreated(tx, { workspaceId, userIds, dedupeKey }));
  const seen = (s: SseStream, ids: Set<string>) =>
    s.messages.filter((m) => ids.has(String(m.data.id))).map((m) => `${m.data.type} ${m.data.id}`);

  it("R5 a contractor hears of his own task and his notifications only; staff hear the workspace's changes; nobody hears another workspace", async () => {
    const ws = t.demo.workspaceId;
    const [contractor, coordinator] = [await t.as('contractor'), await t.as('coordinator')];
    const own = await insertTask(t, { subtasks: DRAFT });
    const theirs = await insertTask(t, { subtasks: DRAFT });
    const lina = await demoContractor(t);
    const otherContractor = t.demo.contractorIds.find((id) => id !== lina.id) as string;
    await t.database.db
      .updateTable('tasks')
      .set({ contractor_id: otherContractor })
      .where('id', '=', theirs.taskId)
      .execute();
    const clientId = demoClientId(t, 'Harbor & Vine Coffee');
    const elsewhere = newId();
    const done = `sentinel-${dialect}`;
    const ids = new Set([own.taskId, theirs.taskId, clientId, elsewhere, done]);

    const [linaHears, ellieHears, olgaHears] = [
      await stream(contractor),
      await stream(coordinator),
      await stream(other),
    ];
    await change(ws, { entityType: 'comment', entityId: newId(), taskId: theirs.taskId });
    await change(ws, { entityType: 'subtask', entityId: own.subtaskIds[0], taskId: own.taskId });
    await change(other.workspaceId as string, { entityType: 'task', entityId: elsewhere });
    // A real command through the API (on PostgreSQL: through the other instance).
    const before = (await coordinator.get(`/api/clients/${clientId}`)).json();
    const patched = await coordinator.patch(`/api/clients/${clientId}`, {
      version: before.version,
      notes: 'Live: changed while you were looking',
    });
    expect(patched.statusCode).toBe(200);
    await notifyPeople(ws, [t.demo.users.contractor, t.demo.users.coordinator], done);
    await notifyPeople(other.workspaceId as string, [otherUserId], done);

    const last = (m: { data: Record<string, unknown> }) => m.data.id === done;
    await Promise.all([linaHears.waitFor(last), ellieHears.waitFor(last), olgaHears.waitFor(last)]);
    expect(seen(linaHears, ids)).toEqual([
      `task.changed ${own.taskId}`,
      `notification.created ${done}`,
    ]);
    expect(seen(ellieHears, ids)).toEqual([
      `task.changed ${theirs.taskId}`,
      `task.changed ${own.taskId}`,
      `client.changed ${clientId}`,
      `notification.created ${done}`,
    ]);
    expect(seen(olgaHears, ids)).toEqual([
      `task.changed ${elsewhere}`,
      `notification.created ${done}`,
    ]);
    // Hints only: no record data, and never whom a notification is for.
    expect(Object.keys(linaHears.messages[0].data).sort()).toEqual([
      'id',
      'taskId',
      'type',
      'workspaceId',
    ]);
    expect(JSON.stringify(ellieHears.messages)).not.toContain('Live: changed');
    expect(JSON.stringify(ellieHears.messages)).not.toContain(t.demo.users.contractor);
  });

  it('R5 refuses a stream of a workspace one is not a member of (403), signed out (401), without Accept (400)', async () => {
    const contractor = await t.as('contractor');
    const intruder = await openSse(`${streamsUrl}/api/events?workspace=${other.workspaceId}`, {
      cookie: contractor.cookie ?? '',
    });
    expect(intruder.status).toBe(403);
    expect((await openSse(`${streamsUrl}/api/events`)).status).toBe(401);
    const plain = await fetch(`${streamsUrl}/api/events`, {
      headers: { cookie: contractor.cookie ?? '' },
    });
    expect(plain.status).toBe(400);
    await plain.text();
  });

  it('sends retry: and resumes from Last-Event-ID, or asks for a full refetch when it cannot', async () => {
    const coordinator = await t.as('coordinator');
    const first = await stream(coordinator);
    expect(first.retry).toBe(3000);
    const ids = [newId(), newId(), newId()];
    for (const id of ids) await change(t.demo.workspaceId, { entityType: 'client', entityId: id });
    const firstHint = await first.waitFor((m) => m.data.id === ids[0]);
    await first.waitFor((m) => m.data.id === ids[2]);
    first.close();

    const resumed = await stream(coordinator, { 'last-event-id': firstHint.id as string });
    await resumed.waitFor((m) => m.data.id === ids[2]);
    expect(resumed.messages.map((m) => m.data.id).filter((id) => ids.includes(String(id)))).toEqual(
      ids.slice(1),
    );
    const lost = await stream(coordinator, { 'last-event-id': 'long-gone' });
    expect((await lost.waitFor(() => true)).data).toEqual({ type: 'resync' });
  });

  it.runIf(dialect === 'postgres')(
    'a rolled-back transaction sends no event (NOTIFY is delivered on commit only)',
    async () => {
      const coordinator = await t.as('coordinator');
      const hears = await stream(coordinator);
      const [ghost, real] = [newId(), newId()];
      await expect(
        t.database.db.transaction().execute(async (tx) => {
          const actor = { userId: null, workspaceId: t.demo.workspaceId };
          await recordAudit(tx, actor, { entityType: 'client', entityId: ghost, action: 'x' });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await change(t.demo.workspaceId, { entityType: 'client', entityId: real });
      await hears.waitFor((m) => m.data.id === real);
      expect(hears.messages.some((m) => m.data.id === ghost)).toBe(false);
    },
  );

  it.runIf(dialect === 'postgres')(
    'a listener that loses its connection reconnects and tells streams to refetch everything',
    async () => {
      const coordinator = await t.as('coordinator');
      const hears = await stream(coordinator);
      // What a network cut or a database restart does to the listener's connection.
      const { rows } = await sql<{ n: number }>`
        SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE application_name = 'handoff-live-listener' AND datname = current_database()`.execute(
        t.database.db,
      );
      expect(rows[0].n).toBe(1);
      await hears.waitFor((m) => m.data.type === 'resync', 5000);
      const after = newId();
      await change(t.demo.workspaceId, { entityType: 'client', entityId: after });
      await hears.waitFor((m) => m.data.id === after);
    },
  );
});

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
async function redisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 500,
    retryStrategy: null,
  });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
// CI starts Redis (.ci/run), so there the test must run; elsewhere it needs a local Redis.
const redisUp = process.env.CI === 'true' || (await redisReachable());

describe('rate limits across processes', () => {
  it.runIf(redisUp)(
    'with REDIS_URL two app instances share one counter: the 11th request of 10 a minute is refused wherever it lands',
    async () => {
      const env = { REDIS_URL };
      const a = await createTestApp('sqlite', env, { seed: false });
      const b = await createTestApp('sqlite', env, { seed: false });
      try {
        // A fresh address per run, so earlier runs' counters (kept a minute) do not count.
        const remoteAddress = `2001:db8::${randomBytes(2).toString('hex')}`;
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++) {
          const app = i % 2 === 0 ? a.app : b.app;
          const res = await app.inject({ method: 'POST', url: '/api/setup', remoteAddress });
          statuses.push(res.statusCode);
        }
        expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true);
        expect(statuses.slice(10)).toEqual([429, 429]);
      } finally {
        await a.close();
        await b.close();
      }
    },
  );
});
