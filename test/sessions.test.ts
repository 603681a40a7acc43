import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from './support/databases';
import { type Client, createTestApp, type TestApp } from './support/harness';

/**
 * The guard reads sessions with one indexed query (src/server/auth/session-reader.ts) and hands
 * every case with work to do back to better-auth: these prove the two agree.
 */
type SessionRow = { token: string; userId: string; expiresAt: string | Date };
const DAY = 86_400_000;

describe.each(testDialects())('session checks on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  const sessions = () => t.database.db.withTables<{ session: SessionRow }>();
  const tokenOf = (c: Client) => {
    const signed = decodeURIComponent(/session_token=([^;]+)/.exec(c.cookie ?? '')?.[1] ?? '');
    return signed.slice(0, signed.lastIndexOf('.'));
  };
  const stamp = (ms: number) => {
    const d = new Date(ms);
    return (dialect === 'sqlite' ? d.toISOString() : d) as string | Date;
  };
  const expiresAt = async (token: string) => {
    const row = await sessions()
      .selectFrom('session')
      .select('expiresAt')
      .where('token', '=', token)
      .executeTakeFirst();
    return row ? new Date(row.expiresAt).getTime() : null;
  };

  it('accepts a live session and answers with its person', async () => {
    const strategist = await t.as('strategist');
    const me = await strategist.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe('strategist@demo.handoff.test');
  });

  it('refuses an expired session and lets better-auth delete it', async () => {
    const qa = await t.as('qa');
    const token = tokenOf(qa);
    await sessions()
      .updateTable('session')
      .set({ expiresAt: stamp(Date.now() - 1000) })
      .where('token', '=', token)
      .execute();
    expect((await qa.get('/api/me')).statusCode).toBe(401);
    expect(await expiresAt(token)).toBeNull();
  });

  it('refreshes a session older than a day (better-auth updateAge) and keeps it working', async () => {
    const finance = await t.as('finance');
    const token = tokenOf(finance);
    const old = Date.now() + 10 * DAY; // issued 20 days ago with a 30-day life
    await sessions()
      .updateTable('session')
      .set({ expiresAt: stamp(old) })
      .where('token', '=', token)
      .execute();
    expect((await finance.get('/api/me')).statusCode).toBe(200);
    expect(await expiresAt(token)).toBeGreaterThan(Date.now() + 29 * DAY);
  });

  it('refuses a cookie whose signature was not made with the secret, and a made-up token', async () => {
    const admin = await t.as('admin');
    const forged = (admin.cookie ?? '').replace(/\.[A-Za-z0-9%+/=]+$/, `.${'A'.repeat(43)}=`);
    expect(forged).not.toBe(admin.cookie);
    const me = (cookie: string) =>
      t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect((await me(forged)).statusCode).toBe(401);
    expect((await me('better-auth.session_token=made-up')).statusCode).toBe(401);
    expect((await me(admin.cookie ?? '')).statusCode).toBe(200);
  });

  it('stops a session deleted in the database (revoked elsewhere) on the next request', async () => {
    const coordinator = await t.as('coordinator');
    expect((await coordinator.get('/api/me')).statusCode).toBe(200);
    await sessions().deleteFrom('session').where('token', '=', tokenOf(coordinator)).execute();
    expect((await coordinator.get('/api/me')).statusCode).toBe(401);
  });
});
