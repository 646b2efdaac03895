/**
 * The graph's vocabulary: labels, relationship types, which labels each type joins, and
 * their display names. Kept apart from the zod schema (schema.ts re-exports it) so the
 * browser client can import the one list without bundling zod.
 */

/** Node labels, in the order the UI lists them. */
export const NODE_LABELS = ['Agency', 'Rule', 'Segment', 'Topic', 'Technology', 'Phase', 'Event'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/**
 * The shape of a node id, `label:slug` (lowercase, digits, dashes), as the seed schema, the
 * HTTP parameters, the OpenAPI document and the client's URL state all check it; and the
 * longest id a request may carry.
 */
export const NODE_ID_PATTERN = '^[a-z]+:[a-z0-9][a-z0-9-]*$';
export const NODE_ID = new RegExp(NODE_ID_PATTERN);
export const MAX_NODE_ID_LENGTH = 200;

/** Whether `v` is a well-formed node id no longer than MAX_NODE_ID_LENGTH. */
export function isNodeId(v: string | null | undefined): v is string {
  return typeof v === 'string' && v.length <= MAX_NODE_ID_LENGTH && NODE_ID.test(v);
}

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

/**
 * How a fact rests on the report (see `graph-seed/README.md`, "Conventions in properties"):
 * `stated` when the quote says it outright (the default: no `evidence` property),
 * `attributed` when the text states it without naming the document and we assign it,
 * `inferred` when we read it from the text. Only stated facts are quiz answers, and tours
 * and explanations say "the report implies" where a step is not stated.
 */
export const EVIDENCE_LEVELS = ['stated', 'attributed', 'inferred'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

export const EVIDENCE_NAMES: Record<EvidenceLevel, { zh: string; en: string }> = {
  stated: { zh: '报告明言', en: 'stated' },
  attributed: { zh: '据报告归属', en: 'attributed' },
  inferred: { zh: '据报告推断', en: 'inferred' },
};

/** The evidence level of a relationship's properties or a figure (absent or unknown: stated). */
export function evidenceOf(x: { readonly evidence?: unknown } | undefined): EvidenceLevel {
  const e = x?.evidence;
  return e === 'attributed' || e === 'inferred' ? e : 'stated';
}

/**
 * A qualifier (`condition` on a relationship) split into its languages. The seed writes it
 * as `english (中文)`, for example `without a licence (在无牌照下)`; without brackets both
 * languages get the whole text.
 */
export function conditionOf(x: { readonly condition?: unknown } | undefined): { zh: string; en: string } | undefined {
  const c = x?.condition;
  if (typeof c !== 'string' || c.trim() === '') return undefined;
  const m = /^(.*?)\s*[(（]([^()（）]+)[)）]\s*$/.exec(c.trim());
  return m && m[1] ? { en: m[1], zh: m[2]! } : { en: c.trim(), zh: c.trim() };
}
