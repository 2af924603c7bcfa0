import type { ErrorRequestHandler, RequestHandler } from 'express';
// For the `req.log` pino-http attaches.
import type {} from 'pino-http';
import { SyncError } from '../sync/sync-error.ts';
import { ApiError, errorBody } from './api-error.ts';

// body-parser marks its errors with a `type`; they are the client's fault, not ours.
interface BodyParserError {
  readonly type: string;
  readonly status?: number;
  readonly limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && typeof (error as { type: unknown }).type === 'string';
}

/** Turns anything thrown into the one error shape; unknown errors become a 500 without internals. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof SyncError) {
    if (error.code === 'source_unreachable') return new ApiError(502, 'source_unreachable', error.message, { cause: error });
    return new ApiError(422, 'sync_failed', error.message, { cause: error });
  }
  if (isBodyParserError(error)) {
    switch (error.type) {
      case 'entity.too.large':
        return new ApiError(413, 'payload_too_large', `request body exceeds the limit of ${error.limit ?? '?'} bytes`);
      case 'entity.parse.failed':
        return new ApiError(400, 'invalid_request', 'request body is not valid JSON');
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return new ApiError(415, 'unsupported_media_type', 'unsupported content encoding or charset');
      case 'request.aborted':
        return new ApiError(400, 'invalid_request', 'request aborted by the client');
      default:
        if (error.status !== undefined && error.status >= 400 && error.status < 500) {
          return new ApiError(400, 'invalid_request', 'request body could not be read');
        }
    }
  }
  return new ApiError(500, 'internal', 'internal error', { cause: error });
}

export const errorMiddleware: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const apiError = toApiError(error);
  // The request logger attaches the original error, so the log keeps what the client never sees.
  if (apiError.status >= 500) req.log.error({ err: error }, 'request failed');
  else req.log.info({ code: apiError.code }, apiError.message);
  if (res.headersSent) return;
  res.status(apiError.status).json(errorBody(apiError));
};

export const notFoundMiddleware: RequestHandler = (req, _res, next) => {
  next(new ApiError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};
