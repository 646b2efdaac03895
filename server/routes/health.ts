/** `GET /api/health`: can the store answer right now? 200 with counts, or 503. */
import type { Router } from 'express';
import type { GraphStore } from '../stores/types.js';
import { RETRY_AFTER_SECONDS, isStoreUnavailable } from '../http/errors.js';
import { validateQuery } from '../http/params.js';

export function healthRoutes(router: Router, store: GraphStore): void {
  router.get('/health', async (req, res) => {
    validateQuery(req, {});
    res.setHeader('Cache-Control', 'no-store');
    try {
      const counts = await store.counts();
      res.json({ status: 'ok', store: store.kind, nodes: counts.nodes, relationships: counts.relationships });
    } catch (err) {
      // Any failure to count means the store cannot serve; the details go to the log only.
      req.log?.warn({ err }, 'health check failed');
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(503).json({
        status: 'unavailable',
        store: store.kind,
        error: {
          code: 'UNAVAILABLE',
          message: isStoreUnavailable(err) ? 'The graph store is unavailable; retry shortly.' : 'The graph store failed to answer.',
        },
      });
    }
  });
}
