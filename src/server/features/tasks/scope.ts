import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { findSelfContractor } from '../contractors';

/**
 * Whose tasks a query may return. Every task query takes one, so forgetting the row-level check
 * does not compile: staff see the workspace, a contractor only tasks assigned to him (R5).
 */
export type TaskScope =
  | { kind: 'staff'; workspaceId: string }
  | { kind: 'contractor'; workspaceId: string; userId: string };

export function taskScopeOf(actor: Pick<Actor, 'role' | 'workspaceId' | 'userId'>): TaskScope {
  return actor.role === 'contractor'
    ? { kind: 'contractor', workspaceId: actor.workspaceId, userId: actor.userId }
    : { kind: 'staff', workspaceId: actor.workspaceId };
}

/**
 * A contractor invited by e-mail is linked to his contractor record on first use; do it before
 * scoping by user id, so his first visit to the board already shows his work.
 */
export async function ensureContractorLinked(db: Executor, actor: Actor): Promise<void> {
  if (actor.role === 'contractor') await findSelfContractor(db, actor);
}
