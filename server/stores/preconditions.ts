/**
 * What both stores refuse, in one place: the bounds of neighbourhood depth, path length and
 * question limits. The HTTP parameters take their ranges from the same constants, so a
 * request the API accepts is never refused by a store, and both stores refuse the same
 * calls with the same RangeError (the contract suite checks it on both).
 */
import type { NeighborhoodQuery, PathQuery } from './types.js';

/** Depths a neighbourhood may have: 1, 2 or 3 hops. */
export const MAX_DEPTH = 3;

/**
 * The deepest path search. The Neo4j store's Cypher spells it as the variable-length bound
 * `[*..8]` (a literal: Cypher takes no parameter there), interpolated from this constant.
 */
export const MAX_PATH_LENGTH = 8;
/** The HTTP default of `maxLength`. */
export const DEFAULT_PATH_LENGTH = 6;

/**
 * Question answers are cut at `limit` entries (the first ones in answer order; the HTTP
 * default is QUESTION_LIMIT_DEFAULT): a segment or topic high in a large taxonomy can
 * gather thousands of rule entries, which no reader scans and no answer should carry
 * unbounded. `total` and `truncated` say what was left out.
 */
export const QUESTION_LIMIT_DEFAULT = 500;
export const QUESTION_LIMIT_MAX = 5000;

export function checkDepth(q: Pick<NeighborhoodQuery, 'depth'>): void {
  if (!Number.isInteger(q.depth) || q.depth < 1 || q.depth > MAX_DEPTH) throw new RangeError(`depth must be 1, 2 or 3, got ${q.depth}`);
}

export function checkPathLength(q: Pick<PathQuery, 'maxLength'>): void {
  if (!Number.isInteger(q.maxLength) || q.maxLength < 1 || q.maxLength > MAX_PATH_LENGTH) {
    throw new RangeError(`maxLength must be an integer from 1 to ${MAX_PATH_LENGTH}, got ${q.maxLength}`);
  }
}

/** Both stores refuse the same limits: an integer from 1 to QUESTION_LIMIT_MAX. */
export function checkQuestionLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > QUESTION_LIMIT_MAX) {
    throw new RangeError(`limit must be an integer from 1 to ${QUESTION_LIMIT_MAX}, got ${limit}`);
  }
  return limit;
}
