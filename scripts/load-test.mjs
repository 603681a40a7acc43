// `npm run load-test [-- --quick]`: 200 concurrent connections (quick: 50) of mixed reads and writes
// by several demo roles against the real server (scripts/start.mjs) on a fresh SQLite demo, on
// loopback, for 60 s (quick: 20 s). Passes with zero errors: every answer 2xx, no timeout, no
// socket error. Prints requests/s and the latency percentiles (p50, p99).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import {
  freePort,
  HOST,
  makeClient,
  startServer,
  stopServer,
  waitHealthy,
} from './support/server.mjs';

const quick = process.argv.includes('--quick');
const CONNECTIONS = quick ? 50 : 200;
const DURATION_S = quick ? 20 : 60;
/** One write for every WRITE_EVERY requests; the rest are reads. */
const WRITE_EVERY = 5;

const dir = mkdtempSync(join(tmpdir(), 'handoff-load-'));
let server;
let exitCode = 1;
try {
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  server = startServer(port, join(dir, 'load.db'), {
    AUTH_SECRET: randomBytes(24).toString('hex'),
  });
  await waitHealthy(base, server, 180_000);

  const people = {};
  for (const role of ['admin', 'coordinator', 'strategist', 'contractor']) {
    people[role] = makeClient(base);
    await people[role].signIn(`${role}@demo.handoff.test`);
  }
  const { admin, contractor } = people;
  const clients = (await admin.request('GET', '/api/clients')).json?.items ?? [];
  const types = (await admin.request('GET', '/api/deliverable-types')).json?.items ?? [];
  const own = (await contractor.request('GET', '/api/me/contractor')).json;
  const someClient = () => clients[Math.floor(Math.random() * clients.length)]?.id;
  let seq = 0;
  const uniq = () => `${process.pid}-${(seq++).toString(36)}`;
  const dayOffset = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  /** [role, method, path, body?] — paths and bodies are drawn per request. */
  const reads = [
    ['admin', 'GET', () => '/api/clients?limit=50'],
    ['admin', 'GET', () => `/api/clients/${someClient()}`],
    ['admin', 'GET', () => '/api/contractors'],
    ['coordinator', 'GET', () => '/api/requests'],
    ['coordinator', 'GET', () => '/api/tasks'],
    ['coordinator', 'GET', () => `/api/clients/${someClient()}/one-sheeter`],
    ['strategist', 'GET', () => '/api/rate-card'],
    ['strategist', 'GET', () => '/api/me'],
    ['contractor', 'GET', () => '/api/my-work'],
    ['contractor', 'GET', () => '/api/me/contractor'],
    ['contractor', 'GET', () => `/api/contractors/${own?.id}/rates`],
    ['contractor', 'GET', () => '/api/deliverable-types'],
  ];
  const writes = [
    [
      'strategist',
      'POST',
      () => '/api/clients',
      () => ({
        name: `Load client ${uniq()}`,
        companyCategory: 'core',
        departmentTier: 1,
        notes: 'created under load',
      }),
    ],
    [
      'contractor',
      'POST',
      () => `/api/contractors/${own?.id}/unavailability`,
      () => {
        const start = dayOffset(400 + Math.floor(Math.random() * 3000));
        return { start, end: start, kind: 'other', note: 'load test' };
      },
    ],
    [
      'strategist',
      'POST',
      () => '/api/requests',
      () => {
        const due = dayOffset(40 + Math.floor(Math.random() * 60));
        return {
          clientId: someClient(),
          items: [{ deliverableTypeId: types[0]?.id, quantity: 1 }],
          month: due.slice(0, 7),
          dueDate: due,
          collateralReady: true,
        };
      },
    ],
  ];

  // Only what answers 2xx once, before the load, is part of the mix (a route may not exist yet).
  const usable = async (ops) => {
    const out = [];
    for (const op of ops) {
      const [role, method, path, body] = op;
      const res = await people[role].request(method, path(), body?.());
      if (res.status >= 200 && res.status < 300) out.push(op);
      else console.log(`load-test: left out ${method} ${path()} (${res.status})`);
    }
    return out;
  };
  const mixReads = await usable(reads);
  const mixWrites = await usable(writes);
  if (mixReads.length === 0 || mixWrites.length === 0) throw new Error('nothing to load');

  const statusByOp = new Map();
  let counter = 0;
  console.log(
    `load-test: ${CONNECTIONS} connections for ${DURATION_S} s on ${base}: ${mixReads.length} reads and ${mixWrites.length} writes (1 in ${WRITE_EVERY}); machine load average ${loadavg()[0].toFixed(1)}`,
  );
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION_S,
    // A request slower than this counts as an error (2 cores serve 200 connections here).
    timeout: 30,
    requests: [
      {
        setupRequest: (req, context) => {
          const n = counter++;
          const pool = n % WRITE_EVERY === 0 ? mixWrites : mixReads;
          const [role, method, path, body] = pool[Math.floor(Math.random() * pool.length)];
          const headers = { ...people[role].headers() };
          const payload = body ? JSON.stringify(body()) : undefined;
          if (payload) headers['content-type'] = 'application/json';
          const url = path();
          context.op = `${method} ${url.replace(/[0-9a-f-]{36}/g, ':id')}`;
          return { ...req, method, path: url, headers, body: payload };
        },
        onResponse: (status, body, context) => {
          if (status >= 200 && status < 300) return;
          const key = `${context.op} → ${status}`;
          const entry = statusByOp.get(key) ?? { count: 0, sample: String(body).slice(0, 200) };
          entry.count++;
          statusByOp.set(key, entry);
        },
      },
    ],
  });

  const errors = result.errors + result.timeouts + result.non2xx;
  const l = result.latency;
  console.log(
    `load-test (${quick ? 'quick' : 'full'}): ${result.requests.total} requests in ${DURATION_S} s (${Math.round(result.requests.average)} req/s), ${CONNECTIONS} connections; latency p50 ${l.p50} ms, p97.5 ${l.p97_5} ms, p99 ${l.p99} ms, max ${l.max} ms; errors ${errors} (non-2xx ${result.non2xx}, timeouts ${result.timeouts}, socket errors ${result.errors})`,
  );
  for (const [key, { count, sample }] of statusByOp)
    console.log(`  ✗ ${key} × ${count}: ${sample}`);
  if (errors === 0 && result.requests.total > 0) exitCode = 0;
  else console.log('load-test FAILED: every request must succeed');
} catch (err) {
  console.error(`load-test error: ${err instanceof Error ? err.stack : err}`);
} finally {
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
