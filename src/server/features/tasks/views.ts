import type { z } from 'zod';
import {
  type Subtask,
  TASK_PAGE_COMMENTS,
  type TaskDetail,
  type TaskList,
  type TaskListQuery,
} from '../../../contracts/tasks';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { notFound } from '../../errors';
import { getClientForAssignment } from '../clients';
import { decodeCursor, encodeCursor } from '../requests';
import { listOpenSubtasksOf, nextOpenSubtasks } from './board-queries';
import { presentComment, threadPage } from './comments';
import { presentDetail, presentListItem, presentSubtask } from './present';
import * as q from './queries';
import { ensureContractorLinked, taskScopeOf } from './scope';
import { countVersions, findPendingRound } from './workflow-queries';

/** Reading tasks: the board and one parent task with subtasks, items and comments. */

type RateUnit = 'item' | 'hour' | 'calendar';

export async function listTasksView(
  db: Executor,
  actor: Actor,
  query: z.infer<typeof TaskListQuery>,
): Promise<z.infer<typeof TaskList>> {
  await ensureContractorLinked(db, actor);
  const scope = taskScopeOf(actor);
  const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await q.listTasks(db, scope, {
    statuses: query.status,
    clientId: query.clientId,
    contractorId: query.contractorId,
    strategistUserId: query.strategistUserId,
    month: query.month,
    after: after ? { dueDate: after[0], id: after[1] } : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const next = nextOpenSubtasks(
    await listOpenSubtasksOf(
      db,
      scope,
      page.map((r) => r.id),
    ),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentListItem(r, next.get(r.id))),
    nextCursor: rows.length > query.limit ? encodeCursor([last.due_date, last.id]) : null,
  };
}

export async function getTaskDetail(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<z.infer<typeof TaskDetail>> {
  await ensureContractorLinked(db, actor);
  const scope = taskScopeOf(actor);
  // A contractor asking for someone else's task gets the same 404 as for a missing one (R5).
  const row = await q.findTask(db, scope, id);
  if (!row) throw notFound('Task');
  const [subtasks, items, thread, client, versionCount, pending] = [
    await q.listSubtasksOf(db, scope, [id]),
    await q.listTaskItems(db, scope, id),
    await threadPage(db, scope, id, { limit: TASK_PAGE_COMMENTS }),
    await getClientForAssignment(db, { workspaceId: actor.workspaceId, clientId: row.client_id }),
    await countVersions(db, scope, id),
    await findPendingRound(db, scope, id),
  ];
  return presentDetail(
    row,
    {
      subtasks,
      // A contractor sees his own pricing: these are his rates, not the client's budget.
      items: items.map((i) => ({
        id: i.id,
        deliverableTypeId: i.deliverable_type_id,
        name: i.name,
        quantity: i.quantity,
        unit: i.unit as RateUnit,
        unitAmountMinor: i.unit_amount_minor,
        currency: i.currency,
        rateSource: i.rate_source === 'negotiated' ? 'negotiated' : 'default',
        rateEffectiveFrom: i.rate_effective_from,
        amountMinor: i.amount_minor,
      })),
      comments: thread.rows.map(presentComment),
      olderCommentsCursor: thread.olderCursor,
      oneSheeterVersion: client.oneSheeter.version,
      versionCount,
      pendingRound: pending ? { id: pending.id, number: pending.number } : null,
    },
    actor,
  );
}

/** One subtask as its task page shows it, with the viewer's abilities. */
export async function getSubtaskView(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<z.infer<typeof Subtask>> {
  const scope = taskScopeOf(actor);
  const subtask = await q.findSubtask(db, scope, id);
  const task = subtask ? await q.findTask(db, scope, subtask.task_id) : undefined;
  const row = task ? (await q.listSubtasksOf(db, scope, [task.id])).find((r) => r.id === id) : null;
  if (!task || !row) throw notFound('Subtask');
  return presentSubtask(row, task, actor);
}
