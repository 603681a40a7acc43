import type { Kysely } from 'kysely';

// Frozen history: this file never changes once released. It imports nothing from the app.
// Requests (R10–R12), parent tasks with priced items and planned subtasks (R13–R17) and the
// parent task's comments. Runs after the clients and contractors migrations it references.

const workspaceFk = (c: any) => c.notNull().references('workspaces.id').onDelete('cascade');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('collateral_ready', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('preferred_contractor_id', 'text', (c) =>
      c.references('contractors.id').onDelete('set null'),
    )
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lead_days', 'integer', (c) => c.notNull())
    .addColumn('lead_status', 'text', (c) => c.notNull())
    .addColumn('lead_message', 'text', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('override_by', 'text')
    .addColumn('override_at', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text')
    .addColumn('task_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // NULL keys never collide, on both databases: only keyed submits are deduplicated.
    .addUniqueConstraint('requests_idempotency', [
      'workspace_id',
      'submitted_by',
      'idempotency_key',
    ])
    .execute();
  // The triage queue: submitted requests by due date, then submission time.
  await db.schema
    .createIndex('requests_triage')
    .on('requests')
    .columns(['workspace_id', 'status', 'due_date', 'submitted_at', 'id'])
    .execute();
  await db.schema
    .createIndex('requests_client')
    .on('requests')
    .columns(['workspace_id', 'client_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('request_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('request_id', 'text', (c) =>
      c.notNull().references('requests.id').onDelete('cascade'),
    )
    .addColumn('deliverable_type_id', 'text', (c) => c.notNull().references('deliverable_types.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('request_items_request')
    .on('request_items')
    .column('request_id')
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('contractor_id', 'text', (c) => c.notNull().references('contractors.id'))
    .addColumn('strategist_user_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('brief_acknowledged_at', 'text')
    .addColumn('brief_version', 'integer')
    .addColumn('included_rounds', 'integer', (c) => c.notNull())
    .addColumn('rounds_used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('qa_fail_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('committed_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('tasks_request', ['request_id'])
    .execute();
  // The board filters by month and status; a contractor's board by his own id.
  await db.schema
    .createIndex('tasks_board')
    .on('tasks')
    .columns(['workspace_id', 'month', 'status'])
    .execute();
  await db.schema
    .createIndex('tasks_contractor')
    .on('tasks')
    .columns(['workspace_id', 'contractor_id', 'status'])
    .execute();
  await db.schema
    .createIndex('tasks_due')
    .on('tasks')
    .columns(['workspace_id', 'due_date', 'id'])
    .execute();

  await db.schema
    .createTable('task_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('deliverable_type_id', 'text', (c) => c.notNull().references('deliverable_types.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_amount_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('rate_source', 'text', (c) => c.notNull())
    .addColumn('rate_effective_from', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_items_task').on('task_items').column('task_id').execute();

  await db.schema
    .createTable('subtasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('assignee_role', 'text', (c) => c.notNull())
    .addColumn('assignee_user_id', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('completed_by', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('subtasks_due')
    .on('subtasks')
    .columns(['workspace_id', 'due_date'])
    .execute();
  await db.schema
    .createIndex('subtasks_task')
    .on('subtasks')
    .columns(['task_id', 'sort'])
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('author_user_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comments_task')
    .on('comments')
    .columns(['task_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['comments', 'subtasks', 'task_items', 'tasks', 'request_items', 'requests']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
