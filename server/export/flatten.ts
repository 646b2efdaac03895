/**
 * Export formats other than JSON hold flat attributes only, so every format flattens
 * nodes and relationships the same way: lists joined, citations as readable text.
 */
import { evidenceOf } from '../../graph-seed/vocabulary.js';
import type { ApiNode, ApiRelationship, Figure, Source } from '../stores/types.js';

/**
 * A figure with its evidence level written out (the seed leaves `stated` implicit), so a
 * reader of an export sees which figures the report states and which it only relays.
 */
export function figureWithEvidence(f: Figure): Figure & { evidence: string } {
  return { ...f, evidence: evidenceOf(f) };
}

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
  if (n.figures.length > 0) out['figures'] = JSON.stringify(n.figures.map(figureWithEvidence));
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
  // Every relationship says how it rests on the report, stated ones included: a column that
  // is empty for most rows reads as "unknown" in Gephi, not as "stated".
  out['evidence'] = evidenceOf(r.properties);
  out['sources'] = sourcesText(r.sources);
  return out;
}
