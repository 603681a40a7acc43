import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  DATABASE_URL: z.string().default('./data/handoff.db'),
  PUBLIC_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Handoff <handoff@localhost>'),
  SLACK_WEBHOOK_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  REDIS_URL: z
    .union([z.literal(''), z.string().regex(/^rediss?:\/\//, 'A redis:// or rediss:// URL')])
    .optional(),
  INSTANCE_ID: z
    .union([z.literal(''), z.string().regex(/^[\w.-]{1,64}$/, 'Letters, digits, . - _ (≤ 64)')])
    .optional(),
  JOBS_TICK_INTERVAL_MS: z.coerce.number().int().min(250).max(60_000).optional(),
  READ_CACHE: z.enum(['on', 'off']).default('on'),
});

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  publicUrl: string;
  authSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  slackWebhookUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  signInRateLimit: number;
  seedDemo: boolean;
  trustProxy: boolean;
  /** Shared store for per-route rate limits when several processes serve the app. */
  redisUrl: string | undefined;
  /** Names this process in the `x-handoff-instance` response header (scale-out diagnostics). */
  instanceId: string | undefined;
  /** Extra scheduler ticks on a shared fast clock (the scale test's exactly-once proof). */
  jobsTickIntervalMs: number | undefined;
  /** True for the embedded SQLite database, false for PostgreSQL. */
  isSqlite: boolean;
  /** Keep answers of the board, lists, task pages and reports until the data changes. */
  readCache: boolean;
}

export function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

/** Parses the environment once; invalid settings stop the process with the field that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isSqlite = !isPostgresUrl(e.DATABASE_URL);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    authSecret: e.AUTH_SECRET ?? localSecret(isSqlite ? e.DATABASE_URL : './data/handoff.db'),
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    slackWebhookUrl: e.SLACK_WEBHOOK_URL,
    logLevel: e.LOG_LEVEL,
    signInRateLimit: e.SIGN_IN_RATE_LIMIT,
    seedDemo: e.SEED_DEMO === 'auto',
    trustProxy: e.TRUST_PROXY === 'true',
    redisUrl: e.REDIS_URL || undefined,
    instanceId: e.INSTANCE_ID || undefined,
    jobsTickIntervalMs: e.JOBS_TICK_INTERVAL_MS,
    isSqlite,
    readCache: e.READ_CACHE === 'on',
  };
}

/**
 * Without AUTH_SECRET a single-machine install still needs a stable secret across restarts,
 * so one is generated next to the database file on first start.
 */
function localSecret(dbPath: string): string {
  if (dbPath === ':memory:') return randomBytes(32).toString('hex');
  const file = resolve(dirname(dbPath), '.auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
