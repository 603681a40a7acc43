import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDialect } from './dialect';
import { FALLBACK_AUTOCHECKPOINT_PAGES } from './wal-checkpointer';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('WAL checkpoints on a worker thread', () => {
  it('keeps the log short although the app connection never reaches its own threshold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-wal-'));
    dirs.push(dir);
    const file = join(dir, 'app.db');
    const opened = openDialect(file);
    const db = opened.driver as Database.Database;
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
    db.exec('create table t (id integer primary key, body text)');
    const insert = db.prepare('insert into t (body) values (?)');
    const body = 'x'.repeat(2_000);
    const rounds = 12;
    const perRound = 150;
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < perRound; i++) insert.run(body); // one commit each, as requests do
      await new Promise((ok) => setTimeout(ok, 400));
    }
    // Every commit appends at least one 4 KB page to the log: without the worker it would hold
    // ≥ 7 MB (or restart at the app connection's threshold, ~8 MB). The worker's checkpoints let
    // it start over every round, so it never holds much more than one round.
    const withoutCheckpoints = rounds * perRound * 4096;
    const walBytes = statSync(`${file}-wal`).size;
    expect(walBytes).toBeLessThan(withoutCheckpoints / 3);
    expect((db.prepare('select count(*) as n from t').get() as { n: number }).n).toBe(
      rounds * perRound,
    );
    await opened.close();
  }, 20_000);
});
