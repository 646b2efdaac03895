import { ENTITY_LABEL, LIVE_GENERATION } from '../../../graph-seed/neo4j-model.js';
import { MAX_PATH_LENGTH } from '../preconditions.js';

/**
 * Every Cypher text the Neo4j store runs, as named constants. Nothing here is ever built
 * from request text: ids, search text, label and type filters, dates and limits all travel
 * as parameters. The HTTP layer also shows the question queries to readers, so they are
 * written to be read.
 *
 * Data model (graph-seed/neo4j-loader.ts): every node has its label and `Entity`, scalar
 * seed fields as properties, `sourcesJson`/`figuresJson` as JSON strings; relationships
 * carry `id`, their scalar properties and `sourcesJson`. The database can hold more than one
 * generation of the graph (graph-seed/neo4j-model.ts): every query starts with LIVE_GENERATION and
 * anchors its first nodes on `gen`; everything reached through relationships from there is
 * of the same generation.
 *
 * Shared parameter conventions:
 * - `$labels`, `$types`: always lists (every label / type when the request has no filter),
 *   matched with `labels(n)` / `type(r)` IN the list.
 * - `$asOf`, `$to`: null, or the end key of a date (`2016-07` → `2016-07-99`); `$from`: null,
 *   or a start key (`2016-07` → `2016-07-00`); see graph-seed/dates.ts.
 * - Dated Rules and Events carry the keys of their date, written by the loader: `dateKey`
 *   (start) and `dateEndKey` (end); every other node has neither, so `n.dateKey IS NULL`
 *   means "no date the bounds apply to". Order by date is `dateEndKey, dateKey` (nulls last).
 * - Relationships come back as `{r, s, t}`: the relationship and the ids of its start and
 *   end node.
 */

/** Node counts per label (the `Entity` label left out). */
export const NODE_COUNTS_CYPHER = `
${LIVE_GENERATION}
MATCH (n:Entity) WHERE n.gen = gen
UNWIND [l IN labels(n) WHERE l <> '${ENTITY_LABEL}'] AS label
RETURN label, count(*) AS count`;

/** Relationship counts per type. */
export const RELATIONSHIP_COUNTS_CYPHER = `
${LIVE_GENERATION}
MATCH (a:Entity)-[r]->(:Entity) WHERE a.gen = gen
RETURN type(r) AS type, count(*) AS count`;

export const NODE_CYPHER = `
${LIVE_GENERATION}
MATCH (n:Entity {id: $id, gen: gen})
RETURN n`;

/**
 * Search with the tiers of `graph-seed/search-text.ts`, ranked on the stored strings.
 *
 * The loader stores each node's normalised name fields as `searchKey` and description
 * fields as `searchText`, every field enclosed in U+0001 (graph-seed/neo4j-model.ts), both under
 * TEXT indexes. `CONTAINS` on them is served by the index (NodeIndexContainsScan, also for
 * one- and two-character queries) and yields the candidates; the tier follows from the same
 * string (equal: enclosed in separators; prefix: after a separator). The description tier
 * is looked up only when the name tiers leave room under `$limit`. `$q`: the normalised
 * query, never holding U+0001 (the store answers such a query with no hits).
 *
 * (No full-text index: a cjk analyzer matches bigrams and whole words, while the contract is
 * substring matching: "AI" must find "chain" in a description, "贷" must find 首付贷.)
 */
export const SEARCH_CYPHER = `
${LIVE_GENERATION}
CALL (gen) {
  MATCH (n:Entity)
  WHERE n.searchKey CONTAINS $q AND n.gen = gen AND any(l IN labels(n) WHERE l IN $labels)
  WITH n, CASE
            WHEN n.searchKey CONTAINS '\\u0001' + $q + '\\u0001' THEN 4
            WHEN n.searchKey CONTAINS '\\u0001' + $q THEN 3
            ELSE 2
          END AS tier
  WITH n, tier ORDER BY tier DESC, size(n.name), n.id LIMIT $limit
  RETURN collect({n: n, tier: tier}) AS named
}
CALL (gen, named) {
  // The index is asked only when the name tiers left room (CONTAINS null finds nothing);
  // a plain WHERE on \`named\` would be checked after the index scan, not before.
  MATCH (n:Entity)
  WHERE n.searchText CONTAINS (CASE WHEN size(named) < $limit THEN $q END)
    AND n.gen = gen
    AND any(l IN labels(n) WHERE l IN $labels)
    AND NOT n.searchKey CONTAINS $q
  WITH n ORDER BY size(n.name), n.id LIMIT $limit
  RETURN collect({n: n, tier: 1}) AS described
}
UNWIND (named + described)[0..$limit] AS hit
WITH hit.n AS n, hit.tier AS tier
RETURN n.id AS id, [l IN labels(n) WHERE l <> '${ENTITY_LABEL}'][0] AS label, n.name AS name, n.nameEn AS nameEn, tier AS score`;

/**
 * Neighbourhood: breadth-first, one level per subquery, so a node is reached at its
 * smallest depth and never walked twice. A node is kept (and walked through) when its label
 * is in `$labels` and it is visible at `$asOf`; the centre is always kept. Nodes ordered by
 * depth then id, cut at `$limit`; then every allowed relationship among the kept nodes.
 */
export const NEIGHBORHOOD_CYPHER = `
${LIVE_GENERATION}
MATCH (c:Entity {id: $id, gen: gen})
CALL (c) {
  MATCH (c)-[r]-(n:Entity)
  WHERE $depth >= 1 AND type(r) IN $types AND n <> c
    AND any(l IN labels(n) WHERE l IN $labels)
    AND ($asOf IS NULL OR n.dateKey IS NULL OR n.dateKey <= $asOf)
  RETURN collect(DISTINCT n) AS level1
}
CALL (c, level1) {
  UNWIND level1 AS f
  MATCH (f)-[r]-(n:Entity)
  WHERE $depth >= 2 AND type(r) IN $types AND n <> c AND NOT n IN level1
    AND any(l IN labels(n) WHERE l IN $labels)
    AND ($asOf IS NULL OR n.dateKey IS NULL OR n.dateKey <= $asOf)
  RETURN collect(DISTINCT n) AS level2
}
CALL (c, level1, level2) {
  UNWIND level2 AS f
  MATCH (f)-[r]-(n:Entity)
  WHERE $depth >= 3 AND type(r) IN $types AND n <> c AND NOT n IN level1 AND NOT n IN level2
    AND any(l IN labels(n) WHERE l IN $labels)
    AND ($asOf IS NULL OR n.dateKey IS NULL OR n.dateKey <= $asOf)
  RETURN collect(DISTINCT n) AS level3
}
WITH c, [x IN level1 | {n: x, d: 1}] + [x IN level2 | {n: x, d: 2}] + [x IN level3 | {n: x, d: 3}] AS found
UNWIND (CASE WHEN found = [] THEN [null] ELSE found END) AS f
WITH c, f ORDER BY f.d, f.n.id
WITH c, collect(f.n) AS ordered
WITH [c] + ordered AS reached
WITH reached[0..$limit] AS kept, size(reached) > $limit AS truncated
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE type(r) IN $types AND b IN kept
  WITH r, a, b ORDER BY r.id
  RETURN collect({r: r, s: a.id, t: b.id}) AS rels
}
RETURN kept AS nodes, rels, truncated`;

/** How many of the two path ends exist. */
export const PATH_ENDS_CYPHER = `
${LIVE_GENERATION}
MATCH (n:Entity)
WHERE n.id IN [$from, $to] AND n.gen = gen
RETURN count(DISTINCT n.id) AS found`;

/**
 * Shortest path in either direction. Of all shortest paths the one with the smallest
 * sequence of node ids wins, then the smallest relationship ids, so the answer does not
 * depend on storage order. Variable-length bounds cannot be parameters, so the search is
 * capped at 8 hops and `$maxLength` is applied to the result.
 */
export const SHORTEST_PATH_CYPHER = `
${LIVE_GENERATION}
MATCH (a:Entity {id: $from, gen: gen}), (b:Entity {id: $to, gen: gen})
MATCH p = allShortestPaths((a)-[*..${MAX_PATH_LENGTH}]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types)
WITH p
WHERE length(p) <= $maxLength
WITH p ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | r.id]
LIMIT 1
RETURN nodes(p) AS nodes,
       [r IN relationships(p) | {r: r, s: startNode(r).id, t: endNode(r).id}] AS rels`;

/** The same, following relationships only in their direction. */
export const SHORTEST_PATH_DIRECTED_CYPHER = `
${LIVE_GENERATION}
MATCH (a:Entity {id: $from, gen: gen}), (b:Entity {id: $to, gen: gen})
MATCH p = allShortestPaths((a)-[*..${MAX_PATH_LENGTH}]->(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types)
WITH p
WHERE length(p) <= $maxLength
WITH p ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | r.id]
LIMIT 1
RETURN nodes(p) AS nodes,
       [r IN relationships(p) | {r: r, s: startNode(r).id, t: endNode(r).id}] AS rels`;

/**
 * Question 1: which agencies regulate a segment, and through which rules? A rule counts
 * when it regulates the segment or a narrower one (PART_OF, any depth). Agencies with the
 * most rules first, then by name; each agency's rules by date (undated last), then id.
 * The answer keeps its first `$limit` entries in that order and says how many there were.
 *
 * Anchored at the segment: its PART_OF closure first (each narrower segment once), then
 * the rules and their issuers, so the planner never starts from every agency. Entries are
 * node references until the cut, so only the kept ones are sent with their properties.
 * The cut is one `reduce` over the ordered agencies: an UNWIND of them with the entry list
 * on every row made Neo4j's memory tracker count that list once per row, and a hub of the
 * 100k synthetic graph (2,951 agencies, 9,707 entries) hit the 2 GB transaction limit.
 */
export const REGULATORS_CYPHER = `
${LIVE_GENERATION}
MATCH (s:Entity {id: $segmentId, gen: gen}) WHERE s:Segment
CALL (s) {
  MATCH (sub:Segment)-[:PART_OF*0..]->(s)
  WITH DISTINCT sub
  MATCH (rule:Rule)-[reg:REGULATES]->(sub)
  WHERE $asOf IS NULL OR rule.dateKey IS NULL OR rule.dateKey <= $asOf
  MATCH (a:Agency)-[iss:ISSUED]->(rule)
  WITH a, iss, rule, reg, sub
  ORDER BY rule.dateEndKey, rule.dateKey, rule.id, sub.id
  WITH a, collect({rule: rule, segment: sub, iss: iss, reg: reg}) AS entries, count(DISTINCT rule) AS ruleCount
  ORDER BY ruleCount DESC, a.name, a.id
  RETURN collect({agency: a, ruleCount: ruleCount, entries: entries}) AS groups
}
WITH s, groups, reduce(n = 0, g IN groups | n + size(g.entries)) AS total
RETURN s AS segment, size(groups) AS agencyCount, total,
  reduce(acc = {room: $limit, out: []}, g IN groups |
    CASE WHEN acc.room <= 0 THEN acc ELSE {
      room: acc.room - size(g.entries),
      out: acc.out + [{
        agency: g.agency,
        ruleCount: g.ruleCount,
        rules: [e IN g.entries[0..acc.room] | {
          rule: e.rule,
          segment: e.segment,
          issued: {r: e.iss, s: g.agency.id, t: e.rule.id},
          regulates: {r: e.reg, s: e.rule.id, t: e.segment.id}
        }]
      }]
    } END
  ).out AS agencies`;

/**
 * Question 1, its own part: the segments the asked one is PART_OF (any depth) and the rules
 * regulating them, so 互联网信托 shows who regulates it through 互联网金融. Rules that the
 * direct answer holds (they regulate the segment or a narrower one) are left out. Ordered
 * by rule date (undated last), rule id, agency id, segment id; the first `$limit`, and how
 * many there were. `broader`: the PART_OF relationships walked up, by id.
 */
export const REGULATED_THROUGH_CYPHER = `
${LIVE_GENERATION}
MATCH (s:Entity {id: $segmentId, gen: gen}) WHERE s:Segment
CALL (s) {
  MATCH (s)-[:PART_OF*1..]->(up:Segment)
  WITH DISTINCT up
  MATCH (rule:Rule)-[reg:REGULATES]->(up)
  WHERE ($asOf IS NULL OR rule.dateKey IS NULL OR rule.dateKey <= $asOf)
    AND NOT EXISTS { MATCH (rule)-[:REGULATES]->(:Segment)-[:PART_OF*0..]->(s) }
  MATCH (a:Agency)-[iss:ISSUED]->(rule)
  WITH a, iss, rule, reg, up
  ORDER BY rule.dateEndKey, rule.dateKey, rule.id, a.id, up.id
  RETURN collect({segment: up, agency: a, rule: rule, issued: {r: iss, s: a.id, t: rule.id}, regulates: {r: reg, s: rule.id, t: up.id}}) AS entries
}
CALL (s) {
  MATCH (s)-[:PART_OF*0..]->(x:Segment)-[p:PART_OF]->(y:Segment)
  WITH DISTINCT p, x, y
  ORDER BY p.id
  RETURN collect({r: p, s: x.id, t: y.id}) AS broader
}
RETURN size(entries) AS total, entries[0..$limit] AS through, broader`;

/**
 * Question 2: which rules touch a topic, and what do they say? PROHIBITS, REQUIRES or
 * ADDRESSES into the topic or any narrower topic (PART_OF, any depth), with the
 * relationship's sources. Ordered by rule date (undated last), rule id, type, topic id;
 * the first `$limit` entries, and how many there were.
 */
export const RULES_TOUCHING_CYPHER = `
${LIVE_GENERATION}
MATCH (t:Entity {id: $topicId, gen: gen}) WHERE t:Topic
CALL (t) {
  MATCH (sub:Topic)-[:PART_OF*0..]->(t)
  WITH DISTINCT sub
  MATCH (rule:Rule)-[rel:PROHIBITS|REQUIRES|ADDRESSES]->(sub)
  WHERE $asOf IS NULL OR rule.dateKey IS NULL OR rule.dateKey <= $asOf
  WITH rule, rel, sub
  ORDER BY rule.dateEndKey, rule.dateKey, rule.id, type(rel), sub.id
  RETURN collect({rule: rule, rel: rel, sub: sub}) AS entries
}
RETURN t AS topic,
       size(entries) AS total,
       [e IN entries[0..$limit] | {
         rule: e.rule,
         relationship: {r: e.rel, s: e.rule.id, t: e.sub.id},
         topic: e.sub
       }] AS rules`;

/** Question 3: the phases in order, and every dated rule and event, oldest first. */
export const TIMELINE_CYPHER = `
${LIVE_GENERATION}
CALL (gen) {
  MATCH (p:Phase) WHERE p.gen = gen
  WITH p ORDER BY p.order, p.id
  RETURN collect(p) AS phases
}
CALL (gen) {
  MATCH (n:Entity)
  WHERE n.gen = gen AND (n:Rule OR n:Event) AND n.dateKey IS NOT NULL
  WITH n ORDER BY n.dateEndKey, n.dateKey, n.id
  RETURN collect(n) AS rules
}
RETURN phases, rules`;

/**
 * Whole-graph filter, nodes: label in `$labels`, visible at `$asOf`, and for dated rules and
 * events a date whose span meets [`$from`, `$to`] (null = open side).
 */
export const GRAPH_NODES_CYPHER = `
${LIVE_GENERATION}
MATCH (n:Entity)
WHERE n.gen = gen AND any(l IN labels(n) WHERE l IN $labels)
  AND ($asOf IS NULL OR n.dateKey IS NULL OR n.dateKey <= $asOf)
  AND ($to IS NULL OR n.dateKey IS NULL OR n.dateKey <= $to)
  AND ($from IS NULL OR n.dateEndKey IS NULL OR n.dateEndKey >= $from)
RETURN n
ORDER BY n.id`;

/** Whole-graph filter, relationships: allowed type, both ends kept by GRAPH_NODES_CYPHER. */
export const GRAPH_RELATIONSHIPS_CYPHER = `
${LIVE_GENERATION}
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.gen = gen AND type(r) IN $types
  AND all(n IN [a, b] WHERE
        any(l IN labels(n) WHERE l IN $labels)
    AND ($asOf IS NULL OR n.dateKey IS NULL OR n.dateKey <= $asOf)
    AND ($to IS NULL OR n.dateKey IS NULL OR n.dateKey <= $to)
    AND ($from IS NULL OR n.dateEndKey IS NULL OR n.dateEndKey >= $from))
RETURN {r: r, s: a.id, t: b.id} AS rel
ORDER BY r.id`;

export const SUBGRAPH_NODES_CYPHER = `
${LIVE_GENERATION}
MATCH (n:Entity)
WHERE n.id IN $ids AND n.gen = gen
RETURN n
ORDER BY n.id`;

export const SUBGRAPH_RELATIONSHIPS_CYPHER = `
${LIVE_GENERATION}
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND a.gen = gen AND b.id IN $ids
RETURN {r: r, s: a.id, t: b.id} AS rel
ORDER BY r.id`;

/**
 * What changed between two dates: rules and events dated after `$from` and up to `$to`
 * (both end keys of graph-seed/dates.ts, so `from=2016` means "after the end of 2016"),
 * and every relationship touching them whose other end is visible as of `$to`.
 */
export const CHANGES_CYPHER = `
${LIVE_GENERATION}
MATCH (n:Entity)
WHERE n.gen = gen AND n.dateKey > $from AND n.dateKey <= $to
WITH n ORDER BY n.dateEndKey, n.dateKey, n.id
WITH collect(n) AS added
CALL (added) {
  UNWIND added AS n
  MATCH (n)-[r]-(m:Entity)
  WHERE m.dateKey IS NULL OR m.dateKey <= $to
  RETURN collect(DISTINCT {r: r, s: startNode(r).id, t: endNode(r).id}) AS rels,
         collect(DISTINCT m) AS others
}
RETURN added, rels, others`;

/**
 * The agency × segment matrix: an agency regulates a segment through a rule it ISSUED that
 * REGULATES the segment itself or a narrower one (PART_OF, any depth; `via` is the segment
 * the rule names), or, marked `through`, a broader one the segment is PART_OF. Only rules
 * visible as of `$asOf`. One row per (agency, rule, via, cell, through).
 */
export const MATRIX_CYPHER = `
${LIVE_GENERATION}
MATCH (a:Agency)-[iss:ISSUED]->(rule:Rule)-[reg:REGULATES]->(via:Segment)
WHERE a.gen = gen AND ($asOf IS NULL OR rule.dateKey IS NULL OR rule.dateKey <= $asOf)
CALL (via) {
  MATCH (via)-[:PART_OF*0..]->(cell:Segment)
  RETURN DISTINCT cell, false AS through
  UNION
  MATCH (via)<-[:PART_OF*1..]-(cell:Segment)
  RETURN DISTINCT cell, true AS through
}
RETURN DISTINCT a AS agency, rule, via, cell AS segment, through,
       {r: iss, s: a.id, t: rule.id} AS issued,
       {r: reg, s: rule.id, t: via.id} AS regulates`;

/** The segment hierarchy, for the matrix's column order and roll-up relationships. */
export const SEGMENT_PART_OF_CYPHER = `
${LIVE_GENERATION}
MATCH (a:Segment)-[r:PART_OF]->(b:Segment) WHERE a.gen = gen
RETURN {r: r, s: a.id, t: b.id} AS rel
ORDER BY r.id`;
