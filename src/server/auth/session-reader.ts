import { createHmac, timingSafeEqual } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import type { Database } from '../db';
import { dataVersionSql } from '../read-cache/data-version';
import type { Auth } from './better-auth';

/** What a signed-in request carries about its person. */
export interface SessionPerson {
  userId: string;
  name: string;
  email: string;
}

/** The person's membership of the workspace the request names, read with the session. */
export interface MembershipFacts {
  id: string;
  workspaceId: string;
  role: string;
  timeZone: string | null;
  workspaceTimeZone: string;
}

/**
 * What the guard learns from the cookie: the person, and — when the request named a workspace and
 * the fast path answered — their membership there (`null`: not a member; `undefined`: not read).
 */
export interface SessionFacts {
  person: SessionPerson;
  membership?: MembershipFacts | null;
  /** The database's data version, read in the same statement (the read cache's key check). */
  dataVersion?: string;
}

interface SessionRow {
  id: string;
  name: string;
  email: string;
  expires_at: string | Date;
  membership_id: string | null;
  workspace_id: string | null;
  role: string | null;
  time_zone: string | null;
  workspace_time_zone: string | null;
  data_version: string;
}

/**
 * Session, person, membership and the data version in one statement, kept compiled: this runs
 * on every signed-in request, and building it with the query builder each time cost more than
 * executing it; on PostgreSQL each statement saved is a round trip.
 * (better-auth owns the session and user tables; these are its column names.)
 */
function sessionSql(dialect: Database['dialect']): string {
  const [workspace, token] = dialect === 'sqlite' ? ['?', '?'] : ['$1', '$2'];
  return `select u.id, u.name, u.email, s."expiresAt" as expires_at,
      m.id as membership_id, m.workspace_id, m.role, m.time_zone,
      w.time_zone as workspace_time_zone, ${dataVersionSql(dialect)} as data_version
    from session s
    join "user" u on u.id = s."userId"
    left join memberships m on m.user_id = u.id and m.workspace_id = ${workspace}
    left join workspaces w on w.id = m.workspace_id
    where s.token = ${token}`;
}

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
  const text = sessionSql(database.dialect);
  // PostgreSQL: a named statement, parsed and planned once per connection instead of on every
  // request (the plan is the same for every token: unique keys throughout). Behind a pooler in
  // transaction mode (PgBouncer), named statements need its prepared-statement support.
  const pool = database.dialect === 'postgres' ? (database.opened.driver as pg.Pool) : null;
  const readRows = async (values: string[]): Promise<SessionRow[]> =>
    pool
      ? (await pool.query<SessionRow>({ name: 'handoff-session-v1', text, values })).rows
      : (await database.db.executeQuery<SessionRow>(CompiledQuery.raw(text, values))).rows;
  // Signed cookie values whose signature already proved ours: the HMAC is a pure function of the
  // value and the secret, so a value checked once need not be hashed again. Only good values are
  // kept (forged ones cannot fill it), and at most a bounded number.
  const verified = new Map<string, string>();
  const verify = (signed: string, secret: string): string | null => {
    const known = verified.get(signed);
    if (known !== undefined) return known;
    const token = verifiedToken(signed, secret);
    if (token === null) return null;
    if (verified.size >= 10_000) verified.clear();
    verified.set(signed, token);
    return token;
  };

  async function viaBetterAuth(cookie: string): Promise<SessionFacts | null> {
    const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
    if (!session) return null;
    return {
      person: { userId: session.user.id, name: session.user.name, email: session.user.email },
    };
  }

  /** `workspaceId`: the workspace the request names, if any (its membership is read along). */
  return async function readSession(
    cookie: string | undefined,
    workspaceId: string | undefined,
  ): Promise<SessionFacts | null> {
    if (!cookie) return null;
    const ctx = await context;
    const signed = cookieValue(cookie, ctx.authCookies.sessionToken.name);
    if (!signed) return null;
    const token = verify(signed, ctx.secret);
    if (!token) return null;
    if (cookieValue(cookie, ctx.authCookies.dontRememberToken.name)) return viaBetterAuth(cookie);
    const row = (await readRows([workspaceId ?? '', token]))[0];
    if (!row) return null;
    const expiresAt = new Date(row.expires_at).getTime();
    const { expiresIn, updateAge } = ctx.sessionConfig;
    const refreshDue = expiresAt - expiresIn * 1000 + updateAge * 1000 <= Date.now();
    if (!Number.isFinite(expiresAt) || expiresAt <= Date.now() || refreshDue) {
      return viaBetterAuth(cookie);
    }
    const person = { userId: row.id, name: row.name, email: row.email };
    const dataVersion = String(row.data_version);
    if (!workspaceId) return { person, dataVersion };
    const membership =
      row.membership_id && row.workspace_id && row.role && row.workspace_time_zone
        ? {
            id: row.membership_id,
            workspaceId: row.workspace_id,
            role: row.role,
            timeZone: row.time_zone,
            workspaceTimeZone: row.workspace_time_zone,
          }
        : null;
    return { person, membership, dataVersion };
  };
}
