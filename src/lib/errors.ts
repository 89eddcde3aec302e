// The one error type for expected outcomes. Routes turn it into
// `{"error": {type, code, message, param?}}` with its HTTP status.
export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'rate_limit_error'
  | 'idempotency_error'
  | 'api_error';

/**
 * An error without a stack trace unless asked for: an expected outcome (a
 * 404, a sold-out 409) needs none, and capturing one cost more than the rest
 * of turning a flash-sale buyer away.
 */
class Outcome extends Error {
  constructor(message: string, keepStack: boolean) {
    const limit = Error.stackTraceLimit;
    if (!keepStack) Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

export class AppError extends Outcome {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: ErrorType = 'invalid_request_error',
    readonly param?: string,
  ) {
    // 5xx: something went wrong on our side, and where it was thrown helps.
    super(message, status >= 500);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'resource'): AppError =>
  new AppError(404, 'resource_missing', `No such ${what}.`);

export const validationError = (message: string, param?: string): AppError =>
  new AppError(422, 'validation_error', message, 'invalid_request_error', param);

export const conflict = (code: string, message: string): AppError => new AppError(409, code, message);

export const unauthenticated = (message = 'Authentication required.'): AppError =>
  new AppError(401, 'unauthenticated', message, 'authentication_error');

export const forbidden = (code: string, message: string): AppError =>
  new AppError(403, code, message, 'permission_error');

export const rateLimited = (code: string, message: string): AppError =>
  new AppError(429, code, message, 'rate_limit_error');
