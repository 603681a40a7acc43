import type { Updateable } from 'kysely';
import type { CreateRequestBody, UpdateRequestBody } from '../../../contracts/requests';
import { calendarDayIn } from '../../../domain/calendar';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { isUniqueViolation } from '../../db/dialect';
import type { RequestsTable } from '../../db/tables/tasks';
import { AppError, conflict, forbidden, notFound, staleVersion } from '../../errors';
import { newId } from '../../lib/ids';
import { getClientForAssignment } from '../clients';
import { findContractor } from '../contractors';
import { acceptLeadTime, judgeLeadTime, loadItemTypes, mayOverrideLeadTime } from './intake';
import * as q from './queries';
import type { DetailParts } from './views';

/** Request commands (R10–R12): one transaction each, every change audited. */

async function assertPreferredContractor(db: Executor, workspaceId: string, id?: string | null) {
  if (!id) return;
  if (!(await findContractor(db, { workspaceId, id }))) {
    throw new AppError('VALIDATION', 'The preferred contractor is not in this workspace', {
      fields: { 'body.preferredContractorId': 'Unknown contractor' },
    });
  }
}

async function assertClientOpen(db: Executor, workspaceId: string, clientId: string) {
  const client = await getClientForAssignment(db, { workspaceId, clientId });
  if (client.archived) {
    throw conflict(`${client.name} is archived: restore it before requesting work`);
  }
  return client;
}

/**
 * R10/R11: submits a task request. With an idempotency key the same person's repeat returns the
 * first request (`created: false`) instead of a second row. `now` is injected for tests.
 */
export async function submitRequest(
  db: Executor,
  actor: Actor,
  body: CreateRequestBody,
  now: Date,
  idempotencyKey?: string,
): Promise<{ id: string; created: boolean; read?: DetailParts }> {
  const key = idempotencyKey ?? body.idempotencyKey ?? null;
  const scope = { workspaceId: actor.workspaceId };
  if (key) {
    const seen = await q.findByIdempotencyKey(db, { ...scope, submittedBy: actor.userId, key });
    if (seen) return { id: seen.id, created: false };
  }
  const client = await assertClientOpen(db, actor.workspaceId, body.clientId);
  const types = await loadItemTypes(db, actor.workspaceId, body.items);
  await assertPreferredContractor(db, actor.workspaceId, body.preferredContractorId);
  const verdict = await judgeLeadTime(db, actor.workspaceId, {
    dueDate: body.dueDate,
    types,
    now,
  });
  const { overrideReason } = acceptLeadTime(actor, verdict, body.overrideReason);
  const at = now.toISOString();
  const id = newId();
  const row = {
    id,
    workspace_id: actor.workspaceId,
    client_id: body.clientId,
    month: body.month,
    due_date: body.dueDate,
    collateral_ready: body.collateralReady ? 1 : 0,
    preferred_contractor_id: body.preferredContractorId ?? null,
    notes: body.notes ?? '',
    status: 'submitted',
    lead_days: verdict.leadDays,
    lead_status: verdict.status,
    lead_message: verdict.message,
    override_reason: overrideReason,
    override_by: overrideReason ? actor.userId : null,
    override_at: overrideReason ? at : null,
    decline_reason: null,
    idempotency_key: key,
    submitted_by: actor.userId,
    submitted_at: at,
    assigned_at: null,
    task_id: null,
    version: 1,
  };
  try {
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('requests').values(row).execute();
      await q.insertItems(
        tx,
        { ...scope, requestId: id },
        body.items.map((i) => ({ id: newId(), ...i })),
      );
      await recordAudit(tx, actor, {
        entityType: 'request',
        entityId: id,
        action: overrideReason ? 'submitted_with_override' : 'submitted',
        after: { ...row, items: body.items },
      });
    });
  } catch (err) {
    // Two identical submits raced: the loser answers with the winner's request.
    if (key && isUniqueViolation(err)) {
      const seen = await q.findByIdempotencyKey(db, { ...scope, submittedBy: actor.userId, key });
      if (seen) return { id: seen.id, created: false };
    }
    throw err;
  }
  // What the answer shows of the client and the workspace's day, as read for the checks above.
  return { id, created: true, read: { client, today: calendarDayIn(now, verdict.timeZone) } };
}

/** A request the actor may change as its submitter while it waits for triage. */
async function loadOwnOpen(tx: Executor, actor: Actor, id: string, version: number) {
  const row = await q.findRequest(tx, { workspaceId: actor.workspaceId, id });
  if (!row) throw notFound('Request');
  if (row.submitted_by !== actor.userId) {
    throw forbidden('Only the person who submitted this request can change or cancel it');
  }
  if (row.status !== 'submitted') throw conflict(`This request is already ${row.status}`);
  if (row.version !== version) throw staleVersion('This request', row.version);
  return row;
}

/** The submitter edits a waiting request; a new due date or new items get a new R11 verdict. */
export async function updateRequest(
  db: Executor,
  actor: Actor,
  id: string,
  body: UpdateRequestBody,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await loadOwnOpen(tx, actor, id, body.version);
    const scope = { workspaceId: actor.workspaceId };
    const items =
      body.items ??
      (await q.listRequestItems(tx, { ...scope, requestIds: [id] })).map((i) => ({
        deliverableTypeId: i.deliverable_type_id,
        quantity: i.quantity,
      }));
    const types = await loadItemTypes(tx, actor.workspaceId, items);
    await assertPreferredContractor(tx, actor.workspaceId, body.preferredContractorId);
    const dueDate = body.dueDate ?? before.due_date;
    const rejudge = body.dueDate !== undefined || body.items !== undefined;
    const set: Updateable<RequestsTable> = {
      month: body.month ?? before.month,
      due_date: dueDate,
      collateral_ready:
        body.collateralReady === undefined ? before.collateral_ready : Number(body.collateralReady),
      preferred_contractor_id:
        body.preferredContractorId === undefined
          ? before.preferred_contractor_id
          : body.preferredContractorId,
      notes: body.notes ?? before.notes,
      version: before.version + 1,
    };
    if (rejudge) {
      const verdict = await judgeLeadTime(tx, actor.workspaceId, { dueDate, types, now });
      const { overrideReason } = acceptLeadTime(actor, verdict, body.overrideReason);
      Object.assign(set, {
        lead_days: verdict.leadDays,
        lead_status: verdict.status,
        lead_message: verdict.message,
        override_reason: overrideReason,
        override_by: overrideReason ? actor.userId : null,
        override_at: overrideReason ? now.toISOString() : null,
      });
    }
    const updated = await tx
      .updateTable('requests')
      .set(set)
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleVersion('This request', before.version);
    if (body.items) {
      await tx.deleteFrom('request_items').where('request_id', '=', id).execute();
      await q.insertItems(
        tx,
        { ...scope, requestId: id },
        body.items.map((i) => ({ id: newId(), ...i })),
      );
    }
    await recordAudit(tx, actor, {
      entityType: 'request',
      entityId: id,
      action: 'updated',
      before,
      after: { ...set, items: body.items },
    });
  });
}

export async function cancelRequest(db: Executor, actor: Actor, id: string, version: number) {
  await db.transaction().execute(async (tx) => {
    const before = await loadOwnOpen(tx, actor, id, version);
    await setStatus(tx, actor, before, { status: 'cancelled' }, 'cancelled');
  });
}

/** A coordinator (or admin) declines a waiting request, with the reason the submitter sees. */
export async function declineRequest(
  db: Executor,
  actor: Actor,
  id: string,
  body: { reason: string; version?: number },
) {
  if (!mayOverrideLeadTime(actor.role)) throw forbidden('Only a coordinator can decline requests');
  await db.transaction().execute(async (tx) => {
    const before = await q.findRequest(tx, { workspaceId: actor.workspaceId, id });
    if (!before) throw notFound('Request');
    if (before.status !== 'submitted') throw conflict(`This request is already ${before.status}`);
    if (body.version !== undefined && body.version !== before.version) {
      throw staleVersion('This request', before.version);
    }
    await setStatus(
      tx,
      actor,
      before,
      { status: 'declined', decline_reason: body.reason },
      'declined',
    );
  });
}

async function setStatus(
  tx: Executor,
  actor: Actor,
  before: q.RequestRow,
  set: { status: string; decline_reason?: string },
  action: string,
) {
  const updated = await tx
    .updateTable('requests')
    .set({ ...set, version: before.version + 1 })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw staleVersion('This request', before.version);
  await recordAudit(tx, actor, {
    entityType: 'request',
    entityId: before.id,
    action,
    before: { status: before.status },
    after: set,
  });
}
