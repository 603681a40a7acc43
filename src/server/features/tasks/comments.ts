import type { z } from 'zod';
import type { TaskComment } from '../../../contracts/tasks';
import type {
  CommentPage,
  CreateCommentBody,
  MentionablePeople,
  ThreadComment,
} from '../../../contracts/workflow';
import { findMentions } from '../../../domain/rich-text';
import { RuleViolation } from '../../../domain/rule-violation';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { forbidden, notFound } from '../../errors';
import { newId } from '../../lib/ids';
import { notify, taskLink } from '../notifications';
import { decodeCursor, encodeCursor } from '../requests';
import * as cq from './comment-queries';
import { findSubtask } from './queries';
import { ensureContractorLinked, type TaskScope, taskScopeOf } from './scope';
import { assertVersion, loadTask } from './workflow';

/** The thread on the parent task (R18, R19): posting, reading, @mentions. */

type Body = z.infer<typeof CreateCommentBody>;

const kindOf = (k: string): ThreadComment['kind'] =>
  k === 'client_feedback' ? 'client_feedback' : k === 'system' ? 'system' : 'comment';

/** A comment as the task page and the thread show it (the thread adds its @mentions). */
export function presentComment(row: cq.ThreadRow): TaskComment {
  return {
    id: row.id,
    author: row.author_user_id
      ? { userId: row.author_user_id, name: row.author_name ?? null }
      : null,
    body: row.body,
    visibility: row.visibility === 'all' ? 'all' : 'internal',
    kind: kindOf(row.kind),
    createdAt: row.created_at,
  };
}

/**
 * The latest `limit` comments before the cursor, oldest first, and the cursor to the ones before
 * them (null when there are none). The viewer's scope hides what R19 hides from a contractor.
 */
export async function threadPage(
  db: Executor,
  scope: TaskScope,
  taskId: string,
  query: { before?: string; limit: number },
): Promise<{ rows: cq.ThreadRow[]; olderCursor: string | null }> {
  const cursor = query.before ? decodeCursor(query.before, 2) : null;
  const rows = await cq.listThread(db, scope, taskId, {
    before: cursor ? { createdAt: cursor[0], id: cursor[1] } : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const oldest = page[page.length - 1];
  return {
    rows: page.reverse(),
    olderCursor:
      rows.length > query.limit && oldest ? encodeCursor([oldest.created_at, oldest.id]) : null,
  };
}

/** POST /api/tasks/:id/comments. Contractors write only comments everyone on the task sees. */
export async function postComment(
  db: Executor,
  actor: Actor,
  taskId: string,
  body: Body,
  now: Date,
): Promise<ThreadComment> {
  await ensureContractorLinked(db, actor);
  return db.transaction().execute(async (tx) => {
    const task = await loadTask(tx, actor, taskId);
    if (body.version !== undefined) await assertVersion(tx, actor, task, body.version);
    const isContractor = actor.role === 'contractor';
    if (isContractor && (body.visibility !== 'all' || body.kind !== 'comment')) {
      throw forbidden(
        'Contractors post comments that everyone on the task sees; internal notes and client feedback are for staff',
      );
    }
    // R19: client feedback is the client's raw words: always internal, whatever was asked.
    const visibility = body.kind === 'client_feedback' ? 'internal' : body.visibility;
    const scope = taskScopeOf(actor);
    // Without an @ there is nobody to find: the people list is read only when it can matter.
    const people = body.body.includes('@')
      ? await cq.mentionablePeople(tx, scope, task, visibility === 'all')
      : [];
    const mentions = findMentions(body.body, people);
    const id = newId();
    const at = now.toISOString();
    await tx
      .insertInto('comments')
      .values({
        id,
        workspace_id: actor.workspaceId,
        task_id: taskId,
        author_user_id: actor.userId,
        body: body.body,
        visibility,
        kind: body.kind,
        created_at: at,
      })
      .execute();
    if (mentions.length > 0) {
      await tx
        .insertInto('comment_mentions')
        .values(
          mentions.map((m) => ({
            comment_id: id,
            workspace_id: actor.workspaceId,
            user_id: m.userId,
          })),
        )
        .execute();
    }
    await recordAudit(tx, actor, {
      entityType: 'comment',
      entityId: id,
      taskId,
      action: 'posted',
      after: {
        visibility,
        kind: body.kind,
        mentions: mentions.map((m) => m.userId),
        body: body.body,
      },
    });
    await notifyMentioned(tx, actor, { task, commentId: id, body: body.body, people, mentions });
    return {
      id,
      author: { userId: actor.userId, name: actor.name },
      body: body.body,
      visibility,
      kind: kindOf(body.kind),
      createdAt: at,
      mentions,
    };
  });
}

/** GET /api/tasks/:id/comments: the latest page, oldest first within it. */
export async function readThread(
  db: Executor,
  actor: Actor,
  taskId: string,
  query: { before?: string; limit: number },
): Promise<CommentPage> {
  await ensureContractorLinked(db, actor);
  const scope = taskScopeOf(actor);
  await loadTask(db, actor, taskId);
  const page = await threadPage(db, scope, taskId, query);
  const mentions = await cq.mentionsOf(
    db,
    scope,
    page.rows.map((r) => r.id),
  );
  const byComment = new Map<string, { userId: string; name: string }[]>();
  for (const m of mentions) {
    byComment.set(m.comment_id, [
      ...(byComment.get(m.comment_id) ?? []),
      { userId: m.user_id, name: m.name },
    ]);
  }
  return {
    items: page.rows.map((r) => ({ ...presentComment(r), mentions: byComment.get(r.id) ?? [] })),
    olderCursor: page.olderCursor,
  };
}

/** GET /api/tasks/:id/mentionable: who `@Name` can reach on this task. */
export async function mentionable(
  db: Executor,
  actor: Actor,
  taskId: string,
): Promise<MentionablePeople> {
  await ensureContractorLinked(db, actor);
  const task = await loadTask(db, actor, taskId);
  const people = await cq.mentionablePeople(db, taskScopeOf(actor), task, true);
  return { items: people.map((p) => ({ userId: p.userId, name: p.name, role: p.role })) };
}

/** R18: subtasks have no thread; the refusal points to the parent task. */
export async function refuseSubtaskComment(db: Executor, actor: Actor, subtaskId: string) {
  await ensureContractorLinked(db, actor);
  const subtask = await findSubtask(db, taskScopeOf(actor), subtaskId);
  if (!subtask) throw notFound('Subtask');
  throw new RuleViolation('R18', 'Discuss on the parent task', { parentTaskId: subtask.task_id });
}

/**
 * Everyone written as @Name hears of it (not the author). The people list is already limited to
 * who may read the comment: an internal note never reaches the contractor (R19).
 */
async function notifyMentioned(
  tx: Executor,
  actor: Actor,
  c: {
    task: { id: string; title: string; client_id: string };
    commentId: string;
    body: string;
    people: readonly { userId: string; name: string; email: string; role: string }[];
    mentions: readonly { userId: string }[];
  },
): Promise<void> {
  const told = c.mentions.filter((m) => m.userId !== actor.userId).map((m) => m.userId);
  if (told.length === 0) return;
  const isContractor = (id: string) =>
    c.people.some((p) => p.userId === id && p.role === 'contractor');
  const excerpt = c.body.length > 160 ? `${c.body.slice(0, 157)}…` : c.body;
  for (const role of ['contractor', 'staff'] as const) {
    const recipients = told.filter((id) => isContractor(id) === (role === 'contractor'));
    if (recipients.length === 0) continue;
    await notify(tx, {
      workspaceId: actor.workspaceId,
      recipients,
      kind: 'mentioned',
      title: `${actor.name} mentioned you: ${c.task.title}`,
      body: excerpt,
      link: taskLink(c.task.id, role === 'contractor' ? 'contractor' : 'coordinator'),
      dedupeKey: `mentioned:${c.commentId}`,
      clientId: c.task.client_id,
      members: c.people
        .filter((p) => recipients.includes(p.userId))
        .map((p) => ({ id: p.userId, name: p.name, email: p.email })),
    });
  }
}
