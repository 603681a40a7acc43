import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type Dialect, type Expression, PostgresDialect, type RawBuilder, sql } from 'kysely';
import pg from 'pg';
import { type GroupCommit, GroupCommitSqliteDialect, NO_GROUP_COMMIT } from './group-commit';
import { withStatementCache } from './statement-cache';
import { FALLBACK_AUTOCHECKPOINT_PAGES, startWalCheckpointer } from './wal-checkpointer';

/**
 * Every difference between SQLite and PostgreSQL lives here and nowhere else. The schema keeps
 * both alike on purpose (text ids, ISO-8601 text timestamps, integer money and flags), so the
 * list stays short.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface OpenedDialect {
  name: DialectName;
  dialect: Dialect;
  /** The driver handle, given to better-auth so it shares the same database. */
  driver: Database.Database | pg.Pool;
  /**
   * SQLite's shared commits (group-commit.ts): nothing is acknowledged before the one it used
   * settles. PostgreSQL commits each transaction itself: nothing is ever pending there.
   */
  groupCommit: GroupCommit;
  close(): Promise<void>;
}

/** `pg` returns BIGINT / COUNT(*) as strings; money and counts here fit in a JS number. */
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openDialect(url: string): OpenedDialect {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle client dropped by the server (restart, admin command) must not crash the process:
    // the pool replaces it on the next query.
    pool.on('error', (err) => {
      process.emitWarning(`PostgreSQL idle client error: ${err.message}`);
    });
    return {
      name: 'postgres',
      dialect: new PostgresDialect({ pool }),
      driver: pool,
      groupCommit: NO_GROUP_COMMIT,
      close: () => pool.end(),
    };
  }
  const file = url.replace(/^file:/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A file database checkpoints on a worker thread (wal-checkpointer.ts); the log is cut back to
  // 64 MB whenever it restarts.
  const checkpointer = file === ':memory:' ? null : startWalCheckpointer(file);
  if (checkpointer) {
    sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    sqlite.pragma('journal_size_limit = 67108864');
  }
  const dialect = new GroupCommitSqliteDialect({ database: withStatementCache(sqlite) }, sqlite, {
    beforeClose: async () => checkpointer?.stop(),
  });
  return {
    name: 'sqlite',
    dialect,
    driver: sqlite,
    groupCommit: dialect.groupCommit,
    close: async () => {
      await dialect.groupCommit.commitNow();
      await checkpointer?.stop();
      sqlite.close();
    },
  };
}

/** Case-insensitive "contains" match: SQLite's LIKE already ignores ASCII case; PostgreSQL needs ILIKE. */
export function containsInsensitive(
  dialect: DialectName,
  column: Expression<string>,
  needle: string,
): RawBuilder<boolean> {
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return dialect === 'postgres'
    ? sql<boolean>`${column} ILIKE ${pattern} ESCAPE '\\'`
    : sql<boolean>`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/** True when an error from either driver is a unique-constraint violation. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** True when an error is a foreign-key violation. */
export function isForeignKeyViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** A lock held until released (or until its connection dies, which frees it too). */
export interface HeldLock {
  release(): Promise<void>;
}

/** True where `tryAdvisoryLock` works (PostgreSQL); SQLite callers use a row lease instead. */
export function supportsAdvisoryLocks(opened: OpenedDialect): boolean {
  return opened.name === 'postgres';
}

/**
 * PostgreSQL: `pg_try_advisory_lock(hashtext(key))` on a dedicated pool connection, held for as
 * long as the caller works. Null when another session holds it. A crashed holder's connection
 * closes and frees the lock, so nothing waits for a dead process.
 */
export async function tryAdvisoryLock(
  opened: OpenedDialect,
  key: string,
): Promise<HeldLock | null> {
  if (opened.name !== 'postgres') throw new Error('Advisory locks need PostgreSQL');
  const client = await (opened.driver as pg.Pool).connect();
  try {
    const res = await client.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS ok',
      [key],
    );
    if (!res.rows[0]?.ok) {
      client.release();
      return null;
    }
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  return {
    release: async () => {
      try {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
        client.release();
      } catch (err) {
        // Destroying the connection frees the lock as well.
        client.release(err as Error);
      }
    },
  };
}
