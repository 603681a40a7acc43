import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/contracts/roles';
import { WEB_DIST } from '../../src/server/app';
import { testDialects } from '../support/databases';
import { snapshot, snapshotDiff } from '../support/db-snapshot';
import { type Client, cookieHeader, createTestApp, ORIGIN, type TestApp } from '../support/harness';
import {
  apiRoutes,
  errorMessage,
  fillUrl,
  harvestPools,
  isWrite,
  type Pools,
  roleFor,
  routeLabel,
  signInAll,
} from '../support/registry';

/**
 * Web security, generic over the route registry: session cookies, CSRF on every write route,
 * security headers on API and SPA answers, the 1 MB body limit on every write route, rate limits.
 */

const EVIL = 'https://evil.example';
const HAS_SPA = existsSync(resolve(WEB_DIST, 'index.html'));

function setCookies(res: LightMyRequestResponse): string[] {
  const raw = res.headers['set-cookie'];
  return Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
}

function expectSecurityHeaders(res: LightMyRequestResponse, what: string) {
  const csp = String(res.headers['content-security-policy'] ?? '');
  expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${what}: CSP`).toMatch(/script-src 'self'/);
  expect(csp, `${what}: no inline scripts`).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, `${what}: no eval`).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  expect(csp, `${what}: no plugins`).toContain("object-src 'none'");
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(res.headers['x-powered-by'], what).toBeUndefined();
}

describe.each(testDialects())('web security on %s', (dialect) => {
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

  it('issues the session cookie HttpOnly and SameSite=Lax, and signing out revokes it (stolen cookie)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: ORIGIN },
      payload: { email: 'finance@demo.handoff.test', password: 'handoff-demo' },
    });
    expect(res.statusCode).toBe(200);
    const session = setCookies(res).find((c) => /session_token=/.test(c));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).toMatch(/;\s*Path=\//i);
    expect(session).not.toMatch(/;\s*Secure/i); // plain http on localhost
    // The token lives in the HttpOnly cookie only, never in a body a script could read.
    const token = decodeURIComponent(cookieHeader(res).split('session_token=')[1] ?? '').split(
      '.',
    )[0];
    expect(token.length).toBeGreaterThan(10);
    expect(res.body).not.toContain(token);

    const cookie = cookieHeader(res);
    const headers = { cookie, origin: ORIGIN, 'x-workspace-id': t.demo.workspaceId };
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(200);
    const current = await t.app.inject({ method: 'GET', url: '/api/auth/get-session', headers });
    expect(current.statusCode).toBe(200);
    expect(current.json().user.email).toBe('finance@demo.handoff.test');
    expect(current.body).not.toContain(token);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers,
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    // Whoever copied the cookie before sign-out holds nothing now.
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(401);
  });

  it('refuses every cookie-authenticated write from a foreign origin (CSRF) with 403 and changes nothing', async () => {
    const writes = apiRoutes(t.routes).filter(isWrite);
    expect(writes.length).toBeGreaterThan(10);
    const admin = clients.admin;
    const before = await snapshot(t.database.db);
    const failures: string[] = [];
    let checks = 0;
    const variants: [string, Record<string, string>][] = [
      ['foreign Origin', { origin: EVIL }],
      ['foreign Referer, no Origin', { referer: `${EVIL}/page` }],
      ['Origin null (sandboxed frame)', { origin: 'null' }],
      ['look-alike Origin', { origin: `${ORIGIN}.evil.example` }],
      ['no Origin, no Referer', {}],
    ];
    for (const route of writes) {
      const role = roleFor(route);
      const client = role ? clients[role] : admin;
      const { url } = fillUrl(route.url, pools);
      for (const [what, headers] of variants) {
        // Built by hand so the harness's own Origin header is not added.
        const res = await t.app.inject({
          method: route.method as 'POST',
          url,
          headers: {
            cookie: client.cookie ?? '',
            'x-workspace-id': t.demo.workspaceId,
            ...headers,
          },
          ...(route.method === 'DELETE' ? {} : { payload: {} }),
        });
        checks++;
        if (res.statusCode !== 403 || !/^Cross-site request refused/.test(errorMessage(res.body)))
          failures.push(
            `${routeLabel(route)} (${what}): ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
      }
    }
    console.log(
      `[security] CSRF on ${dialect}: ${writes.length} write routes × ${variants.length} foreign origins = ${checks} refusals`,
    );
    expect(failures).toEqual([]);
    expect(snapshotDiff(before, await snapshot(t.database.db))).toEqual([]);

    // Without a cookie a request carries no ambient authority: not a CSRF refusal, just 401.
    const anon = await t.anonymous.request({
      method: 'POST',
      url: '/api/clients',
      headers: { origin: EVIL },
      payload: {},
    });
    expect(anon.statusCode).toBe(401);
    // Our own origin passes the check (the matrix covers what happens next).
    const own = await admin.post('/api/clients', {});
    expect(own.statusCode).toBe(400);
  });

  it('sets the security headers on API answers, errors and the SPA', async () => {
    expectSecurityHeaders(await t.anonymous.get('/api/health'), 'GET /api/health');
    expectSecurityHeaders(await clients.admin.get('/api/clients'), 'GET /api/clients');
    expectSecurityHeaders(await t.anonymous.get('/api/clients'), '401');
    expectSecurityHeaders(await clients.contractor.get('/api/members'), '403');
    expectSecurityHeaders(await t.anonymous.get('/api/no-such-route'), '404');
    const api = await clients.admin.get('/api/clients');
    expect(api.headers['content-type']).toMatch(/^application\/json/);
    expect(api.headers['cache-control'] ?? '').not.toMatch(/public/);
  });

  it.skipIf(!HAS_SPA && process.env.CI !== 'true')(
    'serves the SPA with the same headers and no inline script',
    async () => {
      expect(HAS_SPA, 'the web app is built (npm run build) before the tests').toBe(true);
      for (const path of ['/', '/clients', '/sign-in']) {
        const res = await t.anonymous.get(path);
        expect(res.statusCode, path).toBe(200);
        expect(res.headers['content-type']).toMatch(/text\/html/);
        expectSecurityHeaders(res, `SPA ${path}`);
        // A strict CSP would block an inline script anyway; the page must not need one.
        expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
      }
    },
  );

  it("answers 413 to a body over 1 MB (or over a route's own upload limit) on every write route, never a 500", async () => {
    const writes = apiRoutes(t.routes).filter(isWrite);
    const APP_LIMIT = 1_048_576;
    const failures: string[] = [];
    for (const route of writes) {
      // A route may raise the limit for uploads; it still has one, and past it the answer is 413.
      const limit = route.bodyLimit ?? APP_LIMIT;
      const big = JSON.stringify({ notes: 'x'.repeat(limit + 50_000) });
      const role = roleFor(route);
      const client = role ? clients[role] : t.anonymous;
      const { url } = fillUrl(route.url, pools);
      const res = await client.request({
        method: route.method as 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: big,
      });
      if (res.statusCode !== 413)
        failures.push(`${routeLabel(route)}: ${res.statusCode} ${res.body.slice(0, 100)}`);
      else expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    }
    const raised = writes.filter((r) => r.bodyLimit && r.bodyLimit > APP_LIMIT).map(routeLabel);
    console.log(
      `[security] body limit on ${dialect}: ${writes.length} write routes answered 413 past their limit (1 MB; raised for ${raised.join(', ') || 'none'})`,
    );
    expect(failures).toEqual([]);
  });

  it('rate-limits invitations: 429 appears and nothing more is sent', async () => {
    const admin = clients.admin;
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await admin.post('/api/invitations', {
        email: `flood-${i}@example.com`,
        role: 'qa',
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().error.code).toBe('RATE_LIMITED');
        break;
      }
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 201 && s !== 429)).toEqual([]);
    const sent = statuses.filter((s) => s === 201).length;
    const outbox = await t.database.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('to_address', 'like', 'flood-%')
      .executeTakeFirstOrThrow();
    expect(Number(outbox.n)).toBe(sent);
  });
});

describe.each(testDialects())('web security behind https on %s', (dialect) => {
  const PUBLIC = 'https://handoff.example';
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { PUBLIC_URL: PUBLIC, SIGN_IN_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const signIn = (password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: PUBLIC },
      payload: { email: 'qa@demo.handoff.test', password },
    });

  it('marks the session cookie Secure (and __Secure-) when PUBLIC_URL is https', async () => {
    const res = await signIn('handoff-demo');
    expect(res.statusCode).toBe(200);
    const session = setCookies(res).find((c) => /session_token=/.test(c));
    expect(session).toMatch(/^__Secure-/);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    // The CSRF check trusts exactly the public origin.
    const cookie = cookieHeader(res);
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/workspace',
      headers: { cookie, origin: 'http://localhost:3000', 'x-workspace-id': t.demo.workspaceId },
      payload: {},
    });
    expect(write.statusCode).toBe(403);
  });

  it('rate-limits sign-in attempts per address with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn('wrong-password')).statusCode);
    expect(statuses).toContain(429);
    const first = statuses.indexOf(429);
    expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
    // Even the right password waits out the window: guessing cannot be interleaved with it.
    expect((await signIn('handoff-demo')).statusCode).toBe(429);
  });
});
