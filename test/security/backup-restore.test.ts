import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db';
import { freshDatabaseUrl, type TestDialect, testDialects } from '../support/databases';
import { type DbSnapshot, snapshot, snapshotDiff } from '../support/db-snapshot';

/**
 * Backup and restore round trip through the real CLI (`handoff backup` / `handoff restore`): a
 * seeded database is backed up while it is open, restored into a fresh database, and every table
 * has the same row count and the same hash of all its rows.
 */

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, '../../bin/handoff.mjs');
const SECRET = 'backup-test-secret-backup-test-secret';

async function cli(databaseUrl: string, ...args: string[]) {
  return run(process.execPath, [CLI, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: SECRET, LOG_LEVEL: 'silent' },
    timeout: 120_000,
  });
}

async function digest(url: string): Promise<DbSnapshot> {
  const database = openDatabase(url);
  try {
    return await snapshot(database.db, { includeVolatile: true });
  } finally {
    await database.close();
  }
}

const hasPgTools = () => {
  const path = (process.env.PATH ?? '').split(':');
  return ['pg_dump', 'pg_restore'].every((bin) => path.some((dir) => existsSync(join(dir, bin))));
};

describe.each(testDialects())('backup and restore on %s', (dialect: TestDialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-backup-'));
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function freshUrl(name: string): Promise<string> {
    if (dialect === 'sqlite') return join(dir, `${name}.db`);
    const { url, drop } = await freshDatabaseUrl('postgres');
    drops.push(drop);
    return url;
  }

  it.skipIf(dialect === 'postgres' && !hasPgTools() && process.env.CI !== 'true')(
    'R30 the CLI backs up a live seeded database and restores it identically, audit trail included',
    async () => {
      const source = await freshUrl('source');
      await cli(source, 'seed-demo');

      // Keep the source open with an app on it while the backup runs (an online backup).
      const config = loadConfig({ DATABASE_URL: source, AUTH_SECRET: SECRET, LOG_LEVEL: 'silent' });
      const live = openDatabase(source);
      const { app } = await buildApp(config, live, { logger: false });
      await app.ready();
      const before = await snapshot(live.db, { includeVolatile: true });
      const file = join(dir, dialect === 'sqlite' ? 'handoff-backup.db' : 'handoff-backup.dump');
      const backup = await cli(source, 'backup', file);
      expect(backup.stdout).toContain('Backup written to');
      expect(existsSync(file)).toBe(true);
      await app.close();
      await live.close();

      const target = await freshUrl('restored');
      const restore = await cli(target, 'restore', file);
      expect(restore.stdout).toContain('Restored');

      const after = await digest(target);
      const tables = Object.keys(before);
      expect(tables).toEqual(expect.arrayContaining(['audit_log', 'clients', 'user', 'session']));
      expect(before.audit_log.rows).toBeGreaterThan(0);
      expect(snapshotDiff(before, after)).toEqual([]);
      expect(after).toEqual(before);
      const rows = Object.values(after).reduce((sum, t) => sum + t.rows, 0);
      console.log(
        `[security] backup/restore on ${dialect}: ${tables.length} tables, ${rows} rows, identical counts and hashes`,
      );

      // The restored database is a working Handoff: schema up to date, people can sign in.
      expect((await cli(target, 'migrate')).stdout).toContain('up to date');
      const restoredDb = openDatabase(target);
      const restored = await buildApp(
        loadConfig({ DATABASE_URL: target, AUTH_SECRET: SECRET, LOG_LEVEL: 'silent' }),
        restoredDb,
        { logger: false },
      );
      await restored.app.ready();
      const signIn = await restored.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: 'http://localhost:3000' },
        payload: { email: 'admin@demo.handoff.test', password: 'handoff-demo' },
      });
      expect(signIn.statusCode).toBe(200);
      await restored.app.close();
      await restoredDb.close();
      // The append-only audit trail is still append-only after a restore.
      const check = openDatabase(target);
      await expect(check.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      await check.close();
    },
    180_000,
  );

  it('refuses a restore from a file that does not exist', async () => {
    const target = await freshUrl('nothing');
    await expect(cli(target, 'restore', join(dir, 'missing.dump'))).rejects.toMatchObject({
      code: 2,
    });
  });
});
