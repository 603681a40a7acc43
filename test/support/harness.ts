import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/contracts/roles';
import { type BuiltApp, buildApp } from '../../src/server/app';
import { type AppConfig, loadConfig } from '../../src/server/config';
import { type Database, openDatabase } from '../../src/server/db';
import { DEMO_PASSWORD, DEMO_PEOPLE, type DemoResult, seedDemo } from '../../src/server/demo/seed';
import { migrateAll } from '../../src/server/migrate';
import { freshDatabaseUrl, type TestDialect } from './databases';

export const ORIGIN = 'http://localhost:3000';

export interface TestApp extends BuiltApp {
  database: Database;
  config: AppConfig;
  demo: DemoResult;
  /** Signs in a demo person and returns a client that sends their cookie and workspace. */
  as(role: Role): Promise<Client>;
  signIn(email: string, password: string, workspaceId?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  cookie: string | null;
  workspaceId: string | null;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  withWorkspace(id: string): Client;
}

/** Builds the app on a fresh migrated database with the demo workspace seeded. */
export async function createTestApp(
  dialect: TestDialect,
  env: Record<string, string> = {},
  options: { seed?: boolean } = {},
): Promise<TestApp> {
  const { url, drop } = await freshDatabaseUrl(dialect);
  const config = loadConfig({
    DATABASE_URL: url,
    AUTH_SECRET: 'test-secret-test-secret-test-secret-42',
    PUBLIC_URL: ORIGIN,
    LOG_LEVEL: 'silent',
    SIGN_IN_RATE_LIMIT: '10000',
    ...env,
  });
  const database = openDatabase(config.databaseUrl);
  await migrateAll(config, database);
  const built = await buildApp(config, database, { logger: false });
  await built.app.ready();
  const demo =
    options.seed === false
      ? {
          workspaceId: '',
          users: {} as DemoResult['users'],
          clientIds: [],
          contractorIds: [],
          deliverableTypeIds: {},
        }
      : await seedDemo(built.ctx);

  const makeClient = (cookie: string | null, workspaceId: string | null): Client => {
    const request = (opts: InjectOptions) =>
      built.app.inject({
        ...opts,
        headers: {
          origin: ORIGIN,
          ...(cookie ? { cookie } : {}),
          ...(workspaceId ? { 'x-workspace-id': workspaceId } : {}),
          ...(opts.headers ?? {}),
        },
      });
    const withBody = (method: 'POST' | 'PATCH' | 'PUT') => (u: string, body?: unknown) =>
      request({ method, url: u, payload: body === undefined ? undefined : (body as object) });
    return {
      cookie,
      workspaceId,
      request,
      get: (u) => request({ method: 'GET', url: u }),
      post: withBody('POST'),
      patch: withBody('PATCH'),
      put: withBody('PUT'),
      delete: (u) => request({ method: 'DELETE', url: u }),
      withWorkspace: (id) => makeClient(cookie, id),
    };
  };

  const signIn = async (email: string, password: string, workspaceId?: string) => {
    const res = await built.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: ORIGIN },
      payload: { email, password },
    });
    if (res.statusCode !== 200)
      throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
    const cookie = cookieHeader(res);
    return makeClient(cookie, workspaceId ?? null);
  };

  return {
    ...built,
    database,
    config,
    demo,
    signIn,
    as: (role) => {
      const person = DEMO_PEOPLE.find((p) => p.role === role);
      if (!person) throw new Error(`no demo person for ${role}`);
      return signIn(person.email, DEMO_PASSWORD, demo.workspaceId);
    },
    anonymous: makeClient(null, null),
    close: async () => {
      await built.app.close();
      await database.close();
      await drop();
    },
  };
}

/** The Cookie header a browser would send back after this response. */
export function cookieHeader(res: LightMyRequestResponse): string {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((c) => c.split(';')[0]).join('; ');
}
