/**
 * `GET /api/briefs`: an answer, a path or a node as a citation-complete brief (Markdown,
 * a print-ready HTML page, or the brief as JSON). `GET /api/compare`: two segments or two
 * agencies (or one at two dates) side by side.
 */
import type { Request, Router } from 'express';
import type { GraphStore } from '../stores/types.js';
import { QUESTION_LIMIT_MAX } from '../stores/types.js';
import { badRequest, notFound } from '../http/errors.js';
import { validateQuery } from '../http/params.js';
import { BRIEF_NEEDS, briefQuery, compareQuery } from '../contract/briefs.js';
import { nodeBrief, pathBrief, regulatorsBrief, rulesBrief, tourBrief, type PermalinkParams } from '../briefs/build.js';
import { tourLoader } from './tours.js';
import { briefMarkdown } from '../briefs/markdown.js';
import { briefHtml } from '../briefs/html.js';
import type { Brief } from '../briefs/model.js';
import { compare } from '../compare/compare.js';
import { MAX_PATH_LENGTH } from '../stores/preconditions.js';

/** The explorer's origin as the caller reached it (permalinks point back to the same server). */
function originOf(req: Request): string {
  const host = req.get('host') ?? '127.0.0.1';
  return `${req.protocol}://${/^[A-Za-z0-9.:[\]-]+$/.test(host) ? host : '127.0.0.1'}`;
}

export function briefRoutes(router: Router, store: GraphStore): void {
  const tours = tourLoader(store);
  router.get('/briefs', async (req, res) => {
    const q = validateQuery(req, briefQuery);
    for (const p of BRIEF_NEEDS[q.kind]) {
      if (q[p as 'segment' | 'topic' | 'a' | 'b' | 'id' | 'tour'] === undefined) throw badRequest(`Query parameter \`${p}\` is required when \`kind\` is \`${q.kind}\`.`);
    }
    const link: PermalinkParams = { origin: originOf(req), lang: q.lang };
    let brief: Brief;
    if (q.kind === 'regulators') {
      const d = await store.regulators(q.segment!, q.asOf, QUESTION_LIMIT_MAX);
      if (!d) throw notFound(`\`${q.segment}\` is not a Segment id.`);
      brief = regulatorsBrief(d, q.asOf, link);
    } else if (q.kind === 'rules') {
      const d = await store.rulesTouching(q.topic!, q.asOf, QUESTION_LIMIT_MAX);
      if (!d) throw notFound(`\`${q.topic}\` is not a Topic id.`);
      brief = rulesBrief(d, q.asOf, link);
    } else if (q.kind === 'path') {
      const path = await store.shortestPath({ from: q.a!, to: q.b!, maxLength: MAX_PATH_LENGTH, directed: false });
      if (!path) throw notFound(path === undefined ? `No node has the id \`${q.a}\` or \`${q.b}\`.` : `No path from \`${q.a}\` to \`${q.b}\` within ${MAX_PATH_LENGTH} steps.`);
      brief = pathBrief(path, q.a!, q.b!, link);
    } else if (q.kind === 'tour') {
      const tour = (await tours()).find((t) => t.id === q.tour);
      if (!tour) throw notFound(`No tour has the id \`${q.tour}\`.`);
      brief = tourBrief(tour, link);
    } else {
      const node = await store.node(q.id!);
      if (!node) throw notFound(`No node has the id \`${q.id}\`.`);
      const nb = await store.neighborhood({ id: node.id, depth: 1, limit: 500 });
      brief = nodeBrief(node, nb ?? { nodes: [], relationships: [] }, link);
    }
    if (q.format === 'json') res.json(brief);
    else if (q.format === 'html') res.type('html').send(briefHtml(brief));
    else res.type('text/markdown; charset=utf-8').send(briefMarkdown(brief));
  });

  router.get('/compare', async (req, res) => {
    const q = validateQuery(req, compareQuery);
    res.json(await compare(store, q.a, q.b, q.asOf, q.asOfB ?? q.asOf));
  });
}
