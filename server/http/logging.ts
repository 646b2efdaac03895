/**
 * One structured log line per request (pino-http), tagged with a request id that the
 * client may supply in `X-Request-Id` and always gets back. Headers are not logged at
 * all, so cookies or authorisation headers never reach the log; the Neo4j password never
 * passes through HTTP.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** Accept a caller's id only if it is short and plain, so it cannot forge log lines. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Paths hold no secrets, but cap their length in the log. */
function pathForLog(url: string | undefined): string {
  const u = url ?? '';
  return u.length > 512 ? `${u.slice(0, 512)}…` : u;
}

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'finreg-atlas' },
    redact: { paths: ['*.password', '*.neo4j.password', 'password', 'req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
}

export function requestLogging(logger: Logger): RequestHandler {
  const middleware = pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: pathForLog(req.url),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel(_req, res, err) {
      if (err || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return 'info';
    },
  });
  return middleware as unknown as RequestHandler;
}
