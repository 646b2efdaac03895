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

/** Node labels, in the order the UI lists them. */
export const NODE_LABELS = ['Agency', 'Rule', 'Segment', 'Topic', 'Technology', 'Phase', 'Event'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Every id starts with the lowercase label and a colon: `agency:cbrc`, `rule:p2p-interim-measures-2016`. */
export const ID_PREFIX: Record<NodeLabel, string> = {
  Agency: 'agency',
  Rule: 'rule',
  Segment: 'segment',
  Topic: 'topic',
  Technology: 'technology',
  Phase: 'phase',
  Event: 'event',
};

export const REL_TYPES = [
  'ISSUED',
  'REGULATES',
  'PROHIBITS',
  'REQUIRES',
  'ADDRESSES',
  'IMPLEMENTS',
  'PART_OF',
  'APPLIED_IN',
  'EMERGED_IN',
  'MARKS',
  'PRECEDES',
  'INVOLVED',
] as const;
export type RelType = (typeof REL_TYPES)[number];

/**
 * Which labels each relationship type may join. `PART_OF` joins a label to itself only
 * (checked separately). `INVOLVED` ties an Event to what took part in or came out of it.
 */
export const REL_ENDPOINTS: Record<RelType, { from: readonly NodeLabel[]; to: readonly NodeLabel[] }> = {
  ISSUED: { from: ['Agency'], to: ['Rule'] },
  REGULATES: { from: ['Rule'], to: ['Segment'] },
  PROHIBITS: { from: ['Rule'], to: ['Topic'] },
  REQUIRES: { from: ['Rule'], to: ['Topic'] },
  ADDRESSES: { from: ['Rule'], to: ['Topic'] },
  IMPLEMENTS: { from: ['Rule'], to: ['Rule'] },
  // Technology too: the report names the core techniques and applications of a technology
  // (机器人、语言识别、图像识别 of 人工智能; 智能客服、智能投顾), which hang under it.
  PART_OF: { from: ['Topic', 'Segment', 'Agency', 'Technology'], to: ['Topic', 'Segment', 'Agency', 'Technology'] },
  APPLIED_IN: { from: ['Technology'], to: ['Segment'] },
  EMERGED_IN: { from: ['Segment'], to: ['Phase'] },
  MARKS: { from: ['Rule', 'Event'], to: ['Phase'] },
  PRECEDES: { from: ['Phase'], to: ['Phase'] },
  INVOLVED: { from: ['Event'], to: ['Agency', 'Rule', 'Segment', 'Topic', 'Technology'] },
};

/** Relationship types that must not form a cycle (a hierarchy or an order). */
export const ACYCLIC_REL_TYPES: readonly RelType[] = ['PART_OF', 'PRECEDES', 'IMPLEMENTS'];

/** `2016`, `2016-07` or `2016-07-18`; month and day ranges are checked by the validator. */
export const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

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
  /** ISO year or date the figure refers to. */
  year: z.string().regex(ISO_DATE, 'must be an ISO date such as 2016 or 2016-07'),
  region: nonEmpty,
  sources,
});
export type Figure = z.infer<typeof figureSchema>;

const isoDate = z.string().regex(ISO_DATE, 'must be an ISO date such as 2016, 2016-07 or 2016-07-18');

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
  id: z.string().regex(/^[a-z]+:[a-z0-9][a-z0-9-]*$/, 'must look like `label:slug` (lowercase, digits, dashes)'),
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
export type SeedFile = z.infer<typeof seedFileSchema>;

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

/** Display names for the schema endpoint and the client legend. */
export const LABEL_NAMES: Record<NodeLabel, { zh: string; en: string }> = {
  Agency: { zh: '机构', en: 'Agency' },
  Rule: { zh: '规则', en: 'Rule' },
  Segment: { zh: '业态', en: 'Segment' },
  Topic: { zh: '监管议题', en: 'Topic' },
  Technology: { zh: '技术', en: 'Technology' },
  Phase: { zh: '发展阶段', en: 'Phase' },
  Event: { zh: '事件', en: 'Event' },
};

export const REL_NAMES: Record<RelType, { zh: string; en: string }> = {
  ISSUED: { zh: '发布', en: 'issued' },
  REGULATES: { zh: '规范', en: 'regulates' },
  PROHIBITS: { zh: '禁止', en: 'prohibits' },
  REQUIRES: { zh: '要求', en: 'requires' },
  ADDRESSES: { zh: '涉及', en: 'addresses' },
  IMPLEMENTS: { zh: '落实', en: 'implements' },
  PART_OF: { zh: '属于', en: 'part of' },
  APPLIED_IN: { zh: '应用于', en: 'applied in' },
  EMERGED_IN: { zh: '兴起于', en: 'emerged in' },
  MARKS: { zh: '标志', en: 'marks' },
  PRECEDES: { zh: '先于', en: 'precedes' },
  INVOLVED: { zh: '关联', en: 'involved' },
};
