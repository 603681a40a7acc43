import type { AppContext } from '../context';
import { deliverOutbound } from '../features/notifications/deliver';
import { DELIVER_OUTBOUND_JOB } from '../features/notifications/notify';
import { DELIVER_WEBHOOKS_JOB, deliverWebhooks } from '../features/webhooks';
import { runWeeklyDigest } from './digest';
import { runReminders } from './reminders';
import { type JobDefinition, type Scheduler, startScheduler } from './scheduler';

export const REMINDERS_JOB = 'reminders';
export const WEEKLY_DIGEST_JOB = 'weekly-digest';

/** Every scheduled job. Patterns are in UTC; per-person times (the digest) are checked inside. */
export const JOBS: readonly JobDefinition[] = [
  {
    name: DELIVER_OUTBOUND_JOB,
    cron: '* * * * *',
    leaseSeconds: 600,
    run: async (ctx, now) => void (await deliverOutbound(ctx, now)),
  },
  {
    name: DELIVER_WEBHOOKS_JOB,
    cron: '* * * * *',
    leaseSeconds: 900,
    run: async (ctx, now) => void (await deliverWebhooks(ctx, now)),
  },
  { name: REMINDERS_JOB, cron: '*/15 * * * *', run: runReminders },
  { name: WEEKLY_DIGEST_JOB, cron: '5 * * * *', run: runWeeklyDigest },
];

/** Starts every job on its schedule (main.ts calls this once the app is built). */
export function startJobs(ctx: AppContext): Promise<Scheduler> {
  return startScheduler(ctx, JOBS);
}
