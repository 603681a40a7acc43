// The two longer proofs of scripts/scale-test.mjs: SIGKILL mid-load (c) and exactly-once jobs (d).
import { request, sleep } from './scale-test-lib.mjs';

const WRITERS = 8;
const READERS = 2;
/** Requests already sent to the victim when it died may fail; later ones must not. */
const IN_FLIGHT_GRACE_MS = 250;

/**
 * (c) Writes (POST /api/clients) and reads through nginx for a few seconds; 40 % of the way in the
 * victim gets SIGKILL. Every acknowledged write must be in the database afterwards; after the kill
 * only requests already in flight to the victim may fail (nginx retries idempotent ones, never a
 * POST that may have been applied), and the survivors keep serving.
 */
export async function killMidLoad({
  publicUrl,
  headers,
  victim,
  db,
  quick,
  countServed,
  check,
  figures,
}) {
  const duration = quick ? 3000 : 5000;
  const started = performance.now();
  const deadline = started + duration;
  let killedAt = Number.POSITIVE_INFINITY;
  let killedAtWall = 0;
  const attempts = [];
  const killer = sleep(duration * 0.4).then(() => {
    killedAt = performance.now();
    killedAtWall = Date.now();
    victim.child.kill('SIGKILL');
  });
  const run = `${Date.now().toString(36)}`;
  let n = 0;
  const writer = async () => {
    while (performance.now() < deadline) {
      const name = `Scale ${run} ${n++}`;
      const at = performance.now();
      const res = await request(`${publicUrl}/api/clients`, {
        method: 'POST',
        headers,
        body: { name, companyCategory: 'core', departmentTier: 2 },
      });
      countServed(res);
      const ok = res.status === 201;
      attempts.push({
        kind: 'write',
        name,
        at,
        status: res.status,
        by: res.headers['x-handoff-instance'],
        id: ok ? res.json().id : null,
      });
    }
  };
  const reader = async () => {
    while (performance.now() < deadline) {
      const at = performance.now();
      const res = await request(`${publicUrl}/api/clients?limit=5`, { headers });
      countServed(res);
      attempts.push({
        kind: 'read',
        at,
        status: res.status,
        by: res.headers['x-handoff-instance'],
      });
    }
  };
  await Promise.all([
    killer,
    ...Array.from({ length: WRITERS }, writer),
    ...Array.from({ length: READERS }, reader),
  ]);
  await victim.exited;

  const acked = attempts.filter((a) => a.id);
  const found = await db.query('SELECT id FROM clients WHERE id = ANY($1)', [
    acked.map((a) => a.id),
  ]);
  const lost = acked.length - found.rowCount;
  const failed = attempts.filter((a) => a.status < 200 || a.status >= 300);
  const late = failed.filter((a) => a.at > killedAt + IN_FLIGHT_GRACE_MS);
  const unacked = failed.filter((a) => a.kind === 'write').map((a) => a.name);
  const appliedAnyway = unacked.length
    ? (await db.query('SELECT count(*)::int AS n FROM clients WHERE name = ANY($1)', [unacked]))
        .rows[0].n
    : 0;
  const afterKill = new Map();
  for (const a of attempts) {
    if (a.at > killedAt + IN_FLIGHT_GRACE_MS && a.status >= 200 && a.status < 300)
      afterKill.set(a.by, (afterKill.get(a.by) ?? 0) + 1);
  }
  const reads = attempts.filter((a) => a.kind === 'read');
  check(
    lost === 0,
    `(c) SIGKILL of ${victim.name} mid-load: ${acked.length} writes acknowledged, all ${found.rowCount} found afterwards (${lost} lost)`,
  );
  check(
    late.length === 0 && failed.length <= WRITERS + READERS,
    `(c) errors only from requests in flight to ${victim.name} when it died: ${failed.length} (${failed.filter((a) => a.kind === 'read').length} reads), none later`,
  );
  check(
    !afterKill.has(victim.name) && afterKill.size >= 2,
    `(c) the others kept serving after the kill: ${[...afterKill]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
  );
  figures.push(
    `load with SIGKILL (${duration / 1000} s, ${WRITERS} writers + ${READERS} readers through nginx): ${acked.length} writes acknowledged, 0 of them lost; ${reads.length} reads; errors ${failed.length} (${describeErrors(failed, killedAt)}); ${appliedAnyway} unacknowledged writes committed anyway (the client saw an error, the data is there)`,
  );
  return { acked: acked.length, killedAtWall };
}

/** "8 × write 502, sent 180 ms before to 40 ms after the kill" */
function describeErrors(failed, killedAt) {
  if (failed.length === 0) return 'none';
  const kinds = new Map();
  for (const a of failed) {
    const k = `${a.kind} ${a.status || 'network'}`;
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  const offsets = failed.map((a) => a.at - killedAt);
  const when = (v) => (v < 0 ? `${Math.round(-v)} ms before` : `${Math.round(v)} ms after`);
  return `${[...kinds].map(([k, n]) => `${n} × ${k}`).join(', ')}; sent ${when(Math.min(...offsets))} to ${when(Math.max(...offsets))} the kill`;
}

/** The runner's pid: the scheduler names itself `host:pid:nonce`. */
const pidOf = (runner) => Number(String(runner).split(':').at(-2));

/**
 * (d) Each process ticks every job every `tickMs` (JOBS_TICK_INTERVAL_MS) on the same instants;
 * the database trigger logged every successful claim. Each (job, tick) must have run once.
 */
export async function schedulerRuns({ db, apps, tickMs, killedAtWall, check, figures }) {
  const { rows } = await db.query(
    'SELECT job, tick, array_agg(runner) AS runners FROM scale_test_job_runs GROUP BY job, tick ORDER BY tick',
  );
  const byPid = new Map(apps.map((a) => [a.child.pid, a.name]));
  const ticks = rows.filter((r) => Date.parse(r.tick) % tickMs === 0);
  const kicks = rows.length - ticks.length;
  const twice = ticks.filter((r) => r.runners.length > 1);
  const perProcess = new Map();
  let afterKill = 0;
  let victimAfterKill = 0;
  for (const r of ticks) {
    const who = byPid.get(pidOf(r.runners[0])) ?? 'other';
    perProcess.set(who, (perProcess.get(who) ?? 0) + 1);
    if (Date.parse(r.tick) > killedAtWall + tickMs) {
      afterKill++;
      if (who === apps[2].name) victimAfterKill++;
    }
  }
  const jobs = new Set(ticks.map((r) => r.job));
  // Ticks nobody ran (every process found the job busy, e.g. still running the previous tick).
  let expected = 0;
  for (const job of jobs) {
    const times = ticks.filter((r) => r.job === job).map((r) => Date.parse(r.tick));
    expected += (Math.max(...times) - Math.min(...times)) / tickMs + 1;
  }
  check(
    // Enough ticks to mean something (a quick run on a busy machine sees only a few per job);
    // the property itself is "never twice".
    ticks.length >= Math.max(4, jobs.size * 2) && twice.length === 0 && perProcess.size >= 2,
    `(d) scheduler: ${ticks.length} job ticks (${jobs.size} jobs), each run exactly once across the processes (${twice.length} twice), by ${perProcess.size} different processes`,
  );
  check(
    afterKill > 0 && victimAfterKill === 0,
    `(d) after the kill the survivors ran the jobs: ${afterKill} ticks, none by ${apps[2].name}`,
  );
  figures.push(
    `scheduler (tick every ${tickMs} ms on every process): ${ticks.length} runs of ${expected} ticks in the window, ${twice.length} duplicates; won by ${[
      ...perProcess,
    ]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}; ${afterKill} after the kill; ${kicks} extra "run soon" kicks`,
  );
}
