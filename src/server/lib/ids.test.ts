import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { newId } from './ids';

const timeOf = (id: string) => Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

describe('newId', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('makes RFC 9562 version-7 UUIDs that the API schemas accept', () => {
    const id = newId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
  });

  it('starts with the time, so later rows sort after earlier ones', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const at = Date.UTC(2030, 10, 26, 9, 30);
    vi.setSystemTime(at);
    const first = newId();
    vi.setSystemTime(at + 60_000);
    const later = newId();
    expect(timeOf(first)).toBe(at);
    expect(timeOf(later)).toBe(at + 60_000);
    expect(first < later).toBe(true);
  });

  it('keeps the order of ids made in the same millisecond, and never goes back', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const at = Date.UTC(2031, 0, 1);
    vi.setSystemTime(at);
    const same = Array.from({ length: 5000 }, () => newId());
    // More than the 4,096 a millisecond counts: the rest borrow the next millisecond.
    expect([...same].sort()).toEqual(same);
    expect(new Set(same).size).toBe(same.length);
    vi.setSystemTime(at - 10_000); // the clock steps back
    const after = newId();
    expect(after > same[same.length - 1]).toBe(true);
  });
});
