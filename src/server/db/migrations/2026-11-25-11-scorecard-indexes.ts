import type { Kysely } from 'kysely';

// Frozen history: this file never changes once released. It imports nothing from the app.
// R32 scorecards read a year of subtasks and task items per report; these indexes hold every
// column those statements read, so a report walks index entries and never the table rows.

const INDEXES: [name: string, table: string, columns: string[]][] = [
  // Item counts per type, accepted amounts, and "has an item of this type" probes per task.
  [
    'task_items_scorecards',
    'task_items',
    ['task_id', 'deliverable_type_id', 'currency', 'amount_minor', 'quantity'],
  ],
  // Contractor subtasks due in the range with their completion, kind and task.
  [
    'subtasks_scorecards',
    'subtasks',
    ['workspace_id', 'due_date', 'assignee_role', 'completed_at', 'kind', 'task_id'],
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
