import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/contracts/roles';
import { testDialects } from '../support/databases';
import { type Client, createTestApp, type TestApp } from '../support/harness';
import {
  apiRoutes,
  harvestPools,
  openApiDoc,
  operationOf,
  type Pools,
  paramNames,
  resourceOfParam,
  routeLabel,
  signInAll,
  urlVariants,
} from '../support/registry';

/**
 * R5 / R19 leak scan: the demo contractor reads every GET route of the registry, with every real
 * id staff can see (other contractors, every client, every task and request…), and no response
 * may carry a value the database says a contractor must never see.
 */

interface Forbidden {
  /** Text that must not appear in any string of a response. */
  texts: { what: string; value: string }[];
  /** Money amounts of other contractors' negotiated rates (checked under money-like keys). */
  amounts: Set<number>;
  /** Amounts the contractor may see anyway (own and default rates): a coincidence, not a leak. */
  allowedAmounts: Set<number>;
}

const BUDGET_KEY = /budget|planned|emergency|committed/i;
const MONEY_KEY = /amount|rate|price|minor|fee|cost/i;
/** Shorter values (initials, "—") would match by chance; every real one is longer. */
const MIN_TEXT = 4;

async function rowsOf<T>(t: TestApp, query: string): Promise<T[]> {
  try {
    return (await sql.raw<T>(query).execute(t.database.db)).rows;
  } catch {
    return []; // the table does not exist (yet)
  }
}

async function forbiddenValues(t: TestApp, ownContractorId: string): Promise<Forbidden> {
  const texts: Forbidden['texts'] = [];
  const add = (what: string, value: unknown) => {
    if (typeof value === 'string' && value.trim().length >= MIN_TEXT)
      texts.push({ what, value: value.trim() });
  };
  const clients = await rowsOf<{ name: string; contacts_json: string; notes: string }>(
    t,
    'select name, contacts_json, notes from clients',
  );
  for (const c of clients) {
    const contacts = JSON.parse(c.contacts_json || '[]') as { email?: string; phone?: string }[];
    for (const contact of contacts) {
      add(`contact e-mail of ${c.name}`, contact.email);
      add(`contact phone of ${c.name}`, contact.phone);
    }
    add(`notes of ${c.name}`, c.notes);
  }
  const others = await rowsOf<{ id: string; name: string; email: string }>(
    t,
    'select id, name, email from contractors',
  );
  for (const o of others) {
    if (o.id === ownContractorId) continue;
    add('another contractor’s name', o.name);
    add('another contractor’s e-mail', o.email);
  }
  const comments = await rowsOf<{ body: string; visibility: string; kind: string }>(
    t,
    'select body, visibility, kind from comments',
  );
  for (const c of comments) {
    if (c.visibility === 'internal' || c.kind === 'client_feedback')
      add(`internal comment (${c.kind})`, c.body);
  }
  // Raw client feedback and internal notes wherever a feature keeps them (R5, R19): any text
  // column named for it, found by introspection, e.g. revision_items.client_feedback_raw.
  for (const table of await t.database.db.introspection.getTables()) {
    for (const column of table.columns) {
      if (!/client_feedback|feedback_raw|internal_note/i.test(column.name)) continue;
      const values = await rowsOf<{ v: unknown }>(
        t,
        `select "${column.name}" as v from "${table.name}" where "${column.name}" is not null`,
      );
      for (const { v } of values) add(`${table.name}.${column.name}`, v);
    }
  }
  const rates = await rowsOf<{ contractor_id: string | null; amount_minor: number }>(
    t,
    'select contractor_id, amount_minor from rates',
  );
  const amounts = new Set<number>();
  const allowedAmounts = new Set<number>();
  for (const r of rates) {
    const amount = Number(r.amount_minor);
    if (r.contractor_id === null || r.contractor_id === ownContractorId) allowedAmounts.add(amount);
    else amounts.add(amount);
  }
  return { texts, amounts, allowedAmounts };
}

interface Leak {
  url: string;
  what: string;
  where: string;
}

/** Walks a JSON body; every string is searched for forbidden text, keys for budgets and rates. */
function scan(url: string, body: string, forbidden: Forbidden, leaks: Leak[]): number {
  let compared = 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = body; // CSV, iCalendar, HTML: searched as one string
  }
  // The OpenAPI document names every field of every schema (it is documentation, not data).
  const checkKeys = !url.startsWith('/api/openapi.json');
  const lowerTexts = forbidden.texts.map((f) => ({ ...f, lower: f.value.toLowerCase() }));
  const visit = (value: unknown, path: string, key: string) => {
    if (typeof value === 'string') {
      const lower = value.toLowerCase();
      for (const f of lowerTexts) {
        compared++;
        if (lower.includes(f.lower))
          leaks.push({ url, what: `${f.what}: ${f.value}`, where: path });
      }
      return;
    }
    if (typeof value === 'number') {
      if (MONEY_KEY.test(key) && forbidden.amounts.has(value)) {
        compared++;
        if (!forbidden.allowedAmounts.has(value))
          leaks.push({ url, what: `another contractor’s rate amount ${value}`, where: path });
      }
      return;
    }
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(v, `${path}[${i}]`, key);
      return;
    }
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        // A budget key the server blanks for contractors (null) carries nothing.
        if (checkKeys && BUDGET_KEY.test(k) && v !== null && v !== undefined)
          leaks.push({ url, what: `budget field "${k}" = ${JSON.stringify(v)}`, where: path });
        visit(v, `${path}.${k}`, k);
      }
    }
  };
  visit(parsed, '$', '');
  return compared;
}

/** The pool a query parameter names: `contractorId` / `contractor` → contractors. */
function queryPool(pools: Pools, name: string): string | null {
  const viaId = resourceOfParam(`/x/:${name}`, name);
  if (viaId && name.endsWith('Id') && pools.has(viaId)) return viaId;
  return pools.has(`${name}s`) ? `${name}s` : null;
}

describe.each(testDialects())('R5/R19 leak scan on %s', (dialect) => {
  let t: TestApp;
  let clients: Record<Role, Client>;
  let pools: Pools;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    clients = await signInAll(t);
    pools = await harvestPools(t, clients);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('R5 R19 the contractor reads every GET route with every real id and sees no client contact, note, budget, internal feedback or other contractor', async () => {
    const contractor = clients.contractor;
    const own = await t.database.db
      .selectFrom('contractors')
      .select('id')
      .where('user_id', '=', t.demo.users.contractor)
      .executeTakeFirstOrThrow();
    const forbidden = await forbiddenValues(t, own.id);
    // The scan is only meaningful if the demo holds things worth hiding.
    expect(forbidden.texts.length).toBeGreaterThan(10);
    expect(forbidden.amounts.size).toBeGreaterThan(0);

    const doc = await openApiDoc(t);
    const leaks: Leak[] = [];
    const statuses = new Map<number, number>();
    let responses = 0;
    let compared = 0;
    const read = async (url: string) => {
      const res = await contractor.get(url);
      responses++;
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      expect(res.statusCode, url).toBeLessThan(500);
      compared += scan(url, res.body, forbidden, leaks);
    };

    const gets = apiRoutes(t.routes).filter(
      (r) => r.method === 'GET' && !r.url.startsWith('/api/auth/'),
    );
    for (const route of gets) {
      if (paramNames(route.url).length > 0) {
        for (const filled of urlVariants(route.url, pools, 60)) await read(filled.url);
        continue;
      }
      await read(route.url);
      // Query parameters that name a record (contractorId=…, client=…) get every real id too.
      for (const q of operationOf(doc, route).query) {
        const pool = queryPool(pools, q.name);
        if (!pool) continue;
        for (const item of (pools.get(pool) ?? []).slice(0, 20)) {
          if (typeof item.id === 'string')
            await read(`${route.url}?${q.name}=${encodeURIComponent(item.id)}`);
        }
      }
    }

    const ok = statuses.get(200) ?? 0;
    console.log(
      `[security] leak scan on ${dialect}: ${gets.length} GET routes, ${responses} contractor responses (${ok} × 200), ${forbidden.texts.length} forbidden texts + ${forbidden.amounts.size} rate amounts + budget keys, ${compared} comparisons, ${leaks.length} leaks`,
    );
    expect(
      leaks.map((l) => `${l.url} ${l.where}: ${l.what}`),
      `routes read: ${gets.map(routeLabel).join(', ')}`,
    ).toEqual([]);
    // The contractor did get real answers (own profile, own rates, own tasks, briefs…).
    expect(ok).toBeGreaterThan(5);
  });
});
