/**
 * Everything that guards the API before a route runs: security headers, CORS (off unless
 * configured), the method guard, URL length and body refusal, and the per-IP rate limit.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { rateLimit, type RateLimitInfo } from 'express-rate-limit';
import { sendError } from './errors.js';

/** URLs longer than this are refused with 414 (a full selection of ids still fits). */
export const MAX_URL_LENGTH = 4096;

/**
 * The client is a Vite build: module scripts and workers from our origin, WebGL canvases,
 * inline `style` attributes set by sigma and the UI. No inline scripts, no framing.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Served over plain HTTP on a LAN as often as behind TLS: do not pin HTTPS here.
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

const ALLOWED_METHODS = 'GET, HEAD';

/** Only GET and HEAD reach the API (and OPTIONS preflights when CORS is on). */
export function methodGuard(corsEnabled: boolean): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    if (req.method === 'OPTIONS' && corsEnabled) return next();
    res.setHeader('Allow', ALLOWED_METHODS);
    sendError(res, 405, 'METHOD_NOT_ALLOWED', `Method ${req.method} is not allowed; the API is read-only (GET, HEAD).`);
  };
}

/** The API takes no request bodies at all. */
export function refuseBodies(): RequestHandler {
  return (req, res, next) => {
    const length = req.headers['content-length'];
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (chunked || (length !== undefined && length !== '0')) {
      res.setHeader('Connection', 'close');
      sendError(res, 413, 'PAYLOAD_TOO_LARGE', 'The API does not accept request bodies.');
      return;
    }
    next();
  };
}

export function urlLengthLimit(max = MAX_URL_LENGTH): RequestHandler {
  return (req, res, next) => {
    if (req.originalUrl.length > max) {
      sendError(res, 414, 'URI_TOO_LONG', `The request URL is longer than ${max} characters.`);
      return;
    }
    next();
  };
}

/**
 * CORS for one configured origin (or `*`). Read-only API without credentials, so a plain
 * allow-list of GET/HEAD and the request-id header is all a browser needs.
 */
export function cors(origin: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestOrigin = req.headers.origin;
    const allowed = origin === '*' || requestOrigin === origin;
    res.vary('Origin');
    if (requestOrigin !== undefined && allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin === '*' ? '*' : requestOrigin);
      res.setHeader('Access-Control-Expose-Headers', 'X-Request-Id, Retry-After, Content-Disposition, RateLimit, RateLimit-Policy');
    }
    if (req.method === 'OPTIONS') {
      if (requestOrigin !== undefined && allowed) {
        res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
        res.setHeader('Access-Control-Allow-Headers', 'X-Request-Id');
        res.setHeader('Access-Control-Max-Age', '600');
      }
      res.status(204).end();
      return;
    }
    next();
  };
}

/** Per-client-IP limit over a one-minute window; `perMinute` 0 switches it off. */
export function rateLimiter(perMinute: number): RequestHandler | undefined {
  if (perMinute <= 0) return undefined;
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, res, _next, options) => {
      const reset = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : options.windowMs / 1000;
      res.setHeader('Retry-After', String(seconds));
      sendError(res, 429, 'RATE_LIMITED', `Too many requests: at most ${perMinute} per minute from one client.`);
    },
  });
}
