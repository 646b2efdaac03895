/**
 * `GET /api/tours` and `GET /api/tours/:id`: the guided tours of `graph-seed/tours`,
 * validated against the graph the store holds (ids, question kinds, quotes) the first time
 * they are asked for. A tour that does not validate is a deployment error (500, logged),
 * never a half-shown tour.
 */
import type { Router } from 'express';
import { summarizeTour, TOUR_SLUG, type Tour } from '../../graph-seed/tour-schema.js';
import { loadTours } from '../../graph-seed/validate-tours.js';
import type { GraphStore } from '../stores/types.js';
import { badRequest, notFound } from '../http/errors.js';
import { validateQuery } from '../http/params.js';

export interface TourRouteOptions {
  /** Default `graph-seed/tours`. */
  toursDir?: string;
}

/** The tours, validated against the store's graph once, and again after a failure. */
export function tourLoader(store: GraphStore, opts: TourRouteOptions = {}): () => Promise<Tour[]> {
  let loaded: Promise<Tour[]> | undefined;
  return (): Promise<Tour[]> => {
    loaded ??= store
      .graph({})
      .then((graph) => loadTours(graph, { ...(opts.toursDir ? { toursDir: opts.toursDir } : {}), onWarning: () => {} }))
      .catch((err: unknown) => {
        loaded = undefined; // Neo4j may come back, or the files be fixed: try again next time.
        throw err;
      });
    return loaded;
  };
}

export function tourRoutes(router: Router, store: GraphStore, opts: TourRouteOptions = {}): void {
  const tours = tourLoader(store, opts);

  router.get('/tours', async (req, res) => {
    validateQuery(req, {});
    res.json({ tours: (await tours()).map(summarizeTour) });
  });

  router.get('/tours/:id', async (req, res) => {
    validateQuery(req, {});
    const id = req.params['id'];
    if (typeof id !== 'string' || id.length > 80 || !TOUR_SLUG.test(id)) {
      throw badRequest('Path parameter `id` must be a tour id such as `p2p-lending` (lowercase letters, digits, dashes).');
    }
    const tour = (await tours()).find((t) => t.id === id);
    if (!tour) throw notFound(`No tour has the id \`${id}\`.`);
    res.json({ tour });
  });
}
