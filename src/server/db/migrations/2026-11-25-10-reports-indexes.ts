import type { Kysely } from 'kysely';

// Frozen history: this file never changes once released. It imports nothing from the app.
// R32 reports read a workspace's rows of a date range, grouped; these lead with workspace_id
// and the range column so a report touches only the range's rows.

const INDEXES: [name: string, table: string, columns: string[]][] = [
  // Process health: requests submitted in the range (lead time, time to assignment).
  ['reports_requests_submitted', 'requests', ['workspace_id', 'submitted_at']],
  // Process health: revision requests (notice, feedback with the why) made in the range.
  ['reports_revision_requests_created', 'revision_requests', ['workspace_id', 'created_at']],
  // Scorecards: escalations opened and recognition given in the range.
  ['reports_escalations_opened', 'escalations', ['workspace_id', 'opened_at']],
  ['reports_recognitions_created', 'recognitions', ['workspace_id', 'created_at']],
  // Scorecards: the QA reviews of a workspace grouped by task (QA first pass).
  ['reports_reviews_kind_task', 'reviews', ['workspace_id', 'kind', 'task_id']],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
