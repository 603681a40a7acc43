// `npm run scale-test [-- --quick]`: three stateless app processes on one PostgreSQL database
// behind nginx (round-robin, no sticky sessions), all on loopback, proving what scale-out needs:
//  (a) a session made through one process is valid on all;  shared per-route rate limits (Redis);
//  (b) a change posted to process A reaches an SSE client on process B within 1 s;
//  (c) SIGKILL of one process mid-load loses no acknowledged write and the others keep serving;
//  (d) the scheduler runs each job once per tick across the three.
// Bounded: --quick ≤ 45 s (CI), full ≤ 90 s. Every process, the database and temp files are
// removed on exit, also on failure or Ctrl-C. Needs PostgreSQL (trust) and Redis on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  cleanUp,
  ensureNginx,
  freePort,
  freshDatabase,
  onCleanup,
  openEvents,
  quantile,
  request,
  startApp,
  startNginx,
  tempDir,
  waitFor,
} from './scale-test-lib.mjs';
import { killMidLoad, schedulerRuns } from './scale-test-proofs.mjs';

const quick = process.argv.includes('--quick');
const BUDGET_MS = quick ? 45_000 : 90_000;
const root = resolve(import.meta.dirname, '..');
const PG_ADMIN = process.env.SCALE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TICK_MS = 1000;
const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

const results = [];
let workDir = null;
const figures = [];
function check(ok, message) {
  results.push(ok);
  console.log(`${ok ? '✓' : '✗'} ${message}`);
}
const ms = (v) => `${v.toFixed(1)} ms`;
/** Requests that went through nginx, per process (from the x-handoff-instance header). */
const served = new Map();
function countServed(res) {
  const id = res.headers?.['x-handoff-instance'];
  if (id) served.set(id, (served.get(id) ?? 0) + 1);
}

async function run(nginxBin) {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 1000,
    retryStrategy: null,
  });
  redis.on('error', () => {}); // reported below as "not reachable"
  await redis.connect().catch(() => {});
  if ((await redis.ping().catch(() => null)) !== 'PONG')
    throw new Error(`Redis is not reachable at ${REDIS_URL} (redis-server --daemonize yes)`);
  // A client address with no rate-limit counter yet (counters from earlier runs live a minute).
  let from = '';
  for (let i = 0; i < 50 && !from; i++) {
    const candidate = `127.0.0.${2 + Math.floor(Math.random() * 250)}`;
    if (!(await redis.exists(`handoff-rl:POST/api/setup-${candidate}`))) from = candidate;
  }
  redis.disconnect();
  const dir = tempDir();
  workDir = dir;
  const dbUrl = await freshDatabase(PG_ADMIN);
  const [nginxPort, ...ports] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const publicUrl = `http://127.0.0.1:${nginxPort}`;
  const env = {
    DATABASE_URL: dbUrl,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: publicUrl,
    TRUST_PROXY: 'true',
    REDIS_URL,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    JOBS_TICK_INTERVAL_MS: String(TICK_MS),
  };

  console.log(`== setup: app-1 migrates and seeds the demo, then app-2 and app-3 (${elapsed()})`);
  const startOne = (i) => {
    const name = `app-${i + 1}`;
    const log = join(dir, `${name}.log`);
    const seed = i === 0 ? 'auto' : 'never';
    const proc = startApp(
      root,
      { ...env, PORT: String(ports[i]), INSTANCE_ID: name, SEED_DEMO: seed },
      log,
    );
    const app = { name, port: ports[i], url: `http://127.0.0.1:${ports[i]}`, ...proc };
    const up = Promise.race([
      waitFor(
        async () => (await request(`${app.url}/api/health`)).status === 200,
        BUDGET_MS,
        `${name} up`,
      ),
      app.exited.then((code) => {
        throw new Error(`${name} exited (${code}):\n${readFileSync(log, 'utf8')}`);
      }),
    ]);
    up.catch(() => {}); // reported by whoever awaits it; never an unhandled rejection
    return { app, up };
  };
  const db = new pg.Client({ connectionString: dbUrl });
  db.on('error', () => {}); // the database is dropped at cleanup
  await db.connect();
  onCleanup(() => db.end());
  const first = startOne(0);
  // Once app-1 seeds, its migrations are done: the others may start (their migrate is a no-op).
  await Promise.race([
    waitFor(async () => (await db.query('SELECT 1 FROM "user" LIMIT 1')).rowCount > 0, 30_000),
    first.up,
  ]);
  console.log(`   app-1 migrated the database and is seeding the demo (${elapsed()})`);
  // Observes the scheduler from outside: every successful claim of a job (one run) is logged.
  await db.query(`
    CREATE TABLE scale_test_job_runs (job text, tick text, runner text, at timestamptz DEFAULT clock_timestamp());
    CREATE FUNCTION scale_test_log_run() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO scale_test_job_runs (job, tick, runner) VALUES (NEW.name, NEW.last_run_at, NEW.locked_by); RETURN NEW; END $$;
    CREATE TRIGGER scale_test_log_run AFTER UPDATE ON jobs FOR EACH ROW
      WHEN (NEW.last_run_at IS DISTINCT FROM OLD.last_run_at) EXECUTE FUNCTION scale_test_log_run();`);
  const rest = [startOne(1), startOne(2)];
  await Promise.all([first.up, ...rest.map((r) => r.up)]);
  const apps = [first.app, ...rest.map((r) => r.app)];
  const servers = apps.map((a) => `    server 127.0.0.1:${a.port} max_fails=1 fail_timeout=10s;`);
  const conf = readFileSync(join(root, 'scripts/nginx.conf.template'), 'utf8')
    .replace('{{WORKERS}}', '2')
    .replace('{{LISTEN}}', `127.0.0.1:${nginxPort}`)
    .replace('{{SERVERS}}', servers.join('\n'));
  writeFileSync(join(dir, 'nginx.conf'), conf);
  await startNginx(nginxBin, dir, join(dir, 'nginx.conf'), nginxPort);
  console.log(
    `   nginx on ${publicUrl} → ${apps.map((a) => `${a.name}:${a.port}`).join(', ')} (${elapsed()})`,
  );

  // (a) Sessions live in the database: signed in once through nginx, signed in everywhere.
  const signIn = async (email) => {
    const res = await request(`${publicUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { origin: publicUrl },
      body: { email, password: 'handoff-demo' },
    });
    countServed(res);
    if (res.status !== 200)
      throw new Error(`sign-in of ${email} failed: ${res.status} ${res.text}`);
    const cookies = [res.headers['set-cookie'] ?? []].flat();
    return {
      cookie: cookies.map((c) => c.split(';')[0]).join('; '),
      via: res.headers['x-handoff-instance'],
    };
  };
  const staff = await signIn('coordinator@demo.handoff.test');
  const lina = await signIn('contractor@demo.handoff.test');
  const me = await Promise.all(
    apps.map((a) => request(`${a.url}/api/me`, { headers: { cookie: staff.cookie } })),
  );
  check(
    me.every((r) => r.status === 200),
    `(a) signed in through nginx (served by ${staff.via}); /api/me on each process directly: ${me.map((r) => r.status).join(', ')}`,
  );
  const workspaceId = me[0].json().current.workspaceId;
  const headers = { cookie: staff.cookie, origin: publicUrl, 'x-workspace-id': workspaceId };

  // Shared rate limits: 10 a minute for POST /api/setup, counted in Redis across processes.
  const limited = [];
  const limitedBy = new Set();
  for (let i = 0; i < 12; i++) {
    const res = await request(`${publicUrl}/api/setup`, {
      method: 'POST',
      body: {},
      localAddress: from,
    });
    countServed(res);
    limited.push(res.status);
    limitedBy.add(res.headers['x-handoff-instance']);
  }
  check(
    limited.slice(0, 10).every((s) => s !== 429) &&
      limited.slice(10).every((s) => s === 429) &&
      limitedBy.size >= 2,
    `(a) one rate limit across processes (Redis): 12 requests from ${from} over ${limitedBy.size} processes → ${limited.filter((s) => s === 429).length} × 429, from the 11th on`,
  );

  // (b) A comment posted to process A reaches SSE clients on process B.
  const { rows } = await db.query(
    `SELECT t.id FROM tasks t JOIN contractors c ON c.id = t.contractor_id JOIN "user" u ON u.id = c.user_id
     WHERE u.email = 'contractor@demo.handoff.test' ORDER BY t.created_at LIMIT 1`,
  );
  const taskId = rows[0]?.id;
  if (!taskId) throw new Error('the demo has no task of the demo contractor');
  const [A, B] = apps;
  const events = `/api/events?workspace=${workspaceId}`;
  const staffOnB = await openEvents(`${B.url}${events}`, { cookie: staff.cookie });
  const linaOnB = await openEvents(`${B.url}${events}`, { cookie: lina.cookie });
  const fanout = await Promise.all(
    Array.from({ length: quick ? 9 : 30 }, () =>
      openEvents(`${publicUrl}${events}`, { cookie: staff.cookie }),
    ),
  );
  const heard = (stream, after) =>
    new Promise((resolveHeard, reject) => {
      const fn = (m) => {
        if (m.at < after || m.data.type !== 'task.changed' || m.data.id !== taskId) return;
        stream.offMessage(fn);
        clearTimeout(timer);
        resolveHeard(m.at - after);
      };
      const timer = setTimeout(() => reject(new Error('no event within 2 s')), 2000);
      stream.onMessage(fn);
    });
  const staffLatency = [];
  const linaLatency = [];
  const fanLatency = [];
  const samples = quick ? 10 : 30;
  for (let i = 0; i < samples; i++) {
    const sent = performance.now();
    const waits = [
      heard(staffOnB, sent),
      heard(linaOnB, sent),
      ...fanout.map((s) => heard(s, sent)),
    ];
    const viaNginx = i % 2 === 1;
    const res = await request(`${viaNginx ? publicUrl : A.url}/api/tasks/${taskId}/comments`, {
      method: 'POST',
      headers,
      body: { body: `Scale test comment ${i}` },
    });
    if (viaNginx) countServed(res);
    if (res.status !== 201) throw new Error(`comment refused: ${res.status} ${res.text}`);
    const [s, l, ...f] = await Promise.all(waits);
    staffLatency.push(s);
    linaLatency.push(l);
    fanLatency.push(...f);
  }
  const worst = Math.max(...staffLatency, ...linaLatency, ...fanLatency);
  const spread = new Map();
  for (const s of fanout) spread.set(s.instance, (spread.get(s.instance) ?? 0) + 1);
  check(
    worst < 1000,
    `(b) ${samples} comments posted to app-1 (or nginx) heard on app-2 by staff and the task's contractor, and by ${fanout.length} streams through nginx: max ${ms(worst)} (< 1 s)`,
  );
  figures.push(
    `event latency, write on app-1 → stream on app-2: staff p50 ${ms(quantile(staffLatency, 0.5))}, max ${ms(Math.max(...staffLatency))}; contractor p50 ${ms(quantile(linaLatency, 0.5))}, max ${ms(Math.max(...linaLatency))}`,
    `fan-out to ${fanout.length} streams through nginx (${[...spread].map(([k, v]) => `${k} ${v}`).join(' · ')}): p50 ${ms(quantile(fanLatency, 0.5))}, p99 ${ms(quantile(fanLatency, 0.99))}, max ${ms(Math.max(...fanLatency))}`,
  );

  // (c) SIGKILL one process mid-load.
  const kill = await killMidLoad({
    publicUrl,
    headers,
    victim: apps[2],
    db,
    quick,
    countServed,
    check,
    figures,
  });
  linaOnB.close();
  const linaTypes = new Set(linaOnB.messages.map((m) => m.data.type));
  check(
    [...linaTypes].every((t) => t === 'task.changed' || t === 'notification.created'),
    `R5 the contractor's stream heard only task/notification hints (${linaOnB.messages.length} events) while staff created ${kill.acked} clients`,
  );

  // (d) The scheduler: each job once per tick across the processes. Give the survivors a few
  // ticks after the kill first, so "someone else picked the jobs up" is observable.
  const sinceKill = Date.now() - kill.killedAtWall;
  if (sinceKill < 4 * TICK_MS) await new Promise((r) => setTimeout(r, 4 * TICK_MS - sinceKill));
  await schedulerRuns({
    db,
    apps,
    tickMs: TICK_MS,
    killedAtWall: kill.killedAtWall,
    check,
    figures,
  });
  figures.unshift(
    `requests through nginx, served per process: ${[...served]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')} (app-3 killed mid-load)`,
  );
}

/** On failure, the end of each process's log (CI keeps no temp files). */
function dumpLogs(dir) {
  if (!dir) return;
  for (const file of ['app-1.log', 'app-2.log', 'app-3.log', 'error.log']) {
    try {
      const lines = readFileSync(join(dir, file), 'utf8').trim().split('\n').slice(-15);
      console.error(`--- ${file} (last lines)\n${lines.join('\n')}`);
    } catch {
      // not written
    }
  }
}

async function main() {
  let stopping = false;
  const stop = (why) => {
    if (stopping) return;
    stopping = true;
    console.error(`✗ ${why}`);
    dumpLogs(workDir);
    void cleanUp().finally(() => process.exit(1));
  };
  // Installing nginx (first run on a machine) is not part of the measured, bounded test.
  const nginxBin = ensureNginx();
  const budget = setTimeout(() => stop(`exceeded the ${BUDGET_MS / 1000} s budget`), BUDGET_MS);
  process.once('SIGINT', () => stop('interrupted'));
  process.once('SIGTERM', () => stop('terminated'));
  process.on('uncaughtException', (err) => stop(`crashed: ${err.stack ?? err}`));
  process.on('unhandledRejection', (err) => stop(`crashed: ${err?.stack ?? err}`));
  process.stdout.on('error', () => {}); // a closed pipe must not skip the cleanup
  let error = null;
  try {
    await run(nginxBin);
  } catch (err) {
    error = err;
  }
  clearTimeout(budget);
  const failed = results.filter((ok) => !ok).length;
  if (error || failed > 0) dumpLogs(workDir);
  await cleanUp();
  if (error) {
    console.error(`✗ scale test failed: ${error.stack ?? error}`);
    process.exit(1);
  }
  console.log(
    `\n== figures (${quick ? 'quick' : 'full'}, ${elapsed()}, budget ${BUDGET_MS / 1000} s) ==`,
  );
  for (const f of figures) console.log(`- ${f}`);
  console.log(`\nscale test: ${results.length - failed} of ${results.length} checks held`);
  process.exit(failed === 0 ? 0 : 1);
}

await main();
