import { createHash, randomBytes, randomUUID } from 'node:crypto';

/**
 * Row ids are time-ordered UUIDs (RFC 9562 version 7: 48 bits of milliseconds, then random
 * bits). A new row's key then lands next to the last one in every id index instead of on a
 * random page, so the writes that share a commit (db/group-commit.ts) share its pages too.
 * Made from Node's randomUUID (which draws from a cached entropy pool; the `uuid` package asks
 * the system for 16 bytes per id, a measurable cost per write): the version-4 id's first 48
 * bits become the time and its version digit a 7. An id is no secret either way: every route
 * checks access (R5).
 */
export function newId(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  const random = randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15)}`;
}
export const nowIso = (): string => new Date().toISOString();

/** A random secret for links (invitations, feeds); only its hash is stored. */
export function newSecret(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecret(token) };
}

export function hashSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
