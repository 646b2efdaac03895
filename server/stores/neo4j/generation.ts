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
 * The first clause of every store query: binds `gen` to the live generation, or to -1 (no
 * node has it) when nothing was loaded, so that every query then finds an empty graph.
 */
export const LIVE_GENERATION = `// gen: the live generation of the loaded graph (one index lookup)
OPTIONAL MATCH (live:${STATE_LABEL} {key: '${LIVE_KEY}'})
WITH coalesce(live.generation, -1) AS gen`;
