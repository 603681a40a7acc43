import type { ImportReport } from '../../../contracts/clients';
import { recordAudit } from '../../audit';
import type { Executor } from '../../db';
import { AppError } from '../../errors';
import { ensureCategories } from './categories';
import {
  type CheckedRow,
  checkImportRows,
  clientsToCsv,
  type ParsedCsv,
  parseClientCsv,
} from './csv';
import { tierOf } from './present';
import * as q from './queries';
import {
  applyClientChanges,
  type ClientActor,
  type ClientChanges,
  insertClient,
  nameKeyOf,
} from './service';

const EXPORT_LIMIT = 20_000;

export async function exportClientsCsv(db: Executor, actor: ClientActor): Promise<string> {
  const rows = await q.listClientsForExport(db, actor, EXPORT_LIMIT);
  return clientsToCsv(
    rows.map((r) => ({
      name: r.name,
      category: r.company_category,
      tier: r.department_tier,
      typicalRevisionRounds: r.typical_revision_rounds,
      collateralReady: r.collateral_ready === 1,
      strategistEmail: r.strategist_email,
      notes: r.notes,
      archived: r.archived === 1,
    })),
  );
}

function parseOrRefuse(csv: string): ParsedCsv {
  try {
    return parseClientCsv(csv);
  } catch (err) {
    const message = err instanceof Error ? err.message : 'The CSV could not be read';
    throw new AppError('VALIDATION', message, { fields: { 'body.csv': message } });
  }
}

/**
 * CSV import: every row is checked first; if any row is wrong nothing is written (422 with the
 * row errors), otherwise all rows are written in one transaction, each with its audit entry.
 * Existing names (any case) are updated, new names created. `dryRun` only reports.
 */
export async function importClients(
  db: Executor,
  actor: ClientActor,
  input: { csv: string; dryRun: boolean },
): Promise<ImportReport> {
  const parsed = parseOrRefuse(input.csv);
  return db.transaction().execute(async (tx) => {
    const categories = await ensureCategories(tx, actor);
    const emails = new Set<string>();
    const keys = new Set<string>();
    for (const r of parsed.records) {
      const email = r.cells.strategist_email?.trim().toLowerCase();
      if (email) emails.add(email);
      if (r.cells.name?.trim()) keys.add(nameKeyOf(r.cells.name));
    }
    const strategists = await q.findStrategistMembers(tx, { ...actor, emails: [...emails] });
    const existing = await q.findClientsByNameKeys(tx, actor, [...keys]);
    const checked = checkImportRows(parsed, {
      categories: categories.map((c) => c.name),
      strategists: new Map(strategists.map((s) => [s.email.toLowerCase(), s.id])),
      existingNames: new Set(existing.map((c) => c.name_key)),
    });
    const rows = checked.map(({ strategistUserId: _s, ...row }) => row);
    const valid = rows.filter((r) => r.ok).length;
    const invalid = rows.length - valid;
    const report = {
      rows,
      valid,
      invalid,
      created: rows.filter((r) => r.ok && r.action === 'create').length,
      updated: rows.filter((r) => r.ok && r.action === 'update').length,
      unchanged: 0,
      written: false,
    };
    if (input.dryRun) return report;
    if (invalid > 0) {
      throw new AppError(
        'RULE_VIOLATION',
        `${invalid} of ${rows.length} rows have errors: nothing was imported. Fix them and try again.`,
        { details: { rows, valid, invalid } },
      );
    }
    const idsByKey = new Map(existing.map((c) => [c.name_key, c.id]));
    let updated = 0;
    for (const row of checked) {
      if (row.action === 'create') await createFromRow(tx, actor, row);
      else if (await updateFromRow(tx, actor, row, idsByKey)) updated++;
    }
    return { ...report, updated, unchanged: report.updated - updated, written: true };
  });
}

async function createFromRow(tx: Executor, actor: ClientActor, row: CheckedRow) {
  const d = row.data!;
  const values = {
    name: d.name,
    companyCategory: d.companyCategory!,
    departmentTier: d.departmentTier!,
    typicalRevisionRounds: d.typicalRevisionRounds ?? 1,
    collateralReady: d.collateralReady ?? true,
    strategistUserId: row.strategistUserId ?? null,
    notes: d.notes ?? '',
    archived: d.archived ?? false,
  };
  const id = await insertClient(tx, actor, values);
  await recordAudit(tx, actor, {
    entityType: 'client',
    entityId: id,
    action: 'created',
    after: { ...values, source: 'csv_import' },
  });
}

/** Applies only the cells that differ; returns whether anything changed. */
async function updateFromRow(
  tx: Executor,
  actor: ClientActor,
  row: CheckedRow,
  idsByKey: Map<string, string>,
): Promise<boolean> {
  const d = row.data!;
  const clientId = idsByKey.get(nameKeyOf(d.name));
  const current = clientId
    ? await q.findClient(tx, { workspaceId: actor.workspaceId, clientId })
    : undefined;
  if (!current) return false;
  const changes: ClientChanges = {};
  if (d.name !== current.name) changes.name = d.name;
  if (d.companyCategory !== undefined && d.companyCategory !== current.company_category) {
    changes.companyCategory = d.companyCategory;
  }
  if (d.departmentTier !== undefined && d.departmentTier !== tierOf(current.department_tier)) {
    changes.departmentTier = d.departmentTier;
  }
  const rounds = d.typicalRevisionRounds;
  if (rounds !== undefined && rounds !== current.typical_revision_rounds) {
    changes.typicalRevisionRounds = rounds;
  }
  if (d.collateralReady !== undefined && d.collateralReady !== (current.collateral_ready === 1)) {
    changes.collateralReady = d.collateralReady;
  }
  if (row.strategistUserId !== undefined && row.strategistUserId !== current.strategist_user_id) {
    changes.strategistUserId = row.strategistUserId;
  }
  if (d.notes !== undefined && d.notes !== current.notes) changes.notes = d.notes;
  if (d.archived !== undefined && d.archived !== (current.archived === 1)) {
    changes.archived = d.archived;
  }
  if (Object.keys(changes).length === 0) return false;
  await applyClientChanges(tx, actor, current, changes, 'csv_import');
  return true;
}
