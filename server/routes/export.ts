/**
 * `GET /api/export?format=&ids=&part=`: the whole graph or a selection as a download.
 * CSV returns one table per request: `part=nodes` (default) or `part=relationships`.
 */
import type { Router } from 'express';
import { z } from 'zod';
import type { GraphStore } from '../stores/types.js';
import { CSV_PARTS } from '../export/csv.js';
import { EXPORT_FORMATS, exportGraph } from '../export/index.js';
import { badRequest, notFound } from '../http/errors.js';
import { optionalIdList, validateQuery } from '../http/params.js';

export const MAX_EXPORT_IDS = 2000;

export const exportQuery = {
  format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}.` }).default('json'),
  ids: optionalIdList(MAX_EXPORT_IDS),
  part: z.enum(CSV_PARTS, { error: `must be one of ${CSV_PARTS.join(', ')}.` }).optional(),
};

export function exportRoutes(router: Router, store: GraphStore): void {
  router.get('/export', async (req, res) => {
    const { format, ids, part } = validateQuery(req, exportQuery);
    if (part !== undefined && format !== 'csv') throw badRequest('Query parameter `part` applies to `format=csv` only.');
    const graph = ids ? await store.subgraph(ids) : await store.graph({});
    if (ids) {
      const found = new Set(graph.nodes.map((n) => n.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw notFound(`Unknown id${missing.length > 1 ? 's' : ''}: ${missing.slice(0, 10).map((m) => `\`${m}\``).join(', ')}.`);
      }
    }
    const file = exportGraph(graph, format, part ?? 'nodes');
    // `attachment` would set a type from the extension; ours carries the charset, so it goes second.
    res.attachment(file.fileName);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(file.body);
  });
}
