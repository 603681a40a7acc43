import type { Kysely } from 'kysely';

// Frozen history: this file never changes once released. It imports nothing from the app.
// Budgets (R27), time logs (R28), contractor invoices with their lines, per-contractor number
// counters and the billed-items guard that makes double billing impossible (R29).

const workspaceFk = (c: any) => c.notNull().references('workspaces.id').onDelete('cascade');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('budgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('planned_minor', 'integer', (c) => c.notNull())
    .addColumn('emergency_max_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('budgets_client_month', ['client_id', 'month'])
    .execute();
  await db.schema
    .createIndex('budgets_month')
    .on('budgets')
    .columns(['workspace_id', 'month'])
    .execute();

  await db.schema
    .createTable('time_logs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('task_item_id', 'text', (c) =>
      c.notNull().references('task_items.id').onDelete('cascade'),
    )
    .addColumn('subtask_id', 'text', (c) => c.references('subtasks.id').onDelete('set null'))
    .addColumn('contractor_id', 'text', (c) => c.notNull().references('contractors.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('time_logs_task')
    .on('time_logs')
    .columns(['task_id', 'date'])
    .execute();
  // The weekly view: one contractor's (or everyone's) logs by date.
  await db.schema
    .createIndex('time_logs_week')
    .on('time_logs')
    .columns(['workspace_id', 'date', 'contractor_id'])
    .execute();

  await db.schema
    .createTable('invoice_counters')
    .addColumn('contractor_id', 'text', (c) =>
      c.primaryKey().references('contractors.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('contractor_id', 'text', (c) => c.notNull().references('contractors.id'))
    .addColumn('number', 'integer')
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reject_reason', 'text')
    .addColumn('subtotal_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('payment_reference', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // NULL numbers (drafts never submitted) never collide, on both databases.
    .addUniqueConstraint('invoices_contractor_number', ['contractor_id', 'number'])
    .execute();
  await db.schema
    .createIndex('invoices_list')
    .on('invoices')
    .columns(['workspace_id', 'status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('invoices_contractor')
    .on('invoices')
    .columns(['workspace_id', 'contractor_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('invoice_id', 'text', (c) =>
      c.notNull().references('invoices.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision', (c) => c.notNull())
    .addColumn('unit_amount_minor', 'integer', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .addColumn('task_id', 'text', (c) => c.references('tasks.id').onDelete('set null'))
    .addColumn('reason', 'text')
    .addColumn('added_by', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('invoice_lines_invoice')
    .on('invoice_lines')
    .columns(['invoice_id', 'sort'])
    .execute();
  await db.schema.createIndex('invoice_lines_task').on('invoice_lines').column('task_id').execute();

  await db.schema
    .createTable('billed_items')
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('invoice_id', 'text', (c) =>
      c.notNull().references('invoices.id').onDelete('cascade'),
    )
    .addColumn('line_id', 'text', (c) =>
      c.notNull().references('invoice_lines.id').onDelete('cascade'),
    )
    // The R29 guard: one piece of work, one non-rejected invoice, enforced by the database.
    .addPrimaryKeyConstraint('billed_items_pk', ['source_type', 'source_id'])
    .execute();
  await db.schema
    .createIndex('billed_items_invoice')
    .on('billed_items')
    .column('invoice_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'billed_items',
    'invoice_lines',
    'invoices',
    'invoice_counters',
    'time_logs',
    'budgets',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
