import type { Kysely } from 'kysely';

// Frozen history: this file never changes once released. It imports nothing from the app.
// Contractors, the rate card (R7), availability (R8), vetting (R9) and client pairings (R16).
// Runs after 2026-11-25-02-clients, whose `clients` table the pairings reference.

const workspaceFk = (c: any) => c.notNull().references('workspaces.id').onDelete('cascade');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deliverable_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('default_production_days', 'integer', (c) => c.notNull())
    .addColumn('qa_checklist_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_content_calendar', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('deliverable_types_workspace_name', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('contractors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('user_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('skills_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('weekly_capacity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('capacity_unit', 'text', (c) => c.notNull().defaultTo('hours'))
    .addColumn('portfolio_links_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('included_revision_rounds', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('payment_terms', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scorecard_json', 'text', (c) => c.notNull())
    .addColumn('trial_outcome', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('contractors_workspace_user', ['workspace_id', 'user_id'])
    .addUniqueConstraint('contractors_workspace_email', ['workspace_id', 'email'])
    .execute();
  // Keyset pagination of the list sorts by (name, id).
  await db.schema
    .createIndex('contractors_workspace_name')
    .on('contractors')
    .columns(['workspace_id', 'name', 'id'])
    .execute();

  await db.schema
    .createTable('rates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('deliverable_type_id', 'text', (c) =>
      c.notNull().references('deliverable_types.id').onDelete('cascade'),
    )
    .addColumn('contractor_id', 'text', (c) => c.references('contractors.id').onDelete('cascade'))
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rates_lookup')
    .on('rates')
    .columns(['workspace_id', 'deliverable_type_id', 'contractor_id', 'effective_from'])
    .execute();
  await db.schema
    .createIndex('rates_contractor')
    .on('rates')
    .columns(['workspace_id', 'contractor_id'])
    .execute();

  await db.schema
    .createTable('client_contractor_pairings')
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('contractor_id', 'text', (c) =>
      c.notNull().references('contractors.id').onDelete('cascade'),
    )
    .addColumn('first_assigned_at', 'text', (c) => c.notNull())
    .addColumn('brand_training_done_at', 'text')
    .addPrimaryKeyConstraint('client_contractor_pairings_pk', ['client_id', 'contractor_id'])
    .execute();
  await db.schema
    .createIndex('pairings_contractor')
    .on('client_contractor_pairings')
    .columns(['workspace_id', 'contractor_id'])
    .execute();

  await db.schema
    .createTable('unavailability')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('contractor_id', 'text', (c) =>
      c.notNull().references('contractors.id').onDelete('cascade'),
    )
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('unavailability_contractor')
    .on('unavailability')
    .columns(['workspace_id', 'contractor_id', 'start_date'])
    .execute();
  // The team calendar asks "which ranges end on or after the window's start".
  await db.schema
    .createIndex('unavailability_window')
    .on('unavailability')
    .columns(['workspace_id', 'end_date'])
    .execute();

  await db.schema
    .createTable('feed_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('feed_tokens_subject')
    .on('feed_tokens')
    .columns(['workspace_id', 'kind', 'subject_id'])
    .execute();

  await db.schema
    .createTable('contractor_interview_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('contractor_id', 'text', (c) =>
      c.notNull().references('contractors.id').onDelete('cascade'),
    )
    .addColumn('author_user_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interview_notes_contractor')
    .on('contractor_interview_notes')
    .columns(['workspace_id', 'contractor_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('contractor_references')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', workspaceFk)
    .addColumn('contractor_id', 'text', (c) =>
      c.notNull().references('contractors.id').onDelete('cascade'),
    )
    .addColumn('past_client', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('what_they_said', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contacted_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('references_contractor')
    .on('contractor_references')
    .columns(['workspace_id', 'contractor_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'contractor_references',
    'contractor_interview_notes',
    'feed_tokens',
    'unavailability',
    'client_contractor_pairings',
    'rates',
    'contractors',
    'deliverable_types',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
