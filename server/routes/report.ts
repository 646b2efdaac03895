/**
 * `GET /api/report` (the report text by headings) and `GET /api/report/passages` (the cited
 * passages in document order with the facts citing each). Without the full text on the
 * server both still answer: the headings and the places come from the committed
 * `graph-seed/quote-places.json`, and `/api/report` says how to install the text.
 */
import type { Router } from 'express';
import type { Tour } from '../../graph-seed/tour-schema.js';
import { loadTours } from '../../graph-seed/validate-tours.js';
import { reportParamsSchema, reportPassagesParamsSchema } from '../contract/report.js';
import { validateQuery } from '../http/params.js';
import { buildPassages } from '../report/build-passages.js';
import { buildReport } from '../report/build-report.js';
import { readReportSource, type ReportSource } from '../report/report-source.js';
import type { GraphStore } from '../stores/types.js';

export interface ReportRouteOptions {
  /** The report text: a path, `null` for "not installed", or undefined to look where `source-text.ts` says. */
  sourcePath?: string | null | undefined;
}

export function reportRoutes(router: Router, store: GraphStore, opts: ReportRouteOptions = {}): void {
  let source: Promise<ReportSource> | undefined;
  const report = (): Promise<ReportSource> => (source ??= readReportSource(opts.sourcePath));
  let tours: Promise<Tour[]> | undefined;

  router.get('/report', async (req, res) => {
    validateQuery(req, reportParamsSchema.shape);
    res.json(buildReport(await report()));
  });

  router.get('/report/passages', async (req, res) => {
    validateQuery(req, reportPassagesParamsSchema.shape);
    const graph = await store.graph({});
    // The tours belong to the real seed; on another graph (a synthetic one) they do not
    // validate, and the passages are then the graph's alone.
    tours ??= loadTours(graph, { sourcePath: null, onWarning: () => {} }).catch(() => []);
    res.json(buildPassages(await report(), graph, await tours));
  });
}
