import type { Kysely } from 'kysely';

// Frozen history: this file never changes once released. It imports nothing from the app.
// R24 escalations (and the workspace's process owner), R25 weekly updates and recognition,
// R26 announcements with per-person read marks.

const workspaceFk = (c: any) => c.notNull().references('workspaces.id').onDelete('cascade');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workspaces').addColumn('process_owner_user_id', 'text').execute();

  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('task_id', 'text', (c) => c.references('tasks.id').onDelete('set null'))
    .addColumn('contractor_id', 'text', (c) => c.references('contractors.id').onDelete('set null'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text', (c) => c.references('user.id'))
    .addColumn('acknowledged_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('user.id'))
    .addColumn('resolved_at', 'text')
    .addColumn('resolution_notes', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('escalations_by_status')
    .on('escalations')
    .columns(['workspace_id', 'status', 'opened_at', 'id'])
    .execute();
  await db.schema
    .createIndex('escalations_by_opener')
    .on('escalations')
    .columns(['workspace_id', 'opened_by', 'opened_at'])
    .execute();
  await db.schema.createIndex('escalations_task').on('escalations').column('task_id').execute();
  await db.schema
    .createIndex('escalations_contractor')
    .on('escalations')
    .column('contractor_id')
    .execute();

  await db.schema
    .createTable('weekly_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('contractor_id', 'text', (c) =>
      c.notNull().references('contractors.id').onDelete('cascade'),
    )
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('blockers', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('availability_changes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('weekly_updates_one_per_week', ['contractor_id', 'week_start'])
    .execute();
  await db.schema
    .createIndex('weekly_updates_by_week')
    .on('weekly_updates')
    .columns(['workspace_id', 'week_start'])
    .execute();

  await db.schema
    .createTable('recognitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('contractor_id', 'text', (c) =>
      c.notNull().references('contractors.id').onDelete('cascade'),
    )
    .addColumn('task_id', 'text', (c) => c.references('tasks.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recognitions_contractor')
    .on('recognitions')
    .columns(['workspace_id', 'contractor_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('announcements_feed')
    .on('announcements')
    .columns(['workspace_id', 'published_at', 'id'])
    .execute();

  await db.schema
    .createTable('announcement_reads')
    .addColumn('announcement_id', 'text', (c) =>
      c.notNull().references('announcements.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('announcement_reads_pk', ['announcement_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('announcement_reads_user')
    .on('announcement_reads')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'announcement_reads',
    'announcements',
    'recognitions',
    'weekly_updates',
    'escalations',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.alterTable('workspaces').dropColumn('process_owner_user_id').execute();
}
