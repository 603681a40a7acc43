import { recordAudit } from '../../audit';
import type { Executor } from '../../db';
import { AppError, forbidden } from '../../errors';
import { nowIso } from '../../lib/ids';
import { mayOverrideFit } from './policy';
import { presentClient, presentFit } from './present';
import { type ClientActor, getClient, loadClient } from './service';

/** R1: a coordinator (or admin) makes a not-fit client assignable, with a written reason. */
export async function overrideFit(
  db: Executor,
  actor: ClientActor,
  clientId: string,
  reason: string,
) {
  if (!mayOverrideFit(actor.role)) {
    throw forbidden('R1: only a coordinator can override fit for contracting');
  }
  return db.transaction().execute(async (tx) => {
    const row = await loadClient(tx, actor, clientId);
    if (presentFit(row).fit.status !== 'not_eligible') {
      throw new AppError(
        'CONFLICT',
        `${row.name} is already fit for contracting: no override needed`,
        {
          rule: 'R1',
        },
      );
    }
    const at = nowIso();
    await tx
      .updateTable('clients')
      .set({
        fit_override_reason: reason,
        fit_override_by: actor.userId,
        fit_override_at: at,
        version: row.version + 1,
        updated_at: at,
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', clientId)
      .execute();
    await recordAudit(tx, actor, {
      entityType: 'client',
      entityId: clientId,
      action: 'fit_overridden',
      before: row.fit_override_reason ? { reason: row.fit_override_reason } : undefined,
      after: { reason },
    });
    return getClient(tx, actor, clientId);
  });
}

/** Removes the override; idempotent (no override, nothing recorded). */
export async function clearFitOverride(db: Executor, actor: ClientActor, clientId: string) {
  if (!mayOverrideFit(actor.role)) {
    throw forbidden('R1: only a coordinator can remove a fit override');
  }
  return db.transaction().execute(async (tx) => {
    const row = await loadClient(tx, actor, clientId);
    if (row.fit_override_reason === null) return presentClient(row, actor.role);
    const at = nowIso();
    await tx
      .updateTable('clients')
      .set({
        fit_override_reason: null,
        fit_override_by: null,
        fit_override_at: null,
        version: row.version + 1,
        updated_at: at,
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', clientId)
      .execute();
    await recordAudit(tx, actor, {
      entityType: 'client',
      entityId: clientId,
      action: 'fit_override_removed',
      before: { reason: row.fit_override_reason, by: row.fit_override_by, at: row.fit_override_at },
    });
    return getClient(tx, actor, clientId);
  });
}
