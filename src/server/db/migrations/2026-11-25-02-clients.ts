import type { Kysely } from 'kysely';

// Frozen history: this file never changes once released. It imports nothing from the app.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('strategist_user_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('company_category', 'text', (c) => c.notNull())
    .addColumn('department_tier', 'integer', (c) => c.notNull())
    .addColumn('typical_revision_rounds', 'integer', (c) => c.notNull())
    .addColumn('collateral_ready', 'integer', (c) => c.notNull())
    .addColumn('fit_status', 'text', (c) => c.notNull())
    .addColumn('contacts_json', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fit_override_reason', 'text')
    .addColumn('fit_override_by', 'text')
    .addColumn('fit_override_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('clients_workspace_name', ['workspace_id', 'name_key'])
    .addUniqueConstraint('clients_workspace_id', ['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('clients_workspace_list')
    .on('clients')
    .columns(['workspace_id', 'archived', 'name_key', 'id'])
    .execute();
  await db.schema
    .createIndex('clients_strategist')
    .on('clients')
    .columns(['workspace_id', 'strategist_user_id'])
    .execute();

  await db.schema
    .createTable('client_categories')
    .addColumn('workspace_id', 'text', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('client_categories_pk', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('one_sheeters')
    .addColumn('client_id', 'text', (c) =>
      c.primaryKey().references('clients.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('one_sheeter_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('one_sheeter_versions_client_version', ['client_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['one_sheeter_versions', 'one_sheeters', 'client_categories', 'clients']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
