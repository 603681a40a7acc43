import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { type Generated, Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitSqliteDialect, holdAnswersUntilCommitted } from './group-commit';

interface Tables {
  notes: { id: Generated<number>; body: string };
  children: { id: Generated<number>; parent_id: number };
}

let dir: string;
let file: string;
let sqlite: Database.Database;
let dialect: GroupCommitSqliteDialect;
let db: Kysely<Tables>;
let commits: number;
const texts = new Set<string>();
let destroyed: boolean;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
  file = join(dir, 'db.sqlite');
  sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  commits = 0;
  destroyed = false;
  // Counts the real commits (savepoint releases are not commits).
  const counted = {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      if (text === 'commit') commits++;
      texts.add(text);
      return sqlite.prepare(text);
    },
  };
  dialect = new GroupCommitSqliteDialect({ database: counted }, sqlite);
  db = new Kysely<Tables>({ dialect });
  await sql`create table notes (id integer primary key, body text not null unique)`.execute(db);
  // A deferred foreign key is checked at COMMIT: the one way to make a commit itself fail.
  await sql`create table children (id integer primary key, parent_id integer not null
    references notes (id) deferrable initially deferred)`.execute(db);
});

afterEach(async () => {
  if (!destroyed) await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** What another connection (another process, a crash survivor) sees. */
function committedBodies(): string[] {
  const other = new Database(file, { readonly: true });
  try {
    return other
      .prepare('select body from notes order by id')
      .all()
      .map((r) => (r as { body: string }).body);
  } finally {
    other.close();
  }
}

const insertNote = (body: string) =>
  db.transaction().execute((tx) => tx.insertInto('notes').values({ body }).execute());

describe('group commit (SQLite)', () => {
  it('transactions that run together share one commit, made durable before anyone is told', async () => {
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map(insertNote));
    const pending = dialect.groupCommit.pendingCommit();
    expect(pending).not.toBeNull();
    // Written on this connection, not yet visible to any other.
    expect(committedBodies()).toEqual([]);
    await pending;
    expect(committedBodies()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(commits).toBe(1);
    expect(dialect.groupCommit.pendingCommit()).toBeNull();
  });

  it("a failing transaction undoes only its own rows; the others' still commit", async () => {
    await insertNote('taken');
    await dialect.groupCommit.pendingCommit();
    const results = await Promise.allSettled([
      insertNote('first'),
      db.transaction().execute(async (tx) => {
        await tx.insertInto('notes').values({ body: 'undone' }).execute();
        await tx.insertInto('notes').values({ body: 'taken' }).execute(); // unique violation
      }),
      insertNote('last'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await dialect.groupCommit.pendingCommit();
    expect(committedBodies()).toEqual(['taken', 'first', 'last']);
  });

  it('a failed shared commit fails everyone who waited on it and keeps none of its rows', async () => {
    await insertNote('before');
    await dialect.groupCommit.pendingCommit();
    const version = () =>
      sqlite.prepare('select total_changes() as n').get() as { n: number } | undefined;
    await insertNote('lost with the batch');
    await db
      .transaction()
      .execute((tx) => tx.insertInto('children').values({ parent_id: 999 }).execute());
    const seenBeforeCommit = version()?.n;
    const pending = dialect.groupCommit.pendingCommit();
    await expect(pending).rejects.toThrow(/FOREIGN KEY/);
    expect(committedBodies()).toEqual(['before']);
    expect(sqlite.inTransaction).toBe(false);
    // The data version moved past whatever was read from the lost rows (read cache).
    expect(version()?.n).toBeGreaterThan(seenBeforeCommit ?? 0);
    // And the connection goes on working.
    await insertNote('after');
    await dialect.groupCommit.pendingCommit();
    expect(committedBodies()).toEqual(['before', 'after']);
  });

  it('a statement that needs no open transaction (checkpoint, PRAGMA) commits the shared one first', async () => {
    await insertNote('before the checkpoint');
    expect(dialect.groupCommit.pendingCommit()).not.toBeNull();
    const pending = dialect.groupCommit.pendingCommit();
    // Inside a transaction this fails ("database table is locked"); comments before it count too.
    await sql
      .raw('/* nightly */ -- keep the log short\n PRAGMA wal_checkpoint(TRUNCATE)')
      .execute(db);
    await expect(pending).resolves.toBeUndefined();
    expect(committedBodies()).toEqual(['before the checkpoint']);
    // Inside a transaction `PRAGMA foreign_keys` is silently ignored.
    await insertNote('again');
    await sql`PRAGMA foreign_keys = OFF`.execute(db);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(0);
  });

  it('sends the same few SQL texts whatever the number of transactions (the statement cache keeps them)', async () => {
    for (let i = 0; i < 5; i++) await insertNote(`warm ${i}`);
    const before = texts.size;
    for (let i = 0; i < 40; i++) await insertNote(`note ${i}`);
    await dialect.groupCommit.pendingCommit();
    expect(texts.size).toBe(before);
  });

  it('closing the database commits what is pending', async () => {
    await insertNote('at shutdown');
    expect(dialect.groupCommit.pendingCommit()).not.toBeNull();
    await db.destroy();
    destroyed = true;
    expect(committedBodies()).toEqual(['at shutdown']);
  });
});

describe('holdAnswersUntilCommitted', () => {
  it('answers a write only once it is committed', async () => {
    const app = Fastify();
    holdAnswersUntilCommitted(app, dialect.groupCommit);
    app.post('/write', async () => {
      await insertNote('posted');
      // Not committed yet when the handler returns: the hook holds the answer.
      return { committedAtReturn: committedBodies() };
    });
    const res = await app.inject({ method: 'POST', url: '/write' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ committedAtReturn: [] });
    expect(committedBodies()).toEqual(['posted']);
    await app.close();
  });

  it('fails an answer whose shared commit failed, even when it answers after that commit ended', async () => {
    const app = Fastify();
    holdAnswersUntilCommitted(app, dialect.groupCommit);
    app.post('/write', async () => {
      await insertNote('lost');
      // Another transaction in the same batch breaks a deferred foreign key: the commit fails.
      await db
        .transaction()
        .execute((tx) => tx.insertInto('children').values({ parent_id: 999 }).execute());
      // Work outside the database while the commit runs and fails.
      await new Promise((r) => setTimeout(r, 20));
      expect(dialect.groupCommit.pendingCommit()).toBeNull();
      return { saved: true };
    });
    app.post('/later', async () => {
      await insertNote('kept');
      return { saved: true };
    });
    const failed = await app.inject({ method: 'POST', url: '/write' });
    expect(failed.statusCode).toBe(500);
    expect(failed.body).not.toContain('"saved"');
    // A request that starts after the failure is not touched by it.
    const later = await app.inject({ method: 'POST', url: '/later' });
    expect(later.statusCode).toBe(200);
    expect(committedBodies()).toEqual(['kept']);
    await app.close();
  });
});
