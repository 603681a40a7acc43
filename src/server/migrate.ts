import { migrateAuthTables } from './auth/better-auth';
import type { AppConfig } from './config';
import { type Database, migrateToLatest } from './db';

/** better-auth's tables first (ours reference its user table), then ours. Safe to run twice. */
export async function migrateAll(config: AppConfig, database: Database): Promise<string[]> {
  await migrateAuthTables(config, database);
  return migrateToLatest(database.db);
}
