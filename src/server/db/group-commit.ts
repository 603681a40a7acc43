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
}

interface Batch {
  done: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const done = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  // Settled with nobody waiting (a job's write): not an unhandled rejection.
  done.catch(() => {});
  return { done, resolve, reject };
}

const raw = (sql: string) => CompiledQuery.raw(sql);

/** Statements that must not run inside the shared transaction (see acquireConnection). */
const OUTSIDE_TRANSACTION = /^\s*(pragma|vacuum|attach|detach)\b/i;

class GroupCommitSqliteDriver extends SqliteDriver implements GroupCommit {
  readonly #sqlite: BetterSqlite3.Database;
  #batch: Batch | null = null;
  #savepoint: string | null = null;
  #seq = 0;
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

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.#wrapped ??= {
      executeQuery: async (query) => {
        // A few statements mean nothing, or fail, inside a transaction (a checkpoint, VACUUM,
        // `PRAGMA foreign_keys`): outside a transaction of its own, the caller expects none to
        // be open, so the shared one commits first.
        if (this.#batch && !this.#savepoint && OUTSIDE_TRANSACTION.test(query.sql)) {
          await this.#commitHeld(connection);
        }
        return connection.executeQuery(query);
      },
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
    return this.#wrapped;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#batch) {
      await connection.executeQuery(raw('begin'));
      this.#batch = newBatch();
      // After the I/O callbacks of this turn: requests that arrived together join the batch.
      setImmediate(() => void this.#commitBatch());
    }
    // Kysely runs one transaction at a time on the one connection: one name suffices.
    const name = `group_${++this.#seq}`;
    await connection.executeQuery(raw(`savepoint ${name}`));
    this.#savepoint = name;
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // Cleared only once released: if the release fails, Kysely rolls the savepoint back.
    await connection.executeQuery(raw(`release ${this.#openSavepoint()}`));
    this.#savepoint = null;
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const name = this.#openSavepoint();
    this.#savepoint = null;
    if (!this.#sqlite.inTransaction) {
      // SQLite rolled the whole transaction back itself (disk full, I/O error): the batch's
      // other savepoints are gone with it.
      this.#failBatch(new Error('The database rolled back a shared transaction'));
      return;
    }
    await connection.executeQuery(raw(`rollback to ${name}`));
    await connection.executeQuery(raw(`release ${name}`));
  }

  override async destroy(): Promise<void> {
    await this.#commitBatch();
    await this.#beforeClose?.();
    await super.destroy();
  }

  #openSavepoint(): string {
    if (!this.#savepoint) throw new Error('No transaction is open on this connection');
    return this.#savepoint;
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
  };
}

/**
 * No answer leaves before the rows it wrote or read have committed: each waits for the open
 * shared commit, if any, and becomes an error (500, via the error handler) if that commit fails.
 */
export function holdAnswersUntilCommitted(
  app: FastifyInstance,
  pendingCommit: () => Promise<void> | null,
): void {
  app.addHook('onSend', async (_request, _reply, payload) => {
    const commit = pendingCommit();
    if (commit) await commit;
    return payload;
  });
}
