// `npm run bench:data -- --size S|M|L [--db <sqlite path | postgres url>]`: writes the benchmark
// agency into an empty database (a SQLite file is replaced; a PostgreSQL database is created
// when missing and must be empty). Deterministic: the same size gives the same rows.
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateDataset } from './gen';
import type { SizeName } from './gen/world';
import { ensurePgDatabase } from './pg';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const size = (arg('size') ?? 'S').toUpperCase();
if (!['S', 'M', 'L'].includes(size)) {
  console.error('--size must be S, M or L');
  process.exit(2);
}
const db = arg('db') ?? resolve(import.meta.dirname, `.data/handoff-${size}.db`);
if (db.startsWith('postgres')) {
  await ensurePgDatabase(db);
} else {
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(db + suffix)) rmSync(db + suffix);
  }
}
const result = await generateDataset(db, size as SizeName);
for (const [table, n] of Object.entries(result.counts).sort((a, b) => b[1] - a[1])) {
  console.log(`    ${table.padEnd(28)} ${n.toLocaleString('en-US').padStart(10)}`);
}
console.log(`Wrote ${db.startsWith('postgres') ? 'the database' : db}`);
