/**
 * Seed records → API shapes, shared by both stores so a node read from memory and the same
 * node read back from Neo4j compare equal (same keys, absent optionals left out).
 */
import type { GraphRelationship, SeedNode } from '../../graph-seed/schema.js';
import { compareStrings } from '../../graph-seed/dates.js';
import type { ApiNode, ApiRelationship, Subgraph } from './types.js';

const OPTIONAL_NODE_FIELDS = ['date', 'startYear', 'endYear', 'order', 'kind', 'issuerCount'] as const;

export function toApiNode(n: SeedNode): ApiNode {
  const node: ApiNode = {
    id: n.id,
    label: n.label,
    name: n.name,
    nameEn: n.nameEn,
    aliases: [...(n.aliases ?? [])],
    description: n.description,
    descriptionEn: n.descriptionEn,
    figures: n.figures ?? [],
    sources: n.sources,
  };
  for (const field of OPTIONAL_NODE_FIELDS) {
    const value = n[field];
    if (value !== undefined && value !== null) (node as unknown as Record<string, unknown>)[field] = value;
  }
  return node;
}

export function toApiRelationship(r: GraphRelationship): ApiRelationship {
  return {
    id: r.id,
    type: r.type,
    source: r.source,
    target: r.target,
    properties: { ...(r.properties ?? {}) },
    sources: r.sources,
  };
}

export const byId = (a: { id: string }, b: { id: string }): number => compareStrings(a.id, b.id);
