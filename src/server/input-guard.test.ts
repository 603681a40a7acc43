import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors';
import { findNul, safeValidatorCompiler } from './input-guard';

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

describe('safeValidatorCompiler', () => {
  const compile = (schema: z.ZodType) =>
    safeValidatorCompiler({ schema, method: 'POST', url: '/x', httpPart: 'body' });
  const throwingDate = z.object({
    weekStart: z.string().refine((v) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new RangeError(`Not an ISO date: ${v}`);
      return true;
    }),
  });

  it.each([
    ['a valid value passes', { weekStart: '2026-11-23' }, 'value'],
    [
      'a refinement that throws RangeError becomes a 400 validation error',
      { weekStart: 'x' },
      'error',
    ],
    ['an ordinary zod failure stays a zod failure', { weekStart: 5 }, 'error'],
  ])('%s', (_title, data, outcome) => {
    const result = compile(throwingDate)(data) as { value?: unknown; error?: unknown };
    expect(outcome in result).toBe(true);
  });

  it('names the part and keeps the reason of a RangeError', () => {
    const result = compile(throwingDate)({ weekStart: 'x' }) as { error?: AppError };
    expect(result.error).toBeInstanceOf(AppError);
    expect(result.error?.code).toBe('VALIDATION');
    expect(result.error?.message).toBe('Invalid body: Not an ISO date: x');
  });

  it('lets a programming error through', () => {
    const broken = z.string().refine(() => {
      throw new Error('bug');
    });
    expect(() => compile(broken)('x')).toThrow('bug');
  });
});
