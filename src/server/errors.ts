/**
 * One error type for the whole API. The code is stable (the UI acts on it); the status comes from
 * one table, so a handler never chooses a status by hand.
 */
export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  STALE_VERSION: 409,
  ILLEGAL_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorOptions {
  rule?: string;
  fields?: Record<string, string>;
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: ErrorOptions = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You do not have access to this') =>
  new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, { details });
export const staleVersion = (what: string, current: unknown) =>
  new AppError(
    'STALE_VERSION',
    `${what} was changed by someone else since you opened it. Reload to see the changes.`,
    { details: { current } },
  );

/** The JSON body every error response has. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    rule?: string;
    fields?: Record<string, string>;
    details?: Record<string, unknown>;
  };
}
