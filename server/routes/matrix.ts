/**
 * `GET /api/matrix?asOf=`: agencies × segments. A cell lists the rules through which the
 * agency regulates the segment: `rules` regulate it directly, `rollup` regulate a narrower
 * segment (PART_OF, any depth) and say which (`via`). See `MatrixAnswer` in stores/types.ts.
 */
import type { Router } from 'express';
import { SHOWN_CYPHER } from '../stores/shown-cypher.js';
import type { GraphStore } from '../stores/types.js';
import { optionalDate, validateQuery } from '../http/params.js';

export const matrixQuery = { asOf: optionalDate() };

export function matrixRoutes(router: Router, store: GraphStore): void {
  router.get('/matrix', async (req, res) => {
    const { asOf } = validateQuery(req, matrixQuery);
    const answer = await store.matrix(asOf);
    res.json({ ...answer, cypher: SHOWN_CYPHER.matrix });
  });
}
