/**
 * The Express application: security and logging first, then the read-only JSON API under
 * `/api`, then the built client. Everything the app needs comes in through `AppOptions`,
 * so tests build it without touching the environment.
 */
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pino } from 'pino';
import type { GraphStore } from './stores/types.js';
import { AnswerCache } from './cache/answer-cache.js';
import { answerCaching, DEFAULT_ANSWER_CACHE_MB, DEFAULT_ANSWER_STALENESS_MS } from './cache/answer-caching.js';
import { errorHandler, sendError } from './http/errors.js';
import { requestLogging } from './http/logging.js';
import { cors, methodGuard, rateLimiter, refuseBodies, securityHeaders, urlLengthLimit } from './http/security.js';
import { clientRoutes } from './http/static.js';
import { exportRoutes } from './routes/export.js';
import { graphRoutes } from './routes/graph.js';
import { healthRoutes } from './routes/health.js';
import { nodeRoutes } from './routes/nodes.js';
import { openapiRoutes } from './routes/openapi.js';
import { pathRoutes } from './routes/paths.js';
import { questionRoutes } from './routes/questions.js';
import { schemaRoutes } from './routes/schema.js';
import { searchRoutes } from './routes/search.js';
import { timelineRoutes } from './routes/timeline.js';
import { changesRoutes } from './routes/changes.js';
import { matrixRoutes } from './routes/matrix.js';
import { quizRoutes } from './routes/quiz.js';
import { tourRoutes } from './routes/tours.js';
import { reportRoutes } from './routes/report.js';
import { askRoutes } from './routes/ask.js';

export interface AppOptions {
  store: GraphStore;
  /** Defaults to a silent logger (tests). */
  logger?: Logger;
  /** Requests per minute per client IP on `/api`; 0 switches the limit off. */
  rateLimitPerMinute: number;
  /** Allowed cross-origin caller (`https://example.org` or `*`); CORS is off when absent. */
  corsOrigin?: string | undefined;
  /** The built client (`client/dist`); when absent or unbuilt, `/` explains how to build it. */
  clientDir?: string | undefined;
  /**
   * Express `trust proxy` setting. Off by default: only behind a known reverse proxy may
   * `X-Forwarded-For` decide the client IP, or anyone could dodge the rate limit.
   */
  trustProxy?: boolean | number | string | undefined;
  /** The report text for the reader: a path, `null` for none, default where `graph-seed/source-text.ts` looks. */
  reportSourcePath?: string | null | undefined;
  /**
   * Answers cached by graph revision (server/cache/): the cache (default
   * DEFAULT_ANSWER_CACHE_MB) and how stale the known revision may be (default
   * DEFAULT_ANSWER_STALENESS_MS); `now` for tests that move time.
   */
  answers?: { cache?: AnswerCache; stalenessMs?: number; now?: () => number } | undefined;
}

/** 400 for a path that is not valid percent-encoding, before any router tries to decode it. */
const rejectMalformedPath: RequestHandler = (req, res, next) => {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  try {
    decodeURIComponent(q === -1 ? url : url.slice(0, q));
  } catch {
    sendError(res, 400, 'BAD_REQUEST', 'The request path is malformed (bad percent-encoding).');
    return;
  }
  next();
};

export function apiRouter(options: AppOptions): express.Router {
  const { store } = options;
  const guarded = express.Router();
  if (options.corsOrigin) guarded.use(cors(options.corsOrigin));
  guarded.use(methodGuard(Boolean(options.corsOrigin)));
  guarded.use(refuseBodies());
  const limiter = rateLimiter(options.rateLimitPerMinute);
  if (limiter) guarded.use(limiter);
  guarded.use((_req, res, next) => {
    // The data changes with a load, which must be seen at once: clients revalidate (ETag).
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });

  // The routes, run by the answer cache (ETags, 304s, answers kept per graph revision).
  const api = express.Router();

  healthRoutes(api, store);
  schemaRoutes(api, store);
  searchRoutes(api, store);
  nodeRoutes(api, store);
  pathRoutes(api, store);
  questionRoutes(api, store);
  timelineRoutes(api, store);
  graphRoutes(api, store);
  exportRoutes(api, store);
  // Teaching: guided tours, what changed between two dates, agency × segment matrix, quiz.
  tourRoutes(api, store);
  changesRoutes(api, store);
  matrixRoutes(api, store);
  quizRoutes(api, store);
  // The report reader: the text by headings and the cited passages.
  reportRoutes(api, store, { sourcePath: options.reportSourcePath });
  // Questions in the user's own words.
  askRoutes(api, store);
  openapiRoutes(api);

  api.use((req, res) => {
    sendError(res, 404, 'NOT_FOUND', `No API route ${req.method} ${req.baseUrl}${req.path}.`);
  });
  guarded.use(
    answerCaching(api, {
      readRevision: () => store.revision(),
      cache: options.answers?.cache ?? new AnswerCache(DEFAULT_ANSWER_CACHE_MB * 1024 * 1024),
      stalenessMs: options.answers?.stalenessMs ?? DEFAULT_ANSWER_STALENESS_MS,
      ...(options.answers?.now ? { now: options.answers.now } : {}),
    }),
  );
  return guarded;
}

export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Answers get strong ETags of (graph revision, request) from the answer cache; Express's own
  // weak ETag would hash every body again and tag answers that must not be (health, errors).
  app.set('etag', false);
  // Routes read the raw query string through `validateQuery`; nothing should use `req.query`.
  app.set('query parser', false);
  app.set('trust proxy', options.trustProxy ?? false);

  app.use(requestLogging(options.logger ?? pino({ level: 'silent' })));
  app.use(securityHeaders());
  app.use(urlLengthLimit());
  app.use(rejectMalformedPath);
  app.use('/api', apiRouter(options));
  app.use(clientRoutes(options.clientDir));
  app.use(errorHandler());
  return app;
}
