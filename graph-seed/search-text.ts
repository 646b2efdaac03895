/**
 * Search semantics shared by both stores. The memory store applies these functions; the
 * Neo4j store applies the same rules in Cypher (`neo4j/queries.ts`, SEARCH_CYPHER), and the
 * contract suites check that both give the same order (on the seed: for every name and alias).
 *
 * Matching is on substrings, so Chinese works without a word segmenter (网络借贷 inside
 * 网络借贷信息中介机构) and English is case-insensitive. Hyphens count as spaces, so
 * "real estate" finds "Real-estate finance".
 *
 * Ranking tiers, best first (the hit's `score` is the tier number):
 *   4  the query equals the name, English name or an alias
 *   3  one of those starts with the query
 *   2  one of those contains the query
 *   1  only the Chinese or English description contains the query
 * Ties: shorter `name` first (code units; the seed names are all in the BMP, where this
 * equals Cypher's `size()`), then `id`.
 */

export const TIER_EXACT = 4;
export const TIER_PREFIX = 3;
export const TIER_CONTAINS = 2;
export const TIER_DESCRIPTION = 1;

/** How a stored field is prepared for matching; Cypher: `replace(toLower(x), '-', ' ')`. */
export function normaliseField(text: string): string {
  return text.toLowerCase().replaceAll('-', ' ');
}

/** How the query is prepared: as a field, plus trimmed and inner whitespace collapsed. */
export function normaliseQuery(q: string): string {
  return normaliseField(q).trim().replace(/\s+/g, ' ');
}

/** The fields of a node that search reads. */
export interface SearchableNode {
  name: string;
  nameEn: string;
  aliases: readonly string[];
  description: string;
  descriptionEn: string;
}

/** Normalised name fields (name, nameEn, aliases) of a node. */
export function nameFields(n: SearchableNode): string[] {
  return [n.name, n.nameEn, ...n.aliases].map(normaliseField);
}

/** Normalised description fields of a node. */
export function textFields(n: SearchableNode): string[] {
  return [n.description, n.descriptionEn].map(normaliseField);
}

/** Tier of a node for a normalised query, 0 when it does not match. */
export function tierOf(names: readonly string[], texts: readonly string[], q: string): number {
  if (names.includes(q)) return TIER_EXACT;
  if (names.some((x) => x.startsWith(q))) return TIER_PREFIX;
  if (names.some((x) => x.includes(q))) return TIER_CONTAINS;
  if (texts.some((x) => x.includes(q))) return TIER_DESCRIPTION;
  return 0;
}
