/**
 * The two questions users bring most, answered with their evidence and the Cypher that
 * answers them in Neo4j (shown to the user whichever store is running).
 */
import type { Router } from 'express';
import { QUESTION_LIMIT_DEFAULT, QUESTION_LIMIT_MAX, type GraphStore, type NodeLabel } from '../stores/types.js';
import { SHOWN_CYPHER } from '../stores/shown-cypher.js';
import { notFound } from '../http/errors.js';
import { optionalDate, optionalInt, requiredId, validateQuery } from '../http/params.js';

const limit = (): ReturnType<typeof optionalInt> => optionalInt(1, QUESTION_LIMIT_MAX, QUESTION_LIMIT_DEFAULT);
export const regulatorsQuery = { segment: requiredId(), asOf: optionalDate(), limit: limit() };
export const rulesQuery = { topic: requiredId(), asOf: optionalDate(), limit: limit() };

const article = (word: string): string => (/^[AEIOU]/.test(word) ? 'an' : 'a');

/** 404 with a message that says whether the id is unknown or names the wrong kind of node. */
async function wrongOrUnknown(store: GraphStore, id: string, expected: NodeLabel): Promise<Error> {
  const node = await store.node(id);
  return node
    ? notFound(`\`${id}\` is ${article(node.label)} ${node.label}, not ${article(expected)} ${expected}.`)
    : notFound(`No node has the id \`${id}\`.`);
}

export function questionRoutes(router: Router, store: GraphStore): void {
  router.get('/questions/regulators', async (req, res) => {
    const { segment, asOf, limit } = validateQuery(req, regulatorsQuery);
    const answer = await store.regulators(segment, asOf, limit);
    if (!answer) throw await wrongOrUnknown(store, segment, 'Segment');
    res.json({ ...answer, cypher: SHOWN_CYPHER.regulators });
  });

  router.get('/questions/rules', async (req, res) => {
    const { topic, asOf, limit } = validateQuery(req, rulesQuery);
    const answer = await store.rulesTouching(topic, asOf, limit);
    if (!answer) throw await wrongOrUnknown(store, topic, 'Topic');
    res.json({ ...answer, cypher: SHOWN_CYPHER.rulesTouching });
  });
}
