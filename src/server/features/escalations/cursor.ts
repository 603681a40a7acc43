import { AppError } from '../../errors';

/**
 * Opaque keyset cursors of the community lists (escalations, recognition, announcements): the
 * (timestamp, id) of a page's last row as base64url JSON. A bad cursor is bad input (400).
 * Generic enough for src/server/lib; kept here so this feature's files stay its own.
 */
export interface Keyset {
  at: string;
  id: string;
}

export function encodeKeyset(k: Keyset): string {
  return Buffer.from(JSON.stringify([k.at, k.id])).toString('base64url');
}

export function decodeKeyset(cursor: string | undefined): Keyset | null {
  if (!cursor) return null;
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === 2 &&
      typeof parts[0] === 'string' &&
      typeof parts[1] === 'string'
    ) {
      return { at: parts[0], id: parts[1] };
    }
  } catch {
    // fall through to the field error
  }
  throw new AppError('VALIDATION', 'Invalid cursor: start from the first page', {
    fields: { 'querystring.cursor': 'Invalid cursor' },
  });
}
