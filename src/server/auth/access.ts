import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../../contracts/roles';
import { isRole } from '../../contracts/roles';
import type { Database } from '../db';
import { AppError } from '../errors';
import { bearerApiToken, signInWithApiToken } from '../features/tokens/auth';
import type { Auth } from './better-auth';
import {
  createSessionReader,
  type MembershipFacts,
  type SessionFacts,
  type SessionPerson,
} from './session-reader';

/**
 * Who may call a route, declared on the route itself (`config.access`):
 * - 'public': anyone, signed in or not;
 * - 'signed-in': any signed-in person, no workspace needed (e.g. "who am I");
 * - a list of roles: a member of the current workspace with one of those roles.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export type SignedIn = SessionPerson;

/** The person making a request, in the workspace they are acting in. Tenancy comes from here only. */
export interface Actor extends SignedIn {
  workspaceId: string;
  role: Role;
  membershipId: string;
  timeZone: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * A GET the browser opens as a plain link or image (a file download), which cannot carry
     * the workspace header: the workspace may come from `?workspace=` instead. It is checked
     * against the person's memberships exactly like the header.
     */
    workspaceFromQuery?: boolean;
  }
  interface FastifyRequest {
    signedIn?: SignedIn;
    actorOrNull?: Actor;
    /** Read by the guard with the session when it could (src/server/read-cache). */
    dataVersion?: string;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
  /** A route's own body limit when it raises the app's 1 MB (file uploads). */
  bodyLimit?: number;
}

export const WORKSPACE_HEADER = 'x-workspace-id';

/** The actor of a role-guarded route; the guard has already proven it exists. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actorOrNull) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return request.actorOrNull;
}

export function signedInOf(request: FastifyRequest): SignedIn {
  if (!request.signedIn) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return request.signedIn;
}

/** Pure decision used by the guard, tested with a table of cases. */
export function accessDecision(
  access: Access | undefined,
  state: { signedIn: boolean; role: Role | null },
): 'allow' | 'unauthenticated' | 'forbidden' | 'no-workspace' {
  if (access === undefined) return 'forbidden';
  if (access === 'public') return 'allow';
  if (!state.signedIn) return 'unauthenticated';
  if (access === 'signed-in') return 'allow';
  if (state.role === null) return 'no-workspace';
  return access.includes(state.role) ? 'allow' : 'forbidden';
}

/**
 * Installs the guard. Every /api route must declare `config.access`: one added without it makes
 * the app refuse to start, so a forgotten declaration cannot ship.
 */
export function registerAccessGuard(
  app: FastifyInstance,
  deps: { auth: Auth; database: Database; trustedOrigins: readonly string[] },
): RegisteredRoute[] {
  const registry: RegisteredRoute[] = [];
  const readSession = createSessionReader(deps.auth, deps.database);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      registry.push({ method, url: route.url, access, bodyLimit: route.bodyLimit });
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!request.routeOptions.url?.startsWith('/api/')) return;
    // A bearer API token is no ambient authority (a browser never adds it): no Origin check.
    const apiToken = access === 'public' ? null : bearerApiToken(request.headers.authorization);
    if (!apiToken && !isSameOriginWrite(request, deps.trustedOrigins)) {
      throw new AppError('FORBIDDEN', 'Cross-site request refused: send it from the Handoff app');
    }
    if (access === 'public') return;
    // An API token pins the workspace header to its own workspace: read the header after it.
    const tokenPerson = apiToken
      ? await signInWithApiToken(deps.database.db, request, apiToken)
      : undefined;
    const workspaceId = requestedWorkspace(request);
    const facts: SessionFacts | null = apiToken
      ? tokenPerson
        ? { person: tokenPerson }
        : null
      : await readSession(request.headers.cookie, workspaceId);
    const signedIn = facts?.person ?? null;
    request.signedIn = signedIn ?? undefined;
    request.dataVersion = facts?.dataVersion;
    let role: Role | null = null;
    if (signedIn && access !== 'signed-in') {
      // The session read brought the membership along when it could; else one more query.
      const actor =
        facts?.membership !== undefined
          ? actorFrom(signedIn, facts.membership)
          : await loadActor(deps.database, signedIn, workspaceId);
      request.actorOrNull = actor ?? undefined;
      role = actor?.role ?? null;
    }
    const decision = accessDecision(access, { signedIn: Boolean(signedIn), role });
    if (decision === 'unauthenticated')
      throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    if (decision === 'no-workspace') {
      throw new AppError('FORBIDDEN', 'You are not a member of this workspace');
    }
    if (decision === 'forbidden') {
      throw new AppError('FORBIDDEN', `Your role (${role}) may not do this`);
    }
  });
  return registry;
}

/** The workspace a request names: the header, or `?workspace=` where the route allows it. */
function requestedWorkspace(request: FastifyRequest): string | undefined {
  const header = request.headers[WORKSPACE_HEADER];
  if (typeof header === 'string' && header.length > 0) return header;
  if (request.method !== 'GET' || !request.routeOptions.config?.workspaceFromQuery)
    return undefined;
  const query = (request.query ?? {}) as Record<string, unknown>;
  return typeof query.workspace === 'string' && query.workspace.length > 0
    ? query.workspace
    : undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated writes: the browser's Origin (or Referer) must be one of
 * ours. Requests without a cookie carry no ambient authority and pass; better-auth applies the
 * same check to its own routes.
 */
export function isSameOriginWrite(
  request: { method: string; headers: Record<string, string | string[] | undefined> },
  trustedOrigins: readonly string[],
): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  if (!request.headers.cookie) return true;
  const origin = request.headers.origin ?? originOf(request.headers.referer);
  return typeof origin === 'string' && trustedOrigins.includes(origin);
}

function originOf(referer: string | string[] | undefined): string | undefined {
  if (typeof referer !== 'string') return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

function actorFrom(signedIn: SignedIn, m: MembershipFacts | null): Actor | null {
  if (!m || !isRole(m.role)) return null;
  return {
    ...signedIn,
    workspaceId: m.workspaceId,
    role: m.role,
    membershipId: m.id,
    timeZone: m.timeZone ?? m.workspaceTimeZone,
  };
}

/** The membership in the named workspace, or the person's first one when none is named. */
async function loadActor(
  database: Database,
  signedIn: SignedIn,
  workspaceId: string | undefined,
): Promise<Actor | null> {
  let q = database.db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select([
      'memberships.id',
      'memberships.workspace_id as workspaceId',
      'memberships.role',
      'memberships.time_zone as timeZone',
      'workspaces.time_zone as workspaceTimeZone',
    ])
    .where('memberships.user_id', '=', signedIn.userId);
  if (workspaceId) q = q.where('memberships.workspace_id', '=', workspaceId);
  const row = await q.orderBy('memberships.created_at').limit(1).executeTakeFirst();
  return actorFrom(signedIn, row ?? null);
}
