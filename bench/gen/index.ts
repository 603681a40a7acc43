import { sql } from 'kysely';
import { createAuth } from '../../src/server/auth/better-auth';
import { loadConfig } from '../../src/server/config';
import type { AppContext } from '../../src/server/context';
import { openDatabase } from '../../src/server/db';
import { migrateAll } from '../../src/server/migrate';
import { createMailer } from '../../src/server/notify/mail';
import { writeCommunity } from './community';
import { writeMoney } from './money';
import { createPeople, writeReferenceData } from './setup';
import { writeWork } from './work';
import { newWorld, SIZES, type SizeName } from './world';
import { Writer } from './writer';

export interface GenerateResult {
  rows: number;
  seconds: number;
  counts: Record<string, number>;
  notes: string[];
}

/** A fixed secret: the generator never signs cookies, and the runner sets its own. */
const GENERATOR_SECRET = 'bench-generator-secret-not-used-for-sessions';

/**
 * Writes a whole agency into an EMPTY database: the app's migrations first, the workspace and its
 * people through the app's services, then everything else in bulk. Prints rows/s per phase.
 */
export async function generateDataset(url: string, sizeName: SizeName): Promise<GenerateResult> {
  const size = SIZES[sizeName];
  const config = loadConfig({
    DATABASE_URL: url,
    AUTH_SECRET: GENERATOR_SECRET,
    PUBLIC_URL: 'http://127.0.0.1:3000',
    LOG_LEVEL: 'silent',
  });
  const database = openDatabase(url);
  const started = performance.now();
  try {
    if (database.dialect === 'sqlite') {
      // A generated file is a cache that can be made again: no fsync while loading it.
      await sql`PRAGMA synchronous = OFF`.execute(database.db);
    }
    await migrateAll(config, database);
    const existing = await database.db
      .selectFrom('workspaces')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0)
      throw new Error(`${redact(url)} already holds data: use an empty database`);
    const ctx: AppContext = {
      config,
      database,
      auth: createAuth(config, database),
      mailer: createMailer(undefined, config.mailFrom),
    };
    const { workspaceId, users } = await createPeople(ctx);
    const writer = await Writer.open(database.db);
    const w = newWorld(database.db, writer, size, workspaceId, users);

    const phase = async (name: string, run: () => Promise<void>) => {
      const before = writer.total();
      const t0 = performance.now();
      await run();
      const s = (performance.now() - t0) / 1000;
      const n = writer.total() - before;
      console.log(
        `  ${name.padEnd(16)} ${String(n).padStart(9)} rows in ${s.toFixed(1).padStart(5)} s  (${Math.round(n / s).toLocaleString('en-US')} rows/s)`,
      );
    };
    console.log(`Generating size ${sizeName} into ${redact(url)} (${database.dialect})`);
    await phase('reference data', () => writeReferenceData(w));
    await phase('work (5 years)', () =>
      writeWork(w, (month, rows) => {
        if (month.endsWith('-12'))
          process.stdout.write(
            `    … ${month}: ${writer.total().toLocaleString('en-US')} rows so far\n`,
          );
        void rows;
      }),
    );
    await phase('money', () => writeMoney(w));
    await phase('community', () => writeCommunity(w));
    const t0 = performance.now();
    if (database.dialect === 'postgres') await sql`ANALYZE`.execute(database.db);
    else await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(database.db);
    const finish = (performance.now() - t0) / 1000;
    const seconds = (performance.now() - started) / 1000;
    const rows = writer.total();
    console.log(
      `  ${'total'.padEnd(16)} ${String(rows).padStart(9)} rows in ${seconds.toFixed(1).padStart(5)} s  (${Math.round(rows / seconds).toLocaleString('en-US')} rows/s overall; ${database.dialect === 'postgres' ? 'ANALYZE' : 'checkpoint'} ${finish.toFixed(1)} s)`,
    );
    return { rows, seconds, counts: Object.fromEntries(writer.counts), notes: writer.notes };
  } finally {
    await database.close();
  }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
