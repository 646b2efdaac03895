/**
 * The Cypher each question stands for, as the question endpoints show it to readers
 * whichever store answers (learners read it beside the answer). The texts are the Neo4j
 * store's own (`./neo4j/queries.ts`, the only home of Cypher); routes take them from here
 * so that no route reaches into a store's internals.
 */
import * as Q from './neo4j/queries.js';

export const SHOWN_CYPHER = {
  regulators: Q.REGULATORS_CYPHER,
  rulesTouching: Q.RULES_TOUCHING_CYPHER,
  shortestPath: Q.SHORTEST_PATH_CYPHER,
  shortestPathDirected: Q.SHORTEST_PATH_DIRECTED_CYPHER,
  changes: Q.CHANGES_CYPHER,
  matrix: Q.MATRIX_CYPHER,
} as const;
