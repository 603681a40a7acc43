import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely prepares every SQLite query afresh; the app sends the same few hundred SQL texts over
 * and over, so their prepared statements are kept (least recently used out first). Reusing a
 * better-sqlite3 statement is safe here: Kysely runs one query at a time on the one connection,
 * and SQLite re-prepares a statement by itself after a schema change. Measured in BENCHMARKS.md.
 */
export function withStatementCache(
  db: Database.Database,
  options: { max?: number } = {},
): SqliteDatabase {
  const max = options.max ?? 500;
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare: (sql) => {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = db.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
