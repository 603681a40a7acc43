import { Kysely, type Migration, type MigrationProvider, Migrator, type Transaction } from 'kysely';
import { type DialectName, type OpenedDialect, openDialect } from './dialect';
import { migrations } from './migrations';
import type { DB } from './schema';

export type { DB } from './schema';
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  opened: OpenedDialect;
  close(): Promise<void>;
}

/** Opens SQLite (a file path) or PostgreSQL (a postgres:// URL). */
export function openDatabase(url: string): Database {
  const opened = openDialect(url);
  const db = new Kysely<DB>({
    dialect: opened.dialect,
    log: process.env.HANDOFF_QUERY_LOG
      ? (e) => {
          if (e.queryDurationMillis >= Number(process.env.HANDOFF_QUERY_LOG))
            console.log(
              `[query ${e.queryDurationMillis.toFixed(2)} ms] ${e.query.sql.slice(0, 300)}`,
            );
        }
      : undefined,
  });
  return {
    db,
    dialect: opened.name,
    opened,
    close: async () => {
      await db.destroy();
    },
  };
}

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Runs our own migrations (better-auth's tables are created first, by `migrateAll`). */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
