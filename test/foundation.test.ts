import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectionsFor } from '../src/contracts/roles';
import { testDialects } from './support/databases';
import { createTestApp, ORIGIN, type TestApp } from './support/harness';

describe.each(testDialects())('foundation on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs each demo role in and returns its sections (R5: contractors see only their own)', async () => {
    for (const role of [
      'admin',
      'coordinator',
      'strategist',
      'qa',
      'finance',
      'contractor',
    ] as const) {
      const c = await t.as(role);
      const me = await c.get('/api/me');
      expect(me.statusCode).toBe(200);
      const body = me.json();
      expect(body.current.role).toBe(role);
      expect(body.current.sections).toEqual(sectionsFor(role));
    }
    const contractor = await (await t.as('contractor')).get('/api/me');
    expect(contractor.json().current.sections).not.toContain('clients');
    expect(contractor.json().current.sections).not.toContain('settings');
  });

  it('answers 401 signed out, 403 for a role not allowed, 400 with field messages for bad input', async () => {
    expect((await t.anonymous.get('/api/members')).statusCode).toBe(401);
    const contractor = await t.as('contractor');
    const forbidden = await contractor.get('/api/members');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
    const admin = await t.as('admin');
    const bad = await admin.post('/api/invitations', { email: 'not-an-email', role: 'emperor' });
    expect(bad.statusCode).toBe(400);
    const err = bad.json().error;
    expect(err.code).toBe('VALIDATION');
    expect(Object.keys(err.fields)).toEqual(expect.arrayContaining(['body.email', 'body.role']));
  });

  it('never answers 500 to malformed JSON', async () => {
    const admin = await t.as('admin');
    const res = await admin.request({
      method: 'POST',
      url: '/api/invitations',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
  });

  it('invites by link: the mail lands in the dev outbox and the invitee joins with the role', async () => {
    const admin = await t.as('admin');
    const created = await admin.post('/api/invitations', {
      email: 'New.QA@Example.com',
      role: 'qa',
    });
    expect(created.statusCode).toBe(201);
    const { link, email } = created.json();
    expect(email).toBe('new.qa@example.com');
    const outbox = (await t.anonymous.get('/api/dev/outbox')).json().items;
    expect(outbox[0].to).toBe('new.qa@example.com');
    expect(outbox[0].text).toContain(link);
    const token = link.split('/invite/')[1];
    const preview = await t.anonymous.get(`/api/invitations/by-token/${token}`);
    expect(preview.json()).toMatchObject({
      workspaceName: 'Northwind Social',
      role: 'qa',
      status: 'pending',
      hasAccount: false,
    });
    const missing = await t.anonymous.post(`/api/invitations/by-token/${token}/accept`, {});
    expect(missing.statusCode).toBe(400);
    const accepted = await t.anonymous.post(`/api/invitations/by-token/${token}/accept`, {
      name: 'Nia QA',
      password: 'correct-horse-9',
    });
    expect(accepted.statusCode).toBe(200);
    const qa = await t.signIn('new.qa@example.com', 'correct-horse-9');
    expect((await qa.get('/api/me')).json().current.role).toBe('qa');
    const again = await t.anonymous.post(`/api/invitations/by-token/${token}/accept`, {
      name: 'X',
      password: 'whatever-123',
    });
    expect(again.statusCode).toBe(409);
  });

  it('lets a coordinator invite contractors but not staff', async () => {
    const coordinator = await t.as('coordinator');
    expect(
      (await coordinator.post('/api/invitations', { email: 'c2@example.com', role: 'contractor' }))
        .statusCode,
    ).toBe(201);
    const staff = await coordinator.post('/api/invitations', {
      email: 'f2@example.com',
      role: 'finance',
    });
    expect(staff.statusCode).toBe(403);
  });

  it("gives 404 for another workspace's records and leaves them unchanged", async () => {
    // A second agency with its own admin, set up through the API.
    const otherAdmin = await createSecondWorkspace(t);
    const members = (await otherAdmin.get('/api/members')).json().items;
    const victim = members[0];
    const admin = await t.as('admin');
    const patch = await admin.patch(`/api/members/${victim.id}`, { role: 'contractor' });
    expect(patch.statusCode).toBe(404);
    const del = await admin.delete(`/api/members/${victim.id}`);
    expect(del.statusCode).toBe(404);
    const after = (await otherAdmin.get('/api/members')).json().items;
    expect(after).toEqual(members);
    // Naming the other workspace in the header does not help: not a member there.
    const sneaky = await admin.withWorkspace(otherAdmin.workspaceId!).get('/api/members');
    expect(sneaky.statusCode).toBe(403);
  });

  it('R30 records every mutation in an append-only audit trail', async () => {
    const admin = await t.as('admin');
    const ws = (await admin.get('/api/workspace')).json();
    const res = await admin.patch('/api/workspace', {
      version: ws.version,
      name: 'Northwind Social Co',
    });
    expect(res.statusCode).toBe(200);
    const audit = (await admin.get('/api/audit?entityType=workspace')).json().items;
    expect(audit[0]).toMatchObject({ action: 'updated', actorName: 'Kassandra Ferrante' });
    expect(audit[0].after.name).toBe('Northwind Social Co');
    await expect(t.database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(
      t.database.db.updateTable('audit_log').set({ action: 'x' }).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses a cookie-authenticated write from another site (CSRF) and changes nothing', async () => {
    const admin = await t.as('admin');
    const before = (await admin.get('/api/workspace')).json();
    const res = await admin.request({
      method: 'PATCH',
      url: '/api/workspace',
      headers: { origin: 'https://evil.example' },
      payload: { version: before.version, name: 'Hijacked' },
    });
    expect(res.statusCode).toBe(403);
    expect((await admin.get('/api/workspace')).json().name).toBe(before.name);
  });

  it('refuses a stale workspace update with 409', async () => {
    const admin = await t.as('admin');
    const ws = (await admin.get('/api/workspace')).json();
    expect(
      (await admin.patch('/api/workspace', { version: ws.version, name: 'One' })).statusCode,
    ).toBe(200);
    const stale = await admin.patch('/api/workspace', { version: ws.version, name: 'Two' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
  });

  it('keeps at least one admin', async () => {
    const admin = await t.as('admin');
    const me = (await admin.get('/api/members'))
      .json()
      .items.find((m: { role: string }) => m.role === 'admin');
    const res = await admin.patch(`/api/members/${me.id}`, { role: 'strategist' });
    expect(res.statusCode).toBe(409);
  });

  it('serves the OpenAPI document with every API route', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/me', '/api/members', '/api/invitations']),
    );
    const docs = await t.anonymous.get('/api-docs/');
    expect(docs.statusCode).toBe(200);
  });

  it('sets security headers and HttpOnly SameSite session cookies', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: ORIGIN },
      payload: { email: 'admin@demo.handoff.test', password: 'handoff-demo' },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const health = await t.anonymous.get('/api/health');
    expect(health.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(health.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(health.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe.each(testDialects())('first-admin setup and sign-in limits on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { SIGN_IN_RATE_LIMIT: '3' }, { seed: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the first admin and workspace once, then refuses a second setup', async () => {
    expect((await t.anonymous.get('/api/setup')).json()).toEqual({ needsSetup: true });
    const res = await t.anonymous.post('/api/setup', {
      workspaceName: 'Acme Agency',
      name: 'Ada Admin',
      email: 'ada@acme.test',
      password: 'a-long-password',
      timeZone: 'Europe/Berlin',
      currency: 'EUR',
    });
    expect(res.statusCode).toBe(201);
    expect(String(res.headers['set-cookie'])).toMatch(/session_token/);
    const again = await t.anonymous.post('/api/setup', {
      workspaceName: 'Evil',
      name: 'Eve',
      email: 'eve@evil.test',
      password: 'a-long-password',
    });
    expect(again.statusCode).toBe(409);
    const ada = await t.signIn('ada@acme.test', 'a-long-password');
    const me = (await ada.get('/api/me')).json();
    expect(me.current).toMatchObject({
      role: 'admin',
      workspaceName: 'Acme Agency',
      currency: 'EUR',
    });
  });

  it('rate-limits sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: ORIGIN },
        payload: { email: 'ada@acme.test', password: 'wrong-password' },
      });
      statuses.push(res.statusCode);
    }
    // The limit is 3 a minute per address and the first test already signed in once.
    expect(statuses[0]).toBe(401);
    const firstLimited = statuses.indexOf(429);
    expect(firstLimited).toBeGreaterThan(0);
    expect(firstLimited).toBeLessThanOrEqual(3);
    expect(statuses.slice(firstLimited).every((s) => s === 429)).toBe(true);
  });
});

async function createSecondWorkspace(t: TestApp) {
  const { createAccount, createWorkspace } = await import(
    '../src/server/features/workspaces/service'
  );
  const { userId } = await createAccount(t.ctx, {
    name: 'Olga Other',
    email: 'olga@other.test',
    password: 'other-password',
  });
  const workspaceId = await createWorkspace(t.database.db, {
    name: 'Other Agency',
    timeZone: 'UTC',
    currency: 'USD',
    adminUserId: userId,
  });
  return t.signIn('olga@other.test', 'other-password', workspaceId);
}
