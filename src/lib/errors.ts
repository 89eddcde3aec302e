// The one error type for expected outcomes. Routes turn it into
// `{"error": {type, code, message, param?}}` with its HTTP status.
export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'rate_limit_error'
  | 'idempotency_error'
  | 'api_error';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: ErrorType = 'invalid_request_error',
    readonly param?: string,
  ) {
    super(message);
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
