/**
 * Answers cached by graph revision, as one middleware around the API's routes (no route
 * knows about it). An answer is a pure function of (revision, canonical request), so:
 *
 * - every 200 answer carries a strong `ETag` of the two (`etag.ts`), and a request whose
 *   `If-None-Match` holds it gets 304 without a body;
 * - answers are kept in a byte-bounded LRU (`answer-cache.ts`) under the same key and
 *   replayed without asking the store;
 * - the revision comes from a `RevisionTracker` that reads the store at most once per
 *   staleness bound, so within that bound after a load a server may still answer from the
 *   old graph, and never after it.
 *
 * An answer that takes several store reads must not mix two graphs, and a load may flip
 * between them. So on a miss the revision is read again after the route has answered; only
 * when it equals the one read before (revisions never repeat, so no load came between) does
 * the answer go out, tagged and cached. Otherwise the route runs again on the new revision,
 * at most MAX_ATTEMPTS times, then 503 (a load finishing three times during one request is
 * not a state to answer from).
 */
import type { Request, RequestHandler, Response } from 'express';
import { StoreUnavailableError } from '../stores/types.js';
import type { AnswerCache, CachedAnswer } from './answer-cache.js';
import { answerEtag, canonicalRequest, noneMatchHits } from './etag.js';
import { RevisionTracker } from './revision-tracker.js';

export interface AnswerCachingOptions {
  /** The store's revision (GraphStore.revision). */
  readRevision: () => Promise<string>;
  /** Where answers are kept; a cache of 0 bytes keeps none (ETags and 304s still work). */
  cache: AnswerCache;
  /** How stale the known revision may be (ANSWER_STALENESS_MS). */
  stalenessMs: number;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
}

/** ANSWER_CACHE_MB's default: a few thousand typical answers (1–25 kB each). */
export const DEFAULT_ANSWER_CACHE_MB = 64;
/** ANSWER_STALENESS_MS's default: one revision read per 250 ms per server at most. */
export const DEFAULT_ANSWER_STALENESS_MS = 250;
const MAX_ATTEMPTS = 3;
/** Headers a route sets that belong to the body and so are kept with it. */
const BODY_HEADERS = ['content-type', 'content-disposition'];

/**
 * Requests whose answer is not a function of the graph and the request: the health probe
 * reports whether the store answers now, and a quiz without `seed` draws one at random.
 */
function isPureAnswer(req: Request): boolean {
  if (req.path === '/health') return false;
  if (req.path === '/quiz') return /(?:^|[?&])seed=/.test(req.originalUrl);
  return true;
}

type Outcome = { kind: 'sent'; body: unknown } | { kind: 'next'; err: unknown } | { kind: 'ended' };

/**
 * Runs the routes with `res.send` held back: the route's answer (its `res.send`/`res.json`
 * body) or its error comes back instead of going out, so the caller decides what to send.
 */
function runHeldBack(routes: RequestHandler, req: Request, res: Response): Promise<Outcome> {
  return new Promise((resolve) => {
    const send = res.send;
    let settled = false;
    const settle = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      res.send = send;
      res.off('close', onClose);
      resolve(outcome);
    };
    // A route that wrote the response itself (or a client gone away): nothing to hold back.
    const onClose = (): void => settle({ kind: 'ended' });
    res.on('close', onClose);
    res.send = function heldBack(body?: unknown) {
      settle({ kind: 'sent', body });
      return res;
    } as Response['send'];
    void routes(req, res, (err?: unknown) => settle({ kind: 'next', err: err === 'route' || err === 'router' ? undefined : err }));
  });
}

function bodyHeaders(res: Response): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  for (const name of BODY_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers.push([name, String(value)]);
  }
  return headers;
}

function replay(res: Response, answer: CachedAnswer, etag: string): void {
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.setHeader('ETag', etag);
  res.status(200).send(answer.body);
}

export function answerCaching(routes: RequestHandler, options: AnswerCachingOptions): RequestHandler {
  const { cache } = options;
  const tracker = new RevisionTracker({
    read: options.readRevision,
    stalenessMs: options.stalenessMs,
    ...(options.now ? { now: options.now } : {}),
    // Answers of an older graph can never be asked for again (revisions do not repeat).
    onChange: () => cache.clear(),
  });
  const keyOf = (revision: string, request: string): string => `${revision}\n${request}`;

  const handler: RequestHandler = async (req, res, next) => {
    if (req.method !== 'GET' || !isPureAnswer(req)) {
      await routes(req, res, next);
      return;
    }
    let revision: string;
    try {
      revision = await tracker.current();
    } catch {
      // The store cannot say its revision: the route meets the same failure and answers it (503).
      await routes(req, res, next);
      return;
    }
    const request = canonicalRequest(req.originalUrl);
    let etag = answerEtag(revision, request);
    if (noneMatchHits(req.get('if-none-match'), etag)) {
      res.setHeader('ETag', etag);
      res.status(304).end();
      return;
    }
    const hit = cache.get(keyOf(revision, request));
    if (hit !== undefined) {
      replay(res, hit, etag);
      return;
    }

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      res.status(200);
      const outcome = await runHeldBack(routes, req, res);
      if (outcome.kind === 'ended') return;
      let after: string;
      try {
        after = await tracker.fresh();
      } catch (err) {
        next(err);
        return;
      }
      if (after !== revision) {
        // A load committed while the route read the store: its answer may mix two graphs.
        revision = after;
        etag = answerEtag(revision, request);
        continue;
      }
      if (outcome.kind === 'next') {
        next(outcome.err);
        return;
      }
      const { body } = outcome;
      if (res.statusCode === 200 && (typeof body === 'string' || Buffer.isBuffer(body))) {
        res.setHeader('ETag', etag);
        cache.set(keyOf(revision, request), { body, headers: bodyHeaders(res) });
      }
      res.send(body);
      return;
    }
    next(new StoreUnavailableError(`the graph changed during each of ${MAX_ATTEMPTS} attempts to answer`));
  };
  // The routes' layers stay visible as a router's are, for whatever lists the app's routes
  // (the OpenAPI test walks `stack`).
  return Object.assign(handler, { stack: (routes as { stack?: unknown }).stack });
}
