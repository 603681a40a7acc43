import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { ROLES, type Role } from '../../src/contracts/roles';
import type { RegisteredRoute } from '../../src/server/auth/access';
import type { Client, TestApp } from './harness';

/**
 * Helpers that drive the security suites from the route registry (`buildApp().routes`), so a route
 * added by any feature is covered without touching the suites: which roles a route declares, how
 * to fill its path parameters with real ids of the demo workspace (harvested from staff
 * responses, then from the database), and the guard's own refusal messages.
 */

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isWrite = (route: { method: string }) => WRITE_METHODS.has(route.method);

/** The messages the access guard itself answers with; a row-level refusal uses other words. */
export const GUARD_MESSAGES: RegExp[] = [
  /^Sign in to continue$/,
  /^Your role \(.*\) may not do this$/,
  /^You are not a member of this workspace$/,
  /^Cross-site request refused/,
];

export function isGuardRefusal(status: number, body: string): boolean {
  if (status !== 401 && status !== 403) return false;
  const message = errorMessage(body);
  return status === 401 || GUARD_MESSAGES.some((m) => m.test(message));
}

export function errorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    return typeof parsed.error?.message === 'string' ? parsed.error.message : '';
  } catch {
    return '';
  }
}

/** The roles a route names; public and signed-in routes name none. */
export function declaredRoles(route: RegisteredRoute): readonly Role[] {
  return Array.isArray(route.access) ? (route.access as readonly Role[]) : [];
}

const PREFERRED: Role[] = ['admin', 'coordinator', 'strategist', 'finance', 'qa', 'contractor'];

/** A role allowed to call the route (staff first), or null for public / signed-in routes. */
export function roleFor(route: RegisteredRoute, preferred: Role[] = PREFERRED): Role | null {
  const roles = declaredRoles(route);
  return preferred.find((r) => roles.includes(r)) ?? null;
}

/** `:name` parameters of a route URL (a `*` wildcard is filled separately). */
export function paramNames(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
}

export const hasParams = (url: string) => paramNames(url).length > 0 || url.includes('*');

/** Routes the suites call: everything under /api/ except the docs UI. */
export function apiRoutes(routes: RegisteredRoute[]): RegisteredRoute[] {
  return routes.filter((r) => r.url.startsWith('/api/'));
}

export const routeLabel = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

export type Item = Record<string, unknown>;
/** Records seen in the demo workspace, by resource name ('clients', 'contractors', 'versions'…). */
export type Pools = Map<string, Item[]>;

function kebab(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The static segment a list URL ends with: `/api/clients` → clients. */
export function resourceOfList(url: string): string | null {
  const segments = url.split('?')[0].split('/').filter(Boolean);
  const last = segments[segments.length - 1];
  if (!last || last.startsWith(':') || last.includes('*')) return null;
  return last;
}

/** Which pool a parameter takes its value from: `:clientId` → clients, `/clients/:id` → clients. */
export function resourceOfParam(url: string, name: string): string | null {
  if (name.length > 2 && name.endsWith('Id')) return `${kebab(name.slice(0, -2))}s`;
  const segments = url.split('/').filter(Boolean);
  const i = segments.findIndex((s) => s.startsWith(`:${name}`));
  if (i <= 0) return null;
  const before = segments[i - 1];
  return before.startsWith(':') ? null : before;
}

function fieldOf(name: string): string {
  return name === 'id' || name.endsWith('Id') ? 'id' : name;
}

export function randomUuid(): string {
  return randomUUID();
}

function fallbackValue(name: string): string {
  if (/version/i.test(name)) return '1';
  if (/token/i.test(name)) return randomBytes(24).toString('hex');
  return randomUuid();
}

function poolValue(pools: Pools, url: string, name: string, variant: number): string | null {
  const resource = resourceOfParam(url, name);
  const items = resource ? pools.get(resource) : undefined;
  if (!items || items.length === 0) return null;
  const field = fieldOf(name);
  const values = items
    .map((item) => item[field])
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
  if (values.length === 0) return null;
  return String(values[variant % values.length]);
}

export interface FilledUrl {
  url: string;
  /** True when every parameter got a value seen in the demo workspace. */
  real: boolean;
  /** The values put in, by parameter name. */
  values: Record<string, string>;
}

/**
 * Fills a route URL's parameters: from the pools (real demo ids; `variant` picks which one) unless
 * `random` is set, else a random uuid (or `1` for versions, a random token for tokens).
 */
export function fillUrl(
  url: string,
  pools: Pools,
  options: { variant?: number; random?: boolean; wildcard?: string } = {},
): FilledUrl {
  let real = true;
  const values: Record<string, string> = {};
  let out = url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const fromPool = options.random ? null : poolValue(pools, url, name, options.variant ?? 0);
    if (fromPool === null) real = false;
    const value = fromPool ?? fallbackValue(name);
    values[name] = value;
    return encodeURIComponent(value);
  });
  if (out.includes('*')) out = out.replace('*', options.wildcard ?? 'security-probe');
  return { url: out, real, values };
}

/** Up to `max` distinct URLs for a route, one per pool record of its first parameter. */
export function urlVariants(url: string, pools: Pools, max: number): FilledUrl[] {
  const names = paramNames(url);
  if (names.length === 0) return [fillUrl(url, pools)];
  const resource = resourceOfParam(url, names[0]);
  const count = Math.min(max, Math.max(1, (resource && pools.get(resource)?.length) || 1));
  const seen = new Set<string>();
  const out: FilledUrl[] = [];
  for (let variant = 0; variant < count; variant++) {
    const filled = fillUrl(url, pools, { variant });
    if (seen.has(filled.url)) continue;
    seen.add(filled.url);
    out.push(filled);
  }
  return out;
}

/** Signs in one client per demo role. */
export async function signInAll(t: TestApp): Promise<Record<Role, Client>> {
  const out = {} as Record<Role, Client>;
  for (const role of ROLES) out[role] = await t.as(role);
  return out;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function addToPool(pools: Pools, key: string, items: unknown[]): void {
  const records = items.filter(
    (i): i is Item => typeof i === 'object' && i !== null && !Array.isArray(i),
  );
  if (records.length === 0) return;
  const list = pools.get(key) ?? [];
  for (const r of records) {
    const id = r.id ?? JSON.stringify(r);
    if (!list.some((x) => (x.id ?? JSON.stringify(x)) === id)) list.push(r);
  }
  pools.set(key, list);
}

/** Collects arrays of records from a JSON body: `items` under the URL's resource, others by key. */
function collect(pools: Pools, resource: string | null, body: unknown, depth = 0): void {
  if (depth > 3 || typeof body !== 'object' || body === null) return;
  if (Array.isArray(body)) {
    if (resource && depth === 0) addToPool(pools, resource, body);
    return;
  }
  for (const [key, value] of Object.entries(body)) {
    if (!Array.isArray(value)) {
      collect(pools, null, value, depth + 1);
      continue;
    }
    const target = key === 'items' ? resource : key;
    if (target) addToPool(pools, target, value);
    for (const v of value.slice(0, 50)) collect(pools, null, v, depth + 1);
  }
}

const SKIP_HARVEST = /(\.csv|\.ics|\/api\/dev\/|\/api\/openapi\.json|\/api\/auth\/)/;

/**
 * Real records of the demo workspace for filling path parameters: every list route is read by a
 * staff role allowed to call it, then every one-parameter GET route with a real id (nested lists
 * such as a client's one-sheeter versions), then the database for resources no list returned.
 */
export async function harvestPools(
  t: TestApp,
  clients: Record<Role, Client>,
  routes: RegisteredRoute[] = t.routes,
): Promise<Pools> {
  const pools: Pools = new Map();
  const gets = apiRoutes(routes).filter((r) => r.method === 'GET' && !SKIP_HARVEST.test(r.url));
  const callerOf = (r: RegisteredRoute) => {
    if (r.access === 'public' || r.access === 'signed-in') return clients.admin;
    const role = roleFor(r);
    return role ? clients[role] : null;
  };
  for (const r of gets.filter((g) => !hasParams(g.url))) {
    const caller = callerOf(r);
    if (!caller) continue;
    const res = await caller.get(r.url);
    if (res.statusCode === 200) collect(pools, resourceOfList(r.url), parseJson(res.body));
  }
  await fillFromDatabase(t, routes, pools);
  for (const r of gets.filter((g) => paramNames(g.url).length === 1 && !g.url.includes('*'))) {
    const caller = callerOf(r);
    if (!caller) continue;
    for (const filled of urlVariants(r.url, pools, 3)) {
      if (!filled.real) continue;
      const res = await caller.get(filled.url);
      if (res.statusCode === 200) collect(pools, resourceOfList(r.url), parseJson(res.body));
    }
  }
  await fillFromDatabase(t, routes, pools);
  return pools;
}

const TABLE_ALIASES: Record<string, string> = { members: 'memberships' };

/** For a parameter no response gave a value to, the demo workspace's rows of the table it names. */
async function fillFromDatabase(t: TestApp, routes: RegisteredRoute[], pools: Pools) {
  const wanted = new Set<string>();
  for (const r of routes) {
    for (const name of paramNames(r.url)) {
      const resource = resourceOfParam(r.url, name);
      if (resource && !pools.get(resource)?.length) wanted.add(resource);
    }
  }
  for (const resource of wanted) {
    const table = TABLE_ALIASES[resource] ?? resource.replace(/-/g, '_');
    if (!/^[a-z_]+$/.test(table)) continue;
    try {
      const res =
        await sql<Item>`select * from ${sql.table(table)} where workspace_id = ${t.demo.workspaceId} limit 20`.execute(
          t.database.db,
        );
      if (res.rows.length > 0) addToPool(pools, resource, res.rows);
    } catch {
      // No such table (or no workspace_id column): the parameter gets a random id.
    }
  }
}

/** Every id-like string (uuid-shaped) in the pools: the demo workspace's record ids. */
export function demoIds(pools: Pools): Set<string> {
  const ids = new Set<string>();
  for (const items of pools.values()) {
    for (const item of items) {
      if (typeof item.id === 'string' && /^[0-9a-f-]{32,36}$/i.test(item.id)) ids.add(item.id);
    }
  }
  return ids;
}

/** A second agency with its own admin (another tenant), signed in and acting in its own workspace. */
export async function createOtherWorkspace(t: TestApp): Promise<Client> {
  const { createAccount, createWorkspace } = await import(
    '../../src/server/features/workspaces/service'
  );
  const email = `outsider-${randomBytes(4).toString('hex')}@other.test`;
  const { userId } = await createAccount(t.ctx, {
    name: 'Olga Outsider',
    email,
    password: 'other-password',
  });
  const workspaceId = await createWorkspace(t.database.db, {
    name: 'Other Agency',
    timeZone: 'UTC',
    currency: 'USD',
    adminUserId: userId,
  });
  return t.signIn(email, 'other-password', workspaceId);
}

/** A JSON schema as the OpenAPI document gives it (zod → JSON schema), loosely typed. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  const?: unknown;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
}

export interface Operation {
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | null;
}

interface OpenApiDoc {
  paths?: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}

/** The OpenAPI document the app serves, read once per test app. */
export async function openApiDoc(t: TestApp): Promise<OpenApiDoc> {
  return (await t.anonymous.get('/api/openapi.json')).json() as OpenApiDoc;
}

/** The query parameters and JSON body schema a route documents (empty for hidden routes). */
export function operationOf(doc: OpenApiDoc, route: RegisteredRoute): Operation {
  const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  const op = doc.paths?.[path]?.[route.method.toLowerCase()];
  if (!op) return { query: [], body: null };
  return {
    query: (op.parameters ?? [])
      .filter((p) => p.in === 'query')
      .map((p) => ({ name: p.name, required: Boolean(p.required), schema: p.schema ?? {} })),
    body: op.requestBody?.content?.['application/json']?.schema ?? null,
  };
}
