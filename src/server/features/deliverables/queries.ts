import type { Executor } from '../../db';
import type { TaskScope } from '../tasks';

/** Deliverable versions and attachments. Reads are scoped like tasks: a contractor's own only. */

export async function listVersions(db: Executor, scope: TaskScope, taskId: string) {
  return db
    .selectFrom('deliverable_versions')
    .leftJoin('user as submitter', 'submitter.id', 'deliverable_versions.submitted_by')
    .selectAll('deliverable_versions')
    .select('submitter.name as submitter_name')
    .where('deliverable_versions.workspace_id', '=', scope.workspaceId)
    .where('deliverable_versions.task_id', '=', taskId)
    .orderBy('deliverable_versions.number', 'desc')
    .limit(100)
    .execute();
}

export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

const META = [
  'attachments.id',
  'attachments.version_id',
  'attachments.filename',
  'attachments.content_type',
  'attachments.size',
  'attachments.created_at',
  'attachments.uploaded_by',
] as const;

/** Metadata (never the bytes) of the files of some versions. */
export async function attachmentsOfVersions(db: Executor, scope: TaskScope, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .selectFrom('attachments')
    .select(META)
    .where('attachments.workspace_id', '=', scope.workspaceId)
    .where('attachments.version_id', 'in', versionIds)
    .orderBy('attachments.created_at')
    .execute();
}

export type AttachmentMetaRow = Awaited<ReturnType<typeof attachmentsOfVersions>>[number];

/** Files one person uploaded to a task and has not submitted yet. */
export async function stagedAttachments(
  db: Executor,
  scope: TaskScope,
  f: { taskId: string; uploadedBy: string },
) {
  return db
    .selectFrom('attachments')
    .select(META)
    .where('attachments.workspace_id', '=', scope.workspaceId)
    .where('attachments.task_id', '=', f.taskId)
    .where('attachments.uploaded_by', '=', f.uploadedBy)
    .where('attachments.version_id', 'is', null)
    .orderBy('attachments.created_at')
    .limit(50)
    .execute();
}

/**
 * One attachment with its bytes, if the viewer may read it: its task is in the viewer's scope (a
 * contractor's own tasks only), and a file not yet submitted is visible to its uploader alone.
 */
export async function findAttachment(
  db: Executor,
  scope: TaskScope,
  viewerUserId: string,
  id: string,
) {
  let q = db
    .selectFrom('attachments')
    .innerJoin('tasks', 'tasks.id', 'attachments.task_id')
    .innerJoin('contractors', 'contractors.id', 'tasks.contractor_id')
    .select([...META, 'attachments.data', 'attachments.task_id'])
    .where('attachments.workspace_id', '=', scope.workspaceId)
    .where('tasks.workspace_id', '=', scope.workspaceId)
    .where('attachments.id', '=', id)
    .where((eb) =>
      eb.or([
        eb('attachments.version_id', 'is not', null),
        eb('attachments.uploaded_by', '=', viewerUserId),
      ]),
    );
  if (scope.kind === 'contractor') q = q.where('contractors.user_id', '=', scope.userId);
  return q.executeTakeFirst();
}

export async function nextVersionNumber(db: Executor, scope: TaskScope, taskId: string) {
  const row = await db
    .selectFrom('deliverable_versions')
    .select((eb) => eb.fn.max<number>('number').as('n'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}
