/** `GET /api/graph`: the whole graph or a filtered view of it. */
import type { Router } from 'express';
import type { GraphStore } from '../stores/types.js';
import { isRangeInOrder } from '../../graph-seed/dates.js';
import { badRequest } from '../http/errors.js';
import { labelsParam, optionalDate, typesParam, validateQuery } from '../http/params.js';

export const graphQuery = {
  labels: labelsParam(),
  types: typesParam(),
  from: optionalDate(),
  to: optionalDate(),
  asOf: optionalDate(),
};

export function graphRoutes(router: Router, store: GraphStore): void {
  router.get('/graph', async (req, res) => {
    const { labels, types, from, to, asOf } = validateQuery(req, graphQuery);
    // The range is empty only when all of `from` comes after the end of `to` (graph-seed/dates.ts).
    if (!isRangeInOrder(from, to)) {
      throw badRequest('Query parameter `from` must not be later than `to`.');
    }
    const g = await store.graph({
      ...(labels ? { labels } : {}),
      ...(types ? { types } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(asOf ? { asOf } : {}),
    });
    res.json({ nodes: g.nodes, relationships: g.relationships });
  });
}
