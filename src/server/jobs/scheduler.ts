import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { AppContext } from '../context';
import type { Executor } from '../db';
import { type HeldLock, supportsAdvisoryLocks, tryAdvisoryLock } from '../db/dialect';
import { addKickTarget } from './kick';

/**
 * The scheduler: schedules are rows of the `jobs` table, so they survive restarts, and each job
 * runs at most once per tick however many processes tick it. On PostgreSQL the run holds an
 * advisory lock on its own connection (a dead runner's connection closes and frees it); on
 * SQLite a row lease (`locked_until`) does the same job, and a dead runner's lease expires.
 */

export interface JobDefinition {
  name: string;
  /** Five-field cron pattern. */
  cron: string;
  timeZone?: string;
  /** How long a run may hold its lease before another process may take the job over. */
  leaseSeconds?: number;
  /** Idempotent and batched: safe to run twice, bounded work per call. */
  run(ctx: AppContext, now: Date): Promise<void>;
}

/** ran · failed (ran and threw) · busy (another runner holds it) · skipped (already ran this tick). */
export type RunOutcome = 'ran' | 'failed' | 'busy' | 'skipped';

export interface Scheduler {
  readonly instanceId: string;
  /** Runs a job for the tick at `tickAt` (default now) unless it already ran for it. */
  runJob(name: string, tickAt?: Date): Promise<RunOutcome>;
  /** Fire-and-forget `runJob(name)`, for work that was just queued. */
  kick(name: string): void;
  stop(): Promise<void>;
}

const DEFAULT_LEASE_SECONDS = 300;

/** The start of the minute: every process ticking "the same" run agrees on this instant. */
export function tickOf(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000);
}

/** Writes each job's schedule into the jobs table (new jobs added, changed crons updated). */
export async function registerJobs(db: Executor, jobs: readonly JobDefinition[]): Promise<void> {
  for (const job of jobs) {
    const timeZone = job.timeZone ?? 'UTC';
    await db
      .insertInto('jobs')
      .values({ name: job.name, cron: job.cron, time_zone: timeZone })
      .onConflict((oc) => oc.column('name').doUpdateSet({ cron: job.cron, time_zone: timeZone }))
      .execute();
  }
}

/**
 * Claims the job for one tick: succeeds only when it has not run for this tick yet and (unless
 * an advisory lock already proves nobody else runs it) no live lease is held.
 */
async function claim(
  db: Executor,
  job: { name: string; tick: string; instanceId: string; leaseSeconds: number },
  checkLease: boolean,
): Promise<boolean> {
  const now = new Date();
  let q = db
    .updateTable('jobs')
    .set({
      last_run_at: job.tick,
      last_status: 'running',
      last_error: null,
      locked_by: job.instanceId,
      locked_until: new Date(now.getTime() + job.leaseSeconds * 1000).toISOString(),
    })
    .where('name', '=', job.name)
    .where((eb) => eb.or([eb('last_run_at', 'is', null), eb('last_run_at', '<', job.tick)]));
  if (checkLease) {
    q = q.where((eb) =>
      eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]),
    );
  }
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

async function finish(
  db: Executor,
  job: { name: string; instanceId: string },
  error: unknown,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      locked_until: null,
      locked_by: null,
      last_status: error ? 'error' : 'ok',
      last_error: error ? String((error as Error).message ?? error).slice(0, 2000) : null,
    })
    .where('name', '=', job.name)
    .where('locked_by', '=', job.instanceId)
    .execute();
}

/** How long a kick waits for more kicks of the same job, so one run serves a burst. */
export const KICK_DELAY_MS = 20;

/**
 * Starts the scheduler: registers the jobs, then (unless `timers: false`, as tests do) ticks
 * each one on its cron pattern.
 */
export async function startScheduler(
  ctx: AppContext,
  jobs: readonly JobDefinition[],
  options: { instanceId?: string; timers?: boolean } = {},
): Promise<Scheduler> {
  const db = ctx.database.db;
  const opened = ctx.database.opened;
  const instanceId =
    options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const byName = new Map(jobs.map((j) => [j.name, j]));
  await registerJobs(db, jobs);
  const running = new Set<Promise<unknown>>();
  // Jobs running in this process, and kicks that arrived meanwhile: those run once more after,
  // so work queued during a run does not wait for the next tick.
  const active = new Set<string>();
  const kickedDuringRun = new Set<string>();
  const kickTimers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  const runJob = async (name: string, tickAt = new Date()): Promise<RunOutcome> => {
    const job = byName.get(name);
    if (!job) throw new Error(`Unknown job ${name}`);
    if (stopped) return 'busy';
    let lock: HeldLock | null = null;
    if (supportsAdvisoryLocks(opened)) {
      lock = await tryAdvisoryLock(opened, `handoff-job:${name}`);
      if (!lock) return 'busy';
    }
    try {
      const claimed = await claim(
        db,
        {
          name,
          tick: tickAt.toISOString(),
          instanceId,
          leaseSeconds: job.leaseSeconds ?? DEFAULT_LEASE_SECONDS,
        },
        lock === null,
      );
      if (!claimed) return 'skipped';
      let error: unknown = null;
      active.add(name);
      try {
        await job.run(ctx, new Date());
      } catch (err) {
        error = err ?? new Error('failed');
        console.error(`[jobs] ${name} failed:`, err);
      } finally {
        active.delete(name);
      }
      await finish(db, { name, instanceId }, error);
      if (kickedDuringRun.delete(name)) scheduler.kick(name);
      return error ? 'failed' : 'ran';
    } finally {
      await lock?.release();
    }
  };

  const track = (p: Promise<unknown>) => {
    running.add(p);
    p.finally(() => running.delete(p)).catch(() => {});
  };
  const crons =
    options.timers === false
      ? []
      : jobs.map(
          (job) =>
            new Cron(job.cron, { timezone: job.timeZone ?? 'UTC', protect: true }, () => {
              const p = runJob(job.name, tickOf(new Date())).catch((err: unknown) => {
                console.error(`[jobs] ${job.name} tick failed:`, err);
              });
              track(p);
              return p.then(() => undefined);
            }),
        );

  const scheduler: Scheduler = {
    instanceId,
    runJob,
    kick(name) {
      if (stopped || !byName.has(name)) return;
      if (active.has(name)) {
        kickedDuringRun.add(name);
        return;
      }
      if (kickTimers.has(name)) return;
      // A burst of writes (thirty comments in a second) asks for one run that sends them all,
      // not thirty runs that each claim the job and send one. Not awaited: the caller's
      // response must not wait for an SMTP server.
      const timer = setTimeout(() => {
        kickTimers.delete(name);
        // The work that asked for the kick may still sit in SQLite's shared commit
        // (db/group-commit.ts): the job reads it once it is in (or gone, if that commit failed).
        const committed = opened.groupCommit.pendingCommit()?.catch(() => {});
        track(
          Promise.resolve(committed)
            .then(() => runJob(name))
            .catch((err: unknown) => console.error(`[jobs] ${name} kick failed:`, err)),
        );
      }, KICK_DELAY_MS);
      timer.unref();
      kickTimers.set(name, timer);
    },
    async stop() {
      stopped = true;
      removeKick();
      for (const timer of kickTimers.values()) clearTimeout(timer);
      kickTimers.clear();
      for (const c of crons) c.stop();
      await Promise.allSettled([...running]);
    },
  };
  const removeKick = addKickTarget(scheduler);
  return scheduler;
}

/** For the job list on the operations page and tests: what the table says about each job. */
export async function jobStates(db: Executor) {
  return db.selectFrom('jobs').selectAll().orderBy('name').execute();
}
