import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/contracts/roles';
import { buildApp } from '../../src/server/app';
import type { RegisteredRoute } from '../../src/server/auth/access';
import { testDialects } from '../support/databases';
import { snapshot, snapshotDiff } from '../support/db-snapshot';
import { type Client, createTestApp, type TestApp } from '../support/harness';
import {
  apiRoutes,
  createOtherWorkspace,
  declaredRoles,
  demoIds,
  errorMessage,
  fillUrl,
  harvestPools,
  isGuardRefusal,
  isWrite,
  type Pools,
  paramNames,
  routeLabel,
  signInAll,
} from '../support/registry';

/**
 * Every route of the registry, called by every role, signed out, and by another workspace's admin,
 * is answered as its declared roles say. The guard runs in onRequest, before validation, so a
 * dummy body and real ids are enough to see its decision.
 */
describe.each(testDialects())('permission matrix on %s', (dialect) => {
  let t: TestApp;
  let clients: Record<Role, Client>;
  let outsider: Client;
  let pools: Pools;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    clients = await signInAll(t);
    pools = await harvestPools(t, clients);
    outsider = await createOtherWorkspace(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (client: Client, route: RegisteredRoute, url: string) =>
    client.request({
      method: route.method as 'GET',
      url,
      ...(isWrite(route) && route.method !== 'DELETE' ? { payload: {} } : {}),
    });

  const describeRes = (res: LightMyRequestResponse) =>
    `${res.statusCode} ${errorMessage(res.body) || res.body.slice(0, 120)}`;

  it('refuses to start when a route is added without declared roles', async () => {
    const { openDatabase } = await import('../../src/server/db');
    const database = openDatabase(':memory:');
    const built = await buildApp(t.config, database, { logger: false });
    expect(() =>
      built.app.get('/api/forgotten-declaration', async () => ({ secret: true })),
    ).toThrow(/declares no access/);
    // A route outside /api/ (the SPA, docs) is not guarded and needs no declaration.
    expect(() => built.app.get('/not-api', async () => 'ok')).not.toThrow();
    await built.app.close();
    await database.close();
  });

  it('R5 answers every route × role as declared: 401 signed out, exactly 403 for other roles, never a guard refusal for declared ones', async () => {
    const routes = apiRoutes(t.routes);
    const failures: string[] = [];
    let checks = 0;
    const before = await snapshot(t.database.db, {
      tables: ['memberships', 'workspaces', 'user'],
    });

    for (const route of routes) {
      const label = routeLabel(route);
      const roles = declaredRoles(route);
      const real = fillUrl(route.url, pools);
      // A declared role deleting something gets a random id, so the sweep removes nothing.
      const safe = route.method === 'DELETE' ? fillUrl(route.url, pools, { random: true }) : real;

      // Signed out.
      const anon = await send(t.anonymous, route, real.url);
      checks++;
      if (route.access === 'public') {
        if (isGuardRefusal(anon.statusCode, anon.body))
          failures.push(`${label} signed out: public route refused: ${describeRes(anon)}`);
      } else if (anon.statusCode !== 401) {
        failures.push(`${label} signed out: expected 401, got ${describeRes(anon)}`);
      }

      // Each role of the demo workspace.
      for (const role of ROLES) {
        const allowed =
          route.access === 'public' || route.access === 'signed-in' || roles.includes(role);
        const res = await send(clients[role], route, allowed ? safe.url : real.url);
        checks++;
        if (allowed) {
          if (isGuardRefusal(res.statusCode, res.body))
            failures.push(
              `${label} as ${role} (declared): refused by the guard: ${describeRes(res)}`,
            );
          if (res.statusCode >= 500)
            failures.push(`${label} as ${role}: server error ${describeRes(res)}`);
        } else {
          const message = errorMessage(res.body);
          if (res.statusCode !== 403 || message !== `Your role (${role}) may not do this`)
            failures.push(
              `${label} as ${role} (not declared): expected 403, got ${describeRes(res)}`,
            );
        }
      }

      // A member of another workspace naming this one: not a member here.
      const intruder = await send(outsider.withWorkspace(t.demo.workspaceId), route, real.url);
      checks++;
      if (Array.isArray(route.access)) {
        if (
          intruder.statusCode !== 403 ||
          errorMessage(intruder.body) !== 'You are not a member of this workspace'
        )
          failures.push(
            `${label} as another workspace's admin: expected 403, got ${describeRes(intruder)}`,
          );
      } else if (isGuardRefusal(intruder.statusCode, intruder.body)) {
        failures.push(`${label} as another workspace's member: ${describeRes(intruder)}`);
      }
    }

    console.log(
      `[security] permission matrix on ${dialect}: ${routes.length} routes × ${ROLES.length + 2} callers (6 roles, signed out, another workspace) = ${checks} checks`,
    );
    expect(failures).toEqual([]);
    // The sweep itself changed nobody's membership or workspace.
    expect(
      snapshotDiff(
        before,
        await snapshot(t.database.db, { tables: ['memberships', 'workspaces', 'user'] }),
      ),
    ).toEqual([]);
  });

  it("gives another workspace's admin no record of this one: 404 by id, no demo id in any list, nothing changed", async () => {
    const ids = demoIds(pools);
    expect(ids.size).toBeGreaterThan(0);
    const demoRows = () => snapshot(t.database.db, { workspaceId: t.demo.workspaceId });
    const before = await demoRows();
    const failures: string[] = [];
    let checked = 0;
    for (const route of apiRoutes(t.routes)) {
      if (!Array.isArray(route.access) || !route.access.includes('admin')) continue;
      const label = routeLabel(route);
      if (paramNames(route.url).length > 0) {
        const filled = fillUrl(route.url, pools);
        if (!filled.real || !Object.values(filled.values).some((v) => ids.has(v))) continue;
        const res = await send(outsider, route, filled.url);
        checked++;
        if (res.statusCode < 300 || res.statusCode >= 500)
          failures.push(`${label} with a demo id: expected a 4xx refusal, got ${describeRes(res)}`);
      } else if (route.method === 'GET') {
        const res = await outsider.get(route.url);
        checked++;
        const leaked = [...ids].filter((id) => res.body.includes(id));
        if (leaked.length > 0) failures.push(`${label}: lists demo records ${leaked.join(', ')}`);
      }
    }
    console.log(
      `[security] tenancy on ${dialect}: ${checked} requests by another workspace's admin, ${ids.size} demo ids watched`,
    );
    expect(failures).toEqual([]);
    // The demo workspace's rows are exactly as they were (the outsider's own may have grown).
    expect(snapshotDiff(before, await demoRows())).toEqual([]);
  });
});
