import type { FastifyError, FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { RuleViolation } from '../domain/rule-violation';
import { isForeignKeyViolation, isUniqueViolation } from './db/dialect';
import { AppError, type ErrorBody } from './errors';

/** Maps anything thrown to `{ error: { code, rule, message, fields } }` with the status from one table. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    const { rule, fields, details } = err.options;
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, rule, fields, details } },
    };
  }
  if (err instanceof RuleViolation) {
    return {
      status: 422,
      body: {
        error: {
          code: 'RULE_VIOLATION',
          rule: err.rule,
          message: err.message,
          details: err.details,
        },
      },
    };
  }
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const fields: Record<string, string> = {};
    for (const v of fe.validation) {
      const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || '(root)';
      const where = fe.validationContext ?? 'body';
      fields[`${where}${path === '(root)' ? '' : `.${path}`}`] = v.message ?? 'Invalid value';
    }
    const first = Object.entries(fields)[0];
    return {
      status: 400,
      body: {
        error: {
          code: 'VALIDATION',
          message: first ? `Invalid ${first[0]}: ${first[1]}` : 'Invalid request',
          fields,
        },
      },
    };
  }
  if (isUniqueViolation(err)) {
    return {
      status: 409,
      body: { error: { code: 'ALREADY_EXISTS', message: 'That already exists' } },
    };
  }
  if (isForeignKeyViolation(err)) {
    return {
      status: 422,
      body: { error: { code: 'RULE_VIOLATION', message: 'A referenced record does not exist' } },
    };
  }
  if (isInvalidDataError(err)) {
    // The database refused a value the route's schema let through (an integer past the column's
    // range, a malformed date): bad input, so 400, never a 500. The code tells which check to add.
    const code = (err as { code: string }).code;
    return {
      status: 400,
      body: {
        error: {
          code: 'VALIDATION',
          message: 'A value in the request is out of range or malformed',
          details: { database: code },
        },
      },
    };
  }
  if (isResponseSerializationError(fe)) {
    return {
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side' } },
    };
  }
  // Fastify's own client errors (bad JSON, body too large, wrong content type) keep their 4xx.
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code =
      status === 413
        ? 'PAYLOAD_TOO_LARGE'
        : status === 415
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : status === 429
            ? 'RATE_LIMITED'
            : status === 404
              ? 'NOT_FOUND'
              : 'BAD_REQUEST';
    return { status, body: { error: { code, message: fe.message } } };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side' } },
  };
}

/**
 * A data exception from the database: PostgreSQL's SQLSTATE class 22 (numeric value out of range,
 * invalid datetime, invalid text representation, string too long, NUL byte…) or SQLite's type
 * mismatch and too-big errors. Both mean the request carried a value that cannot be stored.
 */
export function isInvalidDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return /^22[0-9A-Z]{3}$/.test(code) || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG';
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const { status, body } = toErrorResponse(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    else if (isInvalidDataError(err)) request.log.warn({ err }, 'the database refused a value');
    reply.status(status).send(body);
  });
}
