/** `GET /api/nodes/:id` and `GET /api/nodes/:id/neighborhood`. */
import type { Router } from 'express';
import type { GraphStore } from '../stores/types.js';
import { MAX_DEPTH } from '../stores/preconditions.js';
import { notFound } from '../http/errors.js';
import { labelsParam, optionalDate, optionalInt, pathId, typesParam, validateQuery } from '../http/params.js';

export const neighborhoodQuery = {
  depth: optionalInt(1, MAX_DEPTH, 1),
  labels: labelsParam(),
  types: typesParam(),
  limit: optionalInt(1, 2000, 200),
  asOf: optionalDate(),
};

export function nodeRoutes(router: Router, store: GraphStore): void {
  router.get('/nodes/:id', async (req, res) => {
    const id = pathId(req);
    validateQuery(req, {});
    const node = await store.node(id);
    if (!node) throw notFound(`No node has the id \`${id}\`.`);
    res.json({ node });
  });

  router.get('/nodes/:id/neighborhood', async (req, res) => {
    const id = pathId(req);
    const { depth, labels, types, limit, asOf } = validateQuery(req, neighborhoodQuery);
    const result = await store.neighborhood({
      id,
      depth: depth as 1 | 2 | 3,
      limit,
      ...(labels ? { labels } : {}),
      ...(types ? { types } : {}),
      ...(asOf ? { asOf } : {}),
    });
    if (!result) throw notFound(`No node has the id \`${id}\`.`);
    res.json({ nodes: result.nodes, relationships: result.relationships, truncated: result.truncated });
  });
}
