import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { notFound } from '../../errors';
import { nowIso } from '../../lib/ids';
import { mayEditAvailability, mayReadContractor } from './policy';
import {
  type ContractorRow,
  findContractor,
  findContractorByEmail,
  findContractorByUser,
} from './queries';

/**
 * The contractor record of a signed-in contractor. A record created before its person accepted
 * the invitation has no user yet: it is linked here, on first use, by the invited e-mail (the
 * invitation could only be accepted by that address, so the match is the same person).
 */
export async function findSelfContractor(
  db: Executor,
  actor: Pick<Actor, 'workspaceId' | 'userId' | 'email' | 'role'>,
): Promise<ContractorRow | null> {
  if (actor.role !== 'contractor') return null;
  const linked = await findContractorByUser(db, actor);
  if (linked) return linked;
  const invited = await findContractorByEmail(db, {
    workspaceId: actor.workspaceId,
    email: actor.email,
  });
  if (!invited || invited.user_id !== null) return null;
  const link = async (tx: Executor) => {
    const claimed = await tx
      .updateTable('contractors')
      .set({ user_id: actor.userId, updated_at: nowIso() })
      .where('workspace_id', '=', actor.workspaceId)
      .where('email', '=', actor.email.toLowerCase())
      .where('user_id', 'is', null)
      .returning(['id'])
      .executeTakeFirst();
    if (claimed) {
      await recordAudit(tx, actor, {
        entityType: 'contractor',
        entityId: claimed.id,
        action: 'linked',
        after: { userId: actor.userId },
      });
    }
    return (await findContractorByUser(tx, actor)) ?? null;
  };
  return db.isTransaction ? link(db) : db.transaction().execute(link);
}

/**
 * A contractor the actor may read: staff see any in their workspace, a contractor only himself.
 * Anything else is "not found", so a contractor cannot even learn that another id exists (R5).
 */
export async function loadVisibleContractor(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<ContractorRow> {
  if (actor.role === 'contractor') {
    const self = await findSelfContractor(db, actor);
    if (!self || self.id !== id) throw notFound('Contractor');
    return self;
  }
  const row = await findContractor(db, { workspaceId: actor.workspaceId, id });
  if (!row || !mayReadContractor(actor, row)) throw notFound('Contractor');
  return row;
}

/** A contractor whose availability the actor may change (R8); others are "not found". */
export async function loadAvailabilityEditable(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<ContractorRow> {
  const row = await loadVisibleContractor(db, actor, id);
  if (!mayEditAvailability(actor, row)) throw notFound('Contractor');
  return row;
}
