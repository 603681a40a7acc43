import { createHash } from 'node:crypto';
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** Per-table row count and a hash of every row, in a canonical order (both databases alike). */
export type DbSnapshot = Record<string, { rows: number; hash: string }>;

/**
 * Tables whose rows change without any request doing anything wrong: sessions are refreshed, and
 * better-auth's rate-limit counters count refused attempts by design.
 */
const VOLATILE = new Set(['session', 'rateLimit', 'rate_limit']);

/** Every base table of the database, sorted, found by introspection (no table list to maintain). */
export async function tableNames<T>(db: Kysely<T>): Promise<string[]> {
  return (await tables(db)).map((t) => t.name);
}

type TableInfo = { name: string; tenant: boolean };
/** Introspection is slow on PostgreSQL and the schema does not change during a test: once per db. */
const tableCache = new WeakMap<object, TableInfo[]>();

async function tables<T>(db: Kysely<T>): Promise<TableInfo[]> {
  const cached = tableCache.get(db);
  if (cached) return cached;
  const found = await db.introspection.getTables({ withInternalKyselyTables: true });
  const list = found
    .filter((t) => !t.isView && !t.name.startsWith('sqlite_'))
    .map((t) => ({ name: t.name, tenant: t.columns.some((c) => c.name === 'workspace_id') }))
    .sort((a, b) => a.name.localeCompare(b.name));
  tableCache.set(db, list);
  return list;
}

const isPostgres = <T>(db: Kysely<T>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * PostgreSQL: every table's count and md5 of its rows' text in one round trip (the per-table
 * path costs a round trip per table, which the hostile-input suite would pay thousands of times).
 */
async function postgresSnapshot<T>(
  db: Kysely<T>,
  list: TableInfo[],
  workspaceId: string | undefined,
): Promise<DbSnapshot> {
  const parts = list.map(
    (t) =>
      sql`select ${sql.lit(t.name)} as t, count(*)::int as n, coalesce(md5(string_agg(x::text, E'\n' order by x::text)), '') as h from ${sql.table(t.name)} x${t.tenant && workspaceId ? sql` where x.workspace_id = ${workspaceId}` : sql``}`,
  );
  const res = await sql<{
    t: string;
    n: number;
    h: string;
  }>`${sql.join(parts, sql` union all `)}`.execute(db);
  const out: DbSnapshot = {};
  for (const row of res.rows) out[row.t] = { rows: Number(row.n), hash: row.h };
  return out;
}

/** Canonical text of one row: keys sorted, dates and buffers written out the same way each time. */
function canonicalRow(row: Record<string, unknown>): string {
  const keys = Object.keys(row).sort();
  return JSON.stringify(
    keys.map((k) => {
      const v = row[k];
      if (v instanceof Date) return [k, v.toISOString()];
      if (Buffer.isBuffer(v)) return [k, v.toString('base64')];
      if (typeof v === 'bigint') return [k, v.toString()];
      return [k, v];
    }),
  );
}

/** Hash of every row of one table, ordered by the canonical row text (a total order). */
export async function tableDigest<T>(
  db: Kysely<T>,
  table: string,
  workspaceId?: string,
): Promise<{ rows: number; hash: string }> {
  const where = workspaceId ? sql` where workspace_id = ${workspaceId}` : sql``;
  const res = await sql<Record<string, unknown>>`select * from ${sql.table(table)}${where}`.execute(
    db,
  );
  const lines = res.rows.map(canonicalRow).sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return { rows: lines.length, hash: hash.digest('hex') };
}

const digestCache = new WeakMap<object, Map<string, { marker: string; snapshot: DbSnapshot }>>();

/**
 * Moves whenever anything may have been written. SQLite: total_changes() counts every row this
 * connection inserted, updated or deleted (triggers included) and data_version moves when another
 * connection commits. PostgreSQL: the snapshot's xmax is the next transaction id, and every
 * transaction that writes (even one rolled back) takes one; reads take none. Equal markers, equal
 * data (a write elsewhere in the cluster only costs a fresh digest).
 */
async function changeMarker<T>(db: Kysely<T>): Promise<string> {
  if (isPostgres(db)) {
    const res = await sql<{
      x: string;
    }>`select pg_snapshot_xmax(pg_current_snapshot())::text as x`.execute(db);
    return String(res.rows[0]?.x);
  }
  const changes = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  const version = await sql<{ data_version: number }>`pragma data_version`.execute(db);
  return `${changes.rows[0]?.n}:${version.rows[0]?.data_version}`;
}

/**
 * Digest of the database. `tables` limits it to some tables; `workspaceId` keeps only that
 * workspace's rows of the tables that have a workspace_id (tenant-less tables are kept whole).
 */
export async function snapshot<T>(
  db: Kysely<T>,
  options: { includeVolatile?: boolean; tables?: string[]; workspaceId?: string } = {},
): Promise<DbSnapshot> {
  const list = (await tables(db)).filter(
    (table) =>
      (!options.tables || options.tables.includes(table.name)) &&
      (options.includeVolatile || !VOLATILE.has(table.name)),
  );
  // Nothing can have changed while the change marker stands still, so the last digest taken with
  // the same options is still true (the hostile-input suite takes thousands of snapshots).
  const marker = await changeMarker(db);
  const key = JSON.stringify(options);
  const cached = digestCache.get(db)?.get(key);
  if (cached && cached.marker === marker) return structuredClone(cached.snapshot);
  let out: DbSnapshot = {};
  if (isPostgres(db) && list.length > 0) {
    out = await postgresSnapshot(db, list, options.workspaceId);
  } else {
    for (const table of list) {
      out[table.name] = await tableDigest(
        db,
        table.name,
        table.tenant ? options.workspaceId : undefined,
      );
    }
  }
  const perDb = digestCache.get(db) ?? new Map();
  perDb.set(key, { marker, snapshot: structuredClone(out) });
  digestCache.set(db, perDb);
  return out;
}

/** The tables whose count or hash differ, e.g. `clients: 12 → 13 rows`; empty when identical. */
export function snapshotDiff(before: DbSnapshot, after: DbSnapshot): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  const diffs: string[] = [];
  for (const name of [...names].sort()) {
    const a = before[name];
    const b = after[name];
    if (!a || !b) diffs.push(`${name}: ${a ? 'dropped' : 'added'}`);
    else if (a.rows !== b.rows) diffs.push(`${name}: ${a.rows} → ${b.rows} rows`);
    else if (a.hash !== b.hash) diffs.push(`${name}: rows changed (${a.rows} rows)`);
  }
  return diffs;
}
