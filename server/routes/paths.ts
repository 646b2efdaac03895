/** `GET /api/paths/shortest`: how A is connected to B, with a sentence per step. */
import type { Router } from 'express';
import type { GraphStore, Subgraph } from '../stores/types.js';
import { DEFAULT_PATH_LENGTH, MAX_PATH_LENGTH } from '../stores/preconditions.js';
import { SHOWN_CYPHER } from '../stores/shown-cypher.js';
import { explainPath, orderPath } from '../explain.js';
import { notFound } from '../http/errors.js';
import { optionalBool, optionalInt, requiredId, typesParam, validateQuery } from '../http/params.js';


export const shortestPathQuery = {
  from: requiredId(),
  to: requiredId(),
  maxLength: optionalInt(1, MAX_PATH_LENGTH, DEFAULT_PATH_LENGTH),
  types: typesParam(),
  directed: optionalBool(false),
};

/** Nodes and relationships in walking order from `from`, so clients can draw the path as given. */
function inPathOrder(path: Subgraph, from: string): Subgraph {
  const steps = orderPath(path, from);
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  const first = byId.get(from);
  const nodes = first ? [first] : [];
  let at = from;
  for (const { rel } of steps) {
    at = rel.source === at ? rel.target : rel.source;
    const n = byId.get(at);
    if (n) nodes.push(n);
  }
  return { nodes, relationships: steps.map((s) => s.rel) };
}

export function pathRoutes(router: Router, store: GraphStore): void {
  router.get('/paths/shortest', async (req, res) => {
    const { from, to, maxLength, types, directed } = validateQuery(req, shortestPathQuery);
    const path = await store.shortestPath({ from, to, maxLength, directed, ...(types ? { types } : {}) });
    if (path === undefined) {
      const [a, b] = await Promise.all([store.node(from), store.node(to)]);
      const missing = [!a ? from : undefined, !b ? to : undefined].filter((x): x is string => x !== undefined);
      throw notFound(`No node has the id ${missing.map((m) => `\`${m}\``).join(' or ') || `\`${from}\``}.`);
    }
    if (path === null) {
      throw notFound(
        `No path from \`${from}\` to \`${to}\` within ${maxLength} step${maxLength === 1 ? '' : 's'}` +
          `${types ? ` over ${types.join(', ')}` : ''}${directed ? ' following relationship directions' : ''}.`,
      );
    }
    const ordered = inPathOrder(path, from);
    res.json({ ...ordered, explanation: explainPath(path, from), cypher: directed ? SHOWN_CYPHER.shortestPathDirected : SHOWN_CYPHER.shortestPath });
  });
}
