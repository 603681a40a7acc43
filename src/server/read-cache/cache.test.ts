import { describe, expect, it } from 'vitest';
import { ReadCache } from './cache';

const limits = { maxEntries: 3, maxBytes: 100, ttlMs: 1_000 };

describe('ReadCache', () => {
  it('answers only at the version an entry was stored at, and drops it otherwise', () => {
    const c = new ReadCache<string>(limits);
    c.set('k', 'v1', 'payload');
    expect(c.get('k', 'v1')).toBe('payload');
    expect(c.get('k', 'v2')).toBeUndefined();
    expect(c.get('k', 'v1')).toBeUndefined(); // dropped by the mismatch
    expect(c.size).toBe(0);
  });

  it('expires entries after the TTL even when the version is unchanged', () => {
    let now = 0;
    const c = new ReadCache<string>(limits, () => now);
    c.set('k', 'v', 'x');
    now = 1_000;
    expect(c.get('k', 'v')).toBe('x');
    now = 1_001;
    expect(c.get('k', 'v')).toBeUndefined();
  });

  it('evicts the least recently used beyond the entry limit', () => {
    const c = new ReadCache<string>(limits);
    for (const k of ['a', 'b', 'c']) c.set(k, 'v', k);
    expect(c.get('a', 'v')).toBe('a'); // a is now the most recent
    c.set('d', 'v', 'd');
    expect(c.get('b', 'v')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => c.get(k, 'v'))).toEqual(['a', 'c', 'd']);
  });

  it('keeps the byte total within its limit and refuses one answer larger than a quarter of it', () => {
    const c = new ReadCache<string>({ ...limits, maxEntries: 100 });
    c.set('big', 'v', 'x'.repeat(26));
    expect(c.size).toBe(0);
    for (let i = 0; i < 10; i++) c.set(`k${i}`, 'v', 'x'.repeat(20));
    expect(c.byteSize).toBeLessThanOrEqual(100);
    expect(c.get('k9', 'v')).toBe('x'.repeat(20));
    expect(c.get('k0', 'v')).toBeUndefined();
  });

  it('replaces an entry stored again under the same key', () => {
    const c = new ReadCache<string>(limits);
    c.set('k', 'v1', 'old');
    c.set('k', 'v2', 'new!');
    expect(c.byteSize).toBe(4);
    expect(c.get('k', 'v2')).toBe('new!');
  });
});
