/**
 * Which of the graphs in the database readers see. The loader (graph-seed/neo4j-loader.ts)
 * writes each staged load as a new generation of nodes (`gen`) beside the live one, then
 * points the one `(:SeedState {key: 'live'})` node at it in a small transaction; the old
 * generation is deleted afterwards. So a reader must only ever start from nodes of the live
 * generation; relationships never join two generations, so whatever it reaches from there
 * is of the same one.
 */
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
 */
export const LIVE_GENERATION = `// gen: the live generation of the loaded graph (one index lookup)
OPTIONAL MATCH (live:${STATE_LABEL} {key: '${LIVE_KEY}'})
WITH coalesce(live.generation, -1) AS gen`;
