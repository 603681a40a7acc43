import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen history: this file never changes once released. It imports nothing from the app.
// Everything between assigned and client-ready (R18–R23): @mentions, deliverable versions and
// their attachments, revision requests/items/rounds, scrub and QA reviews, the scrub checklist.

const workspaceFk = (c: any) => c.notNull().references('workspaces.id').onDelete('cascade');
const taskFk = (c: any) => c.notNull().references('tasks.id').onDelete('cascade');

export async function up(db: Kysely<any>): Promise<void> {
  // Uploaded files live in the database so backups and several API processes need nothing else.
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';

  await db.schema
    .createTable('comment_mentions')
    .addColumn('comment_id', 'text', (c) =>
      c.notNull().references('comments.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_mentions_pk', ['comment_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('comment_mentions_user')
    .on('comment_mentions')
    .columns(['workspace_id', 'user_id'])
    .execute();
  // The thread pages newest first by (created_at, id).
  await db.schema
    .createIndex('comments_task_keyset')
    .on('comments')
    .columns(['task_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('deliverable_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('task_id', 'text', taskFk)
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('links_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('deliverable_versions_number', ['task_id', 'number'])
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('task_id', 'text', taskFk)
    .addColumn('version_id', 'text', (c) =>
      c.references('deliverable_versions.id').onDelete('cascade'),
    )
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', binary, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_task')
    .on('attachments')
    .columns(['task_id', 'version_id'])
    .execute();

  await db.schema
    .createTable('revision_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('task_id', 'text', taskFk)
    .addColumn('round_id', 'text')
    .addColumn('round_number', 'integer')
    .addColumn('counts', 'integer', (c) => c.notNull())
    .addColumn('strategist_tweak', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('deliverable_version', 'integer')
    .addColumn('affected_due_date', 'text', (c) => c.notNull())
    .addColumn('notice_business_days', 'integer', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('override_by', 'text')
    .addColumn('moved_due_date_to', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('revision_requests_task')
    .on('revision_requests')
    .columns(['task_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('revision_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('request_id', 'text', (c) =>
      c.notNull().references('revision_requests.id').onDelete('cascade'),
    )
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('client_feedback_raw', 'text')
    .addColumn('scrubbed_text', 'text')
    .execute();
  await db.schema
    .createIndex('revision_items_request')
    .on('revision_items')
    .columns(['request_id', 'sort'])
    .execute();

  await db.schema
    .createTable('revision_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('task_id', 'text', taskFk)
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('review_id', 'text')
    .addColumn('needs_approval', 'integer', (c) => c.notNull())
    .addColumn('approval_status', 'text', (c) => c.notNull())
    .addColumn('billable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('revision_rounds_task')
    .on('revision_rounds')
    .columns(['task_id', 'number'])
    .execute();
  // Invoices (R29) and the approval queue look rounds up by status across the workspace.
  await db.schema
    .createIndex('revision_rounds_status')
    .on('revision_rounds')
    .columns(['workspace_id', 'approval_status'])
    .execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('task_id', 'text', taskFk)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('checklist_json', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text')
    .addColumn('note', 'text')
    .addColumn('deliverable_version', 'integer')
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reviews_task')
    .on('reviews')
    .columns(['task_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('review_checklists')
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_checklists_pk', ['workspace_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_task_keyset').ifExists().execute();
  for (const t of [
    'review_checklists',
    'reviews',
    'revision_rounds',
    'revision_items',
    'revision_requests',
    'attachments',
    'deliverable_versions',
    'comment_mentions',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
