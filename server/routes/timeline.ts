/** `GET /api/timeline`: the development phases and the dated rules, oldest first. */
import type { Router } from 'express';
import type { GraphStore } from '../stores/types.js';
import { validateQuery } from '../http/params.js';

export function timelineRoutes(router: Router, store: GraphStore): void {
  router.get('/timeline', async (req, res) => {
    validateQuery(req, {});
    const { phases, rules } = await store.timeline();
    res.json({ phases, rules });
  });
}
