import type { AppConfig } from '../config';
import type { Database } from '../db';
import type { WireEvent } from './events';
import { LiveHub } from './hub';
import { PgListener } from './pg-listener';
import { localBus } from './publish';
import { TaskOwners } from './task-owners';

export { publishChange, publishNotificationsCreated } from './publish';

/** One app's live-updates machinery: its hub, how events reach it, and who owns which task. */
export interface Live {
  hub: LiveHub;
  owners: TaskOwners;
  /** Starts hearing events (PostgreSQL: LISTEN). Safe to call again; main.ts calls it at start. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Builds the live machinery for one app. On SQLite (one process) the hub hears the in-process
 * bus; on PostgreSQL a dedicated LISTEN connection, so a change committed by any process reaches
 * the browsers connected to every process.
 */
export function createLive(config: AppConfig, database: Database): Live {
  const hub = new LiveHub();
  const owners = new TaskOwners(database.db);
  const deliver = (e: WireEvent) => hub.deliver(e);
  let listener: PgListener | null = null;
  let started = false;
  return {
    hub,
    owners,
    async start() {
      if (database.dialect === 'sqlite') {
        if (!started) localBus.on('event', deliver);
        started = true;
        return;
      }
      started = true;
      listener ??= new PgListener(config.databaseUrl, {
        onEvent: deliver,
        onGap: () => hub.resync(),
        log: (message, err) =>
          console.warn(`[live] ${message}${err ? `: ${(err as Error).message ?? err}` : ''}`),
      });
      await listener.start();
    },
    async stop() {
      localBus.off('event', deliver);
      started = false;
      await listener?.stop();
      listener = null;
    },
  };
}
