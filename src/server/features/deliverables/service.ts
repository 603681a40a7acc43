import type { z } from 'zod';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_VERSION,
  type AttachmentMeta,
  type DeliverableList,
  type SubmitVersionBody,
  type UploadAttachmentBody,
} from '../../../contracts/workflow';
import { RuleViolation } from '../../../domain/rule-violation';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError, notFound } from '../../errors';
import { newId } from '../../lib/ids';
import {
  assertMayTake,
  assertVersion,
  completeSubtasksOfKinds,
  ensureContractorLinked,
  findPendingRound,
  loadTask,
  taskScopeOf,
  writeTask,
} from '../tasks';
import { CONTENT_TYPES, judgeUpload, safeFilename } from './file-types';
import { presentAttachment, presentVersion } from './present';
import * as q from './queries';

/** The contractor's deliverable versions: uploads, submitting (R17, R23 input), reading. */

const WORKING = ['in_production', 'revision'];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(data: string): Buffer {
  const compact = data.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new AppError('VALIDATION', 'The file is not valid base64', {
      fields: { 'body.dataBase64': 'Not base64' },
    });
  }
  return Buffer.from(compact, 'base64');
}

/** POST /api/tasks/:id/attachments: one file, checked by its bytes, kept until submitted. */
export async function uploadAttachment(
  db: Executor,
  actor: Actor,
  taskId: string,
  body: z.infer<typeof UploadAttachmentBody>,
  now: Date,
): Promise<AttachmentMeta> {
  await ensureContractorLinked(db, actor);
  const bytes = decodeBase64(body.dataBase64);
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'Files can be up to 5 MB: share bigger ones as a link');
  }
  const filename = safeFilename(body.filename);
  const verdict = judgeUpload(filename, bytes);
  if (!verdict.ok) throw new AppError('UNSUPPORTED_MEDIA_TYPE', verdict.reason);
  return db.transaction().execute(async (tx) => {
    const task = await loadTask(tx, actor, taskId);
    if (task.contractor_user_id !== actor.userId) throw notFound('Task');
    if (!WORKING.includes(task.status)) {
      throw new AppError('CONFLICT', 'Files are added while you prepare a draft or a revision');
    }
    const staged = await q.stagedAttachments(tx, taskScopeOf(actor), {
      taskId,
      uploadedBy: actor.userId,
    });
    if (staged.length >= ATTACHMENTS_PER_VERSION) {
      throw new AppError(
        'CONFLICT',
        `A version takes up to ${ATTACHMENTS_PER_VERSION} files: remove one first`,
      );
    }
    const row = {
      id: newId(),
      workspace_id: actor.workspaceId,
      task_id: taskId,
      version_id: null,
      filename,
      content_type: verdict.contentType,
      size: bytes.length,
      data: bytes,
      uploaded_by: actor.userId,
      created_at: now.toISOString(),
    };
    await tx.insertInto('attachments').values(row).execute();
    await recordAudit(tx, actor, {
      entityType: 'attachment',
      entityId: row.id,
      taskId,
      action: 'uploaded',
      after: { filename, contentType: row.content_type, size: row.size },
    });
    return presentAttachment(row);
  });
}

/** DELETE /api/attachments/:id: the uploader removes a file not submitted yet. */
export async function removeStagedAttachment(db: Executor, actor: Actor, id: string) {
  await ensureContractorLinked(db, actor);
  await db.transaction().execute(async (tx) => {
    const file = await q.findAttachment(tx, taskScopeOf(actor), actor.userId, id);
    if (!file || file.uploaded_by !== actor.userId) throw notFound('File');
    if (file.version_id !== null) {
      throw new AppError(
        'CONFLICT',
        'This file is part of a submitted version and stays on record',
      );
    }
    await tx
      .deleteFrom('attachments')
      .where('id', '=', id)
      .where('version_id', 'is', null)
      .execute();
    await recordAudit(tx, actor, {
      entityType: 'attachment',
      entityId: id,
      taskId: file.task_id,
      action: 'removed',
      before: { filename: file.filename },
    });
  });
}

/** GET /api/tasks/:id/attachments/staged: the viewer's files waiting to be submitted. */
export async function listStaged(db: Executor, actor: Actor, taskId: string) {
  await ensureContractorLinked(db, actor);
  await loadTask(db, actor, taskId);
  const rows = await q.stagedAttachments(db, taskScopeOf(actor), {
    taskId,
    uploadedBy: actor.userId,
  });
  return { items: rows.map(presentAttachment) };
}

/**
 * POST /api/tasks/:id/deliverables: the first version is the draft (in production → internal
 * review; R17: only after the brief was acknowledged), a later one a revision (revision →
 * internal review), unless a round waits for a coordinator (R21).
 */
export async function submitVersion(
  db: Executor,
  actor: Actor,
  taskId: string,
  body: z.infer<typeof SubmitVersionBody>,
  now: Date,
) {
  await ensureContractorLinked(db, actor);
  return db.transaction().execute(async (tx) => {
    const scope = taskScopeOf(actor);
    const task = await loadTask(tx, actor, taskId);
    await assertVersion(tx, actor, task, body.version);
    const action = task.status === 'revision' ? 'submit_revision' : 'submit_draft';
    const to = assertMayTake(actor, task, action);
    if (action === 'submit_draft' && task.brief_acknowledged_at === null) {
      throw new RuleViolation('R17', 'Acknowledge the brief before submitting the first draft', {
        taskId,
      });
    }
    const pending = await findPendingRound(tx, scope, taskId);
    if (pending) {
      throw new RuleViolation(
        'R21',
        `Revision round ${pending.number} is waiting for a coordinator's approval: wait before working on it`,
        { roundId: pending.id },
      );
    }
    const staged = await q.stagedAttachments(tx, scope, { taskId, uploadedBy: actor.userId });
    const ids = [...new Set(body.attachmentIds)];
    const missing = ids.filter((id) => !staged.some((s) => s.id === id));
    if (missing.length > 0) {
      throw new AppError('VALIDATION', 'A file to submit was not found: upload it again', {
        fields: { 'body.attachmentIds': 'Unknown file' },
        details: { missing },
      });
    }
    const at = now.toISOString();
    const number = await q.nextVersionNumber(tx, scope, taskId);
    const version = {
      id: newId(),
      workspace_id: actor.workspaceId,
      task_id: taskId,
      number,
      note: body.note,
      links_json: JSON.stringify(body.links),
      submitted_by: actor.userId,
      submitted_at: at,
    };
    await tx.insertInto('deliverable_versions').values(version).execute();
    if (ids.length > 0) {
      await tx
        .updateTable('attachments')
        .set({ version_id: version.id })
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', 'in', ids)
        .execute();
    }
    const change = await writeTask(tx, actor, task, { to, action, at });
    await completeSubtasksOfKinds(
      tx,
      actor,
      taskId,
      action === 'submit_draft' ? ['draft'] : ['revision', 'final'],
      at,
    );
    await recordAudit(tx, actor, {
      entityType: 'deliverable_version',
      entityId: version.id,
      taskId,
      action: 'submitted',
      after: { number, links: body.links.length, files: ids.length, version: change.version },
    });
    const files = (await q.attachmentsOfVersions(tx, scope, [version.id])).map((f) => f);
    return {
      deliverable: presentVersion({ ...version, submitter_name: actor.name }, files),
      task: change,
    };
  });
}

/** GET /api/tasks/:id/deliverables: every version, newest first, with file metadata. */
export async function listDeliverables(
  db: Executor,
  actor: Actor,
  taskId: string,
): Promise<DeliverableList> {
  await ensureContractorLinked(db, actor);
  const scope = taskScopeOf(actor);
  await loadTask(db, actor, taskId);
  const versions = await q.listVersions(db, scope, taskId);
  const files = await q.attachmentsOfVersions(
    db,
    scope,
    versions.map((v) => v.id),
  );
  return { items: versions.map((v) => presentVersion(v, files)) };
}

const SAFE_TYPES = new Set(Object.values(CONTENT_TYPES));

/** GET /api/attachments/:id: the bytes, for the viewer's own scope only (else 404). */
export async function readAttachment(db: Executor, actor: Actor, id: string) {
  await ensureContractorLinked(db, actor);
  const file = await q.findAttachment(db, taskScopeOf(actor), actor.userId, id);
  if (!file) throw notFound('File');
  return {
    filename: file.filename,
    // Only ever a type from the whitelist, whatever the row says.
    contentType: SAFE_TYPES.has(file.content_type) ? file.content_type : 'application/octet-stream',
    data: Buffer.from(file.data),
  };
}
