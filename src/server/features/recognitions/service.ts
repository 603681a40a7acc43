import type {
  CreateRecognitionBody,
  Recognition,
  RecognitionKind,
} from '../../../contracts/community';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { notFound } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import { findContractor } from '../contractors';
import type { Keyset } from '../escalations/cursor';

/** Staff who give kudos and constructive feedback (R25). */
export const RECOGNITION_AUTHORS = ['admin', 'coordinator', 'strategist'] as const;

function recognitionsQuery(db: Executor, workspaceId: string) {
  return db
    .selectFrom('recognitions as r')
    .leftJoin('tasks', (j) =>
      j.onRef('tasks.id', '=', 'r.task_id').onRef('tasks.workspace_id', '=', 'r.workspace_id'),
    )
    .leftJoin('user', 'user.id', 'r.author_id')
    .select([
      'r.id',
      'r.contractor_id',
      'r.task_id',
      'r.kind',
      'r.body',
      'r.author_id',
      'r.created_at',
      'tasks.title as task_title',
      'user.name as author_name',
    ])
    .where('r.workspace_id', '=', workspaceId);
}

type Row = Awaited<ReturnType<ReturnType<typeof recognitionsQuery>['execute']>>[number];

function present(row: Row): Recognition {
  return {
    id: row.id,
    contractorId: row.contractor_id,
    task: row.task_id ? { id: row.task_id, title: row.task_title ?? 'Task' } : null,
    kind: row.kind as RecognitionKind,
    body: row.body,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? 'Someone' } : null,
    createdAt: row.created_at,
  };
}

/** R25: kudos or constructive feedback goes into the contractor's record. */
export async function giveRecognition(
  db: Executor,
  actor: Actor,
  contractorId: string,
  body: CreateRecognitionBody,
): Promise<Recognition> {
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const contractor = await findContractor(tx, {
      workspaceId: actor.workspaceId,
      id: contractorId,
    });
    if (!contractor) throw notFound('Contractor');
    if (body.taskId) {
      // Recognition is for work this contractor did: a task of someone else is not found here.
      const task = await tx
        .selectFrom('tasks')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', body.taskId)
        .where('contractor_id', '=', contractorId)
        .executeTakeFirst();
      if (!task) throw notFound('Task');
    }
    const row = {
      id,
      workspace_id: actor.workspaceId,
      contractor_id: contractorId,
      task_id: body.taskId ?? null,
      kind: body.kind,
      body: body.body.trim(),
      author_id: actor.userId,
      created_at: nowIso(),
    };
    await tx.insertInto('recognitions').values(row).execute();
    await recordAudit(tx, actor, {
      entityType: 'recognition',
      entityId: id,
      action: body.kind === 'kudos' ? 'kudos_given' : 'feedback_given',
      after: { contractorId, kind: row.kind, body: row.body },
      taskId: row.task_id,
    });
  });
  const row = await recognitionsQuery(db, actor.workspaceId)
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow();
  return present(row);
}

/** A contractor's recognition, newest first (keyset on created_at, id). */
export async function listRecognitions(
  db: Executor,
  scope: {
    workspaceId: string;
    contractorId: string;
    limit: number;
    before: Keyset | null;
  },
): Promise<{ items: Recognition[]; next: Keyset | null }> {
  let q = recognitionsQuery(db, scope.workspaceId).where(
    'r.contractor_id',
    '=',
    scope.contractorId,
  );
  if (scope.before) {
    const { at: createdAt, id } = scope.before;
    q = q.where((eb) =>
      eb.or([
        eb('r.created_at', '<', createdAt),
        eb.and([eb('r.created_at', '=', createdAt), eb('r.id', '<', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(scope.limit + 1)
    .execute();
  const page = rows.slice(0, scope.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(present),
    next: rows.length > scope.limit && last ? { at: last.created_at, id: last.id } : null,
  };
}
