/**
 * Neo4j values → API shapes. Integers are converted on the way out (a property written as
 * a Neo4j integer comes back as `Integer`), JSON-string properties are parsed, and the
 * result goes through the same `toApiNode` / `toApiRelationship` as the memory store so
 * both stores return identical objects.
 */
import type { Node, Relationship } from 'neo4j-driver';
import { NODE_LABELS, type NodeLabel, type RelType, type SeedNode } from '../../../graph-seed/schema.js';
import { plain, toNumber } from '../../../graph-seed/neo4j-model.js';
import { toApiNode, toApiRelationship } from '../api-shapes.js';
import type { ApiNode, ApiRelationship } from '../types.js';

const LABELS: ReadonlySet<string> = new Set(NODE_LABELS);


function optionalNumber(value: unknown): number | undefined {
  return value === undefined || value === null ? undefined : toNumber(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function parseJsonList<T>(value: unknown, what: string, owner: string): T[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'string') throw new TypeError(`${owner}: ${what} is not a JSON string`);
  const parsed: unknown = JSON.parse(value);
  if (!Array.isArray(parsed)) throw new TypeError(`${owner}: ${what} is not a JSON list`);
  return parsed as T[];
}

export function nodeFromNeo4j(node: Node): ApiNode {
  const p = node.properties as Record<string, unknown>;
  const id = String(p.id);
  const label = node.labels.find((l) => LABELS.has(l)) as NodeLabel | undefined;
  if (label === undefined) throw new TypeError(`node ${id} has none of the known labels (${node.labels.join(', ')})`);
  const seed = {
    id,
    label,
    name: String(p.name ?? ''),
    nameEn: String(p.nameEn ?? ''),
    aliases: Array.isArray(p.aliases) ? p.aliases.map(String) : [],
    description: String(p.description ?? ''),
    descriptionEn: String(p.descriptionEn ?? ''),
    date: optionalString(p.date),
    startYear: optionalNumber(p.startYear),
    endYear: optionalNumber(p.endYear),
    order: optionalNumber(p.order),
    kind: optionalString(p.kind),
    issuerCount: optionalNumber(p.issuerCount),
    figures: parseJsonList(p.figuresJson, 'figuresJson', id),
    sources: parseJsonList(p.sourcesJson, 'sourcesJson', id),
  } as SeedNode;
  return toApiNode(seed);
}

/** Properties of a relationship that are bookkeeping, not seed `properties`. */
const RELATIONSHIP_META = new Set(['id', 'sourcesJson']);

/** A relationship returned as `{r, s, t}` (see queries.ts). */
export interface RelRecord {
  r: Relationship;
  s: string;
  t: string;
}

export function relationshipFromNeo4j(rec: RelRecord): ApiRelationship {
  const p = rec.r.properties as Record<string, unknown>;
  const id = String(p.id);
  const properties: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(p)) {
    if (RELATIONSHIP_META.has(key)) continue;
    const v = plain(value);
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') properties[key] = v;
  }
  return toApiRelationship({
    id,
    type: rec.r.type as RelType,
    source: rec.s,
    target: rec.t,
    properties,
    sources: parseJsonList(p.sourcesJson, 'sourcesJson', id),
  });
}
