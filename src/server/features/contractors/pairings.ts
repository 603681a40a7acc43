import { type AuditActor, recordAudit } from '../../audit';
import type { Executor } from '../../db';
import { nowIso } from '../../lib/ids';

/** Which contractor has worked with which client: R16 first pairing, and brief access (R5). */

export interface PairingScope {
  workspaceId: string;
  clientId: string;
  contractorId: string;
}

/** R16: true when the contractor has never been assigned work for this client. */
export async function isFirstPairing(db: Executor, scope: PairingScope): Promise<boolean> {
  const row = await db
    .selectFrom('client_contractor_pairings')
    .select('client_id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('client_id', '=', scope.clientId)
    .where('contractor_id', '=', scope.contractorId)
    .executeTakeFirst();
  return !row;
}

/**
 * Records that a contractor now works for a client (call it in the assignment's transaction).
 * Idempotent: a repeat assignment leaves the first date alone. Returns true for a new pairing.
 */
export async function recordPairing(
  tx: Executor,
  actor: AuditActor,
  pairing: { clientId: string; contractorId: string; at?: string },
): Promise<boolean> {
  const result = await tx
    .insertInto('client_contractor_pairings')
    .values({
      workspace_id: actor.workspaceId,
      client_id: pairing.clientId,
      contractor_id: pairing.contractorId,
      first_assigned_at: pairing.at ?? nowIso(),
      brand_training_done_at: null,
    })
    .onConflict((oc) => oc.columns(['client_id', 'contractor_id']).doNothing())
    .executeTakeFirst();
  const created = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  if (created) {
    await recordAudit(tx, actor, {
      entityType: 'client_contractor_pairing',
      entityId: `${pairing.clientId}:${pairing.contractorId}`,
      action: 'paired',
      after: pairing,
    });
  }
  return created;
}

/** R16: the 30-minute brand training session took place. */
export async function markBrandTrainingDone(
  tx: Executor,
  actor: AuditActor,
  pairing: { clientId: string; contractorId: string; at?: string },
): Promise<void> {
  const at = pairing.at ?? nowIso();
  await tx
    .updateTable('client_contractor_pairings')
    .set({ brand_training_done_at: at })
    .where('workspace_id', '=', actor.workspaceId)
    .where('client_id', '=', pairing.clientId)
    .where('contractor_id', '=', pairing.contractorId)
    .execute();
  await recordAudit(tx, actor, {
    entityType: 'client_contractor_pairing',
    entityId: `${pairing.clientId}:${pairing.contractorId}`,
    action: 'brand_training_done',
    after: { at },
  });
}

/** The clients a contractor has been paired with: the briefs he may read. */
export async function pairedClientIds(
  db: Executor,
  scope: { workspaceId: string; contractorId: string },
): Promise<string[]> {
  const rows = await db
    .selectFrom('client_contractor_pairings')
    .select('client_id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('contractor_id', '=', scope.contractorId)
    .limit(5000)
    .execute();
  return rows.map((r) => r.client_id);
}
