import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newId } from './ids';

describe('newId', () => {
  it('makes RFC 9562 version-7 UUIDs that the API schemas accept', () => {
    const id = newId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
  });

  it('orders ids by time, so new rows land at the end of an id index', () => {
    const at = Date.UTC(2026, 10, 26, 9, 30);
    const ids = [at + 1, at, at + 60_000, at + 2].map((t) => newId(t));
    expect([...ids].sort()).toEqual([ids[1], ids[0], ids[3], ids[2]]);
    expect(newId(at).slice(0, 13)).toBe(
      `${at.toString(16).padStart(12, '0').slice(0, 8)}-${at.toString(16).padStart(12, '0').slice(8)}`,
    );
  });

  it('keeps the random part random', () => {
    const at = Date.now();
    const ids = new Set(Array.from({ length: 1000 }, () => newId(at)));
    expect(ids.size).toBe(1000);
  });
});
