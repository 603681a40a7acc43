import { randomBytes } from 'node:crypto';
import type { ApiToken, TokenCreated } from '../../../contracts/notifications';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { notFound } from '../../errors';
import { hashSecret, newId, nowIso } from '../../lib/ids';
import { TOKEN_PREFIX } from './auth';

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  last_used_at: string | null;
  created_at: string;
  revoked_at: string | null;
};

function present(r: TokenRow): ApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    lastUsedAt: r.last_used_at,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

/** A new token for the actor in this workspace: "hf_" + 32 random bytes; only its hash is kept. */
export async function createToken(db: Executor, actor: Actor, name: string): Promise<TokenCreated> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = {
    id: newId(),
    workspace_id: actor.workspaceId,
    user_id: actor.userId,
    name,
    token_hash: hashSecret(token),
    prefix: token.slice(0, 8),
    last_used_at: null,
    created_at: nowIso(),
    revoked_at: null,
  };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('api_tokens').values(row).execute();
    await recordAudit(tx, actor, {
      entityType: 'api_token',
      entityId: row.id,
      action: 'created',
      after: { name, prefix: row.prefix },
    });
  });
  return { ...present(row), token };
}

/** The actor's own tokens in this workspace, newest first (revoked ones too, marked). */
export async function listTokens(db: Executor, actor: Actor): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'last_used_at', 'created_at', 'revoked_at'])
    .where('workspace_id', '=', actor.workspaceId)
    .where('user_id', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  return rows.map(present);
}

/** Revokes one of the actor's own tokens; someone else's is "not found". */
export async function revokeToken(db: Executor, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('api_tokens')
      .select(['id', 'name', 'prefix', 'revoked_at'])
      .where('workspace_id', '=', actor.workspaceId)
      .where('user_id', '=', actor.userId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('API token');
    if (row.revoked_at) return;
    await tx.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(tx, actor, {
      entityType: 'api_token',
      entityId: id,
      action: 'revoked',
      before: { name: row.name, prefix: row.prefix },
    });
  });
}
