/**
 * The search properties the loader writes on every node and SEARCH_CYPHER reads:
 * `searchKey` (the normalised name, English name and aliases) and `searchText` (the two
 * normalised descriptions), each field enclosed in SEARCH_SEPARATOR, each under a TEXT
 * index. Normalised by the memory store's own functions, so both stores compare the same
 * strings. With the separators one string answers every tier for a query that holds no
 * separator:
 *   equals a field       searchKey CONTAINS sep + q + sep
 *   a field starts with  searchKey CONTAINS sep + q
 *   a field contains     searchKey CONTAINS q
 * The loader refuses seed text holding the separator (a control character), so no node
 * can match a query that holds it, and the store answers such a query with no hits.
 */
import { nameFields, textFields, type SearchableNode } from '../search-text.js';

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
