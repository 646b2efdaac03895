/** `GET /api/search?q=&labels=&limit=`: nodes whose name, English name or alias matches. */
import type { Router } from 'express';
import type { GraphStore } from '../stores/types.js';
import { labelsParam, optionalInt, requiredText, validateQuery } from '../http/params.js';

export const searchQuery = {
  q: requiredText(1, 200),
  labels: labelsParam(),
  limit: optionalInt(1, 100, 20),
};

export function searchRoutes(router: Router, store: GraphStore): void {
  router.get('/search', async (req, res) => {
    const { q, labels, limit } = validateQuery(req, searchQuery);
    const hits = await store.search({ q, limit, ...(labels ? { labels } : {}) });
    res.json({ results: hits.map(({ id, label, name, nameEn, score }) => ({ id, label, name, nameEn, score })) });
  });
}
