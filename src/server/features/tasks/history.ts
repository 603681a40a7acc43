import type { HistoryEntry, HistoryPage } from '../../../contracts/workflow';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError, notFound } from '../../errors';
import {
  type AuditRowForHistory,
  CONTRACTOR_HISTORY_TYPES,
  summarizeAudit,
} from './history-summary';
import { findTask } from './queries';
import { ensureContractorLinked, type TaskScope, taskScopeOf } from './scope';

/** R30: the parent task's history, read from the append-only audit trail. */

async function auditRows(
  db: Executor,
  scope: TaskScope,
  taskId: string,
  page: { before?: number; limit: number },
): Promise<AuditRowForHistory[]> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('user as actor', 'actor.id', 'audit_log.actor_user_id')
    .select([
      'audit_log.id',
      'audit_log.entity_type',
      'audit_log.action',
      'audit_log.before_json',
      'audit_log.after_json',
      'audit_log.created_at',
      'audit_log.actor_user_id',
      'actor.name as actor_name',
    ])
    .where('audit_log.workspace_id', '=', scope.workspaceId)
    .where('audit_log.task_id', '=', taskId);
  // A contractor's rows are narrowed in SQL first, then line by line (summarizeAudit).
  if (scope.kind === 'contractor')
    q = q.where('audit_log.entity_type', 'in', CONTRACTOR_HISTORY_TYPES);
  if (page.before) q = q.where('audit_log.id', '<', page.before);
  const rows = await q.orderBy('audit_log.id', 'desc').limit(page.limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

function present(rows: AuditRowForHistory[], staff: boolean): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const r of rows) {
    const s = summarizeAudit(r, { staff });
    if (!s) continue;
    out.push({
      id: r.id,
      at: r.created_at,
      actor: r.actor_user_id ? { userId: r.actor_user_id, name: r.actor_name ?? null } : null,
      entityType: r.entity_type,
      action: r.action,
      summary: s.summary,
      changes: s.changes,
    });
  }
  return out;
}

/** GET /api/tasks/:id/history: newest first, as the viewer may see it. */
export async function taskHistory(
  db: Executor,
  actor: Actor,
  taskId: string,
  page: { before?: number; limit: number },
): Promise<HistoryPage> {
  await ensureContractorLinked(db, actor);
  const scope = taskScopeOf(actor);
  if (!(await findTask(db, scope, taskId))) throw notFound('Task');
  const rows = await auditRows(db, scope, taskId, { before: page.before, limit: page.limit + 1 });
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: present(pageRows, scope.kind === 'staff'),
    nextCursor: rows.length > page.limit && last ? last.id : null,
  };
}

/**
 * 409 STALE_VERSION for a task: `details.current` is the version now, `details.changes` what
 * happened to the task since the version the person had (the task's own versioned entries), so
 * the UI can say "Ellie changed this task since you opened it" without losing their text.
 */
export async function staleTask(
  db: Executor,
  scope: TaskScope,
  task: { id: string; version: number },
  seenVersion: number,
): Promise<AppError> {
  const rows = await auditRows(db, scope, task.id, { limit: 30 });
  const since = rows.filter((r) => {
    try {
      const v = (JSON.parse(r.after_json ?? '{}') as { version?: unknown }).version;
      return typeof v === 'number' && v > seenVersion;
    } catch {
      return false;
    }
  });
  const changes = present(since, scope.kind === 'staff');
  const who = changes[0]?.actor?.name ?? 'Someone';
  return new AppError('STALE_VERSION', `${who} changed this task since you opened it`, {
    details: { current: task.version, changes },
  });
}
