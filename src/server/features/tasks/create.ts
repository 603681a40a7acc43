import type { IsoDate } from '../../../domain/calendar';
import { formatDayMonthNear } from '../../../domain/format';
import type { PlannedSubtask } from '../../../domain/planner';
import type { RateInForce } from '../../../domain/rates';
import { taskTransition } from '../../../domain/task-status';
import { type AuditActor, recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError } from '../../errors';
import { newId } from '../../lib/ids';

/** Creating the parent task from an assignment (R14, R16, R17, R7). Runs in the caller's transaction. */

export interface PricedItem {
  deliverableTypeId: string;
  quantity: number;
  rate: RateInForce;
  amountMinor: number;
}

export interface NewTask {
  requestId: string;
  clientId: string;
  title: string;
  contractor: { id: string; userId: string | null; name: string; includedRounds: number };
  strategistUserId: string;
  month: string;
  dueDate: IsoDate;
  today: IsoDate;
  items: PricedItem[];
  currency: string;
  subtasks: PlannedSubtask[];
  warnings: string[];
  oneSheeterVersion: number;
  at: string;
}

/** R17: the planned due dates as one comment on the parent task, for everyone to see. */
export function plannedDatesComment(
  t: Pick<NewTask, 'subtasks' | 'today' | 'warnings' | 'contractor' | 'oneSheeterVersion'>,
): string {
  const dates = t.subtasks
    .map((s) => `${s.title} — ${formatDayMonthNear(s.dueDate, t.today)}`)
    .join('; ');
  const lines = [`Planned due dates: ${dates}.`];
  for (const w of t.warnings) lines.push(`Note: ${w}`);
  lines.push(
    `${t.contractor.name}: acknowledge the brief (one-sheeter v${t.oneSheeterVersion}) before ` +
      'starting the first draft.',
  );
  return lines.join('\n');
}

function assigneeOf(s: PlannedSubtask, t: NewTask): string | null {
  if (s.assignee === 'contractor') return t.contractor.userId;
  if (s.assignee === 'strategist') return t.strategistUserId;
  return null; // QA: the QA pool picks it up
}

export async function insertTask(
  tx: Executor,
  actor: Actor,
  t: NewTask,
): Promise<{ taskId: string; committedMinor: number }> {
  const move = taskTransition('requested', 'assign', actor.role);
  if (!move.ok) throw new AppError(move.code, move.reason);
  const taskId = newId();
  const base = { workspace_id: actor.workspaceId, task_id: taskId };
  // R27 seam: budgets compare this against the client's month (planned / emergency maximum).
  const committedMinor = t.items.reduce((sum, i) => sum + i.amountMinor, 0);
  const task = {
    id: taskId,
    workspace_id: actor.workspaceId,
    request_id: t.requestId,
    client_id: t.clientId,
    contractor_id: t.contractor.id,
    strategist_user_id: t.strategistUserId,
    title: t.title,
    status: move.to,
    due_date: t.dueDate,
    month: t.month,
    brief_acknowledged_at: null,
    brief_version: null,
    included_rounds: t.contractor.includedRounds,
    rounds_used: 0,
    qa_fail_count: 0,
    committed_minor: committedMinor,
    currency: t.currency,
    created_at: t.at,
    updated_at: t.at,
    version: 1,
  };
  await tx.insertInto('tasks').values(task).execute();
  await tx
    .insertInto('task_items')
    .values(
      t.items.map((i) => ({
        ...base,
        id: newId(),
        deliverable_type_id: i.deliverableTypeId,
        quantity: i.quantity,
        unit: i.rate.unit,
        unit_amount_minor: i.rate.amountMinor,
        currency: i.rate.currency,
        rate_source: i.rate.source,
        rate_effective_from: i.rate.effectiveFrom,
        amount_minor: i.amountMinor,
      })),
    )
    .execute();
  const subtasks = t.subtasks.map((s, sort) => ({
    ...base,
    id: newId(),
    kind: s.kind,
    title: s.title,
    assignee_role: s.assignee,
    assignee_user_id: assigneeOf(s, t),
    start_date: s.startDate,
    due_date: s.dueDate,
    status: 'todo',
    completed_at: null,
    completed_by: null,
    sort,
  }));
  await tx.insertInto('subtasks').values(subtasks).execute();
  await addSystemComment(tx, actor, taskId, plannedDatesComment(t), t.at);
  await recordAudit(tx, actor, {
    entityType: 'task',
    entityId: taskId,
    taskId,
    action: 'created',
    after: { ...task, items: t.items, subtasks },
  });
  return { taskId, committedMinor };
}

/** A comment written by Handoff itself (author null), visible to everyone on the task. */
export async function addSystemComment(
  tx: Executor,
  actor: AuditActor,
  taskId: string,
  body: string,
  at: string,
): Promise<void> {
  const id = newId();
  await tx
    .insertInto('comments')
    .values({
      id,
      workspace_id: actor.workspaceId,
      task_id: taskId,
      author_user_id: null,
      body,
      visibility: 'all',
      kind: 'system',
      created_at: at,
    })
    .execute();
  await recordAudit(tx, actor, {
    entityType: 'comment',
    entityId: id,
    taskId,
    action: 'system_comment',
    after: { body },
  });
}
