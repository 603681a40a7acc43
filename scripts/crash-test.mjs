// `npm run crash-test [-- --quick] [-- --pg]`: crash safety. Starts the real server (scripts/start.mjs)
// on a fresh database (SQLite file, or with --pg a fresh PostgreSQL database on 127.0.0.1), signs
// in as several demo roles, runs concurrent writes, kills the server with SIGKILL in the middle of
// the load, restarts it on the same database and proves that every write acknowledged with a 2xx
// is there (read back through the API), that the audit trail has a row for each, and that no row
// points at a missing parent. Loopback only; bounded in time (quick ≤ 20 s, full ≤ 60 s).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  HOST,
  makeClient,
  startServer as start,
  stopServer,
  waitHealthy,
} from './support/server.mjs';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const usePg = args.has('--pg');
const LOAD_MS = quick ? 5_000 : 20_000;
const KILL_AT_MS = Math.round(LOAD_MS * 0.6);
const WORKERS = quick ? 8 : 16;
const BUDGET_MS = quick ? 20_000 : 60_000;
const SECRET = randomBytes(24).toString('hex');

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (m) => console.log(`[crash-test ${elapsed()}] ${m}`);

// ---------- database ----------

async function createDatabase() {
  if (!usePg) {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-crash-'));
    return {
      url: join(dir, 'crash.db'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const pg = (await import('pg')).default;
  const base = process.env.CRASH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `handoff_crash_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A tiny query runner over the same database the server uses (read-only checks). */
async function openSql(url) {
  if (usePg) {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      all: async (q, params = []) => {
        let i = 0;
        return (
          await client.query(
            q.replace(/\?/g, () => `$${++i}`),
            params,
          )
        ).rows;
      },
      tables: async () =>
        (
          await client.query(
            "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
          )
        ).rows.map((r) => r.name),
      columns: async (t) =>
        (
          await client.query(
            "select column_name as name from information_schema.columns where table_schema = 'public' and table_name = $1",
            [t],
          )
        ).rows.map((r) => r.name),
      foreignKeys: async () =>
        (
          await client.query(
            `select kcu.table_name as "table", kcu.column_name as "column", ccu.table_name as parent, ccu.column_name as "parentColumn"
               from information_schema.table_constraints tc
               join information_schema.key_column_usage kcu
                 on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
               join information_schema.constraint_column_usage ccu
                 on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
              where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`,
          )
        ).rows,
      close: () => client.end(),
    };
  }
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(url, { readonly: true });
  return {
    all: async (q, params = []) => db.prepare(q).all(...params),
    tables: async () =>
      db
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
        .all()
        .map((r) => r.name),
    columns: async (t) =>
      db
        .prepare('select name from pragma_table_info(?)')
        .all(t)
        .map((r) => r.name),
    foreignKeyCheck: async () => db.prepare('pragma foreign_key_check').all(),
    foreignKeys: async () => {
      const out = [];
      const names = db
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
        .all()
        .map((r) => r.name);
      for (const table of names) {
        for (const fk of db.prepare('select * from pragma_foreign_key_list(?)').all(table))
          out.push({ table, column: fk.from, parent: fk.table, parentColumn: fk.to ?? 'id' });
      }
      return out;
    },
    close: async () => db.close(),
  };
}

const startServer = (port, url) => start(port, url, { AUTH_SECRET: SECRET });

// ---------- the run ----------

const db = await createDatabase();
let server;
let exitCode = 1;
try {
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  log(`database: ${usePg ? 'PostgreSQL' : 'SQLite'}; server on ${base}`);
  server = startServer(port, db.url);
  // A first start may build the web app and seeds the demo: not part of the timed load.
  await waitHealthy(base, server, 180_000);
  const t0 = Date.now();
  log('server up with the demo seeded');

  const as = async (role) => {
    const c = makeClient(base, base);
    await c.signIn(`${role}@demo.handoff.test`);
    return c;
  };
  const strategist = await as('strategist');
  const coordinator = await as('coordinator');
  const admin = await as('admin');
  const contractor = await as('contractor');

  const doc = (await admin.request('GET', '/api/openapi.json')).json ?? { paths: {} };
  const has = (method, path) => Boolean(doc.paths?.[path]?.[method]);
  const types = (await admin.request('GET', '/api/deliverable-types')).json?.items ?? [];
  const demoClients = (await admin.request('GET', '/api/clients')).json?.items ?? [];
  const own = (await contractor.request('GET', '/api/me/contractor')).json;
  const contractors = (await admin.request('GET', '/api/contractors')).json?.items ?? [];

  /** Every write acknowledged with a 2xx: what it made and where to read it back. */
  const acked = [];
  const attempts = new Map();
  const note = (kind, status) => {
    const a = attempts.get(kind) ?? { sent: 0, ok: 0, refused: 0, lost: 0 };
    a.sent++;
    if (status >= 200 && status < 300) a.ok++;
    else if (status === 0) a.lost++;
    else a.refused++;
    attempts.set(kind, a);
  };
  const ourClients = [];
  let seq = 0;
  const uniq = () => `${Date.now().toString(36)}-${(seq++).toString(36)}`;
  const dayOffset = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  const operations = [];
  if (has('post', '/api/clients'))
    operations.push({
      kind: 'client',
      weight: 3,
      run: async () => {
        const res = await strategist.request('POST', '/api/clients', {
          name: `Crash client ${uniq()}`,
          companyCategory: 'core',
          departmentTier: 1,
          notes: 'written under load',
        });
        if (res.status === 201) {
          ourClients.push({ id: res.json.id, version: 0, busy: false });
          acked.push({
            kind: 'client',
            id: res.json.id,
            audit: res.json.id,
            read: `/api/clients/${res.json.id}`,
          });
        }
        return res.status;
      },
    });
  if (has('put', '/api/clients/{id}/one-sheeter'))
    operations.push({
      kind: 'one-sheeter version',
      weight: 3,
      run: async () => {
        const c = ourClients.find((x) => !x.busy);
        if (!c) return null;
        c.busy = true;
        try {
          const res = await strategist.request('PUT', `/api/clients/${c.id}/one-sheeter`, {
            baseVersion: c.version,
            content: { brandVoice: `Voice ${uniq()}`, audience: 'Everyone under load' },
          });
          if (res.status === 200) {
            c.version = res.json.version;
            acked.push({
              kind: 'one-sheeter version',
              id: `${c.id}@${c.version}`,
              audit: c.id,
              read: `/api/clients/${c.id}/one-sheeter/versions/${c.version}`,
            });
          }
          return res.status;
        } finally {
          c.busy = false;
        }
      },
    });
  if (has('post', '/api/invitations'))
    operations.push({
      kind: 'invitation',
      weight: 1,
      run: async () => {
        const res = await coordinator.request('POST', '/api/invitations', {
          email: `crash-${uniq()}@example.com`,
          role: 'contractor',
        });
        if (res.status === 201)
          acked.push({
            kind: 'invitation',
            id: res.json.id,
            audit: res.json.id,
            table: 'invitations',
          });
        return res.status;
      },
    });
  if (has('post', '/api/contractors/{id}/unavailability') && own?.id)
    operations.push({
      kind: 'unavailability',
      weight: 2,
      run: async () => {
        // Contractors record their own time away; coordinators record it for anyone.
        const mine = Math.random() < 0.5;
        const who = mine ? own.id : contractors[Math.floor(Math.random() * contractors.length)]?.id;
        const start = dayOffset(400 + Math.floor(Math.random() * 2000));
        const res = await (mine ? contractor : coordinator).request(
          'POST',
          `/api/contractors/${who}/unavailability`,
          { start, end: start, kind: 'other', note: `crash ${uniq()}` },
        );
        if (res.status === 201 || res.status === 200)
          acked.push({
            kind: 'unavailability',
            id: res.json.id,
            audit: res.json.id,
            list: `/api/contractors/${who}/unavailability?from=${start}&to=${start}`,
          });
        return res.status;
      },
    });
  if (has('post', '/api/requests') && types.length && demoClients.length)
    operations.push({
      kind: 'request',
      weight: 2,
      run: async () => {
        const due = dayOffset(40 + Math.floor(Math.random() * 60));
        const client = demoClients[Math.floor(Math.random() * demoClients.length)];
        const res = await strategist.request('POST', '/api/requests', {
          clientId: client.id,
          items: [{ deliverableTypeId: types[0].id, quantity: 1 }],
          month: due.slice(0, 7),
          dueDate: due,
          collateralReady: true,
          notes: `crash ${uniq()}`,
        });
        if (res.status === 201 || res.status === 200)
          acked.push({
            kind: 'request',
            id: res.json.id,
            audit: res.json.id,
            read: `/api/requests/${res.json.id}`,
          });
        return res.status;
      },
    });
  if (has('post', '/api/tasks/{id}/comments')) {
    const tasks = (await admin.request('GET', '/api/tasks')).json?.items ?? [];
    if (tasks.length)
      operations.push({
        kind: 'comment',
        weight: 2,
        run: async () => {
          const task = tasks[Math.floor(Math.random() * tasks.length)];
          const res = await strategist.request('POST', `/api/tasks/${task.id}/comments`, {
            body: `crash ${uniq()}`,
            visibility: 'internal',
          });
          if ((res.status === 201 || res.status === 200) && res.json?.id)
            acked.push({ kind: 'comment', id: res.json.id, audit: null, table: 'comments' });
          return res.status;
        },
      });
  }
  if (operations.length === 0) throw new Error('no write route to load: the registry changed?');
  log(`writes under load: ${operations.map((o) => o.kind).join(', ')}; ${WORKERS} workers`);

  const weighted = operations.flatMap((o) => Array(o.weight).fill(o));
  let stop = false;
  const worker = async () => {
    while (!stop) {
      const op = weighted[Math.floor(Math.random() * weighted.length)];
      let status = 0;
      try {
        status = await op.run();
        if (status === null) continue;
      } catch {
        status = 0; // the connection died with the server: neither acknowledged nor refused
      }
      note(op.kind, status);
    }
  };
  const loadStart = Date.now();
  const workers = Array.from({ length: WORKERS }, worker);
  await new Promise((r) => setTimeout(r, KILL_AT_MS));
  server.child.kill('SIGKILL');
  const { signal } = await server.exited;
  const killedAt = Date.now() - loadStart;
  stop = true;
  await Promise.all(workers);
  log(
    `server killed with ${signal} after ${killedAt} ms of load; ${acked.length} writes acknowledged`,
  );

  // Restart on the same database.
  server = startServer(port, db.url);
  await waitHealthy(base, server, 60_000);
  log('server restarted');

  // Every acknowledged write is there, read back through the API with the sessions from before
  // the crash (sessions are data too).
  const missing = [];
  const listCache = new Map();
  const reader = { strategist, coordinator, admin, contractor };
  for (const a of acked) {
    if (a.read) {
      const res = await reader.admin.request('GET', a.read);
      if (res.status !== 200) missing.push(`${a.kind} ${a.id}: GET ${a.read} → ${res.status}`);
    } else if (a.list) {
      if (!listCache.has(a.list))
        listCache.set(a.list, await reader.coordinator.request('GET', a.list));
      const res = listCache.get(a.list);
      const ids = (res.json?.items ?? []).map((i) => i.id);
      if (!ids.includes(a.id))
        missing.push(`${a.kind} ${a.id}: not in GET ${a.list} (${res.status})`);
    }
  }
  const sqlDb = await openSql(db.url);
  try {
    for (const a of acked.filter((x) => x.table)) {
      const rows = await sqlDb.all(`select id from ${a.table} where id = ?`, [a.id]);
      if (rows.length !== 1) missing.push(`${a.kind} ${a.id}: no row in ${a.table}`);
    }

    // The audit trail has a row for each acknowledged change (R30): at least as many rows per
    // entity as acknowledged writes to it.
    const expected = new Map();
    for (const a of acked) if (a.audit) expected.set(a.audit, (expected.get(a.audit) ?? 0) + 1);
    const unaudited = [];
    for (const [entityId, count] of expected) {
      const [row] = await sqlDb.all('select count(*) as n from audit_log where entity_id = ?', [
        entityId,
      ]);
      if (Number(row.n) < count)
        unaudited.push(`${entityId}: ${row.n} audit rows for ${count} writes`);
    }

    // No orphans. A declared foreign key is checked against its parent; an undeclared <x>_id
    // column against the closest table named after it (revision_items.request_id →
    // revision_requests before requests), so a reference no constraint guards is checked too.
    const tables = await sqlDb.tables();
    const declared = await sqlDb.foreignKeys();
    const orphans = [];
    let references = 0;
    const check = async (table, column, parent, parentColumn) => {
      references++;
      const [row] = await sqlDb.all(
        `select count(*) as n from ${q(table)} c where c.${q(column)} is not null and not exists (select 1 from ${q(parent)} p where p.${q(parentColumn)} = c.${q(column)})`,
      );
      if (Number(row.n) > 0) orphans.push(`${table}.${column} → ${parent}: ${row.n} orphan rows`);
    };
    for (const table of tables) {
      if (table === 'audit_log') continue; // history outlives what it describes
      for (const column of await sqlDb.columns(table)) {
        const fk = declared.find((d) => d.table === table && d.column === column);
        if (fk) {
          await check(table, column, fk.parent, fk.parentColumn);
          continue;
        }
        const m = /^(?:.*_)?([a-z]+)_id$/.exec(column);
        if (!m) continue;
        const words = table.split('_');
        const prefixes = words.slice(0, -1).map((_, i) => `${words.slice(0, i + 1).join('_')}_`);
        const candidates = [...prefixes.reverse(), ''].flatMap((p) => [
          `${p}${m[1]}s`,
          `${p}${m[1]}`,
        ]);
        const parent = candidates.find((c) => tables.includes(c) && c !== table);
        if (parent) await check(table, column, parent, 'id');
      }
    }
    // Commands that write several rows wrote all or none: every acknowledged request has items.
    if (tables.includes('request_items')) {
      for (const a of acked.filter((x) => x.kind === 'request')) {
        const [row] = await sqlDb.all(
          'select count(*) as n from request_items where request_id = ?',
          [a.id],
        );
        if (Number(row.n) === 0) orphans.push(`request ${a.id} has no items`);
      }
    }
    if (sqlDb.foreignKeyCheck) {
      const violations = await sqlDb.foreignKeyCheck();
      if (violations.length)
        orphans.push(`SQLite foreign_key_check: ${violations.length} violations`);
    }

    const perKind = [...attempts]
      .map(([k, a]) => `${k} ${a.ok}/${a.sent} (${a.refused} refused, ${a.lost} cut off)`)
      .join('; ');
    log(`attempts: ${perKind}`);
    log(`references checked for orphans: ${references}`);
    const found = acked.length - missing.length;
    console.log(
      `crash-test (${usePg ? 'PostgreSQL' : 'SQLite'}${quick ? ', quick' : ''}): writes acknowledged ${acked.length}, found after restart ${found}, missing ${missing.length}, unaudited ${unaudited.length}, orphans ${orphans.length}; killed at ${killedAt} ms of load`,
    );
    for (const line of [...missing, ...unaudited, ...orphans].slice(0, 30))
      console.log(`  ✗ ${line}`);
    const took = Date.now() - t0;
    const problems = [];
    if (acked.length === 0) problems.push('no write was acknowledged before the kill');
    if (missing.length) problems.push(`${missing.length} acknowledged writes lost`);
    if (unaudited.length) problems.push(`${unaudited.length} writes without audit rows`);
    if (orphans.length) problems.push(`${orphans.length} orphan references`);
    // The load and every wait are bounded; a run past twice the budget means something hangs.
    if (took > 2 * BUDGET_MS)
      problems.push(`took ${took} ms, over twice the ${BUDGET_MS} ms budget`);
    else if (took > BUDGET_MS)
      console.log(
        `crash-test: note: took ${took} ms, over the ${BUDGET_MS} ms budget (busy machine?)`,
      );
    if (problems.length) {
      console.log(`crash-test FAILED: ${problems.join('; ')}`);
    } else {
      console.log(`crash-test passed in ${(took / 1000).toFixed(1)} s`);
      exitCode = 0;
    }
  } finally {
    await sqlDb.close();
  }
} catch (err) {
  console.error(`crash-test error: ${err instanceof Error ? err.stack : err}`);
} finally {
  await stopServer(server);
  await db.drop().catch(() => {});
}
process.exit(exitCode);

function q(name) {
  return `"${String(name).replace(/"/g, '""')}"`;
}
