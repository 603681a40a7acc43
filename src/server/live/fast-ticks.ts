/**
 * JOBS_TICK_INTERVAL_MS: besides its cron schedule, every process ticks every job on a shared
 * fast clock (ticks at whole multiples of the interval, the same instants on every process). The
 * scheduler runs a job at most once per tick however many processes tick it, so the scale test
 * can watch dozens of ticks in seconds instead of one a minute. Jobs are idempotent and batched,
 * so extra ticks only do earlier what the next cron tick would do. Not for production.
 */
export function startFastTicks(
  scheduler: { runJob(name: string, tickAt: Date): Promise<unknown> },
  jobNames: readonly string[],
  intervalMs: number,
): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    const now = Date.now();
    const next = (Math.floor(now / intervalMs) + 1) * intervalMs;
    timer = setTimeout(fire, next - now + 5);
  };
  const fire = () => {
    const tick = new Date(Math.floor(Date.now() / intervalMs) * intervalMs);
    for (const name of jobNames) {
      scheduler.runJob(name, tick).catch((err: unknown) => {
        console.error(`[jobs] fast tick of ${name} failed:`, err);
      });
    }
    schedule();
  };
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
