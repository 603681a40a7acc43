import type { z } from 'zod';
import {
  CapacityUnitSchema,
  ContractorStatusSchema,
  EMPTY_SCORECARD,
  PortfolioLinksSchema,
} from '../../../contracts/contractors';
import { type CsvImportResult, type CsvRowErrors, CurrencySchema } from '../../../contracts/rates';
import { EmailSchema, PersonNameSchema, TimeZoneSchema } from '../../../contracts/workspace';
import { vettingMove } from '../../../domain/vetting';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { staleVersion } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import { type CsvRecord, listDeliverableTypes, parseCsv, refuseRows, toCsv } from '../rates';
import { asStatus } from './present';
import { type ContractorRow, listAllContractors } from './queries';

/** CSV export and import of contractors (R6), matched by e-mail: all rows valid or none written. */

const COLUMNS = [
  'name',
  'email',
  'status',
  'time_zone',
  'country',
  'skills',
  'weekly_capacity',
  'capacity_unit',
  'included_revision_rounds',
  'payment_terms',
  'currency',
  'portfolio_links',
  'notes',
] as const;
const REQUIRED = ['name', 'email'] as const;
const list = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

export async function exportContractorsCsv(db: Executor, scope: { workspaceId: string }) {
  const types = await listDeliverableTypes(db, { ...scope, includeArchived: true });
  const names = new Map(types.map((t) => [t.id, t.name]));
  const rows = await listAllContractors(db, scope);
  return toCsv(
    COLUMNS,
    rows.map((r) => [
      r.name,
      r.email,
      r.status,
      r.time_zone,
      r.country,
      (JSON.parse(r.skills_json) as string[]).map((id) => names.get(id) ?? id).join('; '),
      r.weekly_capacity,
      r.capacity_unit,
      r.included_revision_rounds,
      r.payment_terms,
      r.currency,
      (JSON.parse(r.portfolio_links_json) as string[]).join('; '),
      r.notes,
    ]),
  );
}

type Columns = Record<string, string | number>;

/** Reads one field with a zod schema, collecting its message under the column name. */
function field<T>(
  errors: Record<string, string>,
  column: string,
  schema: z.ZodType<T>,
  v: unknown,
) {
  const r = schema.safeParse(v);
  if (r.success) return r.data;
  errors[column] = r.error.issues[0]?.message ?? 'Invalid value';
  return undefined;
}

function intCell(errors: Record<string, string>, column: string, v: string, max: number) {
  if (!/^\d+$/.test(v) || Number(v) > max) {
    errors[column] = `A whole number from 0 to ${max}`;
    return undefined;
  }
  return Number(v);
}

function maxLength(errors: Record<string, string>, column: string, v: string, max: number) {
  if (v.length <= max) return v;
  errors[column] = `At most ${max.toLocaleString('en-US')} characters`;
  return undefined;
}

/** Validates one row into the columns it sets (empty cells leave a contractor's value alone). */
function readRow(cells: Record<string, string>, skillIds: Map<string, string>) {
  const errors: Record<string, string> = {};
  const set: Columns = {};
  const put = (col: string, value: string | number | undefined) => {
    if (value !== undefined) set[col] = value;
  };
  put('name', field(errors, 'name', PersonNameSchema, cells.name));
  const email = field(errors, 'email', EmailSchema, cells.email);
  put('email', email);
  const c = (k: string) => cells[k] ?? '';
  if (c('status')) put('status', field(errors, 'status', ContractorStatusSchema, c('status')));
  if (c('time_zone')) put('time_zone', field(errors, 'time_zone', TimeZoneSchema, c('time_zone')));
  if (c('country')) put('country', maxLength(errors, 'country', c('country'), 80));
  if (c('skills')) {
    const ids = list(c('skills')).map((s) => skillIds.get(s.toLowerCase()) ?? skillIds.get(s));
    if (ids.some((id) => id === undefined)) errors.skills = 'Unknown deliverable type in skills';
    else set.skills_json = JSON.stringify([...new Set(ids)]);
  }
  if (c('weekly_capacity'))
    put('weekly_capacity', intCell(errors, 'weekly_capacity', c('weekly_capacity'), 1000));
  if (c('capacity_unit'))
    put('capacity_unit', field(errors, 'capacity_unit', CapacityUnitSchema, c('capacity_unit')));
  if (c('included_revision_rounds'))
    put(
      'included_revision_rounds',
      intCell(errors, 'included_revision_rounds', c('included_revision_rounds'), 10),
    );
  if (c('payment_terms'))
    put('payment_terms', maxLength(errors, 'payment_terms', c('payment_terms'), 120));
  if (c('currency')) put('currency', field(errors, 'currency', CurrencySchema, c('currency')));
  if (c('portfolio_links')) {
    const links = field(
      errors,
      'portfolio_links',
      PortfolioLinksSchema,
      list(c('portfolio_links')),
    );
    if (links) set.portfolio_links_json = JSON.stringify(links);
  }
  if (c('notes')) put('notes', maxLength(errors, 'notes', c('notes'), 10_000));
  return { errors, set, email };
}

interface Plan {
  line: number;
  existing: ContractorRow | undefined;
  set: Columns;
  summary: string;
  action: 'create' | 'update' | 'unchanged';
}

async function planImport(db: Executor, workspaceId: string, tz: string, records: CsvRecord[]) {
  const types = await listDeliverableTypes(db, { workspaceId });
  const skillIds = new Map<string, string>();
  for (const t of types) {
    skillIds.set(t.name.toLowerCase(), t.id);
    skillIds.set(t.id, t.id);
  }
  const existing = new Map(
    (await listAllContractors(db, { workspaceId })).map((r) => [r.email, r]),
  );
  const seen = new Map<string, number>();
  const plans: Plan[] = [];
  const invalid: CsvRowErrors[] = [];
  for (const { line, cells } of records) {
    const { errors, set, email } = readRow(cells, skillIds);
    const current = email ? existing.get(email) : undefined;
    if (email && seen.has(email)) errors.email = `Same e-mail as line ${seen.get(email)}`;
    if (email) seen.set(email, line);
    if (current && set.status && set.status !== current.status) {
      const verdict = vettingMove(asStatus(current.status), asStatus(String(set.status)));
      if (!verdict.ok) errors.status = verdict.message;
    }
    if (Object.keys(errors).length > 0) {
      invalid.push({ line, errors });
      continue;
    }
    if (!current && !set.time_zone) set.time_zone = tz;
    const changed = current
      ? Object.keys(set).filter((k) => String(current[k as keyof ContractorRow]) !== String(set[k]))
      : Object.keys(set);
    const action = !current ? 'create' : changed.length > 0 ? 'update' : 'unchanged';
    const what = action === 'update' ? ` (${changed.join(', ')})` : '';
    plans.push({ line, existing: current, set, action, summary: `${set.name} <${email}>${what}` });
  }
  return { plans, invalid };
}

export async function importContractorsCsv(
  db: Executor,
  actor: Actor,
  input: { csv: string; dryRun: boolean },
): Promise<CsvImportResult> {
  const records = parseCsv(input.csv, REQUIRED);
  return db.transaction().execute(async (tx) => {
    const ws = await tx
      .selectFrom('workspaces')
      .select(['time_zone', 'currency'])
      .where('id', '=', actor.workspaceId)
      .executeTakeFirstOrThrow();
    const { plans, invalid } = await planImport(tx, actor.workspaceId, ws.time_zone, records);
    if (invalid.length > 0) refuseRows(invalid);
    if (!input.dryRun) await writePlans(tx, actor, plans, ws.currency);
    const count = (a: Plan['action']) => plans.filter((p) => p.action === a).length;
    return {
      dryRun: input.dryRun,
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      rows: plans.map((p) => ({ line: p.line, action: p.action, summary: p.summary })),
    };
  });
}

async function writePlans(tx: Executor, actor: Actor, plans: Plan[], currency: string) {
  const now = nowIso();
  for (const p of plans) {
    if (p.action === 'create') {
      const row = {
        id: newId(),
        workspace_id: actor.workspaceId,
        user_id: null,
        name: String(p.set.name),
        email: String(p.set.email),
        time_zone: String(p.set.time_zone),
        country: '',
        skills_json: '[]',
        weekly_capacity: 0,
        capacity_unit: 'hours',
        portfolio_links_json: '[]',
        included_revision_rounds: 1,
        payment_terms: 'Net 15',
        currency,
        status: 'applied',
        scorecard_json: JSON.stringify(EMPTY_SCORECARD),
        trial_outcome: '',
        notes: '',
        ...p.set,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await tx.insertInto('contractors').values(row).execute();
      await recordAudit(tx, actor, {
        entityType: 'contractor',
        entityId: row.id,
        action: 'imported',
        after: p.set,
      });
    } else if (p.action === 'update' && p.existing) {
      const before = p.existing;
      const updated = await tx
        .updateTable('contractors')
        .set({ ...p.set, version: before.version + 1, updated_at: now })
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', before.id)
        .where('version', '=', before.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw staleVersion(before.name, before.version);
      await recordAudit(tx, actor, {
        entityType: 'contractor',
        entityId: before.id,
        action: 'import_updated',
        before: Object.fromEntries(
          Object.keys(p.set).map((k) => [k, before[k as keyof ContractorRow]]),
        ),
        after: p.set,
      });
    }
  }
}
