import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { generateDataset } from '../gen';
import type { SizeName } from '../gen/world';
import {
  clonePgDatabase,
  dropPgDatabase,
  dropPgDatabasesLike,
  ensurePgDatabase,
  pgDatabaseExists,
  renamePgDatabase,
} from '../pg';

const root = resolve(import.meta.dirname, '../..');
export const DATA_DIR = join(root, 'bench/.data');

/**
 * What the generated rows depend on: the table types and the generator. A migration that only
 * adds indexes does not change them, so the cached data set is reused and the app applies the
 * migration when it starts on the copy.
 */
export function schemaHash(): string {
  const h = createHash('sha256');
  const files = [
    'src/server/db/schema.ts',
    ...readdirSync(join(root, 'src/server/db/tables'))
      .sort()
      .map((f) => `src/server/db/tables/${f}`),
    ...readdirSync(join(root, 'bench/gen'))
      .sort()
      .map((f) => `bench/gen/${f}`),
    'src/domain/planner.ts',
  ];
  for (const f of files) h.update(f).update(readFileSync(join(root, f)));
  return h.digest('hex').slice(0, 10);
}

export interface Prepared {
  /** The database the app runs on: a throwaway copy of the cached data set. */
  url: string;
  generated: boolean;
  cleanup: () => Promise<void>;
}

/** SQLite: generate once into bench/.data, then copy the file for each run (writes change it). */
export async function prepareSqlite(size: SizeName, workDir: string): Promise<Prepared> {
  mkdirSync(DATA_DIR, { recursive: true });
  const cached = join(DATA_DIR, `${size}-${schemaHash()}.db`);
  let generated = false;
  if (!existsSync(cached)) {
    for (const f of readdirSync(DATA_DIR)) if (f.startsWith(`${size}-`)) rmSync(join(DATA_DIR, f));
    const partial = `${cached}.partial`;
    await generateDataset(partial, size);
    renameSync(partial, cached);
    for (const s of ['-wal', '-shm']) rmSync(partial + s, { force: true });
    generated = true;
  }
  const url = join(workDir, `bench-${size}.db`);
  copyFileSync(cached, url);
  return { url, generated, cleanup: async () => rmSync(workDir, { recursive: true, force: true }) };
}

/**
 * PostgreSQL: generate once into a template database, then give each run a fresh database
 * copied from it (CREATE DATABASE … TEMPLATE, seconds even for L).
 */
export async function preparePg(size: SizeName, server: string): Promise<Prepared> {
  const base = server.replace(/\/[^/]*$/, '');
  const prefix = `handoff_bench_tpl_${size.toLowerCase()}_`;
  const name = `${prefix}${schemaHash()}`;
  const template = `${base}/${name}`;
  let generated = false;
  if (!(await pgDatabaseExists(template))) {
    await dropPgDatabasesLike(template, prefix, name);
    // Generated under another name and renamed when complete: a half-written one is never used.
    const partial = `${base}/handoff_bench_partial`;
    await dropPgDatabase(partial);
    await ensurePgDatabase(partial);
    await generateDataset(partial, size);
    await renamePgDatabase(partial, name);
    generated = true;
  }
  const url = `${base}/handoff_bench_run`;
  await clonePgDatabase(template, url);
  return { url, generated, cleanup: async () => {} };
}
