import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import type { AppConfig } from '../config';
import type { Database } from '../db';

/**
 * better-auth owns identity: users, password hashing, sessions (in the database, so any process
 * can serve any request) and sign-in rate limits. Workspaces, roles and invitations are ours.
 */
export function createAuth(config: AppConfig, database: Database) {
  return betterAuth({
    appName: 'Handoff',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    database: { db: database.db, type: database.dialect },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      autoSignIn: true,
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    trustedOrigins: [config.publicUrl, 'http://localhost:*', 'http://127.0.0.1:*'],
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: config.signInRateLimit },
        '/sign-up/email': { window: 60, max: config.signInRateLimit },
      },
    },
    advanced: {
      database: { generateId: () => crypto.randomUUID() },
      useSecureCookies: config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: ['x-handoff-client-ip'] },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** Creates or updates better-auth's own tables; runs before our migrations. */
export async function migrateAuthTables(config: AppConfig, database: Database): Promise<void> {
  const auth = createAuth(config, database);
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
}
