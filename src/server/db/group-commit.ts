import type BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

/**
 * Group commit for SQLite. A commit writes every page the transaction touched to the log, and
 * on a big database that costs more than the transaction's statements (each index of comments,
 * audit log and notifications adds a page). So transactions that run close together share one
 * commit: the first opens a real transaction, each one runs inside it as a savepoint (its own
 * rollback still undoes only its own changes), and the real COMMIT runs as soon as the
 * connection is free — after the transactions already queued for it.
 *
 * Nothing a caller does is acknowledged before it is durable: `pendingCommit()` is the promise
 * of the open shared transaction, and the HTTP layer holds every answer until it settles
 * (app.ts). If the shared commit fails, every answer that waited on it fails too, and nobody
 * was told their write was saved. Reads on the one connection see the shared transaction's
 * rows before its commit; their answers wait the same way, so nobody is shown rows that end up
 * not committed.
 */
export interface GroupCommit {
  /** The open shared transaction's commit, or null when nothing is waiting to commit. */
  pendingCommit(): Promise<void> | null;
  /**
   * Taken when a request starts: every shared transaction the request can have written to or
   * read from was open at or after this mark.
   */
  mark(): number;
  /** True when a shared commit open at or after `mark` failed (its rows are gone). */
  failedSince(mark: number): boolean;
  /** Commits the open shared transaction now (before closing the database). */
  commitNow(): Promise<void>;
}

/** PostgreSQL commits each transaction itself: nothing is ever pending. */
export const NO_GROUP_COMMIT: GroupCommit = {
  pendingCommit: () => null,
  mark: () => 0,
  failedSince: () => false,
  commitNow: async () => {},
};

interface Batch {
  id: number;
  done: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

function newBatch(id: number): Batch {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const done = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  // Settled with nobody waiting (a job's write): not an unhandled rejection.
  done.catch(() => {});
  return { id, done, resolve, reject };
}

const raw = (sql: string) => CompiledQuery.raw(sql);

/**
 * Statements that must not run inside the shared transaction (see acquireConnection), after any
 * leading blanks and comments.
 */
const OUTSIDE_TRANSACTION =
  /^(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*(pragma|vacuum|attach|detach)\b/i;

/** Kysely runs one transaction at a time on the one connection, so one savepoint name serves
 * all; a name per transaction would be new SQL text each time and push the app's prepared
 * statements out of the statement cache. */
const SAVEPOINT = 'group_tx';

class GroupCommitSqliteDriver extends SqliteDriver implements GroupCommit {
  readonly #sqlite: BetterSqlite3.Database;
  #batch: Batch | null = null;
  #inTransaction = false;
  #nextBatchId = 1;
  #lastFailedBatchId = 0;
  #wrapped: DatabaseConnection | null = null;
  readonly #beforeClose: (() => Promise<void>) | undefined;

  constructor(
    config: SqliteDialectConfig,
    sqlite: BetterSqlite3.Database,
    beforeClose?: () => Promise<void>,
  ) {
    super(config);
    this.#sqlite = sqlite;
    this.#beforeClose = beforeClose;
  }

  pendingCommit(): Promise<void> | null {
    return this.#batch?.done ?? null;
  }

  mark(): number {
    return this.#batch?.id ?? this.#nextBatchId;
  }

  failedSince(mark: number): boolean {
    return this.#lastFailedBatchId >= mark;
  }

  commitNow(): Promise<void> {
    return this.#commitBatch();
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.#wrapped ??= {
      executeQuery: async (query) => {
        // A few statements mean nothing, or fail, inside a transaction (a checkpoint, VACUUM,
        // `PRAGMA foreign_keys`): outside a transaction of its own, the caller expects none to
        // be open, so the shared one commits first.
        if (this.#batch && !this.#inTransaction && OUTSIDE_TRANSACTION.test(query.sql)) {
          await this.#commitHeld(connection);
        }
        try {
          return await connection.executeQuery(query);
        } finally {
          this.#noticeLostBatch();
        }
      },
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
    return this.#wrapped;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    this.#noticeLostBatch();
    if (!this.#batch) {
      await connection.executeQuery(raw('begin'));
      this.#batch = newBatch(this.#nextBatchId++);
      // After the I/O callbacks of this turn: requests that arrived together join the batch.
      setImmediate(() => void this.#commitBatch());
    }
    await connection.executeQuery(raw(`savepoint ${SAVEPOINT}`));
    this.#inTransaction = true;
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    this.#assertInTransaction();
    // Still open until released: if the release fails, Kysely rolls the savepoint back.
    await connection.executeQuery(raw(`release ${SAVEPOINT}`));
    this.#inTransaction = false;
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    this.#assertInTransaction();
    this.#inTransaction = false;
    // SQLite may have rolled the whole transaction back itself (disk full, I/O error): the
    // batch's other savepoints are gone with it, and there is no savepoint left to undo.
    this.#noticeLostBatch();
    if (!this.#sqlite.inTransaction) return;
    await connection.executeQuery(raw(`rollback to ${SAVEPOINT}`));
    await connection.executeQuery(raw(`release ${SAVEPOINT}`));
  }

  override async destroy(): Promise<void> {
    const last = this.#batch?.done;
    await this.#commitBatch();
    await last?.catch((err: unknown) => console.error('[db] the last shared commit failed:', err));
    await this.#beforeClose?.();
    await super.destroy();
  }

  #assertInTransaction(): void {
    if (!this.#inTransaction) throw new Error('No transaction is open on this connection');
  }

  /**
   * An error in a statement can make SQLite roll back the whole transaction (disk full, I/O
   * error): the batch is then lost, and must not be taken for open by the next transaction.
   */
  #noticeLostBatch(): void {
    if (this.#batch && !this.#sqlite.inTransaction) {
      this.#failBatch(new Error('The database rolled back a shared transaction'));
    }
  }

  async #commitBatch(): Promise<void> {
    if (!this.#batch) return;
    // The connection's lock: waits for the transactions queued before this commit.
    const connection = await this.acquireConnection();
    try {
      await this.#commitHeld(connection);
    } finally {
      await this.releaseConnection();
    }
  }

  /** Commits the shared transaction; the caller holds the connection. */
  async #commitHeld(connection: DatabaseConnection): Promise<void> {
    const batch = this.#batch;
    if (!batch) return;
    this.#batch = null;
    try {
      if (!this.#sqlite.inTransaction) throw new Error('The shared transaction ended unexpectedly');
      await connection.executeQuery(raw('commit'));
      batch.resolve();
    } catch (err) {
      this.#abandon(batch, err);
    }
  }

  #failBatch(err: unknown): void {
    const batch = this.#batch;
    this.#batch = null;
    if (batch) this.#abandon(batch, err);
  }

  #abandon(batch: Batch, err: unknown): void {
    this.#lastFailedBatchId = Math.max(this.#lastFailedBatchId, batch.id);
    try {
      if (this.#sqlite.inTransaction) this.#sqlite.exec('rollback');
      // Answers computed from the lost rows may sit in the read cache under the current data
      // version (total_changes()); one more change moves the version past them.
      this.#sqlite.exec('create temp table if not exists lost_commits (at text)');
      this.#sqlite
        .prepare('insert into lost_commits (at) values (?)')
        .run(new Date().toISOString());
    } catch (cleanup) {
      console.error('[db] cleaning up after a failed shared commit:', cleanup);
    } finally {
      batch.reject(err);
    }
  }
}

/** Kysely's SQLite dialect with group commit; `groupCommit` is set once Kysely creates the driver. */
export class GroupCommitSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #sqlite: BetterSqlite3.Database;
  readonly #beforeClose: (() => Promise<void>) | undefined;
  #driver: GroupCommitSqliteDriver | null = null;

  /** `beforeClose` runs after the last commit, before the connection closes. */
  constructor(
    config: SqliteDialectConfig,
    sqlite: BetterSqlite3.Database,
    options: { beforeClose?: () => Promise<void> } = {},
  ) {
    super(config);
    this.#config = config;
    this.#sqlite = sqlite;
    this.#beforeClose = options.beforeClose;
  }

  override createDriver(): Driver {
    this.#driver = new GroupCommitSqliteDriver(this.#config, this.#sqlite, this.#beforeClose);
    return this.#driver;
  }

  readonly groupCommit: GroupCommit = {
    pendingCommit: () => this.#driver?.pendingCommit() ?? null,
    mark: () => this.#driver?.mark() ?? 0,
    failedSince: (mark) => this.#driver?.failedSince(mark) ?? false,
    commitNow: async () => this.#driver?.commitNow(),
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** GroupCommit.mark() when the request arrived. */
    commitMark: number;
  }
}

/**
 * No answer leaves before the rows it wrote or read have committed: each waits for the open
 * shared commit, if any, and becomes an error (500, via the error handler) if a shared commit
 * open during the request failed — the one it wrote to may have ended before it answers.
 * Register before any hook that reads the database.
 */
export function holdAnswersUntilCommitted(app: FastifyInstance, groupCommit: GroupCommit): void {
  app.decorateRequest('commitMark', 0);
  // Callback hooks: no promise per request when nothing is pending.
  app.addHook('onRequest', (request, _reply, done) => {
    request.commitMark = groupCommit.mark();
    done();
  });
  app.addHook('onSend', (request, _reply, payload, done) => {
    const answer = () =>
      groupCommit.failedSince(request.commitMark)
        ? done(
            new Error(
              'A database commit failed while this request ran: reload to see what was saved',
            ),
          )
        : done(null, payload);
    const pending = groupCommit.pendingCommit();
    if (!pending) return answer();
    pending.then(answer, answer);
  });
}
