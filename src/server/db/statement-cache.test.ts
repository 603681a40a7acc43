import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';

describe('withStatementCache', () => {
  it.each([
    ['reuses the prepared statement of the same SQL', 4, ['a', 'a', 'a'], 1],
    ['prepares each distinct SQL once', 4, ['a', 'b', 'a', 'b'], 2],
    ['drops the least recently used beyond its size', 2, ['a', 'b', 'c', 'a'], 4],
    ['keeps a recently used one when another is dropped', 2, ['a', 'b', 'a', 'c', 'a'], 3],
  ])('%s', (_name, max, texts, prepares) => {
    const db = new Database(':memory:');
    let count = 0;
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      count++;
      return prepare(sql);
    }) as typeof db.prepare;
    const cached = withStatementCache(db, { max });
    const sqlOf = (t: string) => `select '${t}' as v`;
    for (const t of texts) expect(cached.prepare(sqlOf(t)).all([])).toEqual([{ v: t }]);
    expect(count).toBe(prepares);
    cached.close();
  });

  it('still sees schema changes made after a statement was cached', () => {
    const db = new Database(':memory:');
    const cached = withStatementCache(db);
    db.exec('create table t (a integer)');
    expect(cached.prepare('select * from t').all([])).toEqual([]);
    db.exec('alter table t add column b integer');
    db.exec('insert into t values (1, 2)');
    expect(cached.prepare('select * from t').all([])).toEqual([{ a: 1, b: 2 }]);
    cached.close();
  });
});
