import {
  CATEGORY_LABELS,
  type CreateEscalationBody,
  type EscalationCategory,
  type EscalationSeverity,
  type ProcessOwner,
  SEVERITY_LABELS,
} from '../../../contracts/community';
import { RuleViolation } from '../../../domain/rule-violation';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError, notFound, staleVersion } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import { findContractor, findSelfContractor } from '../contractors';
import { notify } from '../notifications';
import { emitWebhookEvent } from '../webhooks';
import { ESCALATION_HANDLERS, type EscalationAction, escalationMove } from './policy';
import * as q from './queries';

/** The SPA path where an escalation opens. */
export const escalationLink = (id: string) => `/escalations?escalation=${encodeURIComponent(id)}`;

/** Whom an escalation is about: a task (and so its contractor) and/or a contractor. */
async function resolveSubject(
  tx: Executor,
  actor: Actor,
  body: { taskId?: string | null; contractorId?: string | null },
): Promise<{ taskId: string | null; contractorId: string }> {
  const task = body.taskId
    ? await q.findTaskRef(tx, { workspaceId: actor.workspaceId, id: body.taskId })
    : null;
  if (body.taskId && !task) throw notFound('Task');
  if (actor.role === 'contractor') {
    // A contractor escalates about his own work or himself; anything else does not exist for him.
    const self = await findSelfContractor(tx, actor);
    if (!self) throw notFound('Contractor');
    if (body.contractorId && body.contractorId !== self.id) throw notFound('Contractor');
    if (task && task.contractor_id !== self.id) throw notFound('Task');
    return { taskId: task?.id ?? null, contractorId: self.id };
  }
  if (task) {
    if (body.contractorId && body.contractorId !== task.contractor_id) {
      throw new AppError('VALIDATION', 'That task is assigned to another contractor', {
        fields: { 'body.contractorId': 'Not the contractor of this task' },
      });
    }
    return { taskId: task.id, contractorId: task.contractor_id };
  }
  if (!body.contractorId) {
    throw new AppError('VALIDATION', 'Say which task or contractor this is about', {
      fields: { 'body.contractorId': 'Choose a task or a contractor' },
    });
  }
  const contractor = await findContractor(tx, {
    workspaceId: actor.workspaceId,
    id: body.contractorId,
  });
  if (!contractor) throw notFound('Contractor');
  return { taskId: null, contractorId: contractor.id };
}

/** R24: anyone escalates a contractor-related issue; it reaches the process owner at once. */
export async function openEscalation(
  db: Executor,
  actor: Actor,
  body: CreateEscalationBody,
): Promise<string> {
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const subject = await resolveSubject(tx, actor, body);
    const row = {
      id,
      workspace_id: actor.workspaceId,
      task_id: subject.taskId,
      contractor_id: subject.contractorId,
      category: body.category,
      severity: body.severity ?? 'medium',
      description: body.description.trim(),
      status: 'open',
      opened_by: actor.userId,
      opened_at: nowIso(),
      acknowledged_by: null,
      acknowledged_at: null,
      resolved_by: null,
      resolved_at: null,
      resolution_notes: null,
      version: 1,
    };
    await tx.insertInto('escalations').values(row).execute();
    await recordAudit(tx, actor, {
      entityType: 'escalation',
      entityId: id,
      action: 'opened',
      after: {
        category: row.category,
        severity: row.severity,
        contractorId: row.contractor_id,
        description: row.description,
      },
      taskId: row.task_id,
    });
    await onEscalationOpened(tx, { workspaceId: actor.workspaceId, escalationId: id, actor });
  });
  return id;
}

/**
 * R24 "reaches the process owner at once": in the opening transaction, notifies the process
 * owner (or every admin when none is chosen) and emits the `escalation.opened` webhook.
 */
export async function onEscalationOpened(
  tx: Executor,
  event: { workspaceId: string; escalationId: string; actor: Pick<Actor, 'userId' | 'name'> },
): Promise<string[]> {
  const row = await q.findEscalation(
    tx,
    { kind: 'all', workspaceId: event.workspaceId },
    event.escalationId,
  );
  if (!row) return [];
  const { notified } = await processOwnerOf(tx, event.workspaceId);
  const category = CATEGORY_LABELS[row.category as EscalationCategory];
  const severity = SEVERITY_LABELS[row.severity as EscalationSeverity].toLowerCase();
  const about = [row.contractor_name, row.task_title].filter(Boolean).join(' · ');
  const { notified: told } = await notify(tx, {
    workspaceId: event.workspaceId,
    recipients: notified.map((p) => p.id).filter((id) => id !== event.actor.userId),
    kind: 'escalation_opened',
    title: `Escalation (${severity}): ${category}${about ? ` — ${about}` : ''}`,
    body: `${event.actor.name} escalated: ${row.description}`,
    link: escalationLink(row.id),
    dedupeKey: `escalation_opened:${row.id}`,
  });
  await emitWebhookEvent(tx, event.workspaceId, 'escalation.opened', {
    escalationId: row.id,
    taskId: row.task_id,
    contractorId: row.contractor_id,
    category: row.category,
    severity: row.severity,
    description: row.description,
    openedBy: row.opened_by,
    openedAt: row.opened_at,
  });
  return told;
}

/** R24: the handler saw it (acknowledge) or closed it with notes on what was done (resolve). */
export async function moveEscalation(
  db: Executor,
  actor: Actor,
  id: string,
  action: EscalationAction,
  body: { version: number; notes?: string },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await q.findEscalation(tx, { kind: 'all', workspaceId: actor.workspaceId }, id);
    if (!row) throw notFound('Escalation');
    if (row.version !== body.version) throw staleVersion('This escalation', row.version);
    const verdict = escalationMove(row.status as 'open', action);
    if (!verdict.ok) throw new AppError('ILLEGAL_TRANSITION', verdict.message);
    const now = nowIso();
    const set =
      action === 'acknowledge'
        ? { status: verdict.to, acknowledged_by: actor.userId, acknowledged_at: now }
        : {
            status: verdict.to,
            resolved_by: actor.userId,
            resolved_at: now,
            resolution_notes: body.notes?.trim() ?? '',
            // Resolving straight from open also counts as having seen it.
            acknowledged_by: row.acknowledged_by ?? actor.userId,
            acknowledged_at: row.acknowledged_at ?? now,
          };
    const updated = await tx
      .updateTable('escalations')
      .set({ ...set, version: row.version + 1 })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleVersion('This escalation', row.version);
    await recordAudit(tx, actor, {
      entityType: 'escalation',
      entityId: id,
      action: action === 'acknowledge' ? 'acknowledged' : 'resolved',
      before: { status: row.status },
      after: action === 'resolve' ? { status: verdict.to, notes: set.resolution_notes } : set,
      taskId: row.task_id,
    });
  });
}

/** The chosen process owner (if still an admin or coordinator), and who escalations reach. */
export async function processOwnerOf(db: Executor, workspaceId: string): Promise<ProcessOwner> {
  const ownerId = await q.processOwnerId(db, workspaceId);
  if (ownerId) {
    const [owner] = await q.membersWithRoles(db, {
      workspaceId,
      roles: ESCALATION_HANDLERS,
      userId: ownerId,
    });
    if (owner) {
      const user = { id: owner.id, name: owner.name };
      return { user, notified: [user] };
    }
  }
  const admins = await q.membersWithRoles(db, { workspaceId, roles: ['admin'] });
  return { user: null, notified: admins.map((a) => ({ id: a.id, name: a.name })) };
}

/** R24 (admin): choose who escalations reach at once; null = every admin. */
export async function setProcessOwner(
  db: Executor,
  actor: Actor,
  userId: string | null,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    if (userId) {
      const role = await q.findMemberRole(tx, { workspaceId: actor.workspaceId, userId });
      if (!role) throw notFound('Member');
      if (!ESCALATION_HANDLERS.includes(role as 'admin')) {
        throw new RuleViolation(
          'R24',
          'The process owner handles escalations: choose an admin or a coordinator',
          { role },
        );
      }
    }
    const before = await q.processOwnerId(tx, actor.workspaceId);
    await tx
      .updateTable('workspaces')
      .set({ process_owner_user_id: userId })
      .where('id', '=', actor.workspaceId)
      .execute();
    await recordAudit(tx, actor, {
      entityType: 'workspace',
      entityId: actor.workspaceId,
      action: 'process_owner_changed',
      before: { processOwnerUserId: before },
      after: { processOwnerUserId: userId },
    });
  });
}
