import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/contracts/roles';
import type { RegisteredRoute } from '../../src/server/auth/access';
import { testDialects } from '../support/databases';
import { type DbSnapshot, snapshot, snapshotDiff } from '../support/db-snapshot';
import { type Client, createTestApp, type TestApp } from '../support/harness';
import {
  apiRoutes,
  declaredRoles,
  fillUrl,
  harvestPools,
  isWrite,
  type JsonSchema,
  type Operation,
  openApiDoc,
  operationOf,
  type Pools,
  paramNames,
  roleFor,
  routeLabel,
  signInAll,
} from '../support/registry';

/**
 * Hostile input, property-based: every route of the registry gets malformed and extreme path
 * params, query strings, bodies and headers, as an admin and as a contractor. Never a 5xx, never
 * an unhandled rejection, and a refused (4xx) request leaves every table exactly as it was.
 * Bodies are generated from each route's own documented schema (near-valid values mixed with
 * hostile ones) so the input reaches the handlers and the database, not only the validator.
 */

/**
 * Runs per route and role: 15, fewer once the registry grows, so the file stays near 2,000
 * requests per database whatever the features add (HOSTILE_RUNS overrides).
 */
function runsFor(routeCount: number): { declared: number; guarded: number } {
  const declared =
    Number(process.env.HOSTILE_RUNS) ||
    Math.max(5, Math.min(15, Math.round(2000 / (routeCount * 1.3))));
  // A role the route does not declare is refused by the guard before anything is read.
  return { declared, guarded: Math.max(2, Math.ceil(declared / 5)) };
}
const SEED = Number(process.env.FC_SEED ?? 20261125);

const HUGE = 'x'.repeat(100_000);
const HUGE_UNICODE = '😀ﷺ\u202E'.repeat(20_000);
const SQLI = ["' OR 1=1 --", "'; DROP TABLE clients; --", '" OR ""="', '1) OR (1=1', "\\'; --"];
const HTML = [
  '<script>alert(1)</script>',
  '<img src=x onerror="window.__xss=1">',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
];
const DATES = ['2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2026-12-15', '1900-01-01'];
const HOSTILE_TEXT = [
  ...SQLI,
  ...HTML,
  ...DATES,
  HUGE,
  HUGE_UNICODE,
  '',
  ' ',
  '\n\t',
  '\u0000',
  'a\u0000b',
  '\u202Eevil.exe',
  'مرحبا بالعالم',
  '👩‍👩‍👧‍👦'.repeat(30),
  '\uD800',
  '-1',
  'NaN',
  'Infinity',
  '1e309',
  '0x10',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '../../../etc/passwd',
  '%00',
  '%E0%A4%A',
  `\${jndi:ldap://127.0.0.1/x}`,
  '{{7*7}}',
  '=cmd|"/C calc"!A0',
  'name,notes\n"unterminated,x\n',
  '\uFEFFname\r\nA,B,C,D,E,F\r\n',
];
const HOSTILE_NUMBERS = [
  -1,
  0,
  -0,
  0.5,
  -0.000001,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  5e-324,
];

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}
const DEEP_ARRAY = nested(500, 'array');
const DEEP_OBJECT = nested(500, 'object');

const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);
const hostileNumber = fc.oneof(
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, [], {}, DEEP_ARRAY, DEEP_OBJECT) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileText, { maxKeys: 3 }) },
);

/** Raw bodies that are not what the route parses: broken JSON, other media types, prototypes. */
const RAW_BODIES: { type: string; payload: string }[] = [
  { type: 'application/json', payload: '{"a":' },
  { type: 'application/json', payload: '[' },
  { type: 'application/json', payload: 'nul' },
  { type: 'application/json', payload: 'NaN' },
  { type: 'application/json', payload: '1e99999' },
  { type: 'application/json', payload: '{"__proto__":{"polluted":1}}' },
  { type: 'application/json', payload: '{"constructor":{"prototype":{"polluted":1}}}' },
  { type: 'application/json', payload: `${'['.repeat(5000)}${']'.repeat(5000)}` },
  { type: 'application/json', payload: '"\\u0000"' },
  { type: 'application/json', payload: '' },
  { type: 'application/json; charset=utf-16', payload: '{}' },
  { type: 'text/plain', payload: 'hello' },
  { type: 'text/csv', payload: 'name\n"=1+1"' },
  { type: 'application/x-www-form-urlencoded', payload: 'a=1&a=2' },
  { type: 'multipart/form-data; boundary=x', payload: '--x\r\n\r\n--x--' },
  {
    type: 'application/xml',
    payload:
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY y SYSTEM "file:///etc/passwd">]><x>&y;</x>',
  },
];

function stringFor(s: JsonSchema, ids: string[]): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [hostileText, hostileText];
  if (ids.length) options.push(fc.constantFrom(...ids));
  options.push(
    fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) }),
  );
  if (s.maxLength !== undefined) options.push(fc.constant('a'.repeat(s.maxLength + 1)));
  if (s.pattern) {
    try {
      options.push(fc.stringMatching(new RegExp(s.pattern)));
    } catch {
      // a pattern fast-check cannot generate from: the other options still apply
    }
  }
  if (s.format === 'email') options.push(fc.emailAddress());
  if (s.format === 'uri' || s.format === 'url') options.push(fc.webUrl());
  if (s.format === 'date' || /\\d\{4\}/.test(s.pattern ?? ''))
    options.push(fc.constantFrom(...DATES));
  return fc.oneof(...options);
}

function numberFor(s: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const clamp = (n: number) => Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, n));
  const min = clamp(s.minimum ?? -1_000_000);
  const max = clamp(s.maximum ?? 1_000_000);
  const inRange = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true });
  return fc.oneof(inRange, inRange, fc.constantFrom(min - 1, max + 1), hostileNumber);
}

/** Near-valid values for a documented schema, with a hostile value in one draw out of four. */
function fromSchema(
  s: JsonSchema | undefined,
  depth: number,
  ids: string[],
): fc.Arbitrary<unknown> {
  if (!s || depth > 5) return hostileValue;
  return fc.oneof(
    { weight: 3, arbitrary: validish(s, depth, ids) },
    { weight: 1, arbitrary: hostileValue },
  );
}

function validish(s: JsonSchema, depth: number, ids: string[]): fc.Arbitrary<unknown> {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length)
    return fc.oneof(...alternatives.map((a) => fromSchema(a, depth + 1, ids)));
  if (s.allOf?.length) return fromSchema(s.allOf[0], depth + 1, ids);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringFor(s, ids);
    case 'integer':
      return numberFor(s, true);
    case 'number':
      return numberFor(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = fromSchema(s.items, depth + 1, ids);
      return fc.oneof(
        fc.array(item, { maxLength: Math.min(s.maxItems ?? 3, 3) }),
        fc.constant(Array.from({ length: (s.maxItems ?? 50) + 1 }, () => 'x')),
      );
    }
    case 'object': {
      if (!s.properties)
        return fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 3 });
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, prop] of Object.entries(s.properties))
        model[key] = fromSchema(prop, depth + 1, ids);
      // Any field may be missing; now and then an unknown one rides along.
      return fc
        .tuple(
          fc.record(model, { requiredKeys: [] }),
          fc.option(fc.tuple(fc.string({ maxLength: 12 }), hostileValue)),
        )
        .map(([record, extra]) => (extra ? { ...record, [extra[0]]: extra[1] } : record));
    }
    default:
      return hostileValue;
  }
}

function safeEncode(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
  }
}

const ASCII_HEADER = fc.oneof(
  fc.constantFrom(...SQLI, '', ' ', 'x'.repeat(4096), '00000000-0000-0000-0000-000000000000'),
  fc.stringMatching(/^[ -~]{0,60}$/),
);

interface HostileRequest {
  options: InjectOptions;
  /** Short description for the report. */
  summary: string;
}

function requestArb(
  route: RegisteredRoute,
  op: Operation,
  pools: Pools,
  ids: string[],
): fc.Arbitrary<HostileRequest> {
  const names = paramNames(route.url);
  const real = fillUrl(route.url, pools).url;
  const hostilePath: fc.Arbitrary<string> = names.length
    ? fc.oneof(
        { weight: 2, arbitrary: fc.constant(real) },
        {
          weight: 2,
          arbitrary: fc
            .array(hostileText, { minLength: names.length, maxLength: names.length })
            .map((values) => {
              let i = 0;
              return route.url
                .replace(/:([A-Za-z0-9_]+)/g, () => safeEncode(values[i++]))
                .replace('*', 'x');
            }),
        },
        {
          weight: 1,
          arbitrary: fc.constant(
            route.url.replace(/:([A-Za-z0-9_]+)/, '%E0%A4%A').replace('*', 'x'),
          ),
        },
      )
    : fc.constant(real);

  const queryModel: Record<string, fc.Arbitrary<unknown>> = {};
  for (const q of op.query) queryModel[q.name] = fromSchema(q.schema, 1, ids);
  const query = fc
    .tuple(
      fc.record(queryModel, { requiredKeys: [] }),
      fc.option(fc.tuple(fc.string({ maxLength: 10 }), hostileText)),
      fc.boolean(),
    )
    .map(([values, extra, duplicate]) => {
      const parts: string[] = [];
      for (const [k, v] of Object.entries(values)) {
        const list = Array.isArray(v) && duplicate ? v : [v];
        for (const item of list) parts.push(`${safeEncode(k)}=${safeEncode(item)}`);
      }
      if (extra) parts.push(`${safeEncode(extra[0])}=${safeEncode(extra[1])}`);
      return parts.length ? `?${parts.join('&')}` : '';
    });

  type Body = { payload?: string; contentType?: string };
  const jsonBody = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Body> =>
    arb.map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' }));
  const body: fc.Arbitrary<Body> = isWrite(route)
    ? fc.oneof(
        { weight: 5, arbitrary: jsonBody(op.body ? fromSchema(op.body, 0, ids) : hostileValue) },
        { weight: 1, arbitrary: jsonBody(hostileValue) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(...RAW_BODIES)
            .map((r) => ({ payload: r.payload, contentType: r.type })),
        },
        { weight: 1, arbitrary: fc.constant({}) },
      )
    : fc.constant({});

  const headers = fc.record(
    {
      'x-workspace-id': ASCII_HEADER,
      accept: fc.constantFrom(
        '*/*',
        'text/html',
        'application/xml',
        ';;;',
        'application/json;q=abc',
      ),
      authorization: fc.constantFrom('Bearer x', 'Basic Og==', `Bearer ${SQLI[0]}`),
      'accept-language': ASCII_HEADER,
    },
    { requiredKeys: [] },
  );
  const someHeaders = fc.oneof(
    { weight: 3, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: headers },
  );

  return fc.tuple(hostilePath, query, body, someHeaders).map(([path, qs, b, extra]) => {
    const url = `${path}${qs}`;
    const h: Record<string, string> = { ...extra };
    if (b.contentType) h['content-type'] = b.contentType;
    return {
      options: {
        method: route.method as InjectOptions['method'],
        url,
        headers: h,
        payload: b.payload,
      },
      summary: `${route.method} ${url.slice(0, 200)}${url.length > 200 ? '…' : ''} headers=${JSON.stringify(extra).slice(0, 200)} body=${(b.payload ?? '').slice(0, 300)}`,
    };
  });
}

describe.each(testDialects())('hostile input on %s', (dialect) => {
  let t: TestApp;
  let clients: Record<Role, Client>;
  let pools: Pools;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  const serverErrors: unknown[] = [];

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    t = await createTestApp(dialect);
    clients = await signInAll(t);
    pools = await harvestPools(t, clients);
    // The app is built without a logger; its error handler logs every 5xx here, stack included.
    t.app.log.error = ((obj: unknown) => {
      serverErrors.push((obj as { err?: unknown })?.err ?? obj);
    }) as typeof t.app.log.error;
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await t?.close();
  });

  it('sees any change to any table (the yardstick of "the database is unchanged")', async () => {
    const before = await snapshot(t.database.db);
    expect(snapshotDiff(before, await snapshot(t.database.db))).toEqual([]);
    await t.database.db
      .updateTable('workspaces')
      .set({ name: 'Renamed by the yardstick' })
      .where('id', '=', t.demo.workspaceId)
      .execute();
    expect(snapshotDiff(before, await snapshot(t.database.db))).toEqual([
      'workspaces: rows changed (1 rows)',
    ]);
    await t.database.db
      .updateTable('workspaces')
      .set({ name: 'Northwind Social' })
      .where('id', '=', t.demo.workspaceId)
      .execute();
    expect(snapshotDiff(before, await snapshot(t.database.db))).toEqual([]);
  });

  it('never answers 5xx and never changes the database on a refused request, for every route as admin and as contractor', async () => {
    const doc = await openApiDoc(t);
    const runs = runsFor(apiRoutes(t.routes).length);
    const ids = [
      ...new Set(
        [...pools.values()]
          .flat()
          .map((i) => i.id)
          .filter((v): v is string => typeof v === 'string'),
      ),
    ].slice(0, 40);
    const failures: string[] = [];
    const statuses = new Map<string, number>();
    /** 400s that only the database's own check produced: the route's schema could be tighter. */
    const gaps = new Map<string, string>();
    let sent = 0;
    let snapshots = 0;
    const started = Date.now();
    const take = async () => {
      snapshots++;
      return snapshot(t.database.db);
    };

    for (const role of ['admin', 'contractor'] as const) {
      for (const route of apiRoutes(t.routes)) {
        const label = `${routeLabel(route)} as ${role}`;
        const declared =
          route.access === 'public' ||
          route.access === 'signed-in' ||
          declaredRoles(route).includes(role);
        const perRequest = declared && isWrite(route);
        const arb = requestArb(route, operationOf(doc, route), pools, ids);
        let baseline: DbSnapshot = await take();
        const result = await fc.check(
          fc.asyncProperty(arb, async (req) => {
            const res = await clients[role].request(req.options);
            sent++;
            const klass = `${Math.floor(res.statusCode / 100)}xx`;
            statuses.set(klass, (statuses.get(klass) ?? 0) + 1);
            const refusedByDb = /"details":\{"database":"([0-9A-Z_]+)"/.exec(res.body);
            if (res.statusCode === 400 && refusedByDb)
              gaps.set(`${label} (${refusedByDb[1]})`, req.summary);
            if (res.statusCode >= 500) {
              const err = serverErrors.at(-1);
              throw new Error(
                `${res.statusCode} ${res.body.slice(0, 200)}\n${err instanceof Error ? err.stack : JSON.stringify(err)}`,
              );
            }
            if (!perRequest) return;
            const after = await take();
            if (res.statusCode < 400) {
              baseline = after; // an accepted write may change what it was asked to
              return;
            }
            const diff = snapshotDiff(baseline, after);
            if (diff.length)
              throw new Error(`refused with ${res.statusCode} but changed: ${diff.join('; ')}`);
          }),
          { numRuns: declared ? runs.declared : runs.guarded, seed: SEED, endOnFailure: true },
        );
        if (result.failed) {
          const req = result.counterexample?.[0] as HostileRequest | undefined;
          const error =
            result.errorInstance instanceof Error
              ? result.errorInstance.message
              : String(result.errorInstance);
          failures.push(
            `${label}: ${error}\n  request: ${req?.summary}\n  (seed ${SEED}, path ${result.counterexamplePath})`,
          );
          baseline = await take();
          continue;
        }
        if (!perRequest) {
          // Reads, and writes the role may not make, change nothing at all.
          const diff = snapshotDiff(baseline, await take());
          if (diff.length) failures.push(`${label}: changed the database: ${diff.join('; ')}`);
        }
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `[security] hostile input on ${dialect}: ${sent} hostile requests to ${apiRoutes(t.routes).length} routes as admin and contractor, ${runs.declared} runs per declared route (${[...statuses].map(([k, v]) => `${k} ${v}`).join(', ')}), ${snapshots} database snapshots compared, ${seconds}s`,
    );
    for (const [where, example] of gaps)
      console.log(`[security] validation gap (database refused the value): ${where}\n  ${example}`);
    expect(failures).toEqual([]);
    expect(rejections).toEqual([]);
  }, 150_000);

  it('every CSV download neutralises the formulas that hostile input stored (spreadsheet injection)', async () => {
    // Besides whatever the run above stored, a client whose name and notes are formulas.
    const formula = '=HYPERLINK("https://evil.example","open")';
    const made = await clients.strategist.post('/api/clients', {
      name: formula,
      companyCategory: 'core',
      departmentTier: 1,
      notes: '@SUM(1+1)',
    });
    expect(made.statusCode).toBe(201);
    const failures: string[] = [];
    let csvs = 0;
    let cells = 0;
    let guarded = 0;
    for (const route of apiRoutes(t.routes).filter((r) => r.method === 'GET')) {
      const role = roleFor(route);
      if (!role || role === 'contractor') continue;
      const res = await clients[role].get(fillUrl(route.url, pools).url);
      if (res.statusCode !== 200 || !/text\/csv/.test(String(res.headers['content-type'])))
        continue;
      csvs++;
      const rows = Papa.parse<string[]>(res.body.replace(/^\uFEFF/, ''), {
        skipEmptyLines: true,
      }).data;
      for (const row of rows) {
        for (const cell of row) {
          cells++;
          if (cell === `'${formula}`) guarded++;
          if (/^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell))
            failures.push(`${routeLabel(route)}: cell ${JSON.stringify(cell.slice(0, 60))}`);
        }
      }
    }
    console.log(
      `[security] CSV injection on ${dialect}: ${csvs} CSV downloads, ${cells} cells, ${failures.length} live formulas`,
    );
    expect(csvs).toBeGreaterThan(0);
    expect(guarded, 'the formula client is exported, quoted').toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
