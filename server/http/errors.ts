/**
 * The one error shape of the API, `{ error: { code, message } }`, and the middleware that
 * turns anything thrown by a route into it. Internals (stacks, driver messages) go to the
 * log, never to the client.
 */
import type { ErrorRequestHandler, Request, Response } from 'express';
import { StoreUnavailableError } from '../stores/types.js';

import type { ErrorCode } from '../contract/errors.js';

export type { ErrorCode } from '../contract/errors.js';

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** Seconds a client should wait before retrying when the store is down. */
export const RETRY_AFTER_SECONDS = 5;

/** An error whose status, code and message are safe to show the client as they are. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, 'BAD_REQUEST', message);
export const notFound = (message: string): HttpError => new HttpError(404, 'NOT_FOUND', message);

export function sendError(res: Response, status: number, code: ErrorCode, message: string): void {
  const body: ErrorBody = { error: { code, message } };
  res.status(status).json(body);
}

/**
 * A store may be loaded twice (tsx in tests, compiled code in production), so the class
 * check falls back to the error's name.
 */
export function isStoreUnavailable(err: unknown): boolean {
  return err instanceof StoreUnavailableError || (err instanceof Error && err.name === 'StoreUnavailableError');
}

/** Status carried by errors from Express and its helpers (`URIError` from param decoding, etc.). */
function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const s = (err as { status?: unknown; statusCode?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode;
  return typeof s === 'number' && Number.isInteger(s) ? s : undefined;
}

export function errorHandler(): ErrorRequestHandler {
  return (err: unknown, req: Request, res: Response, next) => {
    if (res.headersSent) {
      // Too late for a clean error body: let Express close the connection.
      next(err);
      return;
    }
    if (err instanceof HttpError) {
      for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
      sendError(res, err.status, err.code, err.message);
      return;
    }
    if (isStoreUnavailable(err)) {
      req.log?.warn({ err }, 'graph store unavailable');
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      sendError(res, 503, 'UNAVAILABLE', 'The graph store is unavailable; retry shortly.');
      return;
    }
    const status = statusOf(err);
    if (err instanceof URIError || status === 400) {
      sendError(res, 400, 'BAD_REQUEST', 'The request URL is malformed (bad percent-encoding).');
      return;
    }
    if (status === 404) {
      sendError(res, 404, 'NOT_FOUND', 'Not found.');
      return;
    }
    req.log?.error({ err }, 'unexpected error');
    sendError(res, 500, 'INTERNAL', 'An unexpected error occurred.');
  };
}
