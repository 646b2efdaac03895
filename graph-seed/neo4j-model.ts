/**
 * The shape of the graph as Neo4j stores it, in one place for the two sides that touch it:
 * the loader (./neo4j-loader.ts) writes it, the Neo4j store (server/stores/neo4j) reads it.
 * The full data model is described in ./neo4j-loader.ts.
 *
 * - Labels: every seed node has its own label and ENTITY_LABEL; one STATE_LABEL node
 *   (key LIVE_KEY) holds the live generation.
 * - Generations: each load may write a new generation (`gen`) beside the live one and flip
 *   the state node to it; readers start from the live generation (LIVE_GENERATION).
 * - Search keys: the normalised name and description fields, each enclosed in
 *   SEARCH_SEPARATOR, under TEXT indexes.
 * - Date keys: `dateKey`/`dateEndKey` of dated Rules and Events (./dates.ts).
 * - Integers: written as Neo4j integers, read back through `toNumber`, the one conversion.
 */
import neo4j from 'neo4j-driver';
import { nameFields, textFields, type SearchableNode } from './search-text.js';

export const ENTITY_LABEL = 'Entity';
export const STATE_LABEL = 'SeedState';
export const LIVE_KEY = 'live';

/**
 * The live state's revision: a random id that every load sets, in the transaction that makes
 * its graph live (a staged load's flip, or a single load's rewrite of the same generation in
 * place, which keeps `generation`). Two equal readings therefore mean no load committed in
 * between, which is what the answer cache (server/cache/) relies on.
 */
export const REVISION_CYPHER = `MATCH (s:${STATE_LABEL} {key: $key}) RETURN s.generation AS gen, s.revision AS revision`;

/** The revision token readers compare: generation and revision, or `empty` when nothing was loaded. */
export function revisionToken(gen: unknown, revision: unknown): string {
  if (gen === undefined || gen === null) return 'empty';
  return `${String(gen)}.${revision === undefined || revision === null ? 'unrevised' : String(revision)}`;
}

/**
 * The first clause of every store query: binds `gen` to the live generation, or to -1 (no
 * node has it) when nothing was loaded, so that every query then finds an empty graph.
 * Relationships never join two generations, so whatever a query reaches from nodes of the
 * live generation is of the same one.
 */
export const LIVE_GENERATION = `// gen: the live generation of the loaded graph (one index lookup)
OPTIONAL MATCH (live:${STATE_LABEL} {key: '${LIVE_KEY}'})
WITH coalesce(live.generation, -1) AS gen`;

// ---------------------------------------------------------------------------------------
// Search keys
//
// `searchKey` (the normalised name, English name and aliases) and `searchText` (the two
// normalised descriptions), each field enclosed in SEARCH_SEPARATOR. Normalised by the memory
// store's own functions (./search-text.ts), so both stores compare the same strings. With the
// separators one string answers every tier for a query that holds no separator:
//   equals a field       searchKey CONTAINS sep + q + sep
//   a field starts with  searchKey CONTAINS sep + q
//   a field contains     searchKey CONTAINS q
// The loader refuses seed text holding the separator (a control character), so no node can
// match a query that holds it, and the store answers such a query with no hits.

export const SEARCH_SEPARATOR = '\u0001';

function enclose(fields: readonly string[]): string {
  return SEARCH_SEPARATOR + fields.join(SEARCH_SEPARATOR) + SEARCH_SEPARATOR;
}

export function searchProperties(n: SearchableNode): { searchKey: string; searchText: string } {
  return { searchKey: enclose(nameFields(n)), searchText: enclose(textFields(n)) };
}

/** The first searchable field of `n` holding the separator, if any. */
export function fieldWithSeparator(n: SearchableNode): string | undefined {
  const fields = { name: n.name, nameEn: n.nameEn, description: n.description, descriptionEn: n.descriptionEn };
  for (const [key, value] of Object.entries(fields)) if (value.includes(SEARCH_SEPARATOR)) return key;
  return n.aliases.some((a) => a.includes(SEARCH_SEPARATOR)) ? 'aliases' : undefined;
}

// ---------------------------------------------------------------------------------------
// Integers

/** A Neo4j integer (or anything else) as a plain JS value. */
export function plain(value: unknown): unknown {
  return neo4j.isInt(value) ? value.toNumber() : value;
}

/** A number read from Neo4j (an Integer or a float); anything else is a bug, not a zero. */
export function toNumber(value: unknown): number {
  const v = plain(value);
  if (typeof v !== 'number') throw new TypeError(`expected a number from Neo4j, got ${v === null ? 'null' : typeof v}`);
  return v;
}
