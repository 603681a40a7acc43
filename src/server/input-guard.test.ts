import { describe, expect, it } from 'vitest';
import { findNul } from './input-guard';

describe('findNul', () => {
  it.each([
    ['plain text', { name: 'Harbor Coffee' }, null],
    ['a NUL in a field', { name: 'a\u0000b' }, 'body.name'],
    [
      'a NUL deep in an array',
      { items: [{ notes: 'ok' }, { notes: '\u0000' }] },
      'body.items.1.notes',
    ],
    ['a NUL in a key', { 'a\u0000': 1 }, 'body.a\\0'],
    ['numbers, booleans and null', { a: 1, b: true, c: null }, null],
    ['a bare string', '\u0000', 'body'],
    ['no body', undefined, null],
  ])('%s', (_label, value, expected) => {
    expect(findNul(value, 'body')).toBe(expected);
  });

  it('walks 500 levels of nesting without overflowing', () => {
    let v: unknown = 'x\u0000';
    for (let i = 0; i < 500; i++) v = [v];
    expect(findNul(v, 'body')).toMatch(/^body(\.0)+$/);
  });
});
