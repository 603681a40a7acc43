import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * SQLite in WAL mode copies the log back into the database file ("checkpoint") inside whichever
 * commit crosses the log's size limit, and a checkpoint fsyncs: that one commit took 6–17 ms on
 * this machine's disk, once every ~100 writes, with the whole event loop waiting for it
 * (better-sqlite3 is synchronous). Here the checkpoints run on a worker thread with its own
 * connection instead, so no request waits for the disk. A PASSIVE checkpoint never blocks the
 * app's reads or writes; the app connection keeps a high automatic limit as a safety net should
 * the worker ever fall behind.
 */

/** The app connection's own checkpoint threshold, in pages (~40 MB of log): a backstop only. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

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
  /** Asks the worker for a last checkpoint, to close its connection and to end. */
  stop(): void;
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
  // The worker must never keep the process alive on its own.
  worker.unref();
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage('stop');
      setTimeout(() => void worker.terminate(), 2_000).unref();
    },
  };
}
