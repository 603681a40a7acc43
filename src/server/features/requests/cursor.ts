import { AppError } from '../../errors';

/** Opaque keyset cursors: the sort key of a page's last row, as base64url JSON. */

export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The cursor's parts, or a 400 naming the field: a bad cursor is bad input, never a 500. */
export function decodeCursor(cursor: string, count: number): string[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === count &&
      parts.every((p) => typeof p === 'string')
    ) {
      return parts as string[];
    }
  } catch {
    // fall through to the field error
  }
  throw new AppError('VALIDATION', 'Invalid cursor', {
    fields: { 'querystring.cursor': 'Invalid' },
  });
}
