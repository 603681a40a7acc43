/**
 * "Run this job soon": a feature that queued work (an e-mail, a webhook delivery) asks for a
 * prompt run instead of waiting for the next minute. The request is flushed once the work has
 * committed: after each HTTP response (a hook of the notifications routes) and after each job's
 * transaction. Without a running scheduler (tests, CLI) a kick does nothing and the work waits.
 */

export interface KickTarget {
  kick(jobName: string): void;
}

const targets = new Set<KickTarget>();
const requested = new Set<string>();

export function addKickTarget(target: KickTarget): () => void {
  targets.add(target);
  return () => targets.delete(target);
}

/** Marks a job to run once the caller's transaction has committed. */
export function requestRun(jobName: string): void {
  requested.add(jobName);
}

/** Runs the jobs requested so far; call it only after their data has committed. */
export function flushRequestedRuns(): void {
  if (requested.size === 0) return;
  const names = [...requested];
  requested.clear();
  for (const target of targets) for (const name of names) target.kick(name);
}
