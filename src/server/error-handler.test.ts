import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../domain/rule-violation';
import { toErrorResponse } from './error-handler';
import { AppError, staleVersion } from './errors';

const fastifyError = (statusCode: number, message: string) =>
  Object.assign(new Error(message), { statusCode });

describe('toErrorResponse (one status table for every error)', () => {
  it.each([
    [
      'VALIDATION → 400',
      new AppError('VALIDATION', 'bad', { fields: { name: 'Required' } }),
      400,
      'VALIDATION',
    ],
    ['UNAUTHENTICATED → 401', new AppError('UNAUTHENTICATED', 'sign in'), 401, 'UNAUTHENTICATED'],
    ['FORBIDDEN → 403', new AppError('FORBIDDEN', 'no'), 403, 'FORBIDDEN'],
    ['NOT_FOUND → 404', new AppError('NOT_FOUND', 'gone'), 404, 'NOT_FOUND'],
    ['stale version → 409', staleVersion('The client', 3), 409, 'STALE_VERSION'],
    [
      'a rule violation → 422',
      new AppError('RULE_VIOLATION', 'late', { rule: 'R11' }),
      422,
      'RULE_VIOLATION',
    ],
    [
      'a domain RuleViolation → 422 naming the rule',
      new RuleViolation('R20', 'Say why'),
      422,
      'RULE_VIOLATION',
    ],
    [
      'a unique violation (PostgreSQL) → 409',
      Object.assign(new Error('dup'), { code: '23505' }),
      409,
      'ALREADY_EXISTS',
    ],
    [
      'a unique violation (SQLite) → 409',
      Object.assign(new Error('dup'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }),
      409,
      'ALREADY_EXISTS',
    ],
    [
      'a foreign-key violation → 422',
      Object.assign(new Error('fk'), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }),
      422,
      'RULE_VIOLATION',
    ],
    [
      'malformed JSON from Fastify keeps its 400',
      fastifyError(400, 'Unexpected end of JSON input'),
      400,
      'BAD_REQUEST',
    ],
    [
      'a too-large body keeps 413',
      fastifyError(413, 'Request body is too large'),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'a wrong content type keeps 415',
      fastifyError(415, 'Unsupported Media Type'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['a rate limit keeps 429', fastifyError(429, 'Rate limit exceeded'), 429, 'RATE_LIMITED'],
    [
      'an integer past the column range (PostgreSQL 22003) → 400',
      Object.assign(new Error('value "2147483648" is out of range for type integer'), {
        code: '22003',
      }),
      400,
      'VALIDATION',
    ],
    [
      'a NUL byte PostgreSQL cannot store (22021) → 400',
      Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
        code: '22021',
      }),
      400,
      'VALIDATION',
    ],
    [
      'a Node error code is not a database data error',
      Object.assign(new Error('boom'), { code: 'ERR_INVALID_ARG_TYPE' }),
      500,
      'INTERNAL',
    ],
    ['an unknown crash → 500 without internals', new Error('secret stack detail'), 500, 'INTERNAL'],
  ])('%s', (_title, err, status, code) => {
    const res = toErrorResponse(err);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it('R-numbered violations carry their rule to the client', () => {
    expect(toErrorResponse(new RuleViolation('R22', 'Move the date')).body.error.rule).toBe('R22');
  });

  it('never leaks an internal message on a 500', () => {
    expect(toErrorResponse(new Error('password=hunter2')).body.error.message).not.toContain(
      'hunter2',
    );
  });
});
