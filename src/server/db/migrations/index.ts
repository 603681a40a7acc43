import type { Migration } from 'kysely';
import * as foundation from './2026-11-25-01-foundation';

/** Every migration in order. Names sort by date; a new one is appended, never inserted. */
export const migrations: Record<string, Migration> = {
  '2026-11-25-01-foundation': foundation,
};
