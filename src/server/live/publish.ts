import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from '../db';
import type { LiveEvent, WireEvent } from './events';

/** The PostgreSQL channel every process LISTENs on. */
export const LIVE_CHANNEL = 'handoff_events';

/**
 * SQLite means one process, so its events travel on this in-process bus; each app built in the
 * process feeds its own hub from it.
 */
export const localBus = new EventEmitter();
localBus.setMaxListeners(0);

let counter = 0;

/** An SSE id unique across processes (time, process nonce, counter): the same on every process. */
const nonce = randomBytes(3).toString('hex');
export function nextSeq(): string {
  counter = (counter + 1) % 1_000_000_000;
  return `${Date.now().toString(36)}-${nonce}-${counter.toString(36)}`;
}

/** Events already published by one open transaction: a command that audits a task three times
 * (task, its system comment, a subtask) sends one hint. */
const sentInTransaction = new WeakMap<object, Set<string>>();

/**
 * Publishes a hint about a change, from inside the caller's transaction.
 *
 * PostgreSQL: `pg_notify` in the same transaction. NOTIFY is transactional: listeners hear it only
 * when the transaction commits, and never when it rolls back — exactly the right moment, and
 * nothing leaks from a change that did not happen.
 *
 * SQLite: emitted on the in-process bus after the current turn of the event loop. SQLite has no
 * commit hook here, so a rolled-back change may still send its hint; the browser then refetches
 * and finds nothing new (harmless), and a refetch that races the commit waits for it: every
 * answer is held until the shared commit it could have seen (db/group-commit.ts).
 */
export async function publishChange(tx: Executor, event: LiveEvent): Promise<void> {
  if (tx.isTransaction) {
    const key = `${event.type}|${event.id}|${event.userId ?? ''}`;
    let sent = sentInTransaction.get(tx);
    if (!sent) {
      sent = new Set();
      sentInTransaction.set(tx, sent);
    }
    if (sent.has(key)) return;
    sent.add(key);
  }
  const wire: WireEvent = { ...event, seq: nextSeq() };
  if (tx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(wire)})`.execute(tx);
    return;
  }
  setImmediate(() => localBus.emit('event', wire));
}

/**
 * R31 in real time: tells the people a notification was written for that their bell has news.
 * For the notifications feature to call in its transaction, right after the rows are inserted.
 */
export async function publishNotificationsCreated(
  tx: Executor,
  input: { workspaceId: string; userIds: readonly string[]; dedupeKey: string },
): Promise<void> {
  for (const userId of new Set(input.userIds)) {
    await publishChange(tx, {
      type: 'notification.created',
      id: input.dedupeKey,
      workspaceId: input.workspaceId,
      userId,
    });
  }
}
