// One error shape for every route: HTTP status + {"error": {type, code, message, param?}}.
// Expected outcomes are AppErrors; anything else is logged and answered as a
// generic 500 that names the request id and nothing of the internals.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, type ErrorType } from '../../lib/errors.ts';
import { findUnstorable } from '../../lib/text.ts';

export interface ErrorBody {
  error: { type: ErrorType; code: string; message: string; param?: string; request_id?: string };
}

export function sendError(reply: FastifyReply, status: number, type: ErrorType, code: string, message: string, param?: string) {
  const body: ErrorBody = { error: { type, code, message, ...(param ? { param } : {}) } };
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

function paramFromPath(path: readonly PropertyKey[]): string | undefined {
  return path.length ? path.map(String).join('.') : undefined;
}

const FASTIFY_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'This content type is not accepted here.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', message: 'The request body is too large.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', message: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: 'The request body is not valid JSON.' },
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.addHook('preValidation', async (req, reply) => {
    for (const part of [req.params, req.query, req.body]) {
      const found = findUnstorable(part, []);
      if (found) {
        const param = found.length ? found.join('.') : undefined;
        return sendError(reply, 422, 'invalid_request_error', 'validation_error',
          `${param ? `${param}: ` : ''}contains invalid Unicode (a lone surrogate) or a NUL character.`, param);
      }
    }
  });
  app.setErrorHandler((err: FastifyError | AppError | ZodError | Error, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      return sendError(reply, err.status, err.type, err.code, err.message, err.param);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const where = err.validationContext ?? 'body';
      const unknown = first?.keyword === 'unrecognized_keys' ? (first.params as { keys?: string[] }).keys?.[0] : undefined;
      const path = [first?.instancePath.replace(/^\//, '').replace(/\//g, '.'), unknown].filter(Boolean).join('.');
      const param = path || undefined;
      if (unknown) {
        // A field this request does not take (say, a product's currency on PATCH): name it rather than ignore it.
        return sendError(reply, 422, 'invalid_request_error', 'validation_error', `${param}: not a field this request takes (it cannot be set or changed here)`, param);
      }
      const message = first ? `${param ? `${param}: ` : ''}${first.message}` : `Invalid ${where}.`;
      return sendError(reply, 422, 'invalid_request_error', 'validation_error', message, param);
    }
    if (err instanceof ZodError) {
      const first = err.issues[0];
      const param = first ? paramFromPath(first.path) : undefined;
      return sendError(reply, 422, 'invalid_request_error', 'validation_error', first ? `${param ? `${param}: ` : ''}${first.message}` : 'Invalid input.', param);
    }
    const pgCode = (err as { code?: unknown }).code;
    if (pgCode === '22021' || pgCode === '22P05') {
      // PostgreSQL refuses NUL bytes and unencodable characters in text.
      return sendError(reply, 422, 'invalid_request_error', 'validation_error', 'The request contains characters that cannot be stored (such as a NUL byte).');
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && err instanceof SyntaxError)) {
      return sendError(reply, 400, 'invalid_request_error', 'invalid_json', 'The request body is not valid JSON.');
    }
    const known = fe.code ? FASTIFY_CODES[fe.code] : undefined;
    if (known && fe.statusCode && fe.statusCode < 500) {
      return sendError(reply, fe.statusCode, 'invalid_request_error', known.code, known.message);
    }
    if (fe.statusCode === 429) {
      return sendError(reply, 429, 'rate_limit_error', 'rate_limited', 'Too many requests. Slow down and try again.');
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendError(reply, fe.statusCode, 'invalid_request_error', 'invalid_request', 'The request could not be understood.');
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(reply, 500, 'api_error', 'internal_error', `Something went wrong on our side. Quote request id ${req.id} when you report it.`);
  });

  app.setNotFoundHandler((req, reply) =>
    sendError(reply, 404, 'invalid_request_error', 'route_not_found', `No route for ${req.method} ${req.url.split('?')[0]}.`));
}
