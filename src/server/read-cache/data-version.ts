import { CompiledQuery } from 'kysely';
import type { Database } from '../db';

/**
 * A value that changes whenever the database's data may have changed, read in one cheap query.
 * Equal values mean no write committed in between, from any process — the one fact the read cache
 * needs, so it never has to know which write touches which answer.
 *
 * SQLite: `total_changes()` counts every row this connection inserted, updated or deleted (the
 * app has one connection; a rolled-back change still counts, which only costs a miss) and
 * `data_version` changes when another connection commits (the CLI, a restore).
 *
 * PostgreSQL: the current snapshot (`xmin:xmax:in-progress`) moves when a transaction that writes
 * starts or commits anywhere in the cluster, so a write from another process is seen at once; a
 * read-only transaction gets no transaction id and leaves it alone.
 */
export function dataVersionSql(dialect: Database['dialect']): string {
  return dialect === 'sqlite'
    ? "(select total_changes() || ':' || data_version from pragma_data_version())"
    : 'pg_current_snapshot()::text';
}

/** The version in a statement of its own (the guard reads it along with the session instead). */
export function createDataVersionProbe(database: Database): () => Promise<string> {
  const query = CompiledQuery.raw(`select ${dataVersionSql(database.dialect)} as v`);
  return async () => {
    const { rows } = await database.db.executeQuery<{ v: string }>(query);
    return String(rows[0]?.v);
  };
}
