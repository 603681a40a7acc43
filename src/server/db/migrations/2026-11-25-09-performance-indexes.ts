import type { Kysely } from 'kysely';

// Frozen history: this file never changes once released. It imports nothing from the app.
// Indexes found by the benchmark on a large agency (bench/, BENCHMARKS.md). Every read filters by
// workspace_id first, so an index must lead with it AND the selective column, or the planner
// (SQLite without statistics especially) walks the whole workspace through a wider index.

export async function up(db: Kysely<any>): Promise<void> {
  // Subtasks of given tasks (task page, lists): `workspace_id = ? AND task_id IN (…)` otherwise
  // walked every subtask of the workspace through subtasks_due (workspace_id, due_date).
  await db.schema
    .createIndex('subtasks_workspace_task')
    .on('subtasks')
    .columns(['workspace_id', 'task_id', 'sort'])
    .execute();
  // The board's next open subtask of each task: only the open ones of a task, in due order,
  // instead of reading all six and dropping the done ones.
  await db.schema
    .createIndex('subtasks_task_open')
    .on('subtasks')
    .columns(['task_id', 'status', 'due_date', 'sort'])
    .execute();
  // Open work by due date ("my work", overdue, calendar of open items): only the open ones,
  // already in due order, instead of five years of done subtasks first.
  await db.schema
    .createIndex('subtasks_open_due')
    .on('subtasks')
    .columns(['workspace_id', 'status', 'due_date', 'sort'])
    .execute();
  // A strategist's (or QA person's) own open subtasks in due order, for "my work".
  await db.schema
    .createIndex('subtasks_assignee_open')
    .on('subtasks')
    .columns(['workspace_id', 'assignee_user_id', 'status', 'due_date', 'sort'])
    .execute();
  // Task lists filtered by status (coordinator filters, QA and strategist queues), keyset by
  // (due_date, id): without it the list scanned every closed task of past years in due order.
  await db.schema
    .createIndex('tasks_status_due')
    .on('tasks')
    .columns(['workspace_id', 'status', 'due_date', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'tasks_status_due',
    'subtasks_assignee_open',
    'subtasks_open_due',
    'subtasks_task_open',
    'subtasks_workspace_task',
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
