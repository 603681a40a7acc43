import Papa from 'papaparse';
import { z } from 'zod';
import type { ImportRow, ImportRowData } from '../../../contracts/clients';

/**
 * The clients CSV: one format for export and import, so an exported file imports unchanged.
 * Contacts are left out on purpose: personal details don't travel in spreadsheets.
 */
export const CSV_COLUMNS = [
  'name',
  'category',
  'tier',
  'typical_revision_rounds',
  'collateral_ready',
  'strategist_email',
  'notes',
  'archived',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const MAX_IMPORT_ROWS = 2000;

// Headers people actually type, mapped to ours.
const HEADER_ALIASES: Record<string, CsvColumn> = {
  name: 'name',
  client: 'name',
  client_name: 'name',
  category: 'category',
  company_category: 'category',
  tier: 'tier',
  department_tier: 'tier',
  typical_revision_rounds: 'typical_revision_rounds',
  typical_rounds: 'typical_revision_rounds',
  revision_rounds: 'typical_revision_rounds',
  collateral_ready: 'collateral_ready',
  strategist_email: 'strategist_email',
  strategist: 'strategist_email',
  notes: 'notes',
  archived: 'archived',
};

export function normalizeHeader(header: string): string {
  const key = header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return HEADER_ALIASES[key] ?? key;
}

export interface ExportRow {
  name: string;
  category: string;
  tier: number;
  typicalRevisionRounds: number;
  collateralReady: boolean;
  strategistEmail: string | null;
  notes: string;
  archived: boolean;
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** The CSV text; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function clientsToCsv(rows: ExportRow[]): string {
  return Papa.unparse(
    {
      fields: [...CSV_COLUMNS],
      data: rows.map((r) => [
        r.name,
        r.category,
        r.tier,
        r.typicalRevisionRounds,
        yesNo(r.collateralReady),
        r.strategistEmail ?? '',
        r.notes,
        yesNo(r.archived),
      ]),
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
}

/** Undo the export's formula guard, so "'=Sum" comes back as "=Sum". */
const unguard = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalCell = <T extends z.ZodType>(schema: T) =>
  z.preprocess(blankToUndefined, schema.optional());

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);
const yesNoCell = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => YES.has(v) || NO.has(v), 'Use yes or no')
  .transform((v) => YES.has(v));

const RowSchema = z.object({
  name: z.string().trim().min(1, 'Required').max(120, 'At most 120 characters'),
  category: optionalCell(z.string().trim().max(40, 'At most 40 characters')),
  tier: optionalCell(
    z.coerce
      .number('Must be 1, 2 or 3')
      .int('Must be 1, 2 or 3')
      .min(1, 'Must be 1, 2 or 3')
      .max(3, 'Must be 1, 2 or 3'),
  ),
  typical_revision_rounds: optionalCell(
    z.coerce.number('A whole number 0–20').int('A whole number 0–20').min(0).max(20),
  ),
  collateral_ready: optionalCell(yesNoCell),
  strategist_email: optionalCell(z.string().trim().toLowerCase().email('Not an e-mail address')),
  notes: optionalCell(z.string().max(5000, 'At most 5000 characters')),
  archived: optionalCell(yesNoCell),
});

export interface ParsedCsv {
  records: { line: number; cells: Record<string, string>; parseError?: string }[];
}

/** Parses the text; throws a message (for a 400) when the file as a whole can't be read. */
export function parseClientCsv(text: string): ParsedCsv {
  const result = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: normalizeHeader,
  });
  const fields = result.meta.fields ?? [];
  if (!fields.includes('name')) throw new Error('The CSV needs a "name" column in its first row');
  if (result.data.length > MAX_IMPORT_ROWS) {
    throw new Error(`At most ${MAX_IMPORT_ROWS} rows per import; split the file`);
  }
  const errorsByRow = new Map<number, string>();
  for (const e of result.errors) {
    if (typeof e.row === 'number' && !errorsByRow.has(e.row)) errorsByRow.set(e.row, e.message);
  }
  return {
    records: result.data.map((cells, i) => ({
      // Spreadsheet numbering: the header is row 1.
      line: i + 2,
      cells,
      parseError: errorsByRow.get(i),
    })),
  };
}

export interface ImportLookups {
  /** The workspace's category names. */
  categories: string[];
  /** Strategist/admin e-mails (lower case) → user id. */
  strategists: Map<string, string>;
  /** Lower-cased names of clients that exist already. */
  existingNames: Set<string>;
}

export interface CheckedRow extends ImportRow {
  strategistUserId?: string | null;
}

/** Validates every row against the schema and the workspace; nothing is written here. */
export function checkImportRows(parsed: ParsedCsv, lookups: ImportLookups): CheckedRow[] {
  const seen = new Set<string>();
  return parsed.records.map(({ line, cells, parseError }) => {
    const errors: Record<string, string> = {};
    if (parseError) errors.row = parseError;
    const unguarded = Object.fromEntries(
      Object.entries(cells).map(([k, v]) => [k, typeof v === 'string' ? unguard(v) : v]),
    );
    const parsedRow = RowSchema.safeParse(unguarded);
    if (!parsedRow.success) {
      for (const issue of parsedRow.error.issues) {
        const field = String(issue.path[0] ?? 'row');
        errors[field] ??= issue.message;
      }
      return { line, ok: false, action: null, errors, data: null };
    }
    const r = parsedRow.data;
    const key = r.name.toLowerCase();
    const action = lookups.existingNames.has(key) ? 'update' : 'create';
    if (seen.has(key)) errors.name = 'This name appears on an earlier row';
    seen.add(key);
    let category: string | undefined;
    if (r.category !== undefined) {
      category = lookups.categories.find((c) => c.toLowerCase() === r.category?.toLowerCase());
      if (!category)
        errors.category = `Unknown category; use one of ${lookups.categories.join(', ')}`;
    }
    let strategistUserId: string | null | undefined;
    if (r.strategist_email !== undefined) {
      strategistUserId = lookups.strategists.get(r.strategist_email) ?? null;
      if (!strategistUserId)
        errors.strategist_email = 'Not a strategist or admin of this workspace';
    }
    if (action === 'create') {
      if (r.category === undefined) errors.category ??= 'Required for a new client';
      if (r.tier === undefined) errors.tier ??= 'Required for a new client';
    }
    const data: ImportRowData = {
      name: r.name,
      companyCategory: category,
      departmentTier: r.tier as 1 | 2 | 3 | undefined,
      typicalRevisionRounds: r.typical_revision_rounds,
      collateralReady: r.collateral_ready,
      strategistEmail: r.strategist_email,
      notes: r.notes,
      archived: r.archived,
    };
    const ok = Object.keys(errors).length === 0;
    return { line, ok, action, errors, data, strategistUserId };
  });
}
