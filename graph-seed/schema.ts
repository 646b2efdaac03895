/**
 * The one schema of the seed graph. The validator, the Neo4j loader, both stores, the
 * synthetic generator and the tests all take their types from here, so a field added
 * in one place is checked everywhere.
 *
 * Seed files live under `graph-seed/data/**.json`. Each file is an object holding
 * `nodes`, `relationships`, or both, so a reviewer can group records by label or by
 * theme as reads best.
 */
import { z } from 'zod';

export * from './vocabulary.js';
import { EVIDENCE_LEVELS, NODE_ID, NODE_LABELS, REL_TYPES } from './vocabulary.js';

/** `2016`, `2016-07` or `2016-07-18` (./dates.ts); the validator adds the calendar check. */
export { ISO_DATE } from './dates.js';
import { ISO_DATE, ISO_DATE_FORMS } from './dates.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const sourceSchema = z.strictObject({
  /** The report's section heading, as written (for example `二、全国互联网金融政策发展`). */
  section: nonEmpty,
  /** A short verbatim span of the source text (whitespace-insensitive), at most 120 characters. */
  quote: nonEmpty.max(160, 'quote is longer than 160 characters; cite a shorter span'),
});
export type Source = z.infer<typeof sourceSchema>;

const sources = z.array(sourceSchema).min(1, 'needs at least one source');

export const figureSchema = z.strictObject({
  metric: nonEmpty,
  metricEn: nonEmpty,
  value: z.number().finite(),
  unit: nonEmpty,
  /**
   * ISO year or date the figure refers to, only when the text gives it; a figure without
   * one has a `note` saying what period the text does give (the validator checks).
   */
  year: z.string().regex(ISO_DATE, 'must be an ISO date such as 2016 or 2016-07').optional(),
  region: nonEmpty,
  /** Absent when the quote states the figure; `attributed` or `inferred` need a `note`. */
  evidence: z.enum(EVIDENCE_LEVELS).optional(),
  /** What the figure rests on, what period it covers, and what it cannot be compared with. */
  note: nonEmpty.optional(),
  sources,
});
export type Figure = z.infer<typeof figureSchema>;

const isoDate = z.string().regex(ISO_DATE, `must be an ISO date such as ${ISO_DATE_FORMS}`);

export const RULE_KINDS = [
  'guideline',
  'interim-measures',
  'rectification-plan',
  'principles',
  'local-measure',
  'notice',
  'plan',
  'law',
] as const;

export const nodeSchema = z.strictObject({
  id: z.string().regex(NODE_ID, 'must look like `label:slug` (lowercase, digits, dashes)'),
  label: z.enum(NODE_LABELS),
  name: nonEmpty,
  nameEn: nonEmpty,
  aliases: z.array(nonEmpty).default([]),
  description: nonEmpty,
  descriptionEn: nonEmpty,
  /** Rules and events: the date issued or held. */
  date: isoDate.optional(),
  /** Phases: first and last year as the report gives them (`endYear` absent: still open). */
  startYear: z.number().int().min(1900).max(2100).optional(),
  endYear: z.number().int().min(1900).max(2100).optional(),
  /** Phases: position in the sequence, 1-based. */
  order: z.number().int().min(1).optional(),
  /** Rules: what sort of document it is. */
  kind: z.enum(RULE_KINDS).optional(),
  /** Rules: how many issuers the text counts ("等十四部委" → 14) when it does not name them all. */
  issuerCount: z.number().int().min(1).optional(),
  figures: z.array(figureSchema).default([]),
  sources,
});
export type SeedNode = z.infer<typeof nodeSchema>;
export type SeedNodeInput = z.input<typeof nodeSchema>;

export const relationshipSchema = z.strictObject({
  type: z.enum(REL_TYPES),
  source: nonEmpty,
  target: nonEmpty,
  /** Scalar properties only, so they map one-to-one onto Neo4j properties. */
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  sources,
});
export type SeedRelationship = z.infer<typeof relationshipSchema>;

export const seedFileSchema = z
  .strictObject({
    /** Optional free text for reviewers; ignored by the tools. */
    comment: z.string().optional(),
    nodes: z.array(nodeSchema).optional(),
    relationships: z.array(relationshipSchema).optional(),
  })
  .refine((f) => f.nodes !== undefined || f.relationships !== undefined, {
    message: 'a seed file needs `nodes` or `relationships`',
  });

/** A relationship after validation: with its stable id, derived from its endpoints and type. */
export interface GraphRelationship extends SeedRelationship {
  id: string;
}

/** The whole validated graph, as every consumer receives it. */
export interface SeedGraph {
  nodes: SeedNode[];
  relationships: GraphRelationship[];
}

/** Stable relationship id: one relationship of a type between two nodes. */
export function relationshipId(r: Pick<SeedRelationship, 'type' | 'source' | 'target'>): string {
  return `${r.source}-${r.type}->${r.target}`;
}
