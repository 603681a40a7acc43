import type { FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { AppError } from './errors';

/**
 * Input no feature should ever have to think about, refused for every route before validation:
 * a NUL character in a path parameter, query string or JSON body. PostgreSQL cannot store or
 * compare it (a 500 deep in a query) while SQLite would keep it silently, so both databases
 * answer the same 400 instead.
 */
export function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 1000 || typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${path}.${key.split('\u0000').join('\\0')}`;
    const found = findNul(v, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found =
      findNul(request.params, 'params') ??
      findNul(request.query, 'query') ??
      findNul(request.body, 'body');
    if (found) {
      throw new AppError('VALIDATION', `Invalid ${found}: text may not contain a NUL character`, {
        fields: { [found]: 'May not contain a NUL character' },
      });
    }
  });
}

/**
 * The zod validator compiler, made safe: a refinement that throws on a malformed value (a date
 * helper's RangeError for '2026-02-30', a TypeError on an unexpected shape) means the value is
 * invalid, so the request gets a 400 naming the part, never a 500. Other errors still surface.
 */
export const safeValidatorCompiler: typeof validatorCompiler = (route) => {
  const validate = validatorCompiler(route);
  const part = route.httpPart ?? 'request';
  return (data) => {
    try {
      return validate(data);
    } catch (err) {
      if (!(err instanceof RangeError || err instanceof TypeError || err instanceof URIError)) {
        throw err;
      }
      const reason = err instanceof RangeError ? err.message : 'the value could not be read';
      return {
        error: new AppError('VALIDATION', `Invalid ${part}: ${reason}`, {
          fields: { [part]: reason },
        }),
      };
    }
  };
};
