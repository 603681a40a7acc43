import type { Executor } from './db';
import { changeEventFor } from './live/events';
import { publishChange } from './live/publish';

export interface AuditActor {
  userId: string | null;
  workspaceId: string;
}

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  /** Set when the change belongs to a parent task, so it shows in that task's history (R30). */
  taskId?: string | null;
}

/**
 * R30: every mutation calls this with the transaction it changes data in, so the audit record
 * and the change commit or roll back together. The table itself refuses updates and deletes.
 * It also publishes the live hint for the change (src/server/live), in the same transaction.
 */
export async function recordAudit(
  tx: Executor,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      workspace_id: actor.workspaceId,
      actor_user_id: actor.userId,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      task_id: entry.taskId ?? null,
      action: entry.action,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      created_at: new Date().toISOString(),
    })
    .execute();
  const event = changeEventFor(actor.workspaceId, entry);
  if (event) await publishChange(tx, event);
}
