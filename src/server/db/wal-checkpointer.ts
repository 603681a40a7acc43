import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * SQLite in WAL mode copies the log back into the database file ("checkpoint") inside whichever
 * commit crosses the log's size limit, and a checkpoint fsyncs, with the whole event loop waiting
 * (better-sqlite3 is synchronous). Here a worker thread with its own connection runs a PASSIVE
 * checkpoint every 200 ms, so the copying and syncing happen off the request thread; a PASSIVE
 * checkpoint never blocks the app's reads or writes. Under load the log was seen to start over
 * only at the app connection's own threshold (the worker's checkpoints complete, the restart does
 * not happen there), so that threshold is kept short: a long log also slows every page read,
 * which searches the log's index first.
 * Measured at size L, comments at 32 connections: ~280/s and p99 ~420 ms with SQLite's default
 * (1,000 pages, no worker); ~375/s and p99 ~150 ms with the worker and 2,000 pages (BENCHMARKS.md).
 */

/** The app connection's checkpoint threshold, in pages (~8 MB of log). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 2_000;

/** CommonJS run by the worker (`eval`): the bundle and the sources both reach it this way. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message ? err.message : err) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /**
   * Asks the worker for a last checkpoint, to close its connection and to end; resolves when it
   * has. The process must not exit before: a worker cut off inside SQLite aborts the process.
   */
  stop(): Promise<void>;
}

export function startWalCheckpointer(file: string, intervalMs = 200): WalCheckpointer {
  // Resolved here, where node_modules is known, from this module's folder (src/ or dist/).
  const driver = createRequire(join(import.meta.dirname, 'noop.js')).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver, intervalMs },
  });
  worker.on('message', (message: { error?: string }) => {
    if (message.error) process.emitWarning(`WAL checkpoint failed: ${message.error}`);
  });
  worker.on('error', (err) => process.emitWarning(`WAL checkpointer stopped: ${err.message}`));
  const exited = new Promise<void>((ok) => worker.once('exit', () => ok()));
  // The worker must never keep the process alive on its own.
  worker.unref();
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= (async () => {
        worker.postMessage('stop');
        const timeout = setTimeout(() => void worker.terminate(), 2_000);
        await exited;
        clearTimeout(timeout);
      })();
      return stopping;
    },
  };
}
