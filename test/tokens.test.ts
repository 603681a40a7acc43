import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecondWorkspace } from './support/clients';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';

describe.each(testDialects())('API tokens on %s', (dialect) => {
  let t: TestApp;
  let coordinator: Client;
  let token = '';
  let tokenId = '';

  /** A request with only the token: no cookie, no Origin, like a script would send. */
  const withToken = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    bearer: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      payload,
      headers: { authorization: `Bearer ${bearer}`, ...headers },
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    coordinator = await t.as('coordinator');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a token shown once ("hf_" + 32 random bytes), keeping only its sha256 and prefix', async () => {
    const res = await coordinator.post('/api/tokens', { name: 'Zapier' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    token = body.token;
    tokenId = body.id;
    expect(token).toMatch(/^hf_[A-Za-z0-9_-]{43}$/);
    expect(body).toMatchObject({ name: 'Zapier', prefix: token.slice(0, 8), revokedAt: null });
    const row = await t.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', tokenId)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    const list = (await coordinator.get('/api/tokens')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).not.toHaveProperty('token');
    expect(list[0].prefix).toBe(token.slice(0, 8));
  });

  it('a token reads and writes as its owner without cookie or Origin (no CSRF check needed)', async () => {
    const me = await withToken('GET', '/api/me', token);
    expect(me.statusCode).toBe(200);
    expect(me.json().current).toMatchObject({
      workspaceId: t.demo.workspaceId,
      role: 'coordinator',
    });
    expect((await withToken('GET', '/api/clients', token)).statusCode).toBe(200);
    const created = await withToken(
      'POST',
      '/api/clients',
      token,
      { name: 'Token Made Client', companyCategory: 'core', departmentTier: 1 },
      { origin: 'https://elsewhere.example' },
    );
    expect(created.statusCode).toBe(201);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'action'])
      .where('entity_id', '=', created.json().id)
      .execute();
    expect(audit).toContainEqual({ actor_user_id: t.demo.users.coordinator, action: 'created' });
    const row = await t.database.db
      .selectFrom('api_tokens')
      .select('last_used_at')
      .where('id', '=', tokenId)
      .executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
  });

  it('is pinned to its workspace: naming another one is refused (403)', async () => {
    const other = await createSecondWorkspace(t, dialect);
    const res = await withToken('GET', '/api/clients', token, undefined, {
      'x-workspace-id': other.workspaceId ?? '',
    });
    expect(res.statusCode).toBe(403);
    // And the other workspace's admin cannot see or revoke this token: not found, unchanged.
    expect((await other.get('/api/tokens')).json().items).toEqual([]);
    expect((await other.delete(`/api/tokens/${tokenId}`)).statusCode).toBe(404);
    const row = await t.database.db
      .selectFrom('api_tokens')
      .select('revoked_at')
      .where('id', '=', tokenId)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  });

  it("a contractor's token has the contractor's permissions: staff routes answer 403", async () => {
    const contractor = await t.as('contractor');
    const made = (await contractor.post('/api/tokens', { name: 'my script' })).json();
    expect((await withToken('GET', '/api/members', made.token)).statusCode).toBe(403);
    expect((await withToken('GET', '/api/clients', made.token)).statusCode).toBe(403);
    expect((await withToken('GET', '/api/notifications', made.token)).statusCode).toBe(200);
  });

  it('a token cannot mint or revoke tokens; only the signed-in person can', async () => {
    expect((await withToken('POST', '/api/tokens', token, { name: 'child' })).statusCode).toBe(403);
    expect((await withToken('DELETE', `/api/tokens/${tokenId}`, token)).statusCode).toBe(403);
  });

  it('a revoked or unknown token gets 401, even alongside a valid session cookie', async () => {
    expect((await coordinator.delete(`/api/tokens/${tokenId}`)).statusCode).toBe(200);
    expect((await withToken('GET', '/api/clients', token)).statusCode).toBe(401);
    expect((await withToken('GET', '/api/clients', 'hf_notarealtokenatall')).statusCode).toBe(401);
    const both = await coordinator.request({
      method: 'GET',
      url: '/api/clients',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(both.statusCode).toBe(401);
    const list = (await coordinator.get('/api/tokens')).json().items;
    expect(list[0].revokedAt).not.toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'api_token')
      .where('entity_id', '=', tokenId)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['created', 'revoked']);
  });

  it('the OpenAPI document declares bearer tokens', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).json();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('creating tokens is rate-limited (10 a minute)', async () => {
    const strategist = await t.as('strategist');
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push((await strategist.post('/api/tokens', { name: `t${i}` })).statusCode);
    }
    expect(codes).toContain(429);
  });
});
