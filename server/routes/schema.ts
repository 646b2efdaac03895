/** `GET /api/schema`: labels and relationship types with counts, display names and endpoint rules. */
import type { Router } from 'express';
import { LABEL_NAMES, NODE_LABELS, REL_ENDPOINTS, REL_NAMES, REL_TYPES } from '../../graph-seed/schema.js';
import type { GraphStore } from '../stores/types.js';
import { validateQuery } from '../http/params.js';

export function schemaRoutes(router: Router, store: GraphStore): void {
  router.get('/schema', async (req, res) => {
    validateQuery(req, {});
    const counts = await store.counts();
    res.json({
      labels: NODE_LABELS.map((label) => ({ label, count: counts.labels[label] ?? 0, names: LABEL_NAMES[label] })),
      relationshipTypes: REL_TYPES.map((type) => ({
        type,
        count: counts.types[type] ?? 0,
        names: REL_NAMES[type],
        from: [...REL_ENDPOINTS[type].from],
        to: [...REL_ENDPOINTS[type].to],
      })),
      counts: { nodes: counts.nodes, relationships: counts.relationships },
    });
  });
}
