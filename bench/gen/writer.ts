import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema';

/**
 * Bulk writes through Kysely: multi-row INSERTs of up to 2,000 rows (fewer for wide tables, to
 * stay under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters), inside the caller's
 * transaction. Tolerant of a schema in flux: a table that is not there is skipped with one note,
 * a column it does not have is dropped with one note; a required column we do not fill fails loudly.
 */
export type TableName = keyof DB & string;
export type Row<T extends TableName> = Insertable<DB[T]>;

const MAX_PARAMS = 30_000;
const MAX_ROWS = 2_000;

interface TableInfo {
  columns: Set<string>;
  required: string[];
}

export class Writer {
  readonly counts = new Map<string, number>();
  readonly notes: string[] = [];
  private readonly noted = new Set<string>();

  private constructor(private readonly tables: Map<string, TableInfo>) {}

  static async open(db: Kysely<DB>): Promise<Writer> {
    const tables = new Map<string, TableInfo>();
    for (const t of await db.introspection.getTables()) {
      tables.set(t.name, {
        columns: new Set(t.columns.map((c) => c.name)),
        required: t.columns
          .filter((c) => !c.isNullable && !c.hasDefaultValue && !c.isAutoIncrementing)
          .map((c) => c.name),
      });
    }
    return new Writer(tables);
  }

  has(table: TableName): boolean {
    return this.tables.has(table);
  }

  private note(key: string, text: string): void {
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.notes.push(text);
    console.log(`  note: ${text}`);
  }

  /** Inserts rows in batches; returns how many were written (0 when the table is missing). */
  async insert<T extends TableName>(db: Kysely<DB>, table: T, rows: Row<T>[]): Promise<number> {
    if (rows.length === 0) return 0;
    const info = this.tables.get(table);
    if (!info) {
      this.note(`table:${table}`, `table ${table} does not exist yet: skipped`);
      return 0;
    }
    const keys = Object.keys(rows[0]);
    const extra = keys.filter((k) => !info.columns.has(k));
    for (const k of extra) this.note(`col:${table}.${k}`, `${table}.${k} does not exist: dropped`);
    const missing = info.required.filter((c) => !keys.includes(c));
    if (missing.length > 0) {
      throw new Error(
        `${table}: the generator does not fill required column(s) ${missing.join(', ')}`,
      );
    }
    let data = rows as Record<string, unknown>[];
    if (extra.length > 0) {
      data = data.map((r) => {
        const copy = { ...r };
        for (const k of extra) delete copy[k];
        return copy;
      });
    }
    const width = keys.length - extra.length;
    const batch = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / width)));
    for (let i = 0; i < data.length; i += batch) {
      // The table name is checked above; Kysely's row type is per table, so the batch is cast.
      await db
        .insertInto(table)
        .values(data.slice(i, i + batch) as never)
        .execute();
    }
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows.length);
    return rows.length;
  }

  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
}
