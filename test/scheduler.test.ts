import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/server/context';
import { openDatabase } from '../src/server/db';
import { JOBS } from '../src/server/jobs';
import { type JobDefinition, type Scheduler, startScheduler } from '../src/server/jobs/scheduler';
import { testDialects } from './support/databases';
import { createTestApp, type TestApp } from './support/harness';
import { eventually } from './support/receivers';
import { insertRequest } from './support/work';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TICK_1 = new Date('2026-12-03T15:00:00Z');
const TICK_2 = new Date('2026-12-03T15:01:00Z');

/** A job that counts its runs and takes a moment, so overlapping runs would show. */
function countingJob(name: string, runs: string[], opts: { fail?: boolean } = {}): JobDefinition {
  return {
    name,
    cron: '* * * * *',
    leaseSeconds: 60,
    run: async (ctx) => {
      runs.push(ctx.database.dialect);
      await sleep(150);
      if (opts.fail) throw new Error('the handler broke');
    },
  };
}

describe.each(testDialects())('scheduler on %s', (dialect) => {
  let t: TestApp;
  const schedulers: Scheduler[] = [];
  const start = async (ctx: AppContext, jobs: JobDefinition[], instanceId: string) => {
    const s = await startScheduler(ctx, jobs, { instanceId, timers: false });
    schedulers.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    for (const s of schedulers) await s.stop();
    await t?.close();
  });

  it('keeps schedules in the jobs table and runs a job once per tick', async () => {
    const runs: string[] = [];
    const s = await start(t.ctx, [countingJob('count-once', runs)], 'a');
    expect(await s.runJob('count-once', TICK_1)).toBe('ran');
    expect(await s.runJob('count-once', TICK_1)).toBe('skipped');
    expect(await s.runJob('count-once', TICK_2)).toBe('ran');
    expect(runs).toHaveLength(2);
    const row = await t.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', 'count-once')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      cron: '* * * * *',
      time_zone: 'UTC',
      last_run_at: TICK_2.toISOString(),
      last_status: 'ok',
      locked_until: null,
      locked_by: null,
    });
  });

  it('records a failing run and frees the job for the next tick', async () => {
    const runs: string[] = [];
    const s = await start(t.ctx, [countingJob('breaks', runs, { fail: true })], 'b');
    expect(await s.runJob('breaks', TICK_1)).toBe('failed');
    const row = await t.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', 'breaks')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      last_status: 'error',
      last_error: 'the handler broke',
      locked_by: null,
    });
    expect(await s.runJob('breaks', TICK_2)).toBe('failed');
    expect(runs).toHaveLength(2);
  });

  it('a runner that died mid-run does not block the job for good', async () => {
    const runs: string[] = [];
    const s = await start(t.ctx, [countingJob('orphaned', runs)], 'c');
    // A dead process left its lease on the row (and, on PostgreSQL, its lock died with it).
    await t.database.db
      .updateTable('jobs')
      .set({
        locked_by: 'dead-process',
        locked_until: new Date(Date.now() + 60_000).toISOString(),
        last_run_at: new Date('2026-12-03T14:00:00Z').toISOString(),
        last_status: 'running',
      })
      .where('name', '=', 'orphaned')
      .execute();
    if (dialect === 'sqlite') {
      // SQLite: the lease holds until it expires…
      expect(await s.runJob('orphaned', TICK_1)).toBe('skipped');
      await t.database.db
        .updateTable('jobs')
        .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
        .where('name', '=', 'orphaned')
        .execute();
    }
    // …then (and on PostgreSQL at once: no session holds the advisory lock) the job runs again.
    expect(await s.runJob('orphaned', TICK_1)).toBe('ran');
    expect(runs).toHaveLength(1);
  });

  it('R31 a job that queues e-mail kicks the delivery job right after its commit', async () => {
    const s = await start(t.ctx, [...JOBS], 'd');
    const id = await insertRequest(t, { submittedAt: '2026-11-02T14:00:00.000Z' });
    const before = await t.database.db.selectFrom('outbox').select('id').execute();
    expect(await s.runJob('reminders', new Date())).toBe('ran');
    // Nobody called the delivery job: the kick did, and the dev outbox got the e-mails.
    await eventually(async () => {
      const pending = await t.database.db
        .selectFrom('outbound_messages')
        .select('id')
        .where('sent_at', 'is', null)
        .where('channel', '=', 'email')
        .execute();
      return pending.length === 0;
    });
    const mails = await t.database.db
      .selectFrom('outbox')
      .select(['to_address', 'text_body'])
      .execute();
    expect(mails.length).toBeGreaterThan(before.length);
    expect(
      mails
        .filter((m) => m.text_body.includes(id))
        .map((m) => m.to_address)
        .sort(),
    ).toEqual(['admin@demo.handoff.test', 'coordinator@demo.handoff.test']);
  });

  it.runIf(dialect === 'postgres')(
    'two app instances ticking the same job at once: it runs exactly once per tick',
    async () => {
      const second = openDatabase(t.config.databaseUrl);
      try {
        const runs: string[] = [];
        const job = countingJob('single-runner', runs);
        const a = await start(t.ctx, [job], 'instance-a');
        const b = await start({ ...t.ctx, database: second }, [job], 'instance-b');
        const outcomes: string[] = [];
        for (let minute = 0; minute < 5; minute++) {
          const tick = new Date(TICK_1.getTime() + minute * 60_000);
          outcomes.push(
            ...(await Promise.all([a.runJob(job.name, tick), b.runJob(job.name, tick)])),
          );
          // The slower instance arrives after the first one finished: still no second run.
          expect(await b.runJob(job.name, tick)).toBe('skipped');
        }
        expect(runs).toHaveLength(5);
        expect(outcomes.filter((o) => o === 'ran')).toHaveLength(5);
        expect(outcomes.filter((o) => o === 'busy' || o === 'skipped')).toHaveLength(5);
      } finally {
        await second.close();
      }
    },
  );
});
