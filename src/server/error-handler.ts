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

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const { status, body } = toErrorResponse(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    reply.status(status).send(body);
  });
}
