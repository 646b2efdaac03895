/**
 * Export formats other than JSON hold flat attributes only, so every format flattens
 * nodes and relationships the same way: lists joined, citations as readable text.
 */
import type { ApiNode, ApiRelationship, Source } from '../stores/types.js';

export function sourcesText(sources: readonly Source[]): string {
  return sources.map((s) => `${s.section}: “${s.quote}”`).join(' | ');
}

export type FlatValue = string | number | boolean;

/** Node attributes in a fixed column order; absent optional fields are left out. */
export function flattenNode(n: ApiNode): Record<string, FlatValue> {
  const out: Record<string, FlatValue> = {
    label: n.name,
    category: n.label,
    name: n.name,
    nameEn: n.nameEn,
    aliases: n.aliases.join('; '),
    description: n.description,
    descriptionEn: n.descriptionEn,
  };
  if (n.date !== undefined) out['date'] = n.date;
  if (n.startYear !== undefined) out['startYear'] = n.startYear;
  if (n.endYear !== undefined) out['endYear'] = n.endYear;
  if (n.order !== undefined) out['order'] = n.order;
  if (n.kind !== undefined) out['kind'] = n.kind;
  if (n.issuerCount !== undefined) out['issuerCount'] = n.issuerCount;
  if (n.figures.length > 0) out['figures'] = JSON.stringify(n.figures);
  out['sources'] = sourcesText(n.sources);
  return out;
}

/** Relationship attributes: its type, its own scalar properties, its citations. */
export function flattenRelationship(r: ApiRelationship): Record<string, FlatValue> {
  const out: Record<string, FlatValue> = { relType: r.type };
  for (const [k, v] of Object.entries(r.properties)) {
    // Property names are the seed's; prefix any that would clash with ours.
    out[k === 'relType' || k === 'sources' ? `property_${k}` : k] = v;
  }
  out['sources'] = sourcesText(r.sources);
  return out;
}
