import type { FastifyRequest } from 'fastify';
import type { SignedIn } from '../../auth/access';
import type { Executor } from '../../db';
import { AppError } from '../../errors';
import { hashSecret } from '../../lib/ids';

/**
 * API tokens as a way to sign in: `Authorization: Bearer hf_…` acts as the token's owner, in the
 * token's workspace only, with the role the owner has there now. Looked up by its sha256.
 */

export const TOKEN_PREFIX = 'hf_';
const WORKSPACE_HEADER = 'x-workspace-id';
/** last_used_at is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when the request is authenticated by an API token (no cookie, no CSRF check). */
    apiTokenId?: string;
  }
}

/** The raw token of an `Authorization: Bearer hf_…` header, or null. */
export function bearerApiToken(authorization: string | string[] | undefined): string | null {
  if (typeof authorization !== 'string') return null;
  const m = /^Bearer\s+(hf_[A-Za-z0-9_-]{10,200})\s*$/i.exec(authorization);
  return m ? m[1] : null;
}

/**
 * Signs a request in with an API token. Unknown or revoked → 401. Naming another workspace in
 * x-workspace-id → 403; otherwise the request is pinned to the token's workspace, so the normal
 * membership lookup gives the owner's current role there (a removed member gets 403).
 */
export async function signInWithApiToken(
  db: Executor,
  request: FastifyRequest,
  token: string,
): Promise<SignedIn> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('user', 'user.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.workspace_id',
      'api_tokens.last_used_at',
      'user.id as user_id',
      'user.name',
      'user.email',
    ])
    .where('api_tokens.token_hash', '=', hashSecret(token))
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw new AppError('UNAUTHENTICATED', 'This API token is not valid (revoked or unknown)');
  const wanted = request.headers[WORKSPACE_HEADER];
  if (typeof wanted === 'string' && wanted.length > 0 && wanted !== row.workspace_id) {
    throw new AppError('FORBIDDEN', 'This API token belongs to another workspace');
  }
  request.headers[WORKSPACE_HEADER] = row.workspace_id;
  request.apiTokenId = row.id;
  const now = Date.now();
  if (!row.last_used_at || now - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date(now).toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
  return { userId: row.user_id, name: row.name, email: row.email };
}
