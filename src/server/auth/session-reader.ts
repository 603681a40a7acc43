import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db';
import type { Auth } from './better-auth';

/** What a signed-in request carries about its person. */
export interface SessionPerson {
  userId: string;
  name: string;
  email: string;
}

/** better-auth's session table, as far as the fast path reads it (better-auth owns the table). */
type SessionTables = {
  session: { token: string; userId: string; expiresAt: string | Date };
};

/** better-call signs a cookie as `value.base64(HMAC-SHA256(secret, value))`: 44 characters. */
const SIGNATURE_LENGTH = 44;

/** The value of one cookie in a Cookie header, URL-decoded; undefined when absent or malformed. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The session token of a signed cookie value when its signature is ours, else null. The same
 * check better-call makes (HMAC-SHA256 with the auth secret), compared in constant time.
 */
export function verifiedToken(signed: string, secret: string): string | null {
  const dot = signed.lastIndexOf('.');
  if (dot < 1) return null;
  const token = signed.slice(0, dot);
  const signature = signed.slice(dot + 1);
  if (signature.length !== SIGNATURE_LENGTH || !signature.endsWith('=')) return null;
  const expected = createHmac('sha256', secret).update(token).digest('base64');
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b) ? token : null;
}

/**
 * Who a request's session cookie belongs to, answered with one indexed read instead of a trip
 * through better-auth's API (Request objects, Web Crypto, an adapter query): that trip was ~0.6 ms
 * of every signed-in request, the largest single cost of a list page (BENCHMARKS.md).
 *
 * Nothing is cached: a signed-out or deleted session stops working on the very next request, in
 * every process. Whenever better-auth has work to do — an expired session to delete, a session
 * due for its daily refresh, a "don't remember me" session — the request takes better-auth's own
 * path, so its rules stay the only rules.
 */
export function createSessionReader(auth: Auth, database: Database) {
  const context = auth.$context;
  const db = database.db.withTables<SessionTables>();

  async function viaBetterAuth(cookie: string): Promise<SessionPerson | null> {
    const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
    if (!session) return null;
    return { userId: session.user.id, name: session.user.name, email: session.user.email };
  }

  return async function readSession(cookie: string | undefined): Promise<SessionPerson | null> {
    if (!cookie) return null;
    const ctx = await context;
    const signed = cookieValue(cookie, ctx.authCookies.sessionToken.name);
    if (!signed) return null;
    const token = verifiedToken(signed, ctx.secret);
    if (!token) return null;
    if (cookieValue(cookie, ctx.authCookies.dontRememberToken.name)) return viaBetterAuth(cookie);
    const row = await db
      .selectFrom('session')
      .innerJoin('user', 'user.id', 'session.userId')
      .select(['user.id', 'user.name', 'user.email', 'session.expiresAt'])
      .where('session.token', '=', token)
      .executeTakeFirst();
    if (!row) return null;
    const expiresAt = new Date(row.expiresAt).getTime();
    const { expiresIn, updateAge } = ctx.sessionConfig;
    const refreshDue = expiresAt - expiresIn * 1000 + updateAge * 1000 <= Date.now();
    if (!Number.isFinite(expiresAt) || expiresAt <= Date.now() || refreshDue) {
      return viaBetterAuth(cookie);
    }
    return { userId: row.id, name: row.name, email: row.email };
  };
}

export type SessionReader = ReturnType<typeof createSessionReader>;
