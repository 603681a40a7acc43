import type { CsvImportResult, CsvRowErrors } from '../../../contracts/rates';
import { isIsoDate } from '../../../domain/calendar';
import { currencyExponent } from '../../../domain/money';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { newId, nowIso } from '../../lib/ids';
import { listAllContractors } from '../contractors';
import { type CsvRecord, parseCsv, refuseRows, toCsv } from './csv-kit';
import * as q from './queries';

/** CSV export and import of the rate card with its history (R7). Import only ever adds rows. */

const COLUMNS = [
  'deliverable_type',
  'contractor_email',
  'contractor_name',
  'amount',
  'currency',
  'effective_from',
  'note',
] as const;
const REQUIRED = ['deliverable_type', 'amount', 'effective_from'] as const;

/** 120000 minor units of USD → "1200.00". */
export function formatAmount(minor: number, currency: string): string {
  const exp = safeExponent(currency);
  return exp === 0 ? String(minor) : (minor / 10 ** exp).toFixed(exp);
}

/** "1,200.50" → 120050 minor units; null unless it is a plain non-negative amount. */
export function parseAmount(text: string, currency: string): number | null {
  const exp = safeExponent(currency);
  const clean = text.replace(/[,\s]/g, '').replace(/^[$€£]/, '');
  const m = /^(\d{1,9})(?:\.(\d+))?$/.exec(clean);
  if (!m) return null;
  const fraction = m[2] ?? '';
  if (fraction.length > exp) return null;
  return Number(m[1]) * 10 ** exp + Number(fraction.padEnd(exp, '0') || '0');
}

function safeExponent(currency: string): number {
  try {
    return currencyExponent(currency);
  } catch {
    return 2;
  }
}

export async function exportRatesCsv(db: Executor, scope: { workspaceId: string }) {
  const types = await q.listDeliverableTypes(db, { ...scope, includeArchived: true });
  const names = new Map(types.map((t) => [t.id, t.name]));
  const rows = await q.listRateRows(db, scope);
  return toCsv(
    COLUMNS,
    rows.map((r) => [
      names.get(r.deliverable_type_id) ?? '',
      r.contractor_email ?? '',
      r.contractor_name ?? '',
      formatAmount(r.amount_minor, r.currency),
      r.currency,
      r.effective_from,
      r.note,
    ]),
  );
}

interface RatePlan {
  line: number;
  deliverable_type_id: string;
  contractor_id: string | null;
  amount_minor: number;
  currency: string;
  effective_from: string;
  note: string;
  summary: string;
  unchanged: boolean;
}

async function planRates(db: Executor, workspaceId: string, records: CsvRecord[]) {
  const types = await q.listDeliverableTypes(db, { workspaceId });
  const typeByName = new Map(types.map((t) => [t.name.toLowerCase(), t]));
  const contractors = await listAllContractors(db, { workspaceId });
  const byEmail = new Map(contractors.map((c) => [c.email.toLowerCase(), c]));
  const existing = await q.listRateRows(db, { workspaceId });
  const key = (t: string, c: string | null, d: string) => `${t}|${c ?? ''}|${d}`;
  const recorded = new Map(
    existing.map((r) => [key(r.deliverable_type_id, r.contractor_id, r.effective_from), r]),
  );
  const fallbackCurrency = await q.workspaceCurrency(db, workspaceId);
  const seen = new Map<string, number>();
  const plans: RatePlan[] = [];
  const invalid: CsvRowErrors[] = [];
  for (const { line, cells } of records) {
    const errors: Record<string, string> = {};
    const type = typeByName.get(cells.deliverable_type.toLowerCase());
    if (!cells.deliverable_type) errors.deliverable_type = 'Required';
    else if (!type)
      errors.deliverable_type = `No deliverable type named "${cells.deliverable_type}"`;
    const email = (cells.contractor_email ?? '').toLowerCase();
    const contractor = email ? byEmail.get(email) : null;
    if (email && !contractor) errors.contractor_email = `No contractor with the e-mail ${email}`;
    const currency = (cells.currency || fallbackCurrency).toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'Three-letter currency code';
    const amount = parseAmount(cells.amount, currency);
    if (amount === null || amount > 100_000_000)
      errors.amount = 'A non-negative amount, e.g. 85 or 85.50';
    if (!isIsoDate(cells.effective_from)) errors.effective_from = 'A real date as YYYY-MM-DD';
    if ((cells.note ?? '').length > 500) errors.note = 'At most 500 characters';
    if (type && !errors.effective_from && !errors.contractor_email) {
      const k = key(type.id, contractor?.id ?? null, cells.effective_from);
      const first = seen.get(k);
      if (first !== undefined)
        errors.effective_from = `Same type, contractor and date as line ${first}`;
      seen.set(k, line);
    }
    if (Object.keys(errors).length > 0 || !type || amount === null) {
      invalid.push({ line, errors });
      continue;
    }
    const contractorId = contractor?.id ?? null;
    const prior = recorded.get(key(type.id, contractorId, cells.effective_from));
    plans.push({
      line,
      deliverable_type_id: type.id,
      contractor_id: contractorId,
      amount_minor: amount,
      currency,
      effective_from: cells.effective_from,
      note: cells.note ?? '',
      summary: `${type.name} · ${contractor ? contractor.name : 'default'} · ${formatAmount(amount, currency)} ${currency} from ${cells.effective_from}`,
      unchanged: prior?.amount_minor === amount && prior.currency === currency,
    });
  }
  return { plans, invalid };
}

/** Validates every row; with any invalid row nothing is written (422). Unchanged rows are skipped. */
export async function importRatesCsv(
  db: Executor,
  actor: Actor,
  input: { csv: string; dryRun: boolean },
): Promise<CsvImportResult> {
  const records = parseCsv(input.csv, REQUIRED);
  return db.transaction().execute(async (tx) => {
    const { plans, invalid } = await planRates(tx, actor.workspaceId, records);
    if (invalid.length > 0) refuseRows(invalid);
    const fresh = plans.filter((p) => !p.unchanged);
    if (!input.dryRun && fresh.length > 0) {
      const now = nowIso();
      const rows = fresh.map(({ line: _l, summary: _s, unchanged: _u, ...p }) => ({
        ...p,
        id: newId(),
        workspace_id: actor.workspaceId,
        created_by: actor.userId,
        created_at: now,
      }));
      for (let i = 0; i < rows.length; i += 500) {
        await tx
          .insertInto('rates')
          .values(rows.slice(i, i + 500))
          .execute();
      }
      await recordAudit(tx, actor, {
        entityType: 'rate',
        entityId: 'import',
        action: 'imported',
        after: { created: rows.length, ids: rows.map((r) => r.id) },
      });
    }
    return {
      dryRun: input.dryRun,
      created: fresh.length,
      updated: 0,
      unchanged: plans.length - fresh.length,
      rows: plans.map((p) => ({
        line: p.line,
        action: p.unchanged ? ('unchanged' as const) : ('create' as const),
        summary: p.summary,
      })),
    };
  });
}
