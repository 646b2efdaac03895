/** `GET /api/changes?from=&to=`: what the graph gained between two dates (both stores, same answer). */
import type { Router } from 'express';
import { isWindowInOrder } from '../../graph-seed/dates.js';
import { SHOWN_CYPHER } from '../stores/shown-cypher.js';
import type { GraphStore } from '../stores/types.js';
import { badRequest } from '../http/errors.js';
import { optionalDate, validateQuery } from '../http/params.js';

const requiredDate = () => optionalDate().refine((s) => s !== undefined, { message: 'is required.' });
export const changesQuery = { from: requiredDate(), to: requiredDate() };

export function changesRoutes(router: Router, store: GraphStore): void {
  router.get('/changes', async (req, res) => {
    const { from, to } = validateQuery(req, changesQuery);
    // (from, to]: "after the end of `from`, up to the end of `to`" (2016 ends after 2016-10-13).
    if (!isWindowInOrder(from!, to!)) {
      throw badRequest('Query parameter `from` must not be later than `to` (the range is after the end of `from`, up to the end of `to`).');
    }
    const answer = await store.changes(from!, to!);
    res.json({ ...answer, cypher: SHOWN_CYPHER.changes });
  });
}
