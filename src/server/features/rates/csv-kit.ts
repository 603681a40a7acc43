import Papa from 'papaparse';
import type { CsvRowErrors } from '../../../contracts/rates';
import { AppError } from '../../errors';

/** Shared CSV plumbing for the contractor and rate imports/exports. */

export const MAX_IMPORT_ROWS = 5000;

export interface CsvRecord {
  /** The line the row starts on in the file, the header being line 1. */
  line: number;
  cells: Record<string, string>;
}

const normalizeHeader = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '_');

// Exports prefix formula-like cells with a quote (spreadsheet injection); take it off again.
const unescapeFormula = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

/**
 * Parses CSV text with a header row. Missing required columns, unreadable rows and too many
 * rows are refused the same way invalid rows are: 422 with `details.rows`.
 */
export function parseCsv(text: string, required: readonly string[]): CsvRecord[] {
  const source = text.replace(/^\uFEFF/, '');
  const rows: { line: number; data: string[]; error?: string }[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(source, {
    header: false,
    step: (result) => {
      const problem = result.errors.find((e) => e.type !== 'Delimiter');
      rows.push({ line, data: result.data, error: problem?.message });
      // The next row starts where this one ended, after as many lines as this one spans.
      line += countNewlines(source, start, result.meta.cursor);
      start = result.meta.cursor;
    },
  });
  const header = rows.shift();
  if (!header) refuseRows([{ line: 1, errors: { file: 'The file is empty' } }]);
  const columns = header.data.map(normalizeHeader);
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    refuseRows([
      {
        line: 1,
        errors: Object.fromEntries(missing.map((c) => [c, 'Missing column in the header row'])),
      },
    ]);
  }
  const records: CsvRecord[] = [];
  const broken: CsvRowErrors[] = [];
  for (const row of rows) {
    if (row.data.every((v) => v.trim() === '')) continue;
    if (row.error) {
      broken.push({ line: row.line, errors: { row: row.error } });
      continue;
    }
    const cells: Record<string, string> = {};
    columns.forEach((c, i) => {
      cells[c] = unescapeFormula((row.data[i] ?? '').trim());
    });
    records.push({ line: row.line, cells });
  }
  if (broken.length > 0) refuseRows(broken);
  if (records.length > MAX_IMPORT_ROWS) {
    refuseRows([{ line: 1, errors: { file: `At most ${MAX_IMPORT_ROWS} rows per import` } }]);
  }
  return records;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** 422: nothing was written; each invalid line with its field messages. */
export function refuseRows(rows: CsvRowErrors[]): never {
  const n = rows.length;
  throw new AppError(
    'RULE_VIOLATION',
    `${n} row${n === 1 ? '' : 's'} could not be imported; nothing was written. Fix ${n === 1 ? 'it' : 'them'} and import again.`,
    { details: { rows } },
  );
}

/** CSV text for a download; formula-like cells are neutralised for spreadsheets. */
export function toCsv(fields: readonly string[], data: readonly (string | number)[][]): string {
  return Papa.unparse(
    { fields: [...fields], data: data.map((r) => [...r]) },
    { escapeFormulae: true },
  );
}
